"""Brings the .ts files up to date with the code and fills them from translation lists.

    python scripts/apply_translations.py [LIST.tsv ...]

Runs lupdate (scripts/update_translations.py), then fills every unfinished message of the
zh_CN file from the lists given (default: every resources/translations/pending/*.tsv). A list
has one message a line, tab-separated: `context<TAB>English source<TAB>Chinese`, with `\\n` for a
line break inside a text; for a plural (`%n`) message the Chinese has one form, and the English
file gets `source` with "(s)" resolved into its two forms. Lines starting with `#` are comments.

Why lists: several people adding strings at once would otherwise edit the same XML and collide;
each keeps a list of their own, and the .ts is made again from all of them.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
sys.path.insert(0, str(ROOT / "scripts"))


def read_lists(paths: list[Path]) -> dict[tuple[str, str], str]:
    found: dict[tuple[str, str], str] = {}
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path}:{number}: expected context<TAB>source<TAB>Chinese")
            context, source, chinese = (p.replace("\\n", "\n") for p in parts)
            found[(context, source)] = chinese
    return found


def _english_forms(source: str) -> tuple[str, str]:
    return source.replace("(s)", "").replace("(es)", ""), source.replace("(s)", "s").replace(
        "(es)", "es")


def fill(ts: Path, wanted: dict[tuple[str, str], str], chinese: bool) -> int:
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            plural = message.get("numerus") == "yes"
            if chinese:
                if (name, source) not in wanted:
                    continue
                text = wanted[(name, source)]
            elif not plural:
                continue  # English is the source text; only plurals need forms
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            if plural:
                forms = [text] if chinese else list(_english_forms(source))
                for form in forms:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = text
            del translation.attrib["type"]
            filled += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    ts.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                  encoding="utf-8")
    return filled


def main(argv: list[str]) -> int:
    import update_translations

    lists = [Path(a) for a in argv] or sorted((FOLDER / "pending").glob("*.tsv"))
    wanted = read_lists(lists)
    update_translations.main()
    zh = fill(FOLDER / "community_desk_zh_CN.ts", wanted, chinese=True)
    en = fill(FOLDER / "community_desk_en.ts", wanted, chinese=False)
    update_translations.main()  # once more, to write the files in lupdate's own layout
    print(f"filled {zh} Chinese and {en} English plural messages from {len(lists)} list(s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
