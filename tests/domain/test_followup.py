"""The follow-through rules, pure: warning states from the SLA clock's thresholds, deterministic
warning ids, copies of an automatic event, quiet hours, estimated years, and the fold of the new
events (disputes, adjudication, co-departments, routing, owner)."""

from __future__ import annotations

from datetime import date, datetime

from desk_app.domain.case import fold
from desk_app.domain.followup import (
    CaseFacts,
    QuietHours,
    Warn,
    case_warnings,
    daily_reminder_id,
    estimated_years,
    same_automatic,
    warning_id,
)
from desk_app.domain.ids import is_uuid
from desk_app.domain.sla import CHINA, DUE_SOON_FRACTION, SIGN_WITHIN, ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar

from .factory import Timeline

H = 3_600_000
T0 = 1_795_000_000_000


def facts(**changes: object) -> CaseFacts:
    base = dict(id="c", status="signed", urgency="ordinary", registered_at=T0,
                handling_started_at=T0, due_at=T0 + 10 * H,
                due_soon_at=T0 + int(10 * H * DUE_SOON_FRACTION))
    return CaseFacts(**{**base, **changes})  # type: ignore[arg-type]


def kinds(c: CaseFacts, now: int, **kw: object) -> list[str]:
    return [w.kind.value for w in case_warnings(c, now, **kw)]  # type: ignore[arg-type]


def test_due_soon_at_the_clocks_80_percent_and_overdue_after_the_deadline() -> None:
    c = facts()
    assert kinds(c, T0 + 7 * H) == []
    assert kinds(c, T0 + 8 * H) == ["due_soon"]
    assert kinds(c, T0 + 10 * H) == ["due_soon"]  # at the deadline: not yet over
    assert kinds(c, T0 + 10 * H + 1) == ["overdue"]
    assert kinds(facts(status="closed"), T0 + 11 * H) == []


def test_signing_clocks_of_lead_and_co_departments_are_separate() -> None:
    sign = int(SIGN_WITHIN.total_seconds() * 1000)
    c = facts(status="dispatched", sign_due_at=T0 + sign, due_at=T0 + 100 * H,
              due_soon_at=T0 + 80 * H, co_unsigned=(("D-HOUSING", T0),))
    assert kinds(c, T0 + sign) == []
    late = case_warnings(c, T0 + sign + 1)
    assert [w.kind for w in late] == [Warn.SIGN_OVERDUE, Warn.CO_SIGN_OVERDUE]
    assert late[1].detail == "D-HOUSING"


def test_dispatch_targets_unevaluated_and_escalation_to_this_level() -> None:
    urgent = facts(status="registered", urgency="urgent", due_at=None, due_soon_at=None)
    assert kinds(urgent, T0 + 29 * 60_000) == []
    assert kinds(urgent, T0 + 31 * 60_000) == ["awaiting_dispatch"]
    assert kinds(facts(status="registered", due_at=None), T0 + 61 * 60_000) == []
    resolved = facts(status="resolved", resolved_at=T0)
    assert kinds(resolved, T0 + 3 * 24 * H + 1) == ["unevaluated"]
    up = facts(level="street", due_at=T0 + 100 * H, due_soon_at=T0 + 80 * H)
    assert kinds(up, T0 + H, desk_level="street") == ["escalated"]
    assert kinds(up, T0 + H, desk_level="community") == []
    taken = facts(level="street", taken_over_at="street", due_at=T0 + 100 * H,
                  due_soon_at=T0 + 80 * H)
    assert kinds(taken, T0 + H, desk_level="street") == []


def test_warning_ids_are_deterministic_canonical_and_distinct() -> None:
    a = warning_id("case-1", "overdue", T0)
    assert a == warning_id("case-1", "overdue", T0) and is_uuid(a)
    assert a != warning_id("case-1", "overdue", T0 + 1)  # a new clock, a new crossing
    assert a != warning_id("case-1", "due_soon", T0)
    assert daily_reminder_id("c", date(2026, 12, 1)) != daily_reminder_id("c", date(2026, 12, 2))


def test_copies_of_an_automatic_event_are_one_fact_other_events_are_not() -> None:
    one = {"id": "x", "entity": "case", "entity_id": "c", "type": "case.warned",
           "payload": {"threshold": "overdue", "since": 1}, "org": "YT-HS-PW",
           "actor": "followup@YT-HS-01", "desk": "YT-HS-01", "hlc": "1"}
    other_desk = {**one, "actor": "followup@YT-HS-02", "desk": "YT-HS-02", "hlc": "2"}
    assert same_automatic(one, other_desk)
    assert not same_automatic(one, {**other_desk, "payload": {"threshold": "overdue",
                                                               "since": 2}})
    assert not same_automatic({**one, "type": "case.commented"},
                              {**other_desk, "type": "case.commented"})


def test_quiet_hours_and_estimated_years() -> None:
    calendar = WorkCalendar(years=frozenset({2026}))
    quiet = QuietHours(8, 18)
    assert quiet.allows(datetime(2026, 12, 1, 9, tzinfo=CHINA), calendar)  # a Tuesday
    assert not quiet.allows(datetime(2026, 12, 1, 19, tzinfo=CHINA), calendar)
    assert not quiet.allows(datetime(2026, 12, 5, 9, tzinfo=CHINA), calendar)  # Saturday
    start = ms_from_utc(datetime(2026, 12, 15, 10, tzinfo=CHINA))
    due = ms_from_utc(datetime(2027, 1, 6, tzinfo=CHINA))
    assert estimated_years(start, due, calendar) == [2027]
    assert estimated_years(start, start + H, calendar) == []


def test_a_return_by_the_lead_sends_the_case_back_and_two_returns_wait_for_adjudication() -> None:
    t = Timeline()
    t.register()
    t.add("case.dispatched", lead="D-ENV", co=["D-HOUSING"], mode="auto")
    t.add("case.dept_returned", department="D-HOUSING", reason="非本部门职责")
    state = fold(t.case_id, t.events)
    assert state.status == "dispatched" and state.co == () and not state.awaiting_adjudication
    t.add("case.dept_returned", department="D-ENV", reason="应由住建部门办理")
    state = fold(t.case_id, t.events)
    assert state.status == "registered" and state.dept_returned and state.lead is None
    assert state.awaiting_adjudication
    t.add("case.adjudicated", lead="D-HOUSING", reason="区里裁定")
    state = fold(t.case_id, t.events)
    assert state.status == "dispatched" and state.lead == "D-HOUSING"
    assert not state.awaiting_adjudication and not state.conflicts


def test_a_return_on_a_closed_case_or_by_a_stranger_is_a_conflict() -> None:
    t = Timeline()
    t.register()
    t.add("case.dispatched", lead="D-ENV", mode="auto")
    stranger = t.add("case.dept_returned", department="D-POLICE", reason="不是我们的")
    t.add("case.voided", reason="重复")
    late = t.add("case.dept_returned", department="D-ENV", reason="晚到的退回")
    state = fold(t.case_id, t.events)
    assert [c.event_id for c in state.conflicts] == [stranger.id, late.id]


def test_owner_routing_and_claim_in_the_fold() -> None:
    t = Timeline()
    t.register()
    assert fold(t.case_id, t.events).owner == "wangli@YT-HS-01"
    t.add("case.handed_over", to="lisi@YT-HS-01", to_name="李四")
    t.add("case.escalated", to_level="street", reason="跨部门")
    t.add("case.taken_over", level="street")
    t.add("case.listed", leader="王副主任", due="2026-12-31")
    t.add("case.claimed", leader="李区长")
    state = fold(t.case_id, t.events)
    assert state.owner == "lisi@YT-HS-01" and state.taken_over == "street"
    assert state.listed == {"leader": "王副主任", "due": "2026-12-31"}
    assert state.claimed_by == "李区长" and not state.conflicts
    t.add("case.sent_down", to_level="community", instructions="请社区牵头协调")
    state = fold(t.case_id, t.events)
    assert state.level == "community" and state.taken_over is None
    bad = t.add("case.sent_down", to_level="community", instructions="再发一次")
    assert fold(t.case_id, t.events).conflicts[0].event_id == bad.id
