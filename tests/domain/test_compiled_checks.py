"""The payload checks derived from each type's schema (schema.compile_payload) answer exactly as
the schema's own check: the same cleaned payload, or the same refusal with the same reason."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import desk_app.domain  # noqa: F401 - declares every type
from desk_app.domain.events import EVENT_TYPES, Event, EventError, EventType
from desk_app.domain.schema import PayloadError, check_payload

ODD_VALUES: list[Any] = [
    None, "", [], " ", "  padded  ", "x" * 5001, "a\x00b", "\ud800", "D-A", "D-" + "A" * 31,
    "YT-HS", "yt-hs", "030201", "13812345678", "1" * 17 + "X", True, False, 0, 1, -1, 2.5,
    float("nan"), 10**9, {}, {"a": 1}, ["D-A"], ["D-A"] * 11, [1], [""], ["x", None],
    "0190c1a2-0000-7000-8000-000000000000", "0190C1A2-0000-7000-8000-000000000000",
    "中文文本", "ok\n",
]


def outcome(check: Any, payload: Any, keep_unknown: bool) -> tuple[str, Any]:
    try:
        return "ok", check(payload, keep_unknown)
    except PayloadError as error:
        return "refused", (error.text, error.values)


def same_answers(kind: EventType, payload: Any, keep_unknown: bool) -> None:
    slow = outcome(lambda p, k: check_payload(kind.payload, p, k), payload, keep_unknown)
    fast = outcome(kind.check, payload, keep_unknown)
    assert fast == slow
    if fast[0] == "ok":  # the same values, with the same types: what is stored is the same
        assert json.dumps(fast[1], sort_keys=True) == json.dumps(slow[1], sort_keys=True)


@pytest.mark.parametrize("kind", [k for k in EVENT_TYPES.values() if k.sample is not None],
                         ids=lambda k: k.name)
def test_each_field_set_to_odd_values_gets_the_same_answer(kind: EventType) -> None:
    sample = dict(kind.sample or {})
    for keep_unknown in (False, True):
        same_answers(kind, sample, keep_unknown)
        for name in kind.payload:
            for value in ODD_VALUES:
                same_answers(kind, {**sample, name: value}, keep_unknown)
            same_answers(kind, {k: v for k, v in sample.items() if k != name}, keep_unknown)
        for extra in ({"zz_newer": 1}, {"a" * 41: 1}, {"aa_newer": [1], "b_newer": None}):
            same_answers(kind, {**sample, **extra}, keep_unknown)
        for not_a_payload in (None, [], "x", 1):
            same_answers(kind, not_a_payload, keep_unknown)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**12) | st.floats(allow_nan=False)
    | st.text(max_size=30) | st.sampled_from(ODD_VALUES[:22]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6)


@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from([k for k in EVENT_TYPES.values() if k.sample is not None]),
       changes=st.dictionaries(st.text(max_size=12), json_values, max_size=4),
       use_names=st.lists(st.integers(0, 30), max_size=4), keep_unknown=st.booleans())
def test_random_payloads_get_the_same_answer(kind: EventType, changes: dict[str, Any],
                                             use_names: list[int], keep_unknown: bool) -> None:
    names = list(kind.payload)
    payload = dict(kind.sample or {})
    for n, (key, value) in zip(use_names, changes.items(), strict=False):
        payload[names[n % len(names)] if n < 20 else key] = value
    same_answers(kind, payload, keep_unknown)


def test_an_event_from_a_replica_keeps_its_canonical_json() -> None:
    """What the centre stores is the canonical JSON made while checking, the same text as
    made afresh."""
    kind = EVENT_TYPES["case.resolved"]
    event = Event.from_dict({"id": "0190c1a2-0000-7000-8000-000000000001", "entity": "case",
                             "entity_id": "0190c1a2-0000-7000-8000-000000000002",
                             "type": kind.name, "payload": {"text": "  已办结  ", "zz": [1, "二"]},
                             "actor": "w@YT-HS-01", "desk": "YT-HS-01",
                             "hlc": "001700000000000-00000-YT-HS-01", "org": "YT-HS-PW"})
    fresh = Event(*(getattr(event, f) for f in ("id", "entity", "entity_id", "type", "payload",
                                                "actor", "desk", "hlc", "org")))
    assert event.payload_json() == fresh.payload_json() == '{"text":"已办结","zz":[1,"二"]}'
    with pytest.raises(EventError, match="too large"):
        Event.from_dict({**event.to_dict(), "payload": {"text": "好", "zz": "好" * 30_000}})


ENVELOPE_ODD: dict[str, list[Any]] = {
    "id": ["", "0190C1A2-0000-7000-8000-000000000001", "0190c1a2-0000-7000-8000-00000000001",
           "0190c1a2-0000-7000-8000-000000000001 ", None, 1],
    "entity": ["meeting", "", None, "case "],
    "entity_id": ["x", "0190c1a2-0000-7000-8000-000000000002\n", None],
    "type": ["case.nope", "zz.newer_thing", "Case.Resolved", "", None, ["case.resolved"]],
    "actor": ["", "w" * 100, "w" * 101, "w x@YT-HS-01", None],
    "desk": ["", "D" * 64, "D" * 65, None],
    "hlc": ["001700000000000-00000-YT-HS-01 ", "1700000000000-00000-YT-HS-01",
            "001700000000000-00000-", "٠٠١٧٠٠٠٠٠٠٠٠٠٠٠-00000-YT-HS-01", None],
    "org": ["YT-HS-PW\n", "yt-hs", "YT-HS PW", "", "A-B-C-D-E-F-G", None],
}


def _event_outcome(data: dict[str, Any], one_by_one: bool) -> tuple[str, Any]:
    from desk_app.domain import events

    try:
        if one_by_one:
            event = events._checked(None, *(data[k] for k in events._ENVELOPE), True)
        else:
            event = Event.from_dict(data)
    except EventError as error:
        return "refused", (error.text, error.values)
    return "ok", (event.to_dict(), event.payload_json())


def test_odd_envelopes_get_the_same_answer_in_one_match_as_one_check_at_a_time() -> None:
    """The envelope's checks in one match (the usual event) answer as they do one by one."""
    base = {"id": "0190c1a2-0000-7000-8000-000000000001", "entity": "case",
            "entity_id": "0190c1a2-0000-7000-8000-000000000002", "type": "case.resolved",
            "payload": {"text": "已办结"}, "actor": "w@YT-HS-01", "desk": "YT-HS-01",
            "hlc": "001700000000000-00000-YT-HS-01", "org": "YT-HS-PW"}
    assert _event_outcome(base, False)[0] == "ok"
    for name, values in ENVELOPE_ODD.items():
        for value in values:
            data = {**base, name: value}
            assert _event_outcome(data, False) == _event_outcome(data, True), (name, value)
