"""Convergence: any permutation of a case's events, split in any way across two replicas that
then exchange what they have, folds to the identical state on both."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from desk_app.domain.case import fold
from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7

from .factory import REGISTRATION

OPS: dict[str, Any] = {
    "case.dispatched": {"lead": "D-ENV", "co": ["D-HOUSING"], "mode": "auto"},
    "case.signed": {"department": "D-ENV"},
    "case.replied": {"department": "D-ENV", "text": "已处理"},
    "case.resolved": {"text": "已办结"},
    "case.evaluated": {"speed": "satisfied", "effect": "unsatisfied", "service": "basic",
                       "feedback": "satisfied", "method": "phone"},
    "case.returned": {"reason": "质量不达标"},
    "case.escalated": {"to_level": "street", "reason": "跨部门"},
    "case.reminded": {"note": "催办"},
    "case.supervised": {"reason": "督办"},
    "case.voided": {"reason": "误登记"},
    "case.commented": {"text": "备注"},
    "case.repeated": {"channel": "phone"},
}
DESKS = ("YT-HS-01", "YT-HS-02", "CENTRE")


@st.composite
def case_histories(draw: st.DrawFn) -> list[Event]:
    """A registration and 0-14 further events made on three desks with skewed clocks that now
    and then see each other's stamps (as after a sync)."""
    skews = draw(st.lists(st.integers(-3_600_000, 3_600_000), min_size=3, max_size=3))
    walls = [1_795_000_000_000 + s for s in skews]
    clocks = [HybridClock(d, wall=lambda i=i: walls[i]) for i, d in enumerate(DESKS)]
    case_id = uuid7()

    def make(desk: int, type_: str, payload: dict[str, Any]) -> Event:
        return Event(uuid7(), "case", case_id, type_, payload, f"u@{DESKS[desk]}", DESKS[desk],
                     clocks[desk].now(), "YT-HS-PW").validated()

    events = [make(0, "case.registered", REGISTRATION)]
    steps = draw(st.lists(st.tuples(st.integers(0, 2), st.sampled_from(sorted(OPS)),
                                    st.integers(0, 600_000), st.booleans()), max_size=14))
    for desk, type_, advance, sync in steps:
        walls[desk] += advance
        if sync:
            clocks[desk].observe(events[-1].hlc)
        events.append(make(desk, type_, OPS[type_]))
    return events


@settings(max_examples=300, deadline=None)
@given(history=case_histories(), data=st.data())
def test_any_permutation_and_split_converges(history: list[Event], data: st.DataObject) -> None:
    case_id = history[0].entity_id
    shuffled = data.draw(st.permutations(history))
    where = data.draw(st.lists(st.sampled_from("AB+"), min_size=len(shuffled),
                               max_size=len(shuffled)))
    replica_a = [e for e, w in zip(shuffled, where, strict=True) if w in "A+"]
    replica_b = [e for e, w in zip(shuffled, where, strict=True) if w in "B+"]
    # Each replica folds what it has (partial states must not raise) ...
    fold(case_id, replica_a)
    fold(case_id, replica_b)
    # ... then they exchange: A appends what B had, B appends what A had.
    merged_a = replica_a + [e for e in replica_b if e not in replica_a]
    merged_b = replica_b + [e for e in replica_a if e not in replica_b]
    state_a, state_b = fold(case_id, merged_a), fold(case_id, merged_b)
    assert state_a == state_b
    assert state_a == fold(case_id, history)
    # Nothing is dropped: every event is either a step of the path or a reported conflict.
    accounted = {s.event_id for s in state_a.steps} | {c.event_id for c in state_a.conflicts}
    assert accounted == {e.id for e in history}


@settings(max_examples=150, deadline=None)
@given(case_histories())
def test_the_fast_constructors_make_the_same_values_as_the_dataclasses(
        events: list[Event]) -> None:
    """The fold builds its state and steps from templates, and the store its events from log
    rows without __init__ (issue 14): each equals what the dataclass's own __init__ makes."""
    from dataclasses import astuple

    from desk_app.domain.case import CaseState, Step, _blank
    from desk_app.domain.events import stored_event

    case_id = events[0].entity_id
    assert _blank(case_id) == CaseState(id=case_id)
    assert _blank(case_id).steps is not _blank(case_id).steps
    state = fold(case_id, events)
    assert all(step == Step(*astuple(step)) for step in state.steps)
    remade = [stored_event(*astuple(e)) for e in events]
    assert remade == events and all(type(e) is Event for e in remade)
    assert fold(case_id, remade) == state
