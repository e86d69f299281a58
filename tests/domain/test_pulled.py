"""The pull's fast check gives exactly what Event.from_dict gives: the same event, or a refusal."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

# imported for the event types they declare
import desk_app.domain.audit
import desk_app.domain.case
import desk_app.domain.meeting
import desk_app.domain.outreach  # noqa: F401
from desk_app.domain.events import EVENT_TYPES, MAX_PAYLOAD_BYTES, Event, EventError
from desk_app.domain.ids import uuid7
from desk_app.domain.pulled import pulled_event
from tests.domain.factory import Timeline

STAMP = "001795000000000-00000-YT-HS-01"


def _samples() -> list[dict[str, Any]]:
    """Every declared type's sample, as the centre sends it, and a whole case's events."""
    found = []
    for kind in EVENT_TYPES.values():
        if kind.sample is None:
            continue
        event = Event(uuid7(), kind.entity, uuid7(), kind.name, dict(kind.sample),
                      "wangli@YT-HS-01", "YT-HS-01", STAMP, "YT-HS-PW").validated()
        found.append(event.to_dict())
    timeline = Timeline()
    timeline.register(address="鹏湾花园3栋", phone="13812345678")
    timeline.add("case.dispatched", lead="D-ENV", co=["D-HOUSING"], mode="auto")
    timeline.add("case.resolved", text="已办结")
    return found + [e.to_dict() for e in timeline.events]


def _outcome(call: Callable[[], Event]) -> object:
    try:
        return call().to_dict()
    except EventError as error:
        return ("refused", type(error))


SAMPLES = _samples()


@pytest.mark.parametrize("data", SAMPLES, ids=[d["type"] for d in SAMPLES])
def test_a_clean_event_is_taken_as_it_came(data: dict[str, Any]) -> None:
    assert pulled_event(copy.deepcopy(data), True).to_dict() == Event.from_dict(data).to_dict()


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = d
        for p in parents:
            target = target[p]
        target[last] = value
    return change


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def change(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        target = d
        for p in parents:
            target = target[p]
        target.pop(last, None)
    return change


REGISTERED = next(d for d in SAMPLES if d["type"] == "case.registered"
                  and "address" in d["payload"])
CHANGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "upper-case id": lambda d: d.__setitem__("id", d["id"].upper()),
    "upper-case record id": lambda d: d.__setitem__("entity_id", d["entity_id"].upper()),
    "bad id": _set("id", "not-an-id"),
    "bad stamp": _set("hlc", "yesterday"),
    "bad org": _set("org", "yt-hs"),
    "empty actor": _set("actor", ""),
    "long desk": _set("desk", "D" * 65),
    "number as actor": _set("actor", 12),
    "extra envelope field": _set("seq", 3),
    "missing envelope field": _drop("org"),
    "wrong entity": _set("entity", "meeting"),
    "undeclared type": _set("type", "case.teleported"),
    "bad type name": _set("type", "Case Teleported"),
    "payload not an object": _set("payload", ["x"]),
    "title with spaces round it": _set("payload.title", "  楼道灯坏了 "),
    "empty optional address": _set("payload.address", ""),
    "null optional address": _set("payload.address", None),
    "empty title": _set("payload.title", ""),
    "missing title": _drop("payload.title"),
    "title a number": _set("payload.title", 5),
    "title too long": _set("payload.title", "长" * 500),
    "bad kind": _set("payload.kind", "praise-and-blame"),
    "bad category": _set("payload.category", "x"),
    "broken text": _set("payload.description", "a\ud800b"),
    "NUL in text": _set("payload.description", "a\x00b"),
    "unknown payload field kept": _set("payload.colour", "红"),
    "long unknown field name": _set("payload." + "f" * 41, 1),
    "too large": _set("payload.colour", "长" * MAX_PAYLOAD_BYTES),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_an_event_that_is_not_clean_gets_what_from_dict_gives(name: str) -> None:
    data = copy.deepcopy(REGISTERED)
    CHANGES[name](data)
    # text_checked=False: the fast check must find broken text itself
    assert _outcome(lambda: pulled_event(copy.deepcopy(data))) == \
        _outcome(lambda: Event.from_dict(copy.deepcopy(data)))


def test_every_declared_payload_change_matches() -> None:
    """Each field of each sample emptied, spaced or of the wrong type: the same outcome."""
    for data in SAMPLES:
        for name, value in data["payload"].items():
            for bad in ("", None, [], 7, True, f" {value} " if isinstance(value, str) else value,
                        [value], "x" * 300):
                changed = copy.deepcopy(data)
                changed["payload"][name] = bad
                assert _outcome(lambda c=changed: pulled_event(copy.deepcopy(c))) == \
                    _outcome(lambda c=changed: Event.from_dict(copy.deepcopy(c))), (data["type"], name, bad)


def test_a_clean_event_of_every_declared_type_takes_the_fast_path(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Else the check would be right but no faster."""
    wanted = {d["type"] for d in SAMPLES}

    def slow(_data: object) -> Event:
        raise AssertionError("took the full path")

    monkeypatch.setattr(Event, "from_dict", staticmethod(slow))
    assert {pulled_event(copy.deepcopy(d), True).type for d in SAMPLES} == wanted


@pytest.mark.parametrize("data", SAMPLES, ids=[d["type"] for d in SAMPLES])
def test_the_log_text_of_a_payload_is_event_payload_json(data: dict[str, Any]) -> None:
    from desk_app.domain.pulled import payload_json

    event = Event.from_dict(data)
    assert payload_json(event.payload) == event.payload_json()
