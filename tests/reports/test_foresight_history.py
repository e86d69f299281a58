"""Foresight on series with a known season; the demo history; the facts of an upgraded desk."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from desk_app.demo_history import seed_history
from desk_app.reports.foresight import (
    backtest,
    build_series,
    forecast,
    iso_week_of,
    week_index,
)
from desk_app.reports.periods import Period
from desk_app.reports.report import build_report
from desk_app.store.database import open_database
from desk_app.store.desk import Desk
from desk_app.store.users import User

ROOT = Path(__file__).resolve().parent.parent


def seasonal_rows(years: int = 3) -> list[tuple[int, str, str, int]]:
    """Drainage (03) in one community: 4 a week in weeks 24–31 of each year, else 0 or 1."""
    start = week_index(2023 * 100 + 1)
    rows = []
    for i in range(start, start + 52 * years):
        week = iso_week_of(i)
        count = 4 if 24 <= week % 100 <= 31 else (1 if i % 5 == 0 else 0)
        if count:
            rows.append((week, "03", "YT-HS-PW", count))
    return rows


def test_a_seasonal_rise_is_flagged_before_it_comes_and_not_in_the_quiet_season() -> None:
    series = build_series(seasonal_rows())
    before = forecast(series, week_index(2025 * 100 + 22))  # two weeks before the season
    assert before[0].flagged and before[0].expected >= 8
    quiet = forecast(series, week_index(2025 * 100 + 40))
    assert not quiet[0].flagged
    replay = backtest(series, week_index(2025 * 100 + 52))
    assert replay.flags >= 3 and replay.hit_rate >= 0.8 > replay.base_rate  # far above chance


def test_without_a_year_of_history_nothing_is_forecast() -> None:
    series = build_series([r for r in seasonal_rows(1)])
    assert forecast(series, week_index(2023 * 100 + 30)) == []


def test_the_demo_history_is_valid_seasonal_and_has_slow_departments(
        desk: Desk, supervisor: User) -> None:
    made = seed_history(desk, [supervisor], days=400, end_days_ago=30, validate=True)
    assert made > 1500
    with desk.db.read() as conn:
        facts = conn.exec_driver_sql("SELECT COUNT(*) FROM case_facts").scalar()
        located = conn.exec_driver_sql(
            "SELECT COUNT(*) FROM case_facts WHERE latitude IS NOT NULL").scalar()
    assert facts == made and located > made // 5
    today = date.today()
    month = Period.containing("month", today).previous().previous()
    report = build_report(desk, month)
    assert report.replay is not None  # foresight in the report (a replay needs two years)
    scores = {s.department: s for s in report.scores}
    slow = [scores[d].score for d in ("D-HOUSING", "D-TRANSPORT") if d in scores]
    others = [s.score for d, s in scores.items() if d not in ("D-HOUSING", "D-TRANSPORT")
              and len(s.case_ids) >= 5]
    assert slow and others and max(slow) < sorted(others)[len(others) // 2]


def test_an_upgraded_desk_gets_the_facts_of_its_old_cases(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    shutil.copy(ROOT / "fixtures" / "desk-schema-0002.sqlite3", path)
    db = open_database(path)
    with db.read() as conn:
        cases = conn.exec_driver_sql("SELECT COUNT(*) FROM cases").scalar()
        facts = conn.exec_driver_sql("SELECT COUNT(*) FROM case_facts").scalar()
    db.close()
    assert cases > 0 and facts == cases
