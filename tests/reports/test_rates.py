"""Each rate of the report on a hand-built week with known answers (see conftest.week48)."""

from __future__ import annotations

from datetime import date

import pytest

from desk_app.reports.periods import Period, PeriodError
from desk_app.reports.report import build_report
from desk_app.reports.scores import ScoreSettings, department_scores, score_of
from desk_app.store.desk import Desk
from desk_app.store.report_queries import load_facts

from .conftest import NOW, CaseMaker, ms

W48 = Period.parse("2026-W48")


def ids(maker: CaseMaker, names: str) -> set[str]:
    return {maker.ids[n] for n in names}


def test_each_rate_has_the_known_answer_and_the_cases_behind_it(desk: Desk, week48: CaseMaker) -> None:
    report = build_report(desk, W48, now_ms=ms(NOW))
    rates = report.rates
    assert report.total == 9
    assert set(report.voided.case_ids) == ids(week48, "E")
    assert set(report.merged.case_ids) == ids(week48, "D")
    # signed within 24 h: A C G H of A B C G H I (I unsigned for days; F never dispatched)
    assert set(rates["signing"].numerator) == ids(week48, "ACGH")
    assert set(rates["signing"].denominator) == ids(week48, "ABCGHI")
    assert set(rates["completion"].numerator) == ids(week48, "ABFGH")
    assert set(rates["completion"].denominator) == ids(week48, "ABCFGHI")
    # completed on time, of completed plus open-and-overdue (C after its return, I)
    assert set(rates["on_time"].numerator) == ids(week48, "AFGH")
    assert set(rates["on_time"].denominator) == ids(week48, "ABCFGHI")
    assert set(rates["satisfaction"].numerator) == ids(week48, "AB")  # basic counts
    assert set(rates["satisfaction"].denominator) == ids(week48, "ABC")  # G anonymous, unrated
    assert set(rates["full_satisfaction"].numerator) == ids(week48, "A")
    assert set(rates["returns"].numerator) == ids(week48, "C")
    assert set(rates["returns"].denominator) == ids(week48, "ABCFGH")
    assert rates["signing"].value == pytest.approx(4 / 6)
    assert rates["on_time"].value == pytest.approx(4 / 7)
    assert set(report.on_spot.case_ids) == ids(week48, "F")
    assert set(report.anonymous.case_ids) == ids(week48, "G")
    assert set(report.overdue_now.case_ids) == ids(week48, "CI")
    # working days, weekends out: A 2.0417, B 4.0, F 0.0056, G 0.5833 (Fri), H 1.375 (Sun → Tue)
    assert report.summary.average_handling == pytest.approx(
        (2 + 1 / 24 + 4.0 + 8 / 1440 + 14 / 24 + 1 + 9 / 24) / 5, abs=1e-3)


def test_a_case_counts_in_the_period_of_its_registration_only(desk: Desk, week48: CaseMaker) -> None:
    next_week = build_report(desk, W48.next(), now_ms=ms(NOW))
    assert next_week.empty and next_week.total == 0
    assert next_week.rates["completion"].value is None
    assert week48.ids["H"] in build_report(desk, W48, now_ms=ms(NOW)).rates["completion"].numerator
    month = build_report(desk, Period.parse("2026-11"), now_ms=ms(NOW))
    assert month.total == 9


def test_breakdowns_and_comparison(desk: Desk, week48: CaseMaker) -> None:
    report = build_report(desk, W48, now_ms=ms(NOW))
    assert {c.key: c.count for c in report.by_kind} == {"complaint": 8, "consultation": 1}
    assert {c.key: c.count for c in report.by_class} == {"01": 3, "03": 2, "04": 1, "15": 1}
    assert report.by_item[0].key == "010102" and report.by_item[0].count == 3
    assert report.previous.total == 0 and report.year_before.period == Period("week", 2025, 48)


def test_department_scores_follow_the_formula(desk: Desk, week48: CaseMaker) -> None:
    report = build_report(desk, W48, now_ms=ms(NOW))
    scores = {s.department: s for s in report.scores}
    housing, urban = scores["D-HOUSING"], scores["D-URBAN"]
    assert set(housing.case_ids) == ids(week48, "ABC")
    assert housing.score == pytest.approx(100 * 2 / 3) and housing.grade == "fair"
    # nothing of D-URBAN's was evaluated: satisfaction's weight is left out, not counted as 0
    assert urban.satisfaction.value is None
    assert urban.score == pytest.approx(100 * (30 * 2 / 3 + 40 * 2 / 3) / 70)
    with desk.db.read() as conn:
        facts = load_facts(conn, "YT-HS", *W48.bounds_ms())
    lenient = department_scores(facts, ms(NOW), ScoreSettings(excellent=60, good=50))
    assert {s.grade for s in lenient} == {"excellent"}
    assert score_of([(1.0, 30), (0.5, 40), (None, 30)]) == pytest.approx(100 * 50 / 70)


def test_bad_score_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        ScoreSettings(sign_weight=0, completion_weight=0, satisfaction_weight=0).checked()
    with pytest.raises(ValueError):
        ScoreSettings(excellent=70, good=80).checked()


def test_a_holiday_week_counts_working_days_only(desk: Desk) -> None:
    maker = CaseMaker(desk)
    maker.case("X", "2026-09-30 10:00", category="030203").dispatch("2026-09-30 10:05") \
        .sign("2026-09-30 11:00").resolve("2026-10-08 10:00")
    week = Period.parse("2026-W40")
    report = build_report(desk, week, now_ms=ms("2026-10-12 09:00"))
    assert report.holidays == [date(2026, 10, 1), date(2026, 10, 2)]
    # Wed 14 h + Thu 8 Oct 10 h; the seven days of National Day are not working days
    assert report.summary.average_handling == pytest.approx(1.0, abs=1e-3)
    assert report.rates["on_time"].value == 0.0  # 3 natural days ran out on 3 October


@pytest.mark.parametrize("text", ["2026-W54", "2026-13", "W48", "2026/11", "", "2026-W00"])
def test_a_bad_period_says_what_to_write(text: str) -> None:
    with pytest.raises(PeriodError, match="2026-W48"):
        Period.parse(text)


def test_periods() -> None:
    assert Period.parse("2026-w48").first_day == date(2026, 11, 23)
    assert Period.parse("2026-W48").last_day == date(2026, 11, 29)
    assert Period.parse("2026-12").next() == Period("month", 2027, 1)
    assert Period.parse("2026-01").previous() == Period("month", 2025, 12)
    assert Period.parse("2026-W53").year_before() == Period("week", 2025, 52)
    assert Period.parse("2026-W01").previous() == Period("week", 2025, 52)


def test_the_dashboard_rollup_follows_every_change_and_agrees_with_the_report(
        desk: Desk, week48: CaseMaker) -> None:
    from desk_app.store.report_facts import rebuild_rollup
    from desk_app.store.report_queries import weekly_groups

    with desk.db.read() as conn:
        kept = sorted(conn.exec_driver_sql("SELECT * FROM case_rollup WHERE requests > 0").fetchall())
        groups = weekly_groups(conn, "YT-HS-PW", 202648, 202648, ms(NOW))
    with desk.db.begin() as conn:
        rebuild_rollup(conn)
        again = sorted(conn.exec_driver_sql("SELECT * FROM case_rollup").fetchall())
    assert kept == again  # incremental upkeep (each event moved a case) == counting afresh
    rates = build_report(desk, W48, now_ms=ms(NOW)).rates
    assert sum(g.count for g in groups) == 9
    assert sum(g.sign_due for g in groups) == len(rates["signing"].denominator)
    assert sum(g.signed_on_time for g in groups) == len(rates["signing"].numerator)
    assert sum(g.completed for g in groups) == len(rates["completion"].numerator)
    assert sum(g.satisfied for g in groups) == len(rates["satisfaction"].numerator)


def test_a_rebuild_from_the_log_gives_the_same_facts_and_rollup(desk: Desk, week48: CaseMaker) -> None:
    from desk_app.store.projection import rebuild_projections

    def snapshot() -> tuple[list, list]:
        with desk.db.read() as conn:
            return (sorted(conn.exec_driver_sql("SELECT * FROM case_facts").fetchall()),
                    sorted(conn.exec_driver_sql(
                        "SELECT * FROM case_rollup WHERE requests > 0").fetchall()))

    before = snapshot()
    with desk.db.begin() as conn:
        rebuild_projections(conn, desk.calendar)
    assert snapshot() == before
