"""Events: the immutable facts that every state is folded from.

An event type is declared once with the schema of its payload; `Event.validated` checks an
event from anywhere (the UI, a file, the network) before it may be stored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from .hlc import Stamp
from .ids import is_uuid
from .schema import Field, PayloadError, check_payload
from .text import QT_TRANSLATE_NOOP, DomainError

ORG_PATTERN = re.compile(r"^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,5}$")
# The shape of any event type name, also of types a newer version declares: "entity.verb".
TYPE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,19}\.[a-z][a-z0-9_.]{0,38}$")
MAX_TYPE_LEN = 40
MAX_PAYLOAD_BYTES = 64 * 1024


class EventError(PayloadError):
    """An event that may not be stored, and why."""


@dataclass(frozen=True)
class EventType:
    name: str
    entity: str
    payload: Mapping[str, Field]
    label: str  # English source text, translated in the UI under context "events"


EVENT_TYPES: dict[str, EventType] = {}


def declare(name: str, label: str, /, **payload: Field) -> EventType:
    entity = name.split(".", 1)[0]
    kind = EventType(name, entity, payload, label)
    EVENT_TYPES[name] = kind
    return kind


@dataclass(frozen=True)
class Event:
    id: str
    entity: str
    entity_id: str
    type: str
    payload: Mapping[str, Any]
    actor: str
    desk: str
    hlc: str
    org: str

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.hlc, self.id)

    @property
    def wall_ms(self) -> int:
        return int(self.hlc[:15])

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "entity": self.entity, "entity_id": self.entity_id, "type": self.type,
            "payload": dict(self.payload), "actor": self.actor, "desk": self.desk,
            "hlc": self.hlc, "org": self.org,
        }

    def payload_json(self) -> str:
        return json.dumps(dict(self.payload), ensure_ascii=False, sort_keys=True,
                          separators=(",", ":"))

    @property
    def is_known(self) -> bool:
        """Whether this version declares the event's type (a newer desk or centre may not)."""
        return self.type in EVENT_TYPES

    @classmethod
    def from_dict(cls, data: Any) -> Event:
        """An event from another replica: every part checked, or EventError. Within one
        protocol version events evolve compatibly, so a type this version does not declare
        and payload fields it does not know are kept untouched (see `validated`)."""
        if not isinstance(data, Mapping):
            raise EventError(QT_TRANSLATE_NOOP("domain", "An event must be an object."))
        missing = [k for k in _ENVELOPE if k not in data]
        if missing:
            raise EventError(
                QT_TRANSLATE_NOOP("domain", "The event has no “{field}”."), field=missing[0]
            )
        extra = sorted(set(data) - set(_ENVELOPE))
        if extra:
            raise EventError(
                QT_TRANSLATE_NOOP("domain", "Unexpected field “{field}”."), field=str(extra[0])[:40]
            )
        return cls(**{k: data[k] for k in _ENVELOPE}).validated(newer_ok=True)

    def validated(self, newer_ok: bool = False) -> Event:
        """This event with its payload cleaned, or EventError saying what is wrong.

        `newer_ok` (events from other replicas): an undeclared type of the right shape is
        kept with its payload as it came, and unknown payload fields of a declared type are
        kept untouched; the envelope is checked all the same. Local writes stay strict."""
        kind = EVENT_TYPES.get(self.type) if isinstance(self.type, str) else None
        if kind is None and not (newer_ok and isinstance(self.type, str)
                                 and len(self.type) <= MAX_TYPE_LEN
                                 and TYPE_PATTERN.match(self.type)):
            raise EventError(
                QT_TRANSLATE_NOOP("domain", "Unknown event type “{type}”."),
                type=str(self.type)[:60],
            )
        if self.entity != (kind.entity if kind else self.type.split(".", 1)[0]):
            raise EventError(
                QT_TRANSLATE_NOOP("domain", "Event type “{type}” does not belong to “{entity}”."),
                type=self.type, entity=str(self.entity)[:30],
            )
        if not is_uuid(self.id) or not is_uuid(self.entity_id):
            raise EventError(QT_TRANSLATE_NOOP("domain", "The event's identifiers are not valid."))
        try:
            Stamp.parse(self.hlc)
        except DomainError as error:
            raise EventError(error.text, **error.values) from None
        for name, value, limit in (("actor", self.actor, 100), ("desk", self.desk, 64)):
            if not isinstance(value, str) or not 0 < len(value) <= limit:
                raise EventError(
                    QT_TRANSLATE_NOOP("domain", "The event's “{field}” is not valid."), field=name
                )
        if not isinstance(self.org, str) or not ORG_PATTERN.match(self.org):
            raise EventError(
                QT_TRANSLATE_NOOP("domain", "The event's organisation code “{org}” is not valid."),
                org=str(self.org)[:40],
            )
        try:
            if kind is None:  # a newer version's type: its payload is its own business
                if not isinstance(self.payload, Mapping):
                    raise PayloadError(
                        QT_TRANSLATE_NOOP("domain", "The event's payload must be an object."))
                payload = dict(self.payload)
            else:
                payload = check_payload(kind.payload, self.payload, keep_unknown=newer_ok)
        except PayloadError as error:
            raise EventError(error.text, **error.values) from None
        event = Event(self.id.lower(), self.entity, self.entity_id.lower(), self.type, payload,
                      self.actor, self.desk, self.hlc, self.org)
        if len(event.payload_json().encode()) > MAX_PAYLOAD_BYTES:
            raise EventError(
                QT_TRANSLATE_NOOP("domain", "The event is too large (more than {limit} KB)."),
                limit=MAX_PAYLOAD_BYTES // 1024,
            )
        return event


_ENVELOPE = tuple(f.name for f in Event.__dataclass_fields__.values())


def sorted_events(events: list[Event] | tuple[Event, ...]) -> list[Event]:
    """Events in the one order every replica agrees on."""
    return sorted(events, key=lambda e: e.sort_key)


class Folded(Protocol):
    status: str
    last_hlc: str
    conflicts: list[Conflict]


S = TypeVar("S", bound=Folded)


def fold_into(state: S, events: Iterable[Event], apply: Callable[[S, Event], str | None]) -> S:
    """Apply an entity's events (duplicates dropped) in the agreed order; a step that `apply`
    refuses, by returning its reason, is kept on the state as a conflict."""
    unique = {e.id: e for e in events if e.entity_id == state.id}  # type: ignore[attr-defined]
    for event in sorted_events(list(unique.values())):
        if event.type not in EVENT_TYPES:  # a newer version's step: kept in the log, not folded
            state.last_hlc = event.hlc
            continue
        reason = apply(state, event)
        state.last_hlc = event.hlc
        if reason:
            state.conflicts.append(Conflict(event.id, event.type, reason, {"status": state.status}))
    return state


@dataclass
class Conflict:
    """An event the workflow did not allow at its place in the order: kept, and shown."""

    event_id: str
    type: str
    reason: str  # English source text, context "domain"
    values: dict[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        try:
            return self.reason.format(**self.values)
        except (KeyError, ValueError):
            return self.reason
