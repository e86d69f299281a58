"""get_case keeps the last fold of a case while its events are unchanged (store/case_cache.py):
what it hands out must always equal a fresh fold of the log, after every kind of write, a pull,
a write by another connection to the same file, and a discarded (or re-opened) refused event."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desk_app.domain.case import CaseState, fold
from desk_app.domain.intake import Intake
from desk_app.store import case_cache
from desk_app.store.cases import (
    SplitPart,
    case_events,
    comment_case,
    dispatch_case,
    escalate_case,
    get_case,
    link_repeat,
    merge_case,
    record_case_event,
    record_evaluation,
    record_reply,
    register_case,
    remind_case,
    resolve_case,
    split_case,
    supervise_case,
    void_case,
)
from desk_app.store.database import open_database
from desk_app.store.desk import Desk
from desk_app.store.sync_state import discard_rejected, record_answers
from desk_app.store.users import User
from tests.reading import READER

from ..conftest import TEST_KEY

MakeIntake = Callable[..., Intake]
UNSATISFIED_EFFECT = {"speed": "satisfied", "effect": "unsatisfied", "service": "satisfied",
                      "feedback": "basic"}


def fresh(desk: Desk, case_id: str) -> CaseState:
    """The fold of the log as it is now, by the ordinary (uncached) path."""
    return fold(case_id, case_events(desk, READER, case_id))


def same_as_the_log(desk: Desk, case_id: str) -> CaseState:
    state = get_case(desk, READER, case_id)
    assert state == fresh(desk, case_id)
    assert get_case(desk, READER, case_id) == state  # and again, from what was kept
    return state


def test_every_kind_of_write_is_seen_at_once(desk: Desk, window_user: User, supervisor: User,
                                             intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    other = register_case(desk, window_user, intake(description="小区东门路灯不亮已经一周"))
    assert same_as_the_log(desk, case.id).status == "dispatched"
    steps: list[tuple[Callable[[], object], Callable[[CaseState], bool]]] = [
        (lambda: dispatch_case(desk, supervisor, case.id, "D-ENV", ["D-HOUSING"], note="请核查"),
         lambda s: s.lead == "D-ENV" and s.co == ("D-HOUSING",)),
        (lambda: record_case_event(desk, supervisor, case.id, "case.signed",
                                   {"department": "D-ENV"}), lambda s: s.status == "signed"),
        (lambda: record_reply(desk, window_user, case.id, "D-ENV", "已责令停止夜间施工"),
         lambda s: s.status == "replied"),
        (lambda: resolve_case(desk, window_user, case.id, "施工单位已停工"),
         lambda s: s.status == "resolved"),
        (lambda: record_evaluation(desk, window_user, case.id, UNSATISFIED_EFFECT),
         lambda s: s.status == "returned" and s.times_returned == 1),
        (lambda: remind_case(desk, window_user, case.id, "请尽快办理"),
         lambda s: s.reminders == 1),
        (lambda: supervise_case(desk, supervisor, case.id, "群众反映强烈"),
         lambda s: s.supervised),
        (lambda: comment_case(desk, window_user, case.id, "居民再次来电"),
         lambda s: s.steps[-1].type == "case.commented"),
        (lambda: escalate_case(desk, supervisor, case.id, "street", "跨部门问题"),
         lambda s: s.level == "street"),
        (lambda: link_repeat(desk, window_user, case.id, intake(description="又来反映噪音")),
         lambda s: s.steps[-1].type == "case.repeated"),
    ]
    for write, shows in steps:
        before = get_case(desk, READER, case.id)
        write()
        after = same_as_the_log(desk, case.id)
        assert after != before and shows(after), after.steps[-1]
    get_case(desk, READER, other.id)
    merge_case(desk, supervisor, other.id, case.id)
    assert same_as_the_log(desk, other.id).merged_into == case.id
    before = get_case(desk, READER, other.id)
    void_case(desk, supervisor, other.id, "重复登记")
    assert same_as_the_log(desk, other.id) != before


def test_a_split_and_its_parts(desk: Desk, window_user: User, supervisor: User,
                               intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    get_case(desk, READER, case.id)
    item = intake().category
    parts = split_case(desk, supervisor, case.id, [SplitPart("楼道灯坏了", item),
                                                   SplitPart("垃圾没人清运", item)], "两件事")
    assert same_as_the_log(desk, case.id).status == "split"
    for part in parts:
        assert same_as_the_log(desk, part.id).split_from == case.id


def test_a_pulled_event_and_another_connection_writing_are_seen(
        desk: Desk, window_user: User, intake: MakeIntake, tmp_path: object) -> None:
    case = register_case(desk, window_user, intake())
    get_case(desk, READER, case.id)
    pulled = desk.new_event("zhao@YT-HS-02", "case", case.id, "case.commented", {"text": "远程备注"})
    desk.record([pulled], origin="pulled")
    assert same_as_the_log(desk, case.id).steps[-1].event_id == pulled.id

    # Another Database on the same file (another process, the report tool) writes.
    second = open_database(desk.db.path, key=TEST_KEY)
    try:
        other = Desk(second, desk.identity, desk.catalogue, desk.calendar)
        remind_case(other, window_user, case.id, "另一个连接的催办")
    finally:
        second.close()
    assert same_as_the_log(desk, case.id).reminders == 1


def test_a_discarded_refused_event_leaves_the_state_and_a_reopened_one_comes_back(
        desk: Desk, window_user: User, supervisor: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake())
    a = remind_case(desk, window_user, case.id, "第一次催办").steps[-1].event_id
    b = remind_case(desk, window_user, case.id, "第二次催办").steps[-1].event_id
    assert same_as_the_log(desk, case.id).reminders == 2
    with desk.db.begin() as conn:
        record_answers(conn, [], {a: ("scope", "不在范围内"), b: ("scope", "不在范围内")})
    discard_rejected(desk, supervisor, a, "确实有误")
    assert same_as_the_log(desk, case.id).reminders == 1
    # The centre refuses A again (a re-offer after its restore): A is open, so it counts again;
    # then B is discarded. As many events as before, with the same highest one: still seen.
    with desk.db.begin() as conn:
        record_answers(conn, [], {a: ("scope", "不在范围内")})
    discard_rejected(desk, supervisor, b, "也有误")
    state = same_as_the_log(desk, case.id)
    assert [s.event_id for s in state.steps if s.type == "case.reminded"] == [a]


def test_what_a_caller_changes_in_its_copy_stays_there(desk: Desk, window_user: User,
                                                       intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake(phone="13800138000"))
    handed = get_case(desk, READER, case.id)
    handed.phone = "138****8000"  # a role that may not see phones gets a masked copy
    handed.steps.clear()
    handed.warnings.add(("x", 1))
    again = get_case(desk, READER, case.id)
    assert again.phone == "13800138000" and again.steps and not again.warnings
    assert again == fresh(desk, case.id)


def test_an_unchanged_case_is_not_folded_again(desk: Desk, window_user: User,
                                               intake: MakeIntake,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    case = register_case(desk, window_user, intake())
    folds: list[str] = []
    real = case_cache.fold
    monkeypatch.setattr(case_cache, "fold", lambda cid, evs: folds.append(cid) or real(cid, evs))
    for _ in range(3):
        get_case(desk, READER, case.id)
    assert folds == [case.id]
    remind_case(desk, window_user, case.id)
    get_case(desk, READER, case.id)
    assert len(folds) == 2


def test_an_unknown_case_is_an_incomplete_state_each_time(desk: Desk) -> None:
    assert get_case(desk, READER, "no-such-case").status == "incomplete"
    assert get_case(desk, READER, "no-such-case") == fresh(desk, "no-such-case")
