"""The weekly or monthly report (周报 / 月报) of a desk's area, and its comparisons.

`build_report(desk, period)` reads the case facts of the period, of the period before and of
the same period a year before (three index ranges), and counts them here. Every figure keeps
the ids of the cases behind it, so the screen can open them. See rates.py for the definitions.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.store import report_queries as q
from desk_app.store.report_queries import Fact

from .alerts import Alert, category_alerts, class_words, word_alerts, word_cases
from .foresight import Backtest, Forecast, backtest, build_series, forecast, week_index
from .periods import Period
from .rates import Rate, average_handling, compute_rates, is_completed, is_valid
from .scores import DepartmentScore, ScoreSettings, department_scores

if TYPE_CHECKING:
    from desk_app.store.desk import Desk

PERIOD_NAMES = {"week": _t("reports", "Weekly report"), "month": _t("reports", "Monthly report")}
FAST_WORKING_DAYS = 1.0  # a proposed model case was closed within this many working days


class Cancelled(DomainError):
    context = "reports"


CANCELLED = _t("reports", "The report was cancelled.")
EMPTY = _t("reports", "No requests were registered in this period.")


class Progress(Protocol):
    """What a long computation is handed (desk_app.ui.tasks.TaskState fits)."""

    def report(self, done: int, total: int) -> None: ...

    @property
    def cancelled(self) -> bool: ...


@dataclass(frozen=True)
class Count:
    """One row of a breakdown: a key (kind, channel, catalogue code, org code) and its cases."""

    key: str
    case_ids: tuple[str, ...]

    @property
    def count(self) -> int:
        return len(self.case_ids)


@dataclass(frozen=True)
class ModelCase:
    case_id: str
    marked: bool  # marked by a supervisor, else proposed (closed fast with a satisfied mark)
    note: str
    handling_wd: float | None


@dataclass(frozen=True)
class Summary:
    """The headline figures of one period, for the comparison columns."""

    period: Period
    total: int
    rates: dict[str, Rate]
    average_handling: float | None


@dataclass
class Report:
    period: Period
    scope: str
    made_at_ms: int
    facts: list[Fact]
    summary: Summary
    previous: Summary
    year_before: Summary
    voided: Count
    merged: Count
    split: Count
    repeats: int
    by_kind: list[Count] = field(default_factory=list)
    by_channel: list[Count] = field(default_factory=list)
    by_class: list[Count] = field(default_factory=list)
    by_item: list[Count] = field(default_factory=list)
    by_community: list[Count] = field(default_factory=list)
    by_grid: list[Count] = field(default_factory=list)
    anonymous: Count = Count("anonymous", ())
    on_spot: Count = Count("on_spot", ())
    overdue_now: Count = Count("overdue", ())  # the oldest 2,000 (what a list can show)
    overdue_total: int = 0
    hot_topics: list[Count] = field(default_factory=list)  # key "item|community"
    hot_spots: list[Count] = field(default_factory=list)  # grids well above the average
    alerts: list[Alert] = field(default_factory=list)
    model_cases: list[ModelCase] = field(default_factory=list)
    notices: list[tuple[str, str]] = field(default_factory=list)  # (date, text)
    scores: list[DepartmentScore] = field(default_factory=list)
    score_settings: ScoreSettings = field(default_factory=ScoreSettings)
    holidays: list[date] = field(default_factory=list)
    outlook: list[Forecast] = field(default_factory=list)  # flagged 预计上升 after the period
    replay: Backtest | None = None

    @property
    def empty(self) -> bool:
        return not self.facts

    @property
    def total(self) -> int:
        return len(self.facts)

    @property
    def rates(self) -> dict[str, Rate]:
        return self.summary.rates

    @property
    def all_ids(self) -> tuple[str, ...]:
        return tuple(f.case_id for f in self.facts)


def _counts(facts: Sequence[Fact], key: Callable[[Fact], str | None],
            limit: int | None = None) -> list[Count]:
    groups: dict[str, list[str]] = {}
    for f in facts:
        k = key(f)
        if k:
            groups.setdefault(k, []).append(f.case_id)
    rows = sorted((Count(k, tuple(v)) for k, v in groups.items()), key=lambda c: (-c.count, c.key))
    return rows[:limit] if limit else rows


def summarise(period: Period, facts: Sequence[Fact], now_ms: int) -> Summary:
    return Summary(period, len(facts), compute_rates(facts, now_ms), average_handling(facts))


def _check(progress: Progress | None, done: int, total: int) -> None:
    if progress is None:
        return
    if progress.cancelled:
        raise Cancelled(CANCELLED)
    progress.report(done, total)


def build_report(desk: Desk, period: Period, *, now_ms: int | None = None,
                 settings: ScoreSettings | None = None, progress: Progress | None = None,
                 scope: str | None = None) -> Report:
    """The report of `period` for the desk's area (or `scope`, an org code inside it)."""
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    scope = scope or desk.identity.org
    catalogue = desk.catalogue
    steps = 6
    _check(progress, 0, steps)
    with desk.db.read() as conn:
        facts = q.load_facts(conn, scope, *period.bounds_ms())
        _check(progress, 1, steps)
        before = q.load_facts(conn, scope, *period.previous().bounds_ms())
        last_year = q.load_facts(conn, scope, *period.year_before().bounds_ms())
        _check(progress, 2, steps)
        overdue = q.load_overdue(conn, scope, now_ms)
        words = class_words(catalogue)
        mentions = [word_cases(group, q.case_texts(conn, [f.case_id for f in group if is_valid(f)]),
                               words) for group in (facts, before, last_year)]
        _check(progress, 3, steps)
        candidates = [f for f in facts if is_valid(f)]
        marked = q.marked_model_cases(conn, [f.case_id for f in candidates])
        history = q.class_week_counts(conn, scope)
    valid = [f for f in facts if is_valid(f)]

    def top_class(f: Fact) -> str:
        item = catalogue.items.get(f.category)
        if item is None:
            return f.category[:2]
        sub = catalogue.classes.get(item.class_code)
        return (sub.parent or sub.code) if sub else f.category[:2]

    report = Report(
        period=period, scope=scope, made_at_ms=now_ms, facts=facts,
        summary=summarise(period, facts, now_ms),
        previous=summarise(period.previous(), before, now_ms),
        year_before=summarise(period.year_before(), last_year, now_ms),
        voided=Count("voided", tuple(f.case_id for f in facts if f.status == "voided")),
        merged=Count("merged", tuple(f.case_id for f in facts if f.status == "merged")),
        split=Count("split", tuple(f.case_id for f in facts if f.status == "split")),
        repeats=sum(f.repeats for f in valid),
        by_kind=_counts(facts, lambda f: f.kind), by_channel=_counts(facts, lambda f: f.channel),
        by_class=_counts(valid, top_class), by_item=_counts(valid, lambda f: f.category, 10),
        by_community=_counts(valid, lambda f: f.community), by_grid=_counts(valid, lambda f: f.grid),
        anonymous=Count("anonymous", tuple(f.case_id for f in facts if f.anonymous)),
        on_spot=Count("on_spot", tuple(f.case_id for f in valid if f.on_spot)),
        overdue_now=Count("overdue", tuple(overdue[1])), overdue_total=overdue[0],
        score_settings=(settings or ScoreSettings()).checked(),
        holidays=period.holidays(desk.calendar),
    )
    _check(progress, 4, steps)
    weight = Counter()
    topic_ids: dict[str, list[str]] = {}
    for f in valid:
        key = f"{f.category}|{f.community}"
        weight[key] += 1 + f.repeats
        topic_ids.setdefault(key, []).append(f.case_id)
    report.hot_topics = [Count(k, tuple(topic_ids[k])) for k, w in weight.most_common(10) if w >= 3]
    if report.by_grid:
        mean = sum(c.count for c in report.by_grid) / len(report.by_grid)
        report.hot_spots = [c for c in report.by_grid if c.count >= max(3, 1.5 * mean)][:10]
    report.alerts = (category_alerts(facts, before, last_year)[:10]
                     + word_alerts(*mentions))
    _check(progress, 5, steps)
    model = [ModelCase(f.case_id, True, marked[f.case_id], f.handling_wd)
             for f in candidates if f.case_id in marked]
    proposed = sorted((f for f in candidates if f.case_id not in marked and f.status == "closed"
                       and f.rating == "satisfied" and not f.on_spot and is_completed(f)
                       and f.handling_wd is not None and f.handling_wd <= FAST_WORKING_DAYS),
                      key=lambda f: (f.handling_wd, f.registered_at))
    report.model_cases = model + [ModelCase(f.case_id, False, "", f.handling_wd)
                                  for f in proposed[:max(0, 5 - len(model))]]
    report.scores = department_scores(facts, now_ms, report.score_settings)
    if history:  # seen from the period's last week: what the next four weeks should bring
        series = build_series(history)
        last = period.last_day.isocalendar()
        origin = week_index(last.year * 100 + last.week)
        report.outlook = [f for f in forecast(series, origin) if f.flagged][:15]
        report.replay = backtest(series, origin)
    _check(progress, steps, steps)
    return report
