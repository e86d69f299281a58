"""Events: the immutable facts that every state is folded from.

An event type is declared once with the schema of its payload; `Event.validated` checks an
event from anywhere (the UI, a file, the network) before it may be stored.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from json.encoder import c_make_encoder, encode_basestring  # type: ignore[attr-defined]
from typing import Any, Protocol, TypeVar

from .hlc import STAMP_PATTERN, Stamp, is_stamp
from .ids import UUID_PATTERN, is_uuid
from .schema import Field, PayloadCheck, PayloadError, compile_payload
from .text import QT_TRANSLATE_NOOP, DomainError

ORG_REGEX = r"^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,5}$"  # district-street-community-grid codes
ORG_PATTERN = re.compile(ORG_REGEX)
# The shape of any event type name, also of types a newer version declares: "entity.verb".
TYPE_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,19}\.[a-z][a-z0-9_.]{0,38}$")
MAX_TYPE_LEN = 40
MAX_PAYLOAD_BYTES = 64 * 1024
_CANONICAL = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _not_json(value: Any) -> Any:
    return _CANONICAL.default(value)  # raises TypeError, as json.dumps does


# The C encoder behind `_CANONICAL`, made once: JSONEncoder.encode builds one on every call
# (and checks for cycles, which a payload decoded from JSON or made by a form cannot have),
# most of the cost for a small payload. Same options, same text.
_c_encoder = c_make_encoder(None, _not_json, encode_basestring, None, ":", ",", True, False,
                            True) if c_make_encoder is not None else None


def canonical_json(value: Any) -> str:
    """A payload's canonical JSON: keys sorted, no spaces, non-ASCII as it is."""
    if _c_encoder is None or type(value) is not dict:
        return _CANONICAL.encode(value)
    return "".join(_c_encoder(value, 0))


class EventError(PayloadError):
    """An event that may not be stored, and why."""


Handler = Callable[[Any, "Event", datetime], "str | None"]


@dataclass
class EventType:
    """Everything one event type means, declared once (see `declare`).

    The fold, the store's permission check, the case screen's steps, the centre's creation rule
    and the timeline all read this; nothing restates it. `fold` is attached by the module that
    folds the entity (`@handles`), so the domain rules stay beside the state they change.
    """

    name: str
    entity: str
    payload: Mapping[str, Field]
    label: str  # English source text, translated in the UI under context "events"
    permission: str  # what the acting role must be allowed (desk_app.domain.roles)
    creates: bool = False  # starts its record; every other event needs the record to exist
    timeline: tuple[str, ...] = ()  # payload fields shown, in this order, on the timeline line
    action: str = ""  # the step's button title on its record's screen (context "events"); "" = none
    sample: Mapping[str, Any] | None = None  # a valid payload, to ask the fold what is allowed
    changelog: tuple[str, ...] = ()  # one line per change of the payload, newest last
    fold: Handler | None = field(default=None, repr=False)
    # `payload`'s check, derived from it once (schema.compile_payload): not a second schema.
    check: PayloadCheck = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.check = compile_payload(self.payload)


EVENT_TYPES: dict[str, EventType] = {}
# Handlers attached before their type was declared (the declaring module was still being
# imported when the folding one ran: any first import order works); declare() takes them.
_WAITING: dict[str, Handler] = {}


def declare(name: str, label: str, /, *, permission: str, creates: bool = False,
            timeline: tuple[str, ...] = (), action: str = "",
            sample: Mapping[str, Any] | None = None, changelog: tuple[str, ...] = (),
            **payload: Field) -> EventType:
    """Declare an event type: its payload schema and what it means (see EventType)."""
    if name in EVENT_TYPES:
        raise ValueError(f"event type {name} is declared twice")
    entity = name.split(".", 1)[0]
    kind = EventType(name, entity, payload, label, permission, creates, tuple(timeline), action,
                     sample, tuple(changelog), _WAITING.pop(name, None))
    EVENT_TYPES[name] = kind
    return kind


def handles(name: str) -> Callable[[Handler], Handler]:
    """Attach the fold handler of a declared type: `handler(state, event, at)` changes the state
    and returns None, or returns why the workflow refuses the step (kept as a conflict)."""
    def attach(handler: Handler) -> Handler:
        kind = EVENT_TYPES.get(name)
        if (kind.fold if kind is not None else _WAITING.get(name)) is not None:
            raise ValueError(f"event type {name} is folded twice")
        if kind is None:
            _WAITING[name] = handler
        else:
            kind.fold = handler
        return handler
    return attach


def types_of(entity: str) -> list[EventType]:
    """The declared types of one record kind, in declaration order."""
    return [k for k in EVENT_TYPES.values() if k.entity == entity]


def creation_types() -> frozenset[str]:
    return frozenset(k.name for k in EVENT_TYPES.values() if k.creates)


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
        """The payload's canonical JSON (kept from `validated`, which had to make it anyway)."""
        made = self.__dict__.get("_json")
        if made is None:
            made = canonical_json(dict(self.payload))
        return made

    @property
    def is_known(self) -> bool:
        """Whether this version declares the event's type (a newer desk or centre may not)."""
        return self.type in EVENT_TYPES

    @classmethod
    def from_dict(cls, data: Any) -> Event:
        """An event from another replica: every part checked, or EventError. Within one
        protocol version events evolve compatibly, so a type this version does not declare
        and payload fields it does not know are kept untouched (see `validated`)."""
        if type(data) is dict and data.keys() == _ENVELOPE_KEYS:  # the usual case, at once
            return _validated(data["id"], data["entity"], data["entity_id"], data["type"],
                              data["payload"], data["actor"], data["desk"], data["hlc"],
                              data["org"], True)
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
        return _validated(*(data[k] for k in _ENVELOPE), True)

    def validated(self, newer_ok: bool = False) -> Event:
        """This event with its payload cleaned, or EventError saying what is wrong.

        `newer_ok` (events from other replicas): an undeclared type of the right shape is
        kept with its payload as it came, and unknown payload fields of a declared type are
        kept untouched; the envelope is checked all the same. Local writes stay strict."""
        return _validated(self.id, self.entity, self.entity_id, self.type, self.payload,
                          self.actor, self.desk, self.hlc, self.org, newer_ok)


# The envelope's text checks in one match (ids, stamp, organisation, space-separated: none of
# them may hold a space), made from the patterns each check uses. It may miss an envelope the
# checks one by one accept (then they run, in their order, and say why), never pass one they
# refuse.
_ENVELOPE_TEXT = re.compile(" ".join((UUID_PATTERN.pattern, UUID_PATTERN.pattern,
                                      STAMP_PATTERN.pattern, ORG_REGEX.strip("^$"))))


def _validated(id: Any, entity: Any, entity_id: Any, type_: Any, payload: Any, actor: Any,
               desk: Any, hlc: Any, org: Any, newer_ok: bool) -> Event:
    """The checks of `Event.validated`, on the parts (from_dict checks a replica's event
    without making it twice)."""
    kind = EVENT_TYPES.get(type_) if type(type_) is str else None
    if (kind is not None and entity == kind.entity and type(id) is str
            and type(entity_id) is str and type(hlc) is str and type(org) is str
            and type(actor) is str and 0 < len(actor) <= 100 and type(desk) is str
            and 0 < len(desk) <= 64 and _ENVELOPE_TEXT.fullmatch(f"{id} {entity_id} {hlc} {org}")):
        try:  # the usual event: a declared type, its envelope passed in one go
            cleaned = kind.check(payload, newer_ok)
        except PayloadError as error:
            raise EventError(error.text, **error.values) from None
        return _made(id, entity, entity_id, type_, cleaned, actor, desk, hlc, org)
    return _checked(kind, id, entity, entity_id, type_, payload, actor, desk, hlc, org, newer_ok)


def _checked(kind: EventType | None, id: Any, entity: Any, entity_id: Any, type_: Any,
             payload: Any, actor: Any, desk: Any, hlc: Any, org: Any, newer_ok: bool) -> Event:
    """`_validated` one check at a time, each refusal with its own reason."""
    if kind is None and isinstance(type_, str):
        kind = EVENT_TYPES.get(type_)
    if kind is None and not (newer_ok and isinstance(type_, str)
                             and len(type_) <= MAX_TYPE_LEN and TYPE_PATTERN.match(type_)):
        raise EventError(
            QT_TRANSLATE_NOOP("domain", "Unknown event type “{type}”."), type=str(type_)[:60],
        )
    if entity != (kind.entity if kind else type_.split(".", 1)[0]):
        raise EventError(
            QT_TRANSLATE_NOOP("domain", "Event type “{type}” does not belong to “{entity}”."),
            type=type_, entity=str(entity)[:30],
        )
    if not is_uuid(id) or not is_uuid(entity_id):
        raise EventError(QT_TRANSLATE_NOOP("domain", "The event's identifiers are not valid."))
    if not is_stamp(hlc):
        try:
            Stamp.parse(hlc)  # refuses it, saying why
        except DomainError as error:
            raise EventError(error.text, **error.values) from None
    for name, value, limit in (("actor", actor, 100), ("desk", desk, 64)):
        if not isinstance(value, str) or not 0 < len(value) <= limit:
            raise EventError(
                QT_TRANSLATE_NOOP("domain", "The event's “{field}” is not valid."), field=name
            )
    if not isinstance(org, str) or not ORG_PATTERN.match(org):
        raise EventError(
            QT_TRANSLATE_NOOP("domain", "The event's organisation code “{org}” is not valid."),
            org=str(org)[:40],
        )
    try:
        if kind is None:  # a newer version's type: its payload is its own business
            if not isinstance(payload, Mapping):
                raise PayloadError(
                    QT_TRANSLATE_NOOP("domain", "The event's payload must be an object."))
            cleaned = dict(payload)
        else:
            cleaned = kind.check(payload, newer_ok)
    except PayloadError as error:
        raise EventError(error.text, **error.values) from None
    return _made(id, entity, entity_id, type_, cleaned, actor, desk, hlc, org)


def _made(id: str, entity: str, entity_id: str, type_: str, cleaned: dict[str, Any], actor: str,
          desk: str, hlc: str, org: str) -> Event:
    """The checked event, with its payload's canonical JSON (refused past the size limit)."""
    text = canonical_json(cleaned)
    if len(text) * 4 > MAX_PAYLOAD_BYTES and len(text.encode()) > MAX_PAYLOAD_BYTES:
        raise EventError(
            QT_TRANSLATE_NOOP("domain", "The event is too large (more than {limit} KB)."),
            limit=MAX_PAYLOAD_BYTES // 1024,
        )
    # Made without the frozen dataclass's __init__ (nine object.__setattr__ calls, as much as
    # the envelope's checks): the same fields, and its canonical JSON kept (see payload_json).
    event = object.__new__(Event)
    event.__dict__.update(id=id, entity=entity, entity_id=entity_id, type=type_,
                          payload=cleaned, actor=actor, desk=desk, hlc=hlc, org=org, _json=text)
    return event


_ENVELOPE = tuple(f.name for f in Event.__dataclass_fields__.values())
_ENVELOPE_KEYS = frozenset(_ENVELOPE)


def stored_event(id: str, entity: str, entity_id: str, type: str, payload: Mapping[str, Any],
                 actor: str, desk: str, hlc: str, org: str) -> Event:
    """An Event of a row of the desk's own log, which `validated` checked before it was stored
    (the log is append-only): made without the frozen dataclass's field-by-field __init__,
    which costs more than folding the event (a case's first read, issue 14). Equal to
    `Event(...)` of the same values in every way."""
    event = object.__new__(Event)
    event.__dict__.update(id=id, entity=entity, entity_id=entity_id, type=type, payload=payload,
                          actor=actor, desk=desk, hlc=hlc, org=org)
    return event


def sorted_events(events: list[Event] | tuple[Event, ...]) -> list[Event]:
    """Events in the one order every replica agrees on."""
    return sorted(events, key=lambda e: e.sort_key)


class Folded(Protocol):
    id: str
    status: str
    last_hlc: str
    conflicts: list[Conflict]


S = TypeVar("S", bound=Folded)

UNKNOWN_TYPE = QT_TRANSLATE_NOOP("domain", "Needs a newer version of Community Desk to show.")


def fold_record(state: S, events: Iterable[Event], *, before_start: str,
                on_step: Callable[[S, Event, datetime], None] | None = None,
                hold_until_started: bool = False) -> S:
    """The one fold of every record kind: the record's events (duplicates dropped) in the agreed
    order, each through its type's declared handler.

    A step the handler refuses is kept on the state as a conflict. A step before the record's
    creating event is refused with `before_start`, unless `hold_until_started` is set and the
    creating event has not arrived at all (then the steps are only listed, waiting for it). An
    event of a type this version does not know is passed over: it is kept in the log and synced
    on, and `on_step` still lists it, so a newer desk's work shows as "needs a newer version".
    """
    unique = {e.id: e for e in events if e.entity_id == state.id}
    ordered = sorted_events(list(unique.values()))
    started = not hold_until_started or any(
        (k := EVENT_TYPES.get(e.type)) is not None and k.creates for e in ordered)
    for event in ordered:
        at = _utc(event.wall_ms)
        state.last_hlc = event.hlc
        kind = EVENT_TYPES.get(event.type)
        if kind is None or kind.fold is None:
            if on_step:
                on_step(state, event, at)
            continue
        if not started:
            reason = None
        elif state.status == "incomplete" and not kind.creates:
            reason = before_start
        else:
            reason = kind.fold(state, event, at)
        if reason:
            state.conflicts.append(Conflict(event.id, event.type, reason, {"status": state.status}))
        elif on_step:
            on_step(state, event, at)
    return state


def _utc(wall_ms: int) -> datetime:
    return datetime.fromtimestamp(wall_ms / 1000, tz=UTC)


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


# Every declaration, once the registry above exists (each module imports only what is defined
# above this line, so the order of first imports does not matter).
from . import audit, case, case_events, meeting, outreach  # noqa: E402, F401
