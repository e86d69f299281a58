"""Collects every translatable string of the code into the Qt Linguist files.

Runs pyside6-lupdate over desk_app/ and sync/ (with `_t` known as an alias of
QT_TRANSLATE_NOOP, the marker the Qt-free domain code uses), keeping existing translations.
Then open resources/translations/community_desk_zh_CN.ts in Linguist, or edit the XML, and
fill in what is marked unfinished; `make test` fails while any zh_CN string is unfinished.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh_CN", "en")


def sources() -> list[str]:
    files = sorted((ROOT / "desk_app").rglob("*.py")) + sorted((ROOT / "sync").rglob("*.py"))
    return [str(f.relative_to(ROOT)) for f in files if "migrations" not in f.parts]


def lupdate(target: Path, extra: list[str] | None = None) -> None:
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    command = [str(tool), "-tr-function-alias", "QT_TRANSLATE_NOOP+=_t", "-locations", "none",
               *(extra or []), *sources(), "-ts", str(target)]
    subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def main() -> None:
    folder = ROOT / "resources" / "translations"
    folder.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        target = folder / f"community_desk_{language}.ts"
        lupdate(target, ["-target-language", language, "-no-obsolete"])
        print("updated", target.relative_to(ROOT))


if __name__ == "__main__":
    main()
