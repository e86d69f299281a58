"""Council meetings (党群议事会): called on a topic, attended, minuted, closed; their resolutions
(议定事项) are followed like cases, each with an owner, a due date and dated progress.

The state is a pure fold of the meeting's events, as for cases. Editable fields (place, time,
minutes, attendance …) are last-writer-wins with visible clashes (see fields.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from .events import ORG_REGEX, Conflict, Event, declare, fold_record, handles
from .fields import Fields
from .schema import Choice, Flag, ListOf, Number, Pattern, Text, Uuid
from .text import QT_TRANSLATE_NOOP as _t
from .vocabulary import LEVEL_ORDER

DATE = r"^\d{4}-\d{2}-\d{2}$"
DATETIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$"
DEPT = Pattern(regex=r"^D-[A-Z0-9_-]{1,30}$")
FIELD_NAME = r"^(title|place|scheduled_at|agenda|minutes|convener|deputies|party_members|residents|attendance:D-[A-Z0-9_-]{1,30})$"

declare("meeting.called", _t("events", "Meeting called"), permission="meetings", creates=True,
        timeline=("title", "scheduled_at", "place"),
        level=Choice(values=LEVEL_ORDER), title=Text(max_len=200),
        scheduled_at=Pattern(regex=DATETIME), place=Text(max_len=200),
        convener=Text(max_len=50), departments=ListOf(required=False, item=DEPT, max_items=30),
        agenda=Text(required=False, max_len=5000),
        case_ids=ListOf(required=False, item=Uuid(), max_items=200),
        escalated_from=Uuid(required=False), resolution_from=Uuid(required=False))
declare("meeting.updated", _t("events", "Meeting record changed"), permission="meetings",
        timeline=("field", "value"),
        field=Pattern(regex=FIELD_NAME), value=Text(required=False, max_len=20000, min_len=0),
        bases=ListOf(required=False, item=Uuid(), max_items=20))
declare("meeting.case_linked", _t("events", "Case linked to the meeting"), permission="meetings",
        case_id=Uuid())
declare("meeting.attachment_added", _t("events", "Attachment added"), permission="meetings",
        timeline=("name",),
        sha256=Pattern(regex=r"^[0-9a-f]{64}$"), name=Text(max_len=200),
        content_type=Pattern(regex=r"^image/(png|jpeg|gif|webp)$"),
        size=Number(low=1, high=10 * 1024 * 1024, integer=True))
declare("meeting.resolution_added", _t("events", "Resolution agreed"), permission="meetings",
        timeline=("text", "owner", "due"),
        resolution_id=Uuid(), text=Text(max_len=2000), owner=Text(max_len=100),
        due=Pattern(regex=DATE))
declare("meeting.resolution_progress", _t("events", "Resolution progress"),
        permission="meetings", timeline=("percent", "note"),
        resolution_id=Uuid(), percent=Number(low=0, high=100, integer=True),
        note=Text(max_len=2000))
declare("meeting.resolution_closed", _t("events", "Resolution done"), permission="meetings",
        timeline=("answer",),
        resolution_id=Uuid(), answer=Text(max_len=2000),
        resolve_cases=Flag(required=False))
declare("meeting.resolution_escalated", _t("events", "Resolution passed up"),
        permission="meetings", timeline=("to_level",),
        resolution_id=Uuid(), to_meeting=Uuid(), to_level=Choice(values=LEVEL_ORDER[1:]))
declare("meeting.escalated", _t("events", "Meeting passed up"), permission="meetings",
        timeline=("to_level", "reason"),
        to_meeting=Uuid(), to_level=Choice(values=LEVEL_ORDER[1:]), reason=Text(max_len=1000))
declare("meeting.closed", _t("events", "Meeting closed"), permission="meetings")

MINUTES_REQUIRED = _t("domain", "A meeting cannot be closed without minutes.")


RESOLUTION_DUE_SOON_DAYS = 3


def resolution_overdue(due: date | str, today: date) -> bool:
    """An open resolution is overdue from the day after its due date (the one rule, for the
    meeting screen and the lists beside overdue cases)."""
    return today > (date.fromisoformat(due) if isinstance(due, str) else due)


@dataclass
class Progress:
    at: datetime
    percent: int
    note: str
    actor: str


@dataclass
class Resolution:
    id: str
    text: str
    owner: str
    due: date
    status: str = "open"  # open | done | escalated
    percent: int = 0
    notes: list[Progress] = field(default_factory=list)
    answer: str = ""
    escalated_to: str | None = None

    def overdue(self, today: date) -> bool:
        return self.status == "open" and resolution_overdue(self.due, today)

    def due_soon(self, today: date, days: int = RESOLUTION_DUE_SOON_DAYS) -> bool:
        return self.status == "open" and 0 <= (self.due - today).days <= days


@dataclass
class MeetingState:
    id: str
    status: str = "incomplete"  # called | closed
    level: str = "community"
    org: str = ""
    departments: tuple[str, ...] = ()
    case_ids: list[str] = field(default_factory=list)
    escalated_from: str | None = None
    resolution_from: str | None = None
    escalated_to: list[str] = field(default_factory=list)
    fields: Fields = field(default_factory=Fields)
    attachments: list[dict[str, object]] = field(default_factory=list)
    resolutions: dict[str, Resolution] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    called_at: datetime | None = None
    closed_at: datetime | None = None
    last_hlc: str = ""

    @property
    def title(self) -> str:
        return self.fields.get("title", "")

    @property
    def minutes(self) -> str:
        return self.fields.get("minutes", "")

    def attended(self, department: str) -> bool | None:
        value = self.fields.get(f"attendance:{department}")
        return None if value in (None, "") else value == "present"

    @property
    def progress(self) -> int:
        """The meeting's progress, rolled up from its resolutions (escalated ones excluded)."""
        counted = [r for r in self.resolutions.values() if r.status != "escalated"]
        if not counted:
            return 100 if self.status == "closed" and not self.resolutions else 0
        return round(sum(100 if r.status == "done" else r.percent for r in counted) / len(counted))


def fold_meeting(meeting_id: str, events: Iterable[Event]) -> MeetingState:
    return fold_record(MeetingState(meeting_id), events,
                       before_start=_t("domain", "Recorded before the meeting was called."))


@handles("meeting.called")
def _called(s: MeetingState, e: Event, at: datetime) -> str | None:
    if s.status != "incomplete":
        return _t("domain", "The meeting was already called.")
    p = e.payload
    s.status, s.level, s.org, s.called_at = "called", p["level"], e.org, at
    s.departments = tuple(p.get("departments", ()))
    s.case_ids = list(p.get("case_ids", ()))
    s.escalated_from, s.resolution_from = p.get("escalated_from"), p.get("resolution_from")
    for name in ("title", "scheduled_at", "place", "convener", "agenda"):
        if p.get(name):
            s.fields.apply(name, p[name], (), e.id, e.actor, e.desk)
    return None


@handles("meeting.updated")
def _updated(s: MeetingState, e: Event, at: datetime) -> str | None:
    if s.status == "closed":
        return _t("domain", "The meeting is closed; its record can no longer change.")
    p = e.payload
    s.fields.apply(p["field"], p.get("value", ""), p.get("bases", ()), e.id, e.actor, e.desk)
    return None


@handles("meeting.case_linked")
def _case_linked(s: MeetingState, e: Event, at: datetime) -> str | None:
    if e.payload["case_id"] not in s.case_ids:
        s.case_ids.append(e.payload["case_id"])
    return None


@handles("meeting.attachment_added")
def _attachment_added(s: MeetingState, e: Event, at: datetime) -> str | None:
    s.attachments.append(dict(e.payload))
    return None


@handles("meeting.resolution_added")
def _resolution_added(s: MeetingState, e: Event, at: datetime) -> str | None:
    p = e.payload
    if s.status == "closed":
        return _t("domain", "The meeting is closed; it can no longer agree resolutions.")
    if p["resolution_id"] in s.resolutions:
        return _t("domain", "This resolution was already recorded.")
    s.resolutions[p["resolution_id"]] = Resolution(
        p["resolution_id"], p["text"], p["owner"], date.fromisoformat(p["due"]))
    return None


def _open_resolution(s: MeetingState, e: Event) -> tuple[Resolution | None, str | None]:
    resolution = s.resolutions.get(e.payload["resolution_id"])
    if resolution is None:
        return None, _t("domain", "There is no such resolution.")
    if resolution.status != "open":
        return None, _t("domain", "This resolution is already done or passed up.")
    return resolution, None


@handles("meeting.resolution_progress")
def _resolution_progress(s: MeetingState, e: Event, at: datetime) -> str | None:
    resolution, refused = _open_resolution(s, e)
    if resolution is None:
        return refused
    resolution.percent = e.payload["percent"]
    resolution.notes.append(Progress(at, e.payload["percent"], e.payload["note"], e.actor))
    return None


@handles("meeting.resolution_closed")
def _resolution_closed(s: MeetingState, e: Event, at: datetime) -> str | None:
    resolution, refused = _open_resolution(s, e)
    if resolution is None:
        return refused
    resolution.status, resolution.percent, resolution.answer = "done", 100, e.payload["answer"]
    return None


@handles("meeting.resolution_escalated")
def _resolution_escalated(s: MeetingState, e: Event, at: datetime) -> str | None:
    resolution, refused = _open_resolution(s, e)
    if resolution is None:
        return refused
    resolution.status, resolution.escalated_to = "escalated", e.payload["to_meeting"]
    s.escalated_to.append(e.payload["to_meeting"])
    return None


@handles("meeting.escalated")
def _escalated(s: MeetingState, e: Event, at: datetime) -> str | None:
    if LEVEL_ORDER.index(e.payload["to_level"]) <= LEVEL_ORDER.index(s.level):
        return _t("domain", "A meeting can only be passed up to a higher level.")
    s.escalated_to.append(e.payload["to_meeting"])
    return None


@handles("meeting.closed")
def _closed(s: MeetingState, e: Event, at: datetime) -> str | None:
    if s.status == "closed":
        return _t("domain", "The meeting is already closed.")
    if not s.minutes.strip():
        return MINUTES_REQUIRED
    s.status, s.closed_at = "closed", at
    return None


declare("topic.added", _t("events", "Topic added by hand"), permission="meetings", creates=True,
        timeline=("title",),
        title=Text(max_len=200), description=Text(required=False, max_len=2000),
        community=Pattern(regex=ORG_REGEX),
        case_ids=ListOf(required=False, item=Uuid(), max_items=200))
declare("topic.dropped", _t("events", "Topic dropped"), permission="meetings",
        timeline=("reason",), reason=Text(max_len=500))


@dataclass
class TopicState:
    """A hot topic added by hand to the council's topic library."""

    id: str
    status: str = "incomplete"  # open | dropped
    title: str = ""
    description: str = ""
    community: str = ""
    case_ids: tuple[str, ...] = ()
    added_at_ms: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    last_hlc: str = ""


def fold_topic(topic_id: str, events: Iterable[Event]) -> TopicState:
    return fold_record(TopicState(topic_id), events,
                       before_start=_t("domain", "Recorded before the topic was added."))


@handles("topic.added")
def _topic_added(s: TopicState, e: Event, at: datetime) -> str | None:
    if s.status != "incomplete":
        return _t("domain", "This topic was already added.")
    p = e.payload
    s.status, s.title, s.description = "open", p["title"], p.get("description", "")
    s.community, s.case_ids, s.added_at_ms = p["community"], tuple(p.get("case_ids", ())), e.wall_ms
    return None


@handles("topic.dropped")
def _topic_dropped(s: TopicState, e: Event, at: datetime) -> str | None:
    s.status = "dropped"
    return None
