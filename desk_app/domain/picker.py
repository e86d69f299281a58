"""The category picker's index: finding a catalogue item by what the worker types into the
picker (Chinese, keywords, pinyin initials such as "zy" for 噪音, full pinyin, English, or the
code), common items first. The description suggester is in `classify`; the two share only the
resources folder and the warm-up.
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue, Item
from .classify import examples_dir, load_picker_words, suggester_for

SPELLINGS = "spellings.tsv"


def spell_words(words: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Each word's pinyin, in full and by initials, lower case, by pypinyin."""
    from pypinyin import Style, lazy_pinyin

    return {w: ("".join(lazy_pinyin(w)).lower(),
                "".join(lazy_pinyin(w, style=Style.FIRST_LETTER)).lower()) for w in words}


def spellings(words: set[str], folder: Path | None = None) -> dict[str, tuple[str, str]]:
    """The pinyin of `words`: from spellings.tsv (word, full, initials), made from the shipped
    catalogue by scripts/spell_catalogue.py, and by pypinyin only for words it lacks (a newer
    catalogue from the centre). Importing pypinyin holds the interpreter for about half a
    second in two long steps, which the window's thread would feel as stalls (issue 14)."""
    path = (folder or examples_dir()) / SPELLINGS
    found: dict[str, tuple[str, str]] = {}
    if path.is_file():
        for line in path.read_text(encoding="utf-8").splitlines():
            word, full, first = [*line.split("\t"), "", ""][:3]
            if word in words:
                found[word] = (full, first)
    missing = words - found.keys()
    if missing:
        found.update(spell_words(missing))
    return found


@dataclass(frozen=True)
class _Entry:
    item: Item
    chinese: tuple[str, ...]
    latin: tuple[str, ...]
    initials: tuple[str, ...]
    prior: float
    extra: int  # how many of the words (at the end) are residents' words from picker.tsv


# Where in an item the typed word matched: its own name counts most, the classes least.
_NAME, _SUB, _TOP = 0, 1, 2


class CatalogueIndex:
    """Type-to-search over the active items. Loading pinyin and spelling every item takes most
    of a second, so the index is built on first use, or ahead of it by `warm()` on a worker
    thread while the window opens (which also builds the suggester); a search that comes first
    waits for it. Thread-safe.

    Within a kind of match (code, pinyin initials, full pinyin, English …) the common items come
    first: a prior per item (resources/suggest/picker.tsv: noise and property before lost
    travel documents) times how often this desk uses it (`set_usage`), so "zy" offers 噪音
    before 占用毁坏绿地."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._entries: list[_Entry] | None = None
        self._lock = threading.Lock()
        self._usage: dict[str, float] = {}

    def warm(self) -> None:
        with self._lock:
            if self._entries is None:
                self._entries = self._build()
        suggester_for(self.catalogue)

    def set_usage(self, counts: dict[str, int]) -> None:
        """How many requests of each item this desk registered lately; the most used rise."""
        top = max(counts.values(), default=0)
        self._usage = {code: n / top for code, n in counts.items()} if top else {}

    def _build(self) -> list[_Entry]:
        extra = load_picker_words()
        listed = []
        for item in self.catalogue.active_items():
            top, sub, _ = self.catalogue.path(item.code)
            prior, words_extra = extra.get(item.code, (1.0, ()))
            words = (item.name_zh, sub.name_zh, top.name_zh, *item.keywords, *words_extra)
            listed.append((item, words, prior, len(words_extra)))
        spell = spellings({w for _i, words, _p, _n in listed for w in words})
        return [_Entry(item, words, (item.code, item.name_en.lower(),
                                     *(spell[w][0] for w in words)),
                       tuple(spell[w][1] for w in words), prior, n)
                for item, words, prior, n in listed]

    def search(self, query: str, limit: int = 50) -> list[Item]:
        q = re.sub(r"\s+", "", query).lower()
        if not q:
            return []
        self.warm()
        scored: list[tuple[int, float, str, Item]] = []
        ascii_query = q.isascii()
        for entry in self._entries or []:
            found = self._rank(entry, q, ascii_query)
            if found is not None:
                tier, where = found
                popularity = entry.prior * (1.0 + 3.0 * self._usage.get(entry.item.code, 0.0))
                weight = {_NAME: 0.0, _SUB: 0.5}.get(where, 1.0)
                scored.append((tier, weight - 2.5 * math.log(popularity), entry.item.code,
                               entry.item))
        scored.sort(key=lambda t: (t[0], t[1], t[2]))
        return [item for *_, item in scored[:limit]]

    @staticmethod
    def _where(index: int) -> int:
        return index if index < _TOP else _TOP

    def _rank(self, entry: _Entry, q: str, ascii_query: bool) -> tuple[int, int] | None:
        """(kind of match, lower is better; where it matched). Chinese: the word itself, then
        the item's name, sub-class, class, keywords (residents' words last); Latin: the code,
        pinyin initials, full pinyin, English, then the same inside words."""
        if not ascii_query:
            for rank, word in enumerate(entry.chinese):
                if word == q:
                    return 0, self._where(rank)
            for rank, word in enumerate(entry.chinese[:len(entry.chinese) - entry.extra]):
                if q in word:
                    return 10 + min(rank, 9), self._where(rank)
            if any(q in w for w in entry.chinese[len(entry.chinese) - entry.extra:]):
                return 20, _TOP
            return None
        if entry.item.code.startswith(q):
            return 0, _NAME
        for rank, word in enumerate(entry.initials):
            if word.startswith(q):
                return 1, self._where(rank)
        for rank, word in enumerate(entry.latin[2:]):
            if word.startswith(q):
                return 2, self._where(rank)
        if q in entry.latin[1]:
            return 3, _NAME
        for rank, word in enumerate(entry.initials):
            if q in word:
                return 4, self._where(rank)
        if any(q in w for w in entry.latin[2:]):
            return 5, _TOP
        return None
