"""Keyword alerts (关键词预警): words and categories rising against the previous period and the
same period a year before.

Rule: a word or catalogue item is flagged when this period has at least `min_count` cases with
it and more than both comparison periods, and at least `ratio` times the larger of the two
(plus one, so that 0 → 2 is not "infinitely" rising). Words are the catalogue's own keywords
(the items' 关键词), matched in the title and description.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desk_app.domain.catalogue import Catalogue
from desk_app.store.report_queries import Fact

from .rates import is_valid


@dataclass(frozen=True)
class Alert:
    kind: str  # "word" | "category"
    key: str  # the word, or the catalogue item code
    count: int
    previous: int
    year_before: int
    case_ids: tuple[str, ...]


def rising(count: int, previous: int, year_before: int, min_count: int = 3,
           ratio: float = 1.5) -> bool:
    return (count >= min_count and count > previous and count > year_before
            and count >= ratio * (max(previous, year_before) + 1))


def category_alerts(now: Iterable[Fact], previous: Iterable[Fact], year_before: Iterable[Fact],
                    min_count: int = 3, ratio: float = 1.5) -> list[Alert]:
    ids: dict[str, list[str]] = {}
    for f in now:
        if is_valid(f):
            ids.setdefault(f.category, []).append(f.case_id)
    before = Counter(f.category for f in previous if is_valid(f))
    last_year = Counter(f.category for f in year_before if is_valid(f))
    found = [Alert("category", code, len(cases), before[code], last_year[code], tuple(cases))
             for code, cases in ids.items()
             if rising(len(cases), before[code], last_year[code], min_count, ratio)]
    return sorted(found, key=lambda a: (-(a.count - max(a.previous, a.year_before)), a.key))


def catalogue_words(catalogue: Catalogue) -> list[str]:
    return sorted({k for item in catalogue.active_items() for k in item.keywords if len(k) >= 2})


def word_alerts(words: Iterable[str], now: Mapping[str, str], previous: Mapping[str, str],
                year_before: Mapping[str, str], min_count: int = 3,
                ratio: float = 1.5) -> list[Alert]:
    """`now`, `previous`, `year_before` map case id → text. Screening counts occurrences in one
    joined text per period (fast: one C-level scan per word); the words that pass are then
    counted exactly, per case."""
    joined = ["\x00".join(texts.values()) for texts in (now, previous, year_before)]
    found = []
    for word in words:
        rough = [j.count(word) for j in joined]
        if rough[0] < min_count or not rising(rough[0], rough[1], rough[2], min_count, 1.0):
            continue
        cases = tuple(i for i, t in now.items() if word in t)
        exact_prev = sum(word in t for t in previous.values())
        exact_year = sum(word in t for t in year_before.values())
        if rising(len(cases), exact_prev, exact_year, min_count, ratio):
            found.append(Alert("word", word, len(cases), exact_prev, exact_year, cases))
    return sorted(found, key=lambda a: (-(a.count - max(a.previous, a.year_before)), a.key))[:15]
