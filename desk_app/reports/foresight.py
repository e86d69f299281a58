"""Foresight (未诉先办): which categories are expected to rise in a community in the next four
weeks, from the same weeks of earlier years and the recent trend.

Method — a seasonal baseline for sparse counts. Weekly counts of one category in one
community are small and mostly zero, so nothing is fitted per week (an ARIMA or Holt-Winters
model would chase noise); instead:

1. Seasonal level: for each of the next four weeks, the mean weekly count in a five-week window
   centred on the same week of every earlier year (pooling 5 weeks × the years smooths zeros).
2. Trend: (last 8 weeks + 1) ÷ (the same 8 weeks of the earlier years, on average, + 1),
   held between 0.5 and 2 — the +1 keeps a 0 → 1 change from looking like a tenfold rise.
3. Expected = Σ seasonal level × trend over the four weeks. It is flagged 预计上升 (expected to
   rise) when it is at least 3 requests and at least 1.5 times the last four weeks' count.

Whether such flags come true is measured by replaying the method on every week of the past
year (only data before that week is used): a flag came true when the four weeks that followed
did have more requests than the four before, and at least 3.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

HORIZON = 4
WINDOW = 2  # weeks each side of the same week in earlier years
TREND_WEEKS = 8
MIN_EXPECTED = 3.0
RISE = 1.5


def week_index(iso_week: int) -> int:
    """Weeks since 0001-01-01's week, from an ISO year*100+week integer."""
    return date.fromisocalendar(iso_week // 100, iso_week % 100, 1).toordinal() // 7


def iso_week_of(index: int) -> int:
    iso = date.fromordinal(index * 7 + 1).isocalendar()
    return iso.year * 100 + iso.week


@dataclass(frozen=True)
class Forecast:
    category: str  # top class code
    community: str
    expected: float  # requests expected over the next four weeks
    recent: int  # requests in the last four weeks
    last_year: int  # requests in the same four weeks a year before
    flagged: bool


@dataclass(frozen=True)
class Backtest:
    origins: int  # weeks replayed
    flags: int
    came_true: int
    rises: int  # series-weeks that did rise (flagged or not), for the base rate
    series_weeks: int

    @property
    def hit_rate(self) -> float | None:
        return self.came_true / self.flags if self.flags else None

    @property
    def base_rate(self) -> float | None:
        return self.rises / self.series_weeks if self.series_weeks else None


class Series(dict[int, int]):
    """Week index → count, with running totals so that any window's sum is one subtraction
    (the replay asks for tens of thousands of windows)."""

    _sums: list[int]
    _start: int

    def freeze(self) -> Series:
        self._start = min(self) if self else 0
        end = max(self) if self else 0
        running, sums = 0, [0]
        for i in range(self._start, end + 1):
            running += self.get(i, 0)
            sums.append(running)
        self._sums = sums
        return self

    def total(self, first: int, last: int) -> int:
        sums = self._sums
        lo = min(max(first - self._start, 0), len(sums) - 1)
        hi = min(max(last - self._start + 1, 0), len(sums) - 1)
        return sums[hi] - sums[lo] if hi > lo else 0


def build_series(rows: Iterable[tuple[int, str, str, int]]) -> dict[tuple[str, str], Series]:
    series: dict[tuple[str, str], Series] = defaultdict(Series)
    for week, category, community, count in rows:
        if week > 0:
            s = series[(category, community)]
            i = week_index(week)
            s[i] = s.get(i, 0) + count
    return {key: s.freeze() for key, s in series.items()}


def _total(s: Series, first: int, last: int) -> int:
    return s.total(first, last)


def expected_rise(s: Series, origin: int, first_week: int) -> tuple[float, int, int] | None:
    """(expected next 4 weeks, last 4 weeks, the coming 4 weeks' count a year before) seen from `origin`
    (the last complete week), or None without a year of history before it."""
    years = [y for y in range(1, 6) if origin + HORIZON + WINDOW - 52 * y >= first_week
             and origin - 52 * y - TREND_WEEKS >= first_week - WINDOW]
    if not years:
        return None
    seasonal = 0.0
    for h in range(1, HORIZON + 1):
        target = origin + h
        seasonal += sum(_total(s, target - 52 * y - WINDOW, target - 52 * y + WINDOW)
                        for y in years) / (len(years) * (2 * WINDOW + 1))
    recent8 = _total(s, origin - TREND_WEEKS + 1, origin)
    before8 = sum(_total(s, origin - 52 * y - TREND_WEEKS + 1, origin - 52 * y)
                  for y in years) / len(years)
    trend = min(2.0, max(0.5, (recent8 + 1) / (before8 + 1)))
    recent4 = _total(s, origin - HORIZON + 1, origin)
    next_year_before = _total(s, origin - 52 + 1, origin - 52 + HORIZON)
    return seasonal * trend, recent4, next_year_before


def is_flag(expected: float, recent: int) -> bool:
    return expected >= MIN_EXPECTED and expected >= RISE * max(recent, 1)


def forecast(series: dict[tuple[str, str], Series], origin: int) -> list[Forecast]:
    """Every series' outlook from `origin`; flagged ones first, by expected rise."""
    if not series:
        return []
    first = min(min(s) for s in series.values() if s)
    found = []
    for (category, community), s in series.items():
        seen = expected_rise(s, origin, first)
        if seen is None:
            continue
        expected, recent, last_year = seen
        found.append(Forecast(category, community, expected, recent, last_year,
                              is_flag(expected, recent)))
    found.sort(key=lambda f: (not f.flagged, -(f.expected - f.recent)))
    return found


def came_true(s: Series, origin: int) -> bool:
    recent = _total(s, origin - HORIZON + 1, origin)
    following = _total(s, origin + 1, origin + HORIZON)
    return following > recent and following >= MIN_EXPECTED


def backtest(series: dict[tuple[str, str], Series], last_complete: int,
             weeks: int = 52) -> Backtest:
    """Replay the flags on each of the past `weeks` weeks whose next four weeks are known."""
    if not series:
        return Backtest(0, 0, 0, 0, 0)
    first = min(min(s) for s in series.values() if s)
    flags = hits = rises = total = origins = 0
    for origin in range(last_complete - HORIZON - weeks + 1, last_complete - HORIZON + 1):
        replayed = False
        for s in series.values():
            seen = expected_rise(s, origin, first)
            if seen is None:
                continue
            replayed = True
            rose = came_true(s, origin)
            total += 1
            rises += rose
            if is_flag(seen[0], seen[1]):
                flags += 1
                hits += rose
        origins += replayed
    return Backtest(origins, flags, hits, rises, total)
