"""Write resources/suggest/spellings.tsv: the pinyin of every word the category picker searches
in the shipped catalogue (item, class and keyword names, picker.tsv's extra words), so that the
desk does not import pypinyin at run time (desk_app.domain.picker.spellings).

    PYTHONPATH=. python scripts/spell_catalogue.py

Run it again when the shipped catalogue or picker.tsv changes (a test says when it is stale).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def picker_words() -> set[str]:
    """Every word CatalogueIndex spells for the shipped catalogue."""
    from desk_app.config import catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.classify import load_picker_words

    catalogue = load_catalogue(catalogue_dir())
    extra = load_picker_words()
    words: set[str] = set()
    for item in catalogue.active_items():
        top, sub, _ = catalogue.path(item.code)
        words.update((item.name_zh, sub.name_zh, top.name_zh, *item.keywords,
                      *extra.get(item.code, (1.0, ()))[1]))
    return words


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from desk_app.domain.classify import examples_dir
    from desk_app.domain.picker import SPELLINGS, spell_words

    spelled = spell_words(sorted(picker_words()))
    lines = [f"{w}\t{full}\t{first}" for w, (full, first) in sorted(spelled.items())
             if "\t" not in w and "\n" not in w]
    target = examples_dir() / SPELLINGS
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} words spelled into {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
