"""The case services: registration, dispatch, the workflow path, conflicts, re-projection."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake, registration_payload
from desk_app.domain.sla import CHINA, ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.case_queries import CaseQuery, list_cases
from desk_app.store.cases import (
    IntakeError,
    NotAllowed,
    case_events,
    dispatch_case,
    find_case_id,
    link_repeat,
    merge_case,
    record_case_event,
    record_evaluation,
    record_reply,
    register_case,
    resolve_case,
    void_case,
)
from desk_app.store.database import Database
from desk_app.store.desk import Desk
from desk_app.store.projection import rebuild_projections
from desk_app.store.schema import case_number_seq, cases, events, outbox
from desk_app.store.users import User
from tests.reading import READER, case_state

MakeIntake = Callable[..., Intake]
UNSATISFIED_EFFECT = {"speed": "satisfied", "effect": "unsatisfied", "service": "satisfied",
                      "feedback": "basic"}
ALL_SATISFIED = dict.fromkeys(("speed", "effect", "service", "feedback"), "satisfied")


def counts(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (events, outbox, cases, case_number_seq)}


def all_rows(desk: Desk) -> list:
    return list_cases(desk, READER, CaseQuery(), limit=10_000).rows


@pytest.fixture
def make_user() -> Callable[..., User]:
    """People as the case services see them: a role and a name on each event. Overrides the
    conftest fixture so that no Argon2 hash is computed per test (accounts: test_users.py)."""
    def make(role: str, username: str | None = None) -> User:
        return User(uuid7(), username or f"{role}1", f"测试{role}", role)
    return make


@pytest.fixture
def desk_at(db: Database, desk: Desk, catalogue: Catalogue, calendar: WorkCalendar
            ) -> Callable[[datetime], Desk]:
    """The same desk, with its clock frozen at a given UTC moment."""
    def make(moment: datetime) -> Desk:
        ms = ms_from_utc(moment)
        return Desk(db, desk.identity, catalogue, calendar, wall=lambda: ms)
    return make


# --- registration ----------------------------------------------------------------------------


def test_case_numbers_use_the_local_date_and_count_up(
        desk_at: Callable[[datetime], Desk], window_user: User, intake: MakeIntake) -> None:
    # 17:30 UTC on the 20th is 01:30 on the 21st in Shenzhen.
    desk = desk_at(datetime(2026, 11, 20, 17, 30, tzinfo=UTC))
    first = register_case(desk, window_user, intake())
    second = register_case(desk, window_user, intake())
    assert first.number == "YT-HS-01-20261121-0001"
    assert second.number == "YT-HS-01-20261121-0002"
    assert find_case_id(desk, READER, "yt-hs-01-20261121-0002 ") == second.id


def test_case_numbers_of_the_real_clock_use_the_shenzhen_date(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    before = datetime.now(CHINA).strftime("%Y%m%d")
    case = register_case(desk, window_user, intake())
    after = datetime.now(CHINA).strftime("%Y%m%d")
    assert case.number in {f"YT-HS-01-{day}-0001" for day in (before, after)}


def test_the_daily_counter_starts_again_on_a_new_local_day(
        desk_at: Callable[[datetime], Desk], window_user: User, intake: MakeIntake) -> None:
    late = register_case(desk_at(datetime(2026, 11, 21, 15, 59, tzinfo=UTC)), window_user,
                         intake())
    next_day = register_case(desk_at(datetime(2026, 11, 21, 16, 1, tzinfo=UTC)), window_user,
                             intake())
    assert late.number == "YT-HS-01-20261121-0001"
    assert next_day.number == "YT-HS-01-20261122-0001"


def test_registration_dispatches_to_the_lead_department_with_co_departments(
        desk: Desk, window_user: User, intake: MakeIntake, catalogue: Catalogue) -> None:
    item = catalogue.items["010202"]  # square dancing: D-STREET with D-POLICE and D-COMMUNITY
    assert len(item.co) == 2
    case = register_case(desk, window_user, intake(category="010202", urgency="ordinary"))
    assert case.status == "dispatched"
    assert case.lead == item.lead
    assert case.co == item.co
    assert case.registered_by == "wangli@YT-HS-01"
    assert case.org == "YT-HS-PW-G01"
    assert [s.type for s in case.steps] == ["case.registered", "case.dispatched"]
    assert case.steps[1].payload["mode"] == "auto"
    row = next(r for r in all_rows(desk) if r.id == case.id)
    assert (row.status, row.lead, row.number) == ("dispatched", item.lead, case.number)
    assert row.sign_due_at is not None


def test_every_event_has_an_outbox_row(desk: Desk, window_user: User,
                                       intake: MakeIntake) -> None:
    register_case(desk, window_user, intake())
    register_case(desk, window_user, intake(), settle_answer="已当场解释夜间施工审批规定")
    with desk.db.read() as conn:
        event_ids = set(conn.execute(select(events.c.id)).scalars())
        queued = set(conn.execute(select(outbox.c.event_id)).scalars())
    assert len(event_ids) == 4
    assert queued == event_ids


def test_settled_on_the_spot(desk: Desk, window_user: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake(kind="consultation"),
                         settle_answer="  已告知居民夜间施工须持证明，可拨打12345。 ")
    assert case.status == "resolved"
    assert case.on_spot is True
    assert case.lead is None
    assert case.resolution == "已告知居民夜间施工须持证明，可拨打12345。"
    assert "case.dispatched" not in [s.type for s in case.steps]
    assert next(r for r in all_rows(desk) if r.id == case.id).status == "resolved"


def test_settling_needs_an_answer(desk: Desk, window_user: User, intake: MakeIntake) -> None:
    before = counts(desk.db)
    with pytest.raises(IntakeError) as caught:
        register_case(desk, window_user, intake(), settle_answer="   ")
    assert set(caught.value.errors) == {"answer"}
    assert counts(desk.db) == before


def test_anonymous_intake_without_a_name_is_accepted(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake(anonymous=True, name="", phone=""))
    assert case.status == "dispatched"
    assert case.anonymous is True
    assert case.name == ""


def test_anonymous_intake_does_not_store_a_typed_name(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake(anonymous=True, name="李秀英"))
    assert case.name == ""
    assert "李秀英" not in str([e.payload for e in case_events(desk, READER, case.id)])


# --- refusals write nothing ------------------------------------------------------------------


@pytest.mark.parametrize(("changes", "fields"), [
    ({"description": ""}, {"description"}),
    ({"description": "   噪音  "}, {"description"}),
    ({"phone": "1381234567"}, {"phone"}),
    ({"phone": "12345678901"}, {"phone"}),
    ({"id_number": "110101199003077777"}, {"id_number"}),
    ({"category": "999999"}, {"category"}),
    ({"grid": "YT-HS-HT-G01"}, {"grid"}),
    ({"name": "", "anonymous": False}, {"name"}),
    ({"description": "", "phone": "123", "id_number": "110101199003077777",
      "category": "999999", "grid": "YT-HS-HT-G01", "name": "  "},
     {"description", "phone", "id_number", "category", "grid", "name"}),
])
def test_invalid_intake_names_every_bad_field_and_writes_nothing(
        desk: Desk, window_user: User, intake: MakeIntake,
        changes: dict[str, object], fields: set[str]) -> None:
    before = counts(desk.db)
    with pytest.raises(IntakeError) as caught:
        register_case(desk, window_user, intake(**changes))
    assert set(caught.value.errors) == fields
    for name, error in caught.value.errors.items():
        assert error.field == name
        assert str(error)
    assert counts(desk.db) == before == {"events": 0, "outbox": 0, "cases": 0,
                                         "case_number_seq": 0}
    good = register_case(desk, window_user, intake())
    assert good.number.endswith("-0001"), "a refused form must not use up a case number"


@pytest.mark.parametrize(("changes", "field"), [
    ({"title": "夜" * 101}, "title"),
    ({"latitude": 222.0, "longitude": 114.2}, "latitude"),
])
def test_intake_check_covers_what_the_event_refuses(
        desk: Desk, window_user: User, intake: MakeIntake,
        changes: dict[str, object], field: str) -> None:
    with pytest.raises(IntakeError) as caught:
        register_case(desk, window_user, intake(phone="123", **changes))
    assert set(caught.value.errors) == {"phone", field}


def test_a_form_refused_inside_the_transaction_leaves_no_trace(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    # An over-long title gets past the intake check but not the event check: whatever the
    # error, the transaction must roll back, case number included.
    with pytest.raises(ValueError, match="title"):
        register_case(desk, window_user, intake(title="夜" * 101))
    assert counts(desk.db) == {"events": 0, "outbox": 0, "cases": 0, "case_number_seq": 0}
    assert register_case(desk, window_user, intake()).number.endswith("-0001")


@pytest.mark.parametrize(("role", "action"), [
    ("deputy", "dispatch"),
    ("grid", "void"),
    ("window", "void"),
    ("window", "merge"),
    ("grid", "resolve"),
])
def test_a_role_without_permission_is_refused_and_nothing_is_written(
        desk: Desk, window_user: User, make_user: Callable[[str], User], intake: MakeIntake,
        role: str, action: str) -> None:
    case = register_case(desk, window_user, intake())
    other = register_case(desk, window_user, intake())
    user = make_user(role)
    before = counts(desk.db)
    steps = {
        "dispatch": lambda: dispatch_case(desk, user, case.id, "D-POLICE"),
        "void": lambda: void_case(desk, user, case.id, "重复登记"),
        "merge": lambda: merge_case(desk, user, case.id, other.id),
        "resolve": lambda: resolve_case(desk, user, case.id, "已处理"),
    }
    with pytest.raises(NotAllowed):
        steps[action]()
    assert counts(desk.db) == before
    assert case_state(desk, case.id).status == "dispatched"


def test_deputy_may_not_register_a_settled_case(
        desk: Desk, make_user: Callable[[str], User], intake: MakeIntake) -> None:
    deputy = make_user("deputy")
    with pytest.raises(NotAllowed):
        register_case(desk, deputy, intake(), settle_answer="已答复")
    assert counts(desk.db)["events"] == 0
    assert register_case(desk, deputy, intake()).status == "dispatched"


# --- the workflow path -----------------------------------------------------------------------


def test_full_path_return_and_supervision(desk: Desk, window_user: User, supervisor: User,
                                          intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    case = dispatch_case(desk, supervisor, case.id, "D-ENV", ["D-HOUSING"], note="请核查")
    assert case.status == "dispatched"
    case = record_case_event(desk, supervisor, case.id, "case.signed", {"department": "D-ENV"})
    assert case.status == "signed"
    case = record_reply(desk, window_user, case.id, "D-ENV", "已责令施工单位停止夜间施工")
    assert case.status == "replied"
    case = resolve_case(desk, window_user, case.id, "施工单位已停工")
    assert case.status == "resolved"
    case = record_evaluation(desk, window_user, case.id, UNSATISFIED_EFFECT)
    assert (case.status, case.times_returned, case.supervised) == ("returned", 1, False)

    # redo: the department answers again, the window resolves again, the resident is unhappy
    case = record_reply(desk, window_user, case.id, "D-ENV", "再次现场检查，已加装隔音屏")
    case = resolve_case(desk, window_user, case.id, "已复查")
    assert case.status == "resolved"
    case = record_evaluation(desk, window_user, case.id, UNSATISFIED_EFFECT)
    assert case.status == "returned"
    assert case.times_returned == 2
    assert case.supervised is True
    assert case.conflicts == []
    row = next(r for r in all_rows(desk) if r.id == case.id)
    assert (row.status, row.supervised, row.times_returned) == ("returned", True, 2)


def test_a_satisfied_evaluation_closes_the_case(desk: Desk, window_user: User,
                                                intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake(), settle_answer="已当场解答")
    case = record_evaluation(desk, window_user, case.id, ALL_SATISFIED, method="window")
    assert case.status == "closed"
    assert case.closed_at is not None


def test_a_forbidden_step_is_kept_and_shown_as_a_conflict(
        desk: Desk, window_user: User, supervisor: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    void_case(desk, supervisor, case.id, "居民撤回诉求")
    after = resolve_case(desk, window_user, case.id, "已处理完毕")
    assert after.status == "voided"
    assert len(after.conflicts) == 1
    conflict = after.conflicts[0]
    assert conflict.type == "case.resolved"
    assert "voided" in conflict.render()
    stored = case_events(desk, READER, case.id)
    assert [e.type for e in stored][-1] == "case.resolved", "the forbidden step stays in the log"
    assert conflict.event_id == stored[-1].id
    row = next(r for r in all_rows(desk) if r.id == case.id)
    assert (row.status, row.conflicts) == ("voided", 1)


def test_link_repeat_counts_the_repeat(desk: Desk, window_user: User,
                                       intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    link_repeat(desk, window_user, case.id, intake(name="张伟", phone="139 0000 1111"))
    again = link_repeat(desk, window_user, case.id, intake(channel="phone"))
    assert again.repeats == 2
    assert again.steps[-2].payload["phone"] == "13900001111"
    assert counts(desk.db)["cases"] == 1, "a repeat is not a second case"
    assert all_rows(desk)[0].repeats == 2


def test_merge_case(desk: Desk, window_user: User, supervisor: User,
                    intake: MakeIntake) -> None:
    keep = register_case(desk, window_user, intake())
    dup = register_case(desk, window_user, intake(name="张伟", phone="13900001111"))
    merged = merge_case(desk, supervisor, dup.id, keep.id)
    assert merged.status == "merged"
    assert merged.merged_into == keep.id
    assert merged.steps[-1].payload["into_number"] == keep.number
    statuses = {r.id: r.status for r in all_rows(desk)}
    assert statuses == {keep.id: "dispatched", dup.id: "merged"}


def test_a_case_cannot_be_merged_into_itself(desk: Desk, window_user: User,
                                             supervisor: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    after = merge_case(desk, supervisor, case.id, case.id)
    assert after.status == "dispatched"
    assert len(after.conflicts) == 1


# --- re-projection ---------------------------------------------------------------------------


def test_rebuild_projections_gives_identical_rows_and_search_still_works(
        desk: Desk, window_user: User, supervisor: User, intake: MakeIntake) -> None:
    a = register_case(desk, window_user, intake())
    b = register_case(desk, window_user, intake(
        description="海景路的路灯不亮了，晚上走路很危险", category="030203", urgency="ordinary",
        name="张伟", phone="0755-25556789", address="海景路12号"))
    c = register_case(desk, window_user, intake(
        anonymous=True, name="", phone="", kind="consultation", category="020102",
        description="咨询物业费上涨是否需要业主大会同意", address=""), settle_answer="已解答")
    void_case(desk, supervisor, b.id, "重复")
    resolve_case(desk, window_user, b.id, "已修复")  # a conflict
    link_repeat(desk, window_user, a.id, intake())
    record_evaluation(desk, window_user, c.id, ALL_SATISFIED)

    def searches() -> list[list[str]]:
        return [[r.id for r in list_cases(desk, READER, CaseQuery(text=q)).rows]
                for q in ("夜间施工", "路灯", "灯", "李秀英", "6789", "13812345678")]

    before_rows, before_search = all_rows(desk), searches()
    assert before_search[0] == [a.id] and before_search[1] == [b.id]
    with desk.db.begin() as conn:
        conn.execute(cases.delete())
    assert all_rows(desk) == []
    with desk.db.begin() as conn:
        assert rebuild_projections(conn, desk.calendar) == 3
    assert all_rows(desk) == before_rows
    assert searches() == before_search


# --- appending events ------------------------------------------------------------------------


def test_append_is_idempotent_and_reports_clashes(desk: Desk, window_user: User,
                                                  intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    actor = window_user.actor(desk.code)
    batch = [desk.new_event(actor, "case", case.id, "case.commented", {"text": f"第{i}次回访"})
             for i in range(3)]
    first = desk.record(batch)
    assert [e.id for e in first.added] == [e.id for e in batch]
    second = desk.record(batch)
    assert second.added == []
    assert sorted(second.already) == sorted(e.id for e in batch)
    assert second.clashes == []
    assert counts(desk.db)["events"] == 5
    assert counts(desk.db)["outbox"] == 5

    changed = dataclasses.replace(batch[1], payload={"text": "被篡改的内容"})
    third = desk.record([changed, batch[0]])
    assert third.clashes == [batch[1].id]
    assert third.already == [batch[0].id]
    assert third.added == []
    stored = {e.id: e for e in case_events(desk, READER, case.id)}
    assert stored[batch[1].id].payload == {"text": "第1次回访"}
    assert counts(desk.db)["events"] == 5


def test_pulled_events_are_not_queued_for_the_centre(desk: Desk, window_user: User,
                                                     intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    event = desk.new_event("zhao@YT-HS-02", "case", case.id, "case.commented", {"text": "远程备注"})
    result = desk.record([event], origin="pulled")
    assert [e.id for e in result.added] == [event.id]
    assert counts(desk.db)["outbox"] == 2
    assert counts(desk.db)["events"] == 3


def test_rebuild_after_a_batch_of_more_than_500_cases_gives_identical_rows(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    actor = window_user.actor(desk.code)
    with desk.db.begin() as conn:
        batch = []
        for i in range(600):
            form = intake(description=f"第{i}号诉求：楼道灯坏了")
            payload = registration_payload(form, desk.catalogue, desk.next_case_number(conn))
            batch.append(desk.new_event(actor, "case", uuid7(), "case.registered", payload,
                                        org=form.grid))
        desk.record(batch, conn=conn)
    query = CaseQuery(sort="category")  # every case has the same category: a 600-way tie
    before = list_cases(desk, READER, query, limit=10_000).rows
    with desk.db.begin() as conn:
        conn.execute(cases.delete())
        rebuild_projections(conn, desk.calendar)
    after = list_cases(desk, READER, query, limit=10_000).rows
    assert sorted(r.id for r in after) == sorted(r.id for r in before)
    assert [r.id for r in after] == [r.id for r in before], "the list order changed"
    assert after == before
