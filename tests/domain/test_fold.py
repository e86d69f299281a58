"""The workflow rules, as the fold applies them."""

from __future__ import annotations

import pytest

from desk_app.domain.case import fold
from desk_app.domain.events import Event, EventError

from .factory import SATISFIED, UNHAPPY_EFFECT, Timeline


def handled_case() -> Timeline:
    t = Timeline()
    t.register()
    t.add("case.dispatched", lead="D-ENV", co=["D-HOUSING"], mode="auto")
    t.add("case.signed", department="D-ENV")
    t.add("case.replied", department="D-ENV", text="已责令工地停止夜间施工")
    t.add("case.resolved", text="工地已停工，诉求人确认")
    return t


def test_full_path_to_closure() -> None:
    t = handled_case()
    t.add("case.evaluated", **SATISFIED)
    state = fold(t.case_id, t.events)
    assert state.status == "closed"
    assert state.lead == "D-ENV" and state.co == ("D-HOUSING",)
    assert [s.type for s in state.steps] == [e.type for e in t.events]
    assert state.conflicts == []


def test_unsatisfied_effect_returns_the_case_and_restarts_its_clock() -> None:
    t = handled_case()
    evaluated = t.add("case.evaluated", **UNHAPPY_EFFECT)
    state = fold(t.case_id, t.events)
    assert state.status == "returned"
    assert state.times_returned == 1 and not state.supervised
    assert state.handling_started_at is not None
    assert int(state.handling_started_at.timestamp() * 1000) == evaluated.wall_ms


@pytest.mark.parametrize("dimension", ["speed", "service"])
def test_unsatisfied_on_speed_or_service_does_not_return(dimension: str) -> None:
    t = handled_case()
    t.add("case.evaluated", **{**SATISFIED, dimension: "unsatisfied"})
    assert fold(t.case_id, t.events).status == "closed"


def test_unsatisfied_feedback_quality_returns() -> None:
    t = handled_case()
    t.add("case.evaluated", **{**SATISFIED, "feedback": "unsatisfied"})
    assert fold(t.case_id, t.events).status == "returned"


def test_unsatisfied_again_after_a_return_means_special_supervision() -> None:
    t = handled_case()
    t.add("case.evaluated", **UNHAPPY_EFFECT)
    t.add("case.replied", department="D-ENV", text="重新处理")
    t.add("case.resolved", text="再次处理完毕")
    t.add("case.evaluated", **UNHAPPY_EFFECT)
    state = fold(t.case_id, t.events)
    assert state.supervised and state.status == "returned" and state.times_returned == 2


def test_settled_on_the_spot() -> None:
    t = Timeline()
    t.register(kind="consultation")
    t.add("case.resolved", text="已当场解答社保缴费问题", on_spot=True)
    state = fold(t.case_id, t.events)
    assert state.status == "resolved" and state.on_spot and state.lead is None


def test_on_the_spot_only_before_dispatch() -> None:
    t = Timeline()
    t.register()
    t.add("case.dispatched", lead="D-ENV", mode="auto")
    late = t.add("case.resolved", text="当场解答", on_spot=True)
    state = fold(t.case_id, t.events)
    assert state.status == "dispatched"
    assert [c.event_id for c in state.conflicts] == [late.id]


def test_resolving_a_voided_case_is_kept_as_a_conflict() -> None:
    t = Timeline()
    t.register()
    t.add("case.voided", reason="重复登记")
    resolved = t.add("case.resolved", text="已处理")
    state = fold(t.case_id, t.events)
    assert state.status == "voided"
    assert len(state.conflicts) == 1
    assert state.conflicts[0].event_id == resolved.id
    assert "voided" in state.conflicts[0].render()


def test_signing_for_a_department_not_dispatched_to_is_a_conflict() -> None:
    t = Timeline()
    t.register()
    t.add("case.dispatched", lead="D-ENV", co=["D-HOUSING"], mode="auto")
    wrong = t.add("case.signed", department="D-POLICE")
    state = fold(t.case_id, t.events)
    assert state.status == "dispatched" and state.conflicts[0].event_id == wrong.id
    t.add("case.signed", department="D-HOUSING")  # a co-department signs on its own clock
    state = fold(t.case_id, t.events)
    assert state.status == "dispatched" and set(state.signed_by) == {"D-HOUSING"}
    t.add("case.signed", department="D-ENV")  # the case counts as signed when the lead signs
    assert fold(t.case_id, t.events).status == "signed"


def test_redispatch_records_the_change_of_department() -> None:
    t = Timeline()
    t.register()
    t.add("case.dispatched", lead="D-ENV", mode="auto")
    t.add("case.signed", department="D-ENV")
    t.add("case.dispatched", lead="D-HOUSING", mode="manual", note="属住建局职责")
    state = fold(t.case_id, t.events)
    assert state.status == "dispatched" and state.lead == "D-HOUSING" and state.signed_at is None
    leads = [s.payload["lead"] for s in state.steps if s.type == "case.dispatched"]
    assert leads == ["D-ENV", "D-HOUSING"]


def test_escalation_only_goes_up() -> None:
    t = Timeline()
    t.register()
    t.add("case.escalated", to_level="street", reason="跨社区问题")
    t.add("case.escalated", to_level="district", reason="跨部门")
    again = t.add("case.escalated", to_level="street", reason="误操作")
    state = fold(t.case_id, t.events)
    assert state.level == "district"
    assert [c.event_id for c in state.conflicts] == [again.id]


def test_reminders_repeats_supervision_and_comments_are_counted() -> None:
    t = Timeline()
    t.register()
    t.add("case.reminded", note="请尽快处理")
    t.add("case.reminded")
    t.add("case.repeated", channel="phone", note="居民再次来电")
    t.add("case.supervised", reason="挂牌督办")
    t.add("case.commented", text="已电话联系诉求人")
    state = fold(t.case_id, t.events)
    assert (state.reminders, state.repeats, state.supervised) == (2, 1, True)


def test_merge_and_split_end_the_case() -> None:
    t = Timeline()
    t.register()
    other = Timeline().case_id
    t.add("case.merged", into=other)
    state = fold(t.case_id, t.events)
    assert state.status == "merged" and state.merged_into == other
    self_merge = Timeline()
    self_merge.register()
    self_merge.add("case.merged", into=self_merge.case_id)
    assert fold(self_merge.case_id, self_merge.events).conflicts

    s = Timeline()
    s.register()
    s.add("case.split", into=[Timeline().case_id, Timeline().case_id])
    assert fold(s.case_id, s.events).status == "split"


def test_comment_on_a_closed_case_is_allowed_but_a_reminder_is_not() -> None:
    t = handled_case()
    t.add("case.evaluated", **SATISFIED)
    t.add("case.commented", text="回访记录")
    reminder = t.add("case.reminded")
    state = fold(t.case_id, t.events)
    assert state.status == "closed"
    assert [c.event_id for c in state.conflicts] == [reminder.id]


def test_events_without_registration_wait_and_are_not_conflicts() -> None:
    t = Timeline()
    registered = t.register()
    t.add("case.dispatched", lead="D-ENV", mode="auto")
    partial = fold(t.case_id, t.events[1:])
    assert partial.status == "incomplete" and partial.conflicts == []
    assert fold(t.case_id, [t.events[1], registered]).status == "dispatched"


def test_second_registration_is_a_conflict() -> None:
    t = Timeline()
    t.register()
    twice = t.register()
    state = fold(t.case_id, t.events)
    assert [c.event_id for c in state.conflicts] == [twice.id]


def test_duplicates_and_foreign_events_are_ignored() -> None:
    t = handled_case()
    stranger = Timeline()
    stranger.register()
    state = fold(t.case_id, t.events + t.events[:2] + stranger.events)
    assert len(state.steps) == len(t.events)


def test_unknown_event_type_and_bad_payloads_are_refused_with_a_message() -> None:
    t = Timeline()
    good = t.register()
    data = good.to_dict()
    # From another replica, a newer version's type or field is kept as it came (test_versions).
    assert Event.from_dict({**data, "type": "case.teleported"}).payload == data["payload"]
    with pytest.raises(EventError, match="Unknown event type"):
        Event.from_dict({**data, "type": "Case Teleported"})
    with pytest.raises(EventError, match="Unknown event type"):
        Event(**{**data, "type": "case.teleported"}).validated()  # local writes stay strict
    with pytest.raises(EventError, match="urgency"):
        Event.from_dict({**data, "payload": {**data["payload"], "urgency": "whenever"}})
    with pytest.raises(EventError, match="description"):
        Event.from_dict({**data, "payload": {**data["payload"], "description": ""}})
    assert Event.from_dict({**data, "payload": {**data["payload"], "colour": "red"}}
                           ).payload["colour"] == "red"
    with pytest.raises(EventError, match="Unexpected field"):
        Event(**{**data, "payload": {**data["payload"], "colour": "red"}}).validated()
    with pytest.raises(EventError, match="too long"):
        Event.from_dict({**data, "payload": {**data["payload"], "title": "长" * 101}})
    with pytest.raises(EventError, match="no “hlc”"):
        Event.from_dict({k: v for k, v in data.items() if k != "hlc"})
    with pytest.raises(EventError):
        Event.from_dict({**data, "hlc": "yesterday"})
    with pytest.raises(EventError, match="organisation"):
        Event.from_dict({**data, "org": "'; DROP TABLE"})
    with pytest.raises(EventError, match="object"):
        Event.from_dict(["not", "an", "event"])
    assert Event.from_dict(data) == good
