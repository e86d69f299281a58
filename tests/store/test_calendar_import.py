"""The working-day calendar as data: a deadline past the calendar's years is an estimate (and
the watch list says so); importing the next year's notice moves it and records the move; a bad
file is refused with its file and line and changes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.followup import estimated_years
from desk_app.domain.intake import Intake
from desk_app.domain.sla import CHINA, ms_from_utc, utc_from_ms
from desk_app.domain.workcalendar import CalendarError, WorkCalendar
from desk_app.store.calendar_store import deadline_history, desk_calendar, import_calendar_file
from desk_app.store.cases import register_case
from desk_app.store.database import Database
from desk_app.store.desk import Desk, read_identity
from desk_app.store.schema import cases
from desk_app.store.users import User
from desk_app.store.watchlist import watch_list
from tests.reading import READER

REGISTERED = ms_from_utc(datetime(2026, 12, 15, 10, 0, tzinfo=CHINA))
NOTICE_2027 = """date,kind,name
2027-01-01,holiday,元旦
2027-02-06,holiday,春节
2027-02-07,holiday,春节
2027-02-08,holiday,春节
2027-02-09,holiday,春节
2027-02-10,holiday,春节
2027-02-11,holiday,春节
2027-02-12,holiday,春节
2027-02-20,workday,春节调休上班
"""


@pytest.fixture
def timed_desk(desk: Desk, db: Database, catalogue: Catalogue, calendar: WorkCalendar) -> Desk:
    identity = read_identity(db)
    assert identity is not None
    return Desk(db, identity, catalogue, calendar, wall=lambda: REGISTERED)


def due_of(desk: Desk, case_id: str) -> date:
    with desk.db.read() as conn:
        due = conn.execute(select(cases.c.due_at).where(cases.c.id == case_id)).scalar_one()
    # Deadlines end at local midnight: the day before that midnight is the last working day.
    return (utc_from_ms(due).astimezone(CHINA).date()).fromordinal(
        utc_from_ms(due).astimezone(CHINA).date().toordinal() - 1)


def test_a_15_working_day_case_across_new_year_is_estimated_then_moves_on_import(
        timed_desk: Desk, supervisor: User, make_user: Callable[[str], User],
        intake: Callable[..., Intake], tmp_path: Path, db: Database,
        calendar: WorkCalendar) -> None:
    case = register_case(timed_desk, supervisor, intake(category="010402", urgency="ordinary"))
    # 15 working days after 15 December, Monday to Friday: 5 January 2027.
    assert due_of(timed_desk, case.id) == date(2027, 1, 5)
    with timed_desk.db.read() as conn:
        listing = watch_list(conn, READER, REGISTERED + 3_600_000, timed_desk.calendar)
    [item] = listing.items
    assert item.kinds == ("estimated",) and item.estimated == (2027,)
    notice = tmp_path / "2027.csv"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    admin = make_user("admin")
    applied = import_calendar_file(timed_desk, admin, notice)
    assert applied.years == (2027,) and applied.moved == 1
    assert due_of(timed_desk, case.id) == date(2027, 1, 6)  # 1 January is a holiday
    [change] = deadline_history(timed_desk.db, case.id)
    assert change.new_due - change.old_due == 86_400_000  # type: ignore[operator]
    with timed_desk.db.read() as conn:
        assert watch_list(conn, READER, REGISTERED + 3_600_000, timed_desk.calendar).items == []
    # The imported year is kept in the desk's database: a restart sees it too.
    assert 2027 in desk_calendar(db, calendar).years
    assert estimated_years(REGISTERED, REGISTERED + 30 * 86_400_000, timed_desk.calendar) == []


def test_a_bad_line_is_refused_with_file_and_line_and_nothing_changes(
        timed_desk: Desk, supervisor: User, make_user: Callable[[str], User],
        intake: Callable[..., Intake], tmp_path: Path) -> None:
    case = register_case(timed_desk, supervisor, intake(category="010402", urgency="ordinary"))
    before = due_of(timed_desk, case.id)
    bad = tmp_path / "bad.csv"
    bad.write_text(NOTICE_2027.replace("2027-02-08,holiday", "2027-02-30,holiday"),
                   encoding="utf-8")
    with pytest.raises(CalendarError) as error:
        import_calendar_file(timed_desk, make_user("admin"), bad)
    assert "bad.csv" in str(error.value) and "line 5" in str(error.value)
    assert due_of(timed_desk, case.id) == before and 2027 not in timed_desk.calendar.years
    assert deadline_history(timed_desk.db, case.id) == []


def test_only_an_administrator_imports_a_calendar(timed_desk: Desk, supervisor: User,
                                                   tmp_path: Path) -> None:
    notice = tmp_path / "2027.csv"
    notice.write_text(NOTICE_2027, encoding="utf-8")
    with pytest.raises(Exception, match="role"):
        import_calendar_file(timed_desk, supervisor, notice)
