"""The watch list over a real desk database: what shows when, and the job's automatic warnings
(recorded once per case and threshold, nothing half when a run dies)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import func, select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.followup import Warn, warning_id
from desk_app.domain.intake import Intake
from desk_app.domain.sla import CHINA, ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store import projection
from desk_app.store.cases import record_case_event, register_case
from desk_app.store.database import Database
from desk_app.store.desk import Desk, read_identity
from desk_app.store.schema import events
from desk_app.store.users import User
from desk_app.store.watchlist import WatchFilter, record_warnings, watch_list
from tests.reading import READER

HOUR = 3_600_000
T0 = ms_from_utc(datetime(2026, 11, 24, 10, 0, tzinfo=CHINA))  # a Tuesday


class Wall:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> int:
        return self.now


@pytest.fixture
def wall() -> Wall:
    return Wall()


@pytest.fixture
def timed_desk(desk: Desk, db: Database, catalogue: Catalogue, calendar: WorkCalendar,
               wall: Wall) -> Desk:
    identity = read_identity(db)
    assert identity is not None
    return Desk(db, identity, catalogue, calendar, wall=wall)


def kinds(desk: Desk, now: int, **flt: str) -> dict[str, list[str]]:
    with desk.db.read() as conn:
        listing = watch_list(conn, READER, now, desk.calendar, flt=WatchFilter(**flt))
    return {item.number: list(item.kinds) for item in listing.items}


def warned(desk: Desk) -> int:
    with desk.db.read() as conn:
        return conn.execute(select(func.count()).select_from(events).where(
            events.c.type.in_(("case.warned", "case.reminded")))).scalar_one()


def test_a_dispatched_case_crosses_due_soon_then_overdue_and_the_signing_clocks(
        timed_desk: Desk, supervisor: User, intake: Callable[..., Intake]) -> None:
    case = register_case(timed_desk, supervisor, intake())  # 24 h item: D-ENV with D-HOUSING
    # A 24-hour item is due soon from the start (under a day left: sla.Clock.due_soon_at).
    assert kinds(timed_desk, T0 + HOUR) == {case.number: ["due_soon"]}
    assert kinds(timed_desk, T0 + 20 * HOUR) == {case.number: ["due_soon"]}
    late = kinds(timed_desk, T0 + 25 * HOUR)[case.number]
    assert late == ["overdue", "sign_overdue", "co_sign_overdue"]
    assert kinds(timed_desk, T0 + 25 * HOUR, kind="co_sign_overdue") == {case.number: [
        "co_sign_overdue", "overdue", "sign_overdue"]}
    assert kinds(timed_desk, T0 + 25 * HOUR, department="D-POLICE") == {}
    record_case_event(timed_desk, supervisor, case.id, "case.signed", {"department": "D-HOUSING"})
    assert kinds(timed_desk, T0 + 25 * HOUR)[case.number] == ["overdue", "sign_overdue"]
    record_case_event(timed_desk, supervisor, case.id, "case.signed", {"department": "D-ENV"})
    assert kinds(timed_desk, T0 + 25 * HOUR)[case.number] == ["overdue"]


def test_the_job_records_each_crossing_once_and_a_daily_reminder(
        timed_desk: Desk, wall: Wall, supervisor: User, intake: Callable[..., Intake]) -> None:
    case = register_case(timed_desk, supervisor, intake())
    wall.now = T0 + 25 * HOUR
    first = record_warnings(timed_desk, wall.now)
    assert sorted(w.kind for _i, w in first.warnings) == sorted(
        [Warn.OVERDUE, Warn.SIGN_OVERDUE, Warn.CO_SIGN_OVERDUE])
    assert first.reminders == 1
    assert warned(timed_desk) == 4
    again = record_warnings(timed_desk, wall.now + HOUR)
    assert again.warnings == [] and again.reminders == 0 and warned(timed_desk) == 4
    wall.now = T0 + 49 * HOUR  # the next working day: one more daily reminder, nothing else
    assert record_warnings(timed_desk, wall.now).reminders == 1
    with timed_desk.db.read() as conn:
        ids = set(conn.execute(select(events.c.id).where(events.c.type == "case.warned")).scalars())
    start = T0
    assert warning_id(case.id, "overdue", start) in ids


def test_a_run_that_dies_half_way_records_nothing_and_the_next_run_everything_once(
        timed_desk: Desk, wall: Wall, supervisor: User, intake: Callable[..., Intake],
        monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(3):
        register_case(timed_desk, supervisor, intake())
    wall.now = T0 + 25 * HOUR
    real = projection.refresh_cases
    calls = {"n": 0}

    def dying(conn, ids, calendar):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        raise OSError("disk unplugged")

    monkeypatch.setitem(projection.PROJECTORS, "case", dying)
    with pytest.raises(OSError):
        record_warnings(timed_desk, wall.now)
    assert calls["n"] == 1 and warned(timed_desk) == 0
    monkeypatch.setitem(projection.PROJECTORS, "case", real)
    assert len(record_warnings(timed_desk, wall.now).warnings) == 9
    assert warned(timed_desk) == 12
    assert record_warnings(timed_desk, wall.now).warnings == []


def test_awaiting_dispatch_past_the_target_and_a_department_return(
        timed_desk: Desk, supervisor: User, intake: Callable[..., Intake]) -> None:
    urgent = register_case(timed_desk, supervisor, intake(), dispatch=False)
    ordinary = register_case(timed_desk, supervisor, intake(urgency="ordinary"), dispatch=False)
    waiting = {"kind": "awaiting_dispatch"}
    assert kinds(timed_desk, T0 + 20 * 60_000, **waiting) == {}
    assert list(kinds(timed_desk, T0 + 40 * 60_000, **waiting)) == [urgent.number]
    assert set(kinds(timed_desk, T0 + 3 * HOUR, **waiting)) == {urgent.number, ordinary.number}


def test_unevaluated_after_the_set_days_and_the_notice_list(
        timed_desk: Desk, wall: Wall, supervisor: User, intake: Callable[..., Intake]) -> None:
    case = register_case(timed_desk, supervisor, intake(), settle_answer="已当场答复")
    assert kinds(timed_desk, T0 + 2 * 24 * HOUR) == {}
    assert kinds(timed_desk, T0 + 4 * 24 * HOUR) == {case.number: ["unevaluated"]}
    bad = dict.fromkeys(("speed", "effect", "service", "feedback"), "unsatisfied")
    for _ in range(2):
        record_case_event(timed_desk, supervisor, case.id, "case.evaluated",
                          {**bad, "method": "phone"})
        record_case_event(timed_desk, supervisor, case.id, "case.resolved", {"text": "重新处理"})
    assert "notice" in kinds(timed_desk, T0 + HOUR)[case.number]


def test_the_notice_list_and_a_claimed_case(timed_desk: Desk, supervisor: User,
                                            intake: Callable[..., Intake]) -> None:
    from desk_app.store.followup_actions import list_for_supervision
    from desk_app.store.watchlist import notice_list

    case = register_case(timed_desk, supervisor, intake(), settle_answer="已当场答复")
    bad = dict.fromkeys(("speed", "effect", "service", "feedback"), "unsatisfied")
    for _ in range(2):
        record_case_event(timed_desk, supervisor, case.id, "case.evaluated",
                          {**bad, "method": "phone"})
        record_case_event(timed_desk, supervisor, case.id, "case.resolved", {"text": "重新处理"})
    with timed_desk.db.read() as conn:
        assert [n for n, *_ in notice_list(conn, READER)] == [case.number]
    other = register_case(timed_desk, supervisor, intake())
    record_case_event(timed_desk, supervisor, other.id, "case.claimed", {"leader": "李区长"})
    list_for_supervision(timed_desk, supervisor, other.id, "王副主任", datetime(2026, 12, 31).date())
    with timed_desk.db.read() as conn:
        [item] = [i for i in watch_list(conn, READER, T0 + HOUR, timed_desk.calendar).items
                  if i.id == other.id]
    assert {"listed", "claimed"} <= set(item.kinds) and item.leader == "王副主任"
