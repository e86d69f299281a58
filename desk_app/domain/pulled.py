"""A fast check of events that come from another replica in bulk (a pull's pages).

`Event.from_dict` checks and cleans every part of an event, which cost about as much as the
whole database work of applying it on a first sync. An event the centre sends is almost always
clean already (the centre stored it validated), so here each part is only *tested* for being
clean, with the rules of the payload's schema compiled once per type; an event that passes is
taken as it came, and anything else — a part that would be cleaned, an undeclared type, a
field rule this module does not know — goes through `Event.from_dict` itself, which cleans it
or refuses it with its own message. So the result is always the one `from_dict` gives.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from .events import _ENVELOPE, EVENT_TYPES, MAX_PAYLOAD_BYTES, ORG_PATTERN, Event
from .hlc import _STAMP
from .ids import _CANONICAL
from .schema import _NOT_TEXT, Choice, Field, Flag, ListOf, Number, Pattern, Text, Uuid

Test = Callable[[Any], bool]
_ENVELOPE_KEYS = frozenset(_ENVELOPE)
# The same text as Event.payload_json (json.dumps builds this encoder anew at every call).
payload_json: Callable[[Any], str] = json.JSONEncoder(
    ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode


def _text_test(rule: Text, text_checked: bool) -> Test:
    low, high = max(rule.min_len, 1), rule.max_len

    def clean(v: Any) -> bool:
        return (type(v) is str and low <= len(v) <= high and v.strip() == v
                and (text_checked or _NOT_TEXT.search(v) is None))
    return clean


def _rule_test(rule: Field, text_checked: bool) -> Test | None:
    """A test that `rule.check(name, v)` would accept `v` and return it unchanged; None for
    a rule not known here (its events take the full path)."""
    kind = type(rule)
    if kind is Text:
        return _text_test(rule, text_checked)  # type: ignore[arg-type]
    if kind is Pattern:
        pattern = re.compile(rule.regex)  # type: ignore[attr-defined]
        return lambda v: type(v) is str and pattern.fullmatch(v) is not None
    if kind is Choice:
        values = rule.values  # type: ignore[attr-defined]
        return lambda v: type(v) is str and v in values
    if kind is Flag:
        return lambda v: type(v) is bool
    if kind is Number:
        low, high, integer = rule.low, rule.high, rule.integer  # type: ignore[attr-defined]
        types = (int,) if integer else (int, float)
        return lambda v: type(v) in types and low <= v <= high
    if kind is Uuid:
        return lambda v: type(v) is str and _CANONICAL.fullmatch(v) is not None
    if kind is ListOf:
        item = _rule_test(rule.item, text_checked)  # type: ignore[attr-defined]
        if item is None:
            return None
        low, high = rule.min_items, rule.max_items  # type: ignore[attr-defined]
        return lambda v: (type(v) is list and low <= len(v) <= high
                          and all(item(x) for x in v))
    return None


@cache
def _payload_test(type_: str, text_checked: bool
                  ) -> Callable[[Mapping[str, Any]], tuple[str, ...] | None] | None:
    """For a declared type: the test of a payload, which gives the names of the fields that
    `check_payload` would drop (an optional field sent empty) when every other field passes
    it unchanged, or None when the full check must decide."""
    spec = EVENT_TYPES[type_].payload
    rules: list[tuple[str, bool, Test]] = []
    for name, rule in spec.items():
        test = _rule_test(rule, text_checked)
        if test is None:
            return None
        rules.append((name, rule.required, test))

    def clean(payload: Mapping[str, Any]) -> tuple[str, ...] | None:
        dropped: tuple[str, ...] = ()
        for name, required, test in rules:
            value = payload.get(name)
            if value is None or value == "" or value == []:
                if required:
                    return None  # refused by the full check
                if name in payload:
                    dropped += (name,)
            elif not test(value):
                return None
        if not all(type(k) is str and len(k) <= 40 for k in payload if k not in spec):
            return None
        return dropped
    return clean


def pulled_event(data: Any, text_checked: bool = False) -> Event:
    """The event `Event.from_dict(data)` gives (or its EventError), cheaply when it is clean.

    `text_checked`: the caller has made sure that no text in `data` holds a NUL or half a
    surrogate pair (a JSON body without such escapes cannot: `sync.protocol`)."""
    if type(data) is dict and data.keys() == _ENVELOPE_KEYS:
        kind = EVENT_TYPES.get(data["type"]) if type(data["type"]) is str else None
        payload = data["payload"]
        if (kind is not None and type(payload) is dict and data["entity"] == kind.entity
                and _clean_envelope(data)):
            test = _payload_test(kind.name, text_checked)
            dropped = test(payload) if test is not None else None
            if dropped is not None:
                if dropped:
                    payload = {k: v for k, v in payload.items() if k not in dropped}
                if _small(payload):
                    return Event(data["id"], data["entity"], data["entity_id"], data["type"],
                                 payload, data["actor"], data["desk"], data["hlc"],
                                 data["org"])
    return Event.from_dict(data)


def _clean_envelope(data: Mapping[str, Any]) -> bool:
    id_, entity_id, hlc, actor, desk, org = (data["id"], data["entity_id"], data["hlc"],
                                             data["actor"], data["desk"], data["org"])
    return (type(id_) is str and _CANONICAL.fullmatch(id_) is not None
            and type(entity_id) is str and _CANONICAL.fullmatch(entity_id) is not None
            and type(hlc) is str and _STAMP.fullmatch(hlc) is not None
            and type(actor) is str and 0 < len(actor) <= 100
            and type(desk) is str and 0 < len(desk) <= 64
            and type(org) is str and ORG_PATTERN.match(org) is not None)


def _small(payload: Mapping[str, Any]) -> bool:
    text = payload_json(payload)
    return len(text) * 4 <= MAX_PAYLOAD_BYTES or len(text.encode()) <= MAX_PAYLOAD_BYTES
