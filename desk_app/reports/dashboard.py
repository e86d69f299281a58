"""The dashboard's figures (数据看板): weekly trends, rates over time, department scores, counts
per community and grid for the hot-spot map, case locations, and foresight.

Everything comes from grouped reads (one row per week × item × community, or per department),
so the dashboard of a million-case street costs a few index scans, not a million rows.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from desk_app.domain.sla import CHINA
from desk_app.store import report_queries as q

from .foresight import Backtest, Forecast, backtest, build_series, forecast, iso_week_of, week_index
from .periods import Period
from .scores import ScoreSettings, grade_of, score_of

if TYPE_CHECKING:
    from desk_app.store.desk import Desk

TOP_CLASSES = 5


@dataclass(frozen=True)
class ScoreLine:
    department: str
    cases: int
    signing: float | None
    completion: float | None
    satisfaction: float | None
    score: float | None
    grade: str


@dataclass
class Dashboard:
    weeks: list[int]  # ISO year*100+week, oldest first
    totals: list[int]
    by_class: dict[str, list[int]]  # the top classes (and "" for the rest), per week
    by_community: dict[str, list[int]]
    signing: list[float | None]
    completion: list[float | None]
    satisfaction: list[float | None]
    scores: list[ScoreLine]
    areas: dict[str, int]  # community or grid code → requests of the weeks shown
    points: list[tuple[float, float]]  # (longitude, latitude) of those weeks' cases
    outlook: list[Forecast] = field(default_factory=list)
    replay: Backtest = field(default_factory=lambda: Backtest(0, 0, 0, 0, 0))

    @property
    def empty(self) -> bool:
        return not any(self.totals)


def _ratio(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def build_dashboard(desk: Desk, *, now_ms: int | None = None, weeks: int = 26,
                    settings: ScoreSettings | None = None, scope: str | None = None,
                    with_foresight: bool = True) -> Dashboard:
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    scope = scope or desk.identity.org
    settings = (settings or ScoreSettings()).checked()
    today = datetime.fromtimestamp(now_ms / 1000, CHINA).date()
    current = Period.containing("week", today)
    last = week_index(current.year * 100 + current.number)
    week_list = [iso_week_of(i) for i in range(last - weeks + 1, last + 1)]
    end_ms = current.bounds_ms()[1]
    window_ms = Period.containing("week", today - timedelta(days=7 * (weeks - 1))).bounds_ms()[0]
    with desk.db.read() as conn:
        groups = q.weekly_groups(conn, scope, week_list[0], week_list[-1], now_ms)
        departments = q.department_groups(conn, scope, week_list[-4], week_list[-1], now_ms)
        areas = q.area_counts(conn, scope, week_list[0], week_list[-1])
        points = q.case_points(conn, scope, window_ms, end_ms)
        history = q.class_week_counts(conn, scope) if with_foresight else []
    position = {w: i for i, w in enumerate(week_list)}
    n = len(week_list)
    totals, sign_due, sign_ok, valid, done, rated, happy = ([0] * n for _ in range(7))
    class_weeks: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    community_weeks: dict[str, list[int]] = defaultdict(lambda: [0] * n)
    for g in groups:
        i = position.get(g.week)
        if i is None:
            continue
        totals[i] += g.count
        valid[i] += g.valid
        sign_due[i] += g.sign_due
        sign_ok[i] += g.signed_on_time
        done[i] += g.completed
        rated[i] += g.evaluated
        happy[i] += g.satisfied
        class_weeks[g.category[:2]][i] += g.count
        community_weeks[g.community][i] += g.count
    top = [c for c, _n in Counter({c: sum(v) for c, v in class_weeks.items()}).most_common(TOP_CLASSES)]
    by_class = {c: class_weeks[c] for c in top}
    rest = [sum(class_weeks[c][i] for c in class_weeks if c not in top) for i in range(n)]
    if any(rest):
        by_class[""] = rest
    scores = []
    for d in departments:
        rates = (_ratio(d.signed_on_time, d.sign_due), _ratio(d.completed, d.valid),
                 _ratio(d.satisfied, d.evaluated))
        score = score_of([(rates[0], settings.sign_weight), (rates[1], settings.completion_weight),
                          (rates[2], settings.satisfaction_weight)])
        scores.append(ScoreLine(d.lead, d.valid, *rates, score, grade_of(score, settings)))
    scores.sort(key=lambda s: (s.score is None, -(s.score or 0), s.department))
    area_totals: Counter[str] = Counter()
    for community, grid, count in areas:
        area_totals[community] += count
        if grid:
            area_totals[grid] += count
    # the current week is still filling: its rates would only show what has not happened yet
    for series in (sign_due, valid, rated):
        series[-1] = 0
    board = Dashboard(week_list, totals, by_class, dict(community_weeks),
                      [_ratio(a, b) for a, b in zip(sign_ok, sign_due, strict=True)],
                      [_ratio(a, b) for a, b in zip(done, valid, strict=True)],
                      [_ratio(a, b) for a, b in zip(happy, rated, strict=True)],
                      scores, dict(area_totals), points)
    if history:
        series = build_series(history)
        last_complete = last - 1
        board.outlook = forecast(series, last_complete)
        board.replay = backtest(series, last_complete)
    return board


def week_label(iso_week: int) -> str:
    """The Monday of an ISO week, as 11-23."""
    monday = date.fromisocalendar(iso_week // 100, iso_week % 100, 1)
    return f"{monday:%m-%d}"
