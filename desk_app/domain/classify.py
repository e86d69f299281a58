"""Finding the catalogue item for a request: by the words of its description, and by what the
worker types into the category picker (Chinese, keywords, pinyin initials such as "zy" for 噪音,
full pinyin, English, or the item code)."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from .catalogue import Catalogue, Item


@dataclass(frozen=True)
class Suggestion:
    item: Item
    score: int
    matched: tuple[str, ...]


def suggest_items(catalogue: Catalogue, text: str, limit: int = 3) -> list[Suggestion]:
    """Items whose keywords occur in the text, best first: more and longer keywords win."""
    if not text.strip():
        return []
    found: list[Suggestion] = []
    for item in catalogue.active_items():
        matched = tuple(k for k in item.keywords if k in text)
        if item.name_zh in text:
            matched += (item.name_zh,)
        if matched:
            score = sum(len(k) ** 2 for k in set(matched))
            found.append(Suggestion(item, score, matched))
    found.sort(key=lambda s: (-s.score, s.item.code))
    return found[:limit]


@dataclass(frozen=True)
class _Entry:
    item: Item
    chinese: tuple[str, ...]
    latin: tuple[str, ...]
    initials: tuple[str, ...]


class CatalogueIndex:
    """Type-to-search over the active items. Loading pinyin and spelling every item takes most
    of a second, so the index is built on first use, or ahead of it by `warm()` on a worker
    thread while the window opens; a search that comes first waits for it. Thread-safe."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self._entries: list[_Entry] | None = None
        self._lock = threading.Lock()

    def warm(self) -> None:
        with self._lock:
            if self._entries is None:
                self._entries = self._build()

    def _build(self) -> list[_Entry]:
        from pypinyin import Style, lazy_pinyin

        def initials(word: str) -> str:
            return "".join(lazy_pinyin(word, style=Style.FIRST_LETTER)).lower()

        def spelled(word: str) -> str:
            return "".join(lazy_pinyin(word)).lower()

        entries = []
        for item in self.catalogue.active_items():
            top, sub, _ = self.catalogue.path(item.code)
            words = (item.name_zh, sub.name_zh, top.name_zh, *item.keywords)
            latin = (item.code, item.name_en.lower(), *(spelled(w) for w in words))
            entries.append(_Entry(item, words, latin, tuple(initials(w) for w in words)))
        return entries

    def search(self, query: str, limit: int = 50) -> list[Item]:
        q = re.sub(r"\s+", "", query).lower()
        if not q:
            return []
        self.warm()
        scored: list[tuple[int, str, Item]] = []
        ascii_query = q.isascii()
        for entry in self._entries or []:
            rank = self._rank(entry, q, ascii_query)
            if rank is not None:
                scored.append((rank, entry.item.code, entry.item))
        scored.sort(key=lambda t: (t[0], t[1]))
        return [item for _, _, item in scored[:limit]]

    @staticmethod
    def _rank(entry: _Entry, q: str, ascii_query: bool) -> int | None:
        """Lower is better: the item's own name first, then keywords, then the classes."""
        if not ascii_query:
            for rank, word in enumerate(entry.chinese):
                if word == q:
                    return 0
                if q in word:
                    return 10 + min(rank, 9)
            return None
        if entry.item.code.startswith(q):
            return 0
        for rank, word in enumerate(entry.initials):
            if word.startswith(q):
                return 1 + min(rank, 9)
        for rank, word in enumerate(entry.latin[2:]):
            if word.startswith(q):
                return 11 + min(rank, 9)
        if q in entry.latin[1]:
            return 30
        for rank, word in enumerate(entry.initials):
            if q in word:
                return 31 + min(rank, 9)
        if any(q in w for w in entry.latin[2:]):
            return 41
        return None
