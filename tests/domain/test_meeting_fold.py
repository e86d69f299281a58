"""Meetings and receptions edited on two replicas in any order end identical, and a field
changed on both sides is shown as a clash until someone settles it."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.domain.meeting import fold_meeting
from desk_app.domain.outreach import fold_outreach

CALL = {"level": "community", "title": "楼道杂物堆放", "scheduled_at": "2026-11-25 15:00",
        "place": "二楼会议室", "convener": "陈洁", "departments": ["D-URBAN"]}


class Replica:
    def __init__(self, desk: str, wall: int) -> None:
        self.desk, self.wall = desk, [wall]
        self.clock = HybridClock(desk, wall=lambda: self.wall[0])
        self.events: dict[str, Event] = {}

    def make(self, entity: str, entity_id: str, type_: str, payload: dict[str, Any]) -> Event:
        self.wall[0] += 1000
        event = Event(uuid7(), entity, entity_id, type_, payload, f"u@{self.desk}", self.desk,
                      self.clock.now(), "YT-HS-PW").validated()
        self.events[event.id] = event
        return event

    def take(self, other: Replica) -> None:
        for event in other.events.values():
            self.clock.observe(event.hlc)
        self.events.update(other.events)

    def edit(self, meeting_id: str, field: str, value: str) -> Event:
        bases = fold_meeting(meeting_id, self.events.values()).fields.heads(field)
        payload = {"field": field, "value": value, **({"bases": bases} if bases else {})}
        return self.make("meeting", meeting_id, "meeting.updated", payload)


def test_minutes_written_on_two_desks_offline_clash_until_settled() -> None:
    a, b = Replica("YT-HS-01", 1_795_000_000_000), Replica("YT-HS-02", 1_795_000_000_500)
    meeting_id = uuid7()
    a.make("meeting", meeting_id, "meeting.called", CALL)
    b.take(a)
    a.edit(meeting_id, "minutes", "甲工作台记录的纪要")
    b.edit(meeting_id, "minutes", "乙工作台记录的纪要")
    a.take(b)
    b.take(a)
    state_a = fold_meeting(meeting_id, a.events.values())
    assert state_a == fold_meeting(meeting_id, b.events.values())
    clash = state_a.fields.clashes["minutes"]
    both = {clash.kept.value, *(v.value for v in clash.lost)}
    assert both == {"甲工作台记录的纪要", "乙工作台记录的纪要"}  # nothing lost, both shown
    a.edit(meeting_id, "minutes", "书记核定后的纪要")  # the secretary settles it
    settled = fold_meeting(meeting_id, a.events.values())
    assert settled.minutes == "书记核定后的纪要" and "minutes" not in settled.fields.clashes


OPS = st.lists(st.tuples(st.integers(0, 1), st.sampled_from(
    ["minutes", "place", "attendance", "resolution", "progress", "close", "sync"])),
    min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(ops=OPS, data=st.data())
def test_meetings_edited_on_two_replicas_converge(ops: list[tuple[int, str]],
                                                  data: st.DataObject) -> None:
    replicas = [Replica("YT-HS-01", 1_795_000_000_000), Replica("YT-HS-02", 1_795_000_090_000)]
    meeting_id = uuid7()
    replicas[0].make("meeting", meeting_id, "meeting.called", CALL)
    replicas[1].take(replicas[0])
    resolutions: list[str] = []
    for n, (who, op) in enumerate(ops):
        me = replicas[who]
        if op in ("minutes", "place"):
            me.edit(meeting_id, op, f"{op}-{who}-{n}")
        elif op == "attendance":
            me.edit(meeting_id, "attendance:D-URBAN", "present" if n % 2 else "absent")
        elif op == "resolution":
            resolutions.append(uuid7())
            me.make("meeting", meeting_id, "meeting.resolution_added",
                    {"resolution_id": resolutions[-1], "text": "清理楼道", "owner": "物业",
                     "due": "2026-12-01"})
        elif op == "progress" and resolutions:
            me.make("meeting", meeting_id, "meeting.resolution_progress",
                    {"resolution_id": resolutions[n % len(resolutions)], "percent": n * 5 % 101,
                     "note": "进展"})
        elif op == "close":
            me.make("meeting", meeting_id, "meeting.closed", {})
        elif op == "sync":
            replicas[1 - who].take(me)
            me.take(replicas[1 - who])
    everything = list({**replicas[0].events, **replicas[1].events}.values())
    shuffled = data.draw(st.permutations(everything))
    state = fold_meeting(meeting_id, everything)
    assert fold_meeting(meeting_id, shuffled) == state
    a_then_b = list(replicas[0].events.values()) + list(replicas[1].events.values())
    assert fold_meeting(meeting_id, a_then_b) == state
    # Every event is either applied or reported: closed-without-minutes and the like are kept.
    edits = [e for e in everything if e.type == "meeting.updated"]
    shown = {v.event_id for v in state.fields.values.values()} | {
        v.event_id for c in state.fields.clashes.values() for v in (c.kept, *c.lost)}
    refused = {c.event_id for c in state.conflicts}
    for edit in edits:
        superseded = any(edit.id in e.payload.get("bases", ()) for e in edits)
        assert edit.id in shown or edit.id in refused or superseded


@settings(max_examples=100, deadline=None)
@given(order=st.permutations(range(5)))
def test_receptions_converge_in_any_order(order: list[int]) -> None:
    a, b = Replica("YT-HS-01", 1_795_000_000_000), Replica("YT-HS-02", 1_795_000_000_000)
    visit = uuid7()
    finding = uuid7()
    events = [
        a.make("visit", visit, "visit.logged", {"deputy": "赵敏", "deputy_kind": "npc",
                                                "date": "2026-11-24", "place": "民意室",
                                                "people": 5, "summary": "停车难", "mode": "reception"}),
        a.make("visit", visit, "visit.finding_added",
               {"finding_id": finding, "text": "路灯不亮", "kind": "request"}),
        b.make("visit", visit, "visit.updated", {"field": "people", "value": "6"}),
        a.make("visit", visit, "visit.finding_converted", {"finding_id": finding, "case_id": uuid7()}),
        b.make("visit", visit, "visit.finding_converted", {"finding_id": finding, "case_id": uuid7()}),
    ]
    state = fold_outreach(visit, [events[i] for i in order])
    assert state == fold_outreach(visit, events)
    assert state.findings[finding].case_id is not None
    assert len(state.conflicts) == 1  # the second conversion of one finding is shown, not lost
