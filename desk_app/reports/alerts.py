"""Keyword alerts (关键词预警): words and categories rising against the previous period and the
same period a year before.

Rule: a word or catalogue item is flagged when this period has at least `min_count` cases with
it and more than both comparison periods, and at least `ratio` times the larger of the two
(plus one, so that 0 → 2 is not "infinitely" rising). Words are the catalogue's own keywords
(the items' 关键词), matched in the title and the start of the description, each case
against the keywords of its own sub-class.
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


def class_words(catalogue: Catalogue) -> dict[str, list[str]]:
    """The catalogue's keywords (the items' 关键词), grouped by item code: each item gets the
    keywords of every item of its sub-class (0101 建筑施工噪音: day and night construction)."""
    by_class: dict[str, set[str]] = {}
    for item in catalogue.active_items():
        by_class.setdefault(item.class_code, set()).update(k for k in item.keywords if len(k) >= 2)
    return {item.code: sorted(by_class[item.class_code]) for item in catalogue.active_items()}


def word_cases(facts: Iterable[Fact], texts: Mapping[str, str],
               words: Mapping[str, list[str]]) -> dict[str, list[str]]:
    """Which cases mention which keyword. Each case is searched for the keywords of its own
    sub-class only (~15 words, not the catalogue's ~800): a rising word is then one that rises
    within its field, and a week of a million-case street is searched in a fraction of a second."""
    found: dict[str, list[str]] = {}
    for f in facts:
        text = texts.get(f.case_id)
        if not text:
            continue
        for word in words.get(f.category, ()):
            if word in text:
                found.setdefault(word, []).append(f.case_id)
    return found


def word_alerts(now: Mapping[str, list[str]], previous: Mapping[str, list[str]],
                year_before: Mapping[str, list[str]], min_count: int = 3,
                ratio: float = 1.5) -> list[Alert]:
    """`now`, `previous`, `year_before`: word → the cases mentioning it (word_cases)."""
    found = [Alert("word", word, len(cases), len(previous.get(word, ())),
                   len(year_before.get(word, ())), tuple(cases))
             for word, cases in now.items()
             if rising(len(cases), len(previous.get(word, ())), len(year_before.get(word, ())),
                       min_count, ratio)]
    return sorted(found, key=lambda a: (-(a.count - max(a.previous, a.year_before)), a.key))[:15]
