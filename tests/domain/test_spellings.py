"""The category picker's pinyin comes from the shipped table (no pypinyin at run time, issue 14),
and is the same as pypinyin's; words the table lacks (a newer catalogue) are still spelled."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from desk_app.domain.classify import examples_dir
from desk_app.domain.picker import SPELLINGS, spell_words, spellings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from spell_catalogue import picker_words  # noqa: E402


def test_the_shipped_table_spells_every_picker_word_as_pypinyin_does() -> None:
    words = picker_words()
    table = {line.split("\t")[0] for line in
             (examples_dir() / SPELLINGS).read_text(encoding="utf-8").splitlines()}
    stale = sorted(words - table)
    assert not stale, f"run scripts/spell_catalogue.py: {stale[:5]} not in {SPELLINGS}"
    assert spellings(words) == spell_words(words)


def test_a_word_the_table_lacks_is_spelled_by_pypinyin(tmp_path: Path) -> None:
    (tmp_path / SPELLINGS).write_text("噪音\tzaoyin\tzy\n", encoding="utf-8")
    found = spellings({"噪音", "电梯停运"}, folder=tmp_path)
    assert found == {"噪音": ("zaoyin", "zy"), "电梯停运": ("diantitingyun", "dtty")}


def test_the_picker_searches_by_pinyin_without_importing_pypinyin() -> None:
    code = ("import sys; from desk_app.config import catalogue_dir; "
            "from desk_app.domain.catalogue import load_catalogue; "
            "from desk_app.domain.picker import CatalogueIndex; "
            "index = CatalogueIndex(load_catalogue(catalogue_dir())); "
            "print([i.name_zh for i in index.search('zaoyin')][:1], 'pypinyin' in sys.modules)")
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           text=True, timeout=120, env={"PYTHONPATH": str(ROOT),
                                                        "PATH": "/usr/bin:/bin"})
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == "['室内装修噪音'] False"
