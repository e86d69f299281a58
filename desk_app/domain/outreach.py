"""Deputies' receptions (接访/走访), the opinion room's duty roster, and grid patrols.

Each is an entity folded from its events. Receptions and patrols collect findings; each finding
can become a case (channel "deputy reception" or "grid patrol"), linked both ways.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from .events import ORG_REGEX, Conflict, Event, declare, fold_record, handles
from .fields import Fields
from .schema import Choice, ListOf, Number, Pattern, Text, Uuid
from .text import QT_TRANSLATE_NOOP as _t

DATE = r"^\d{4}-\d{2}-\d{2}$"
TIME = r"^\d{2}:\d{2}$"
DATETIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$"
SHA = Pattern(regex=r"^[0-9a-f]{64}$")
DEPUTY_KINDS = {
    "npc": _t("vocabulary", "People's congress deputy"),
    "party": _t("vocabulary", "Party congress delegate"),
    "cppcc": _t("vocabulary", "CPPCC member"),
}
FINDING_KINDS = {
    "request": _t("vocabulary", "Request"),
    "suggestion": _t("vocabulary", "Suggestion"),
}

declare("duty.scheduled", _t("events", "On duty"), permission="receptions", creates=True,
        timeline=("deputy", "date", "start", "end", "place"),
        deputy=Text(max_len=50), deputy_kind=Choice(values=tuple(DEPUTY_KINDS)),
        date=Pattern(regex=DATE), start=Pattern(regex=TIME), end=Pattern(regex=TIME),
        place=Text(max_len=200))
declare("duty.cancelled", _t("events", "Duty cancelled"), permission="receptions",
        timeline=("reason",), reason=Text(max_len=500))

declare("visit.logged", _t("events", "Reception logged"), permission="receptions", creates=True,
        timeline=("deputy", "date", "place", "summary"),
        deputy=Text(max_len=50), deputy_kind=Choice(values=tuple(DEPUTY_KINDS)),
        date=Pattern(regex=DATE), place=Text(max_len=200),
        people=Number(low=0, high=10_000, integer=True), names=Text(required=False, max_len=2000),
        summary=Text(max_len=5000), mode=Choice(values=("reception", "home_visit")))
declare("visit.updated", _t("events", "Reception record changed"), permission="receptions",
        timeline=("field", "value"),
        field=Pattern(regex=r"^(place|people|names|summary)$"),
        value=Text(required=False, max_len=5000, min_len=0),
        bases=ListOf(required=False, item=Uuid(), max_items=20))
declare("visit.finding_added", _t("events", "Finding noted"), permission="receptions",
        timeline=("text",),
        finding_id=Uuid(), text=Text(max_len=2000), kind=Choice(values=tuple(FINDING_KINDS)))
declare("visit.finding_converted", _t("events", "Finding turned into a case"),
        permission="receptions",
        finding_id=Uuid(), case_id=Uuid())

declare("patrol.started", _t("events", "Patrol started"), permission="patrols", creates=True,
        timeline=("grid", "route"),
        grid=Pattern(regex=ORG_REGEX),
        route=Text(required=False, max_len=2000), started_at=Pattern(regex=DATETIME))
declare("patrol.finding_added", _t("events", "Patrol finding"), permission="patrols",
        timeline=("text",),
        finding_id=Uuid(), text=Text(max_len=2000),
        latitude=Number(required=False, low=-90, high=90),
        longitude=Number(required=False, low=-180, high=180),
        photos=ListOf(required=False, item=SHA, max_items=9))
declare("patrol.finding_converted", _t("events", "Finding turned into a case"),
        permission="patrols",
        finding_id=Uuid(), case_id=Uuid())
declare("patrol.ended", _t("events", "Patrol ended"), permission="patrols", timeline=("notes",),
        ended_at=Pattern(regex=DATETIME), notes=Text(required=False, max_len=2000))


@dataclass
class Finding:
    id: str
    text: str
    kind: str = "request"
    latitude: float | None = None
    longitude: float | None = None
    photos: tuple[str, ...] = ()
    case_id: str | None = None


@dataclass
class OutreachState:
    """A reception, a duty or a patrol: whichever the entity is, the same shape."""

    id: str
    entity: str = ""
    status: str = "incomplete"  # open | closed (patrol ended, duty cancelled)
    org: str = ""
    fields: Fields = field(default_factory=Fields)
    findings: dict[str, Finding] = field(default_factory=dict)
    started_at: datetime | None = None
    conflicts: list[Conflict] = field(default_factory=list)
    last_hlc: str = ""

    def get(self, name: str, default: object = "") -> object:
        return self.fields.get(name, default)


def fold_outreach(entity_id: str, events: Iterable[Event]) -> OutreachState:
    return fold_record(OutreachState(entity_id), events,
                       before_start=_t("domain", "Recorded before the record was started."))


def _started(s: OutreachState, e: Event, at: datetime) -> str | None:
    if s.status != "incomplete":
        return _t("domain", "This record was already started.")
    s.status, s.entity, s.org, s.started_at = "open", e.entity, e.org, at
    for name, value in e.payload.items():
        s.fields.apply(name, value, (), e.id, e.actor, e.desk)
    return None


CLOSED = _t("domain", "This record is closed.")


def _updated(s: OutreachState, e: Event, at: datetime) -> str | None:
    if s.status == "closed":
        return CLOSED
    p = e.payload
    s.fields.apply(p["field"], p.get("value", ""), p.get("bases", ()), e.id, e.actor, e.desk)
    return None


def _finding_added(s: OutreachState, e: Event, at: datetime) -> str | None:
    if s.status == "closed":
        return CLOSED
    p = e.payload
    if p["finding_id"] in s.findings:
        return _t("domain", "This finding was already noted.")
    s.findings[p["finding_id"]] = Finding(
        p["finding_id"], p["text"], p.get("kind", "request"), p.get("latitude"),
        p.get("longitude"), tuple(p.get("photos", ())))
    return None


def _finding_converted(s: OutreachState, e: Event, at: datetime) -> str | None:
    """Allowed on a closed record too: a finding may become a case after the patrol ended."""
    finding = s.findings.get(e.payload["finding_id"])
    if finding is None:
        return _t("domain", "There is no such finding.")
    if finding.case_id is not None:
        return _t("domain", "This finding already became a case.")
    finding.case_id = e.payload["case_id"]
    return None


def _ended(s: OutreachState, e: Event, at: datetime) -> str | None:
    if s.status == "closed":
        return CLOSED
    s.status = "closed"
    for name, value in e.payload.items():
        s.fields.apply(name, value, s.fields.heads(name), e.id, e.actor, e.desk)
    return None


for _name, _handler in (
        ("duty.scheduled", _started), ("visit.logged", _started), ("patrol.started", _started),
        ("visit.updated", _updated), ("visit.finding_added", _finding_added),
        ("patrol.finding_added", _finding_added), ("visit.finding_converted", _finding_converted),
        ("patrol.finding_converted", _finding_converted), ("patrol.ended", _ended),
        ("duty.cancelled", _ended)):
    handles(_name)(_handler)
