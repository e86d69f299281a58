"""Council meetings (党群议事会): called on a topic, attended, minuted, closed; their resolutions
(议定事项) are followed like cases, each with an owner, a due date and dated progress.

The state is a pure fold of the meeting's events, as for cases. Editable fields (place, time,
minutes, attendance …) are last-writer-wins with visible clashes (see fields.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from .events import Conflict, Event, declare, fold_into
from .fields import Fields
from .schema import Choice, Flag, ListOf, Number, Pattern, Text, Uuid
from .sla import utc_from_ms
from .text import QT_TRANSLATE_NOOP as _t
from .vocabulary import LEVEL_ORDER

DATE = r"^\d{4}-\d{2}-\d{2}$"
DATETIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$"
DEPT = Pattern(regex=r"^D-[A-Z0-9_-]{1,30}$")
FIELD_NAME = r"^(title|place|scheduled_at|agenda|minutes|convener|deputies|party_members|residents|attendance:D-[A-Z0-9_-]{1,30})$"

declare("meeting.called", _t("events", "Meeting called"),
        level=Choice(values=LEVEL_ORDER), title=Text(max_len=200),
        scheduled_at=Pattern(regex=DATETIME), place=Text(max_len=200),
        convener=Text(max_len=50), departments=ListOf(required=False, item=DEPT, max_items=30),
        agenda=Text(required=False, max_len=5000),
        case_ids=ListOf(required=False, item=Uuid(), max_items=200),
        escalated_from=Uuid(required=False), resolution_from=Uuid(required=False))
declare("meeting.updated", _t("events", "Meeting record changed"),
        field=Pattern(regex=FIELD_NAME), value=Text(required=False, max_len=20000, min_len=0),
        bases=ListOf(required=False, item=Uuid(), max_items=20))
declare("meeting.case_linked", _t("events", "Case linked to the meeting"), case_id=Uuid())
declare("meeting.attachment_added", _t("events", "Attachment added"),
        sha256=Pattern(regex=r"^[0-9a-f]{64}$"), name=Text(max_len=200),
        content_type=Pattern(regex=r"^image/(png|jpeg|gif|webp)$"),
        size=Number(low=1, high=10 * 1024 * 1024, integer=True))
declare("meeting.resolution_added", _t("events", "Resolution agreed"),
        resolution_id=Uuid(), text=Text(max_len=2000), owner=Text(max_len=100),
        due=Pattern(regex=DATE))
declare("meeting.resolution_progress", _t("events", "Resolution progress"),
        resolution_id=Uuid(), percent=Number(low=0, high=100, integer=True),
        note=Text(max_len=2000))
declare("meeting.resolution_closed", _t("events", "Resolution done"),
        resolution_id=Uuid(), answer=Text(max_len=2000),
        resolve_cases=Flag(required=False))
declare("meeting.resolution_escalated", _t("events", "Resolution passed up"),
        resolution_id=Uuid(), to_meeting=Uuid(), to_level=Choice(values=LEVEL_ORDER[1:]))
declare("meeting.escalated", _t("events", "Meeting passed up"),
        to_meeting=Uuid(), to_level=Choice(values=LEVEL_ORDER[1:]), reason=Text(max_len=1000))
declare("meeting.closed", _t("events", "Meeting closed"))

MINUTES_REQUIRED = _t("domain", "A meeting cannot be closed without minutes.")


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
        return self.status == "open" and today > self.due

    def due_soon(self, today: date, days: int = 3) -> bool:
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
    return fold_into(MeetingState(meeting_id), events, _apply)


def _apply(s: MeetingState, e: Event) -> str | None:
    p, at = e.payload, utc_from_ms(e.wall_ms)
    if e.type == "meeting.called":
        if s.status != "incomplete":
            return _t("domain", "The meeting was already called.")
        s.status, s.level, s.org, s.called_at = "called", p["level"], e.org, at
        s.departments = tuple(p.get("departments", ()))
        s.case_ids = list(p.get("case_ids", ()))
        s.escalated_from, s.resolution_from = p.get("escalated_from"), p.get("resolution_from")
        for name in ("title", "scheduled_at", "place", "convener", "agenda"):
            if p.get(name):
                s.fields.apply(name, p[name], (), e.id, e.actor, e.desk)
        return None
    if s.status == "incomplete":
        return _t("domain", "Recorded before the meeting was called.")
    resolution = s.resolutions.get(p.get("resolution_id", "")) if "resolution_id" in p else None
    if e.type == "meeting.updated":
        if s.status == "closed":
            return _t("domain", "The meeting is closed; its record can no longer change.")
        s.fields.apply(p["field"], p.get("value", ""), p.get("bases", ()), e.id, e.actor, e.desk)
    elif e.type == "meeting.case_linked":
        if p["case_id"] not in s.case_ids:
            s.case_ids.append(p["case_id"])
    elif e.type == "meeting.attachment_added":
        s.attachments.append(dict(p))
    elif e.type == "meeting.resolution_added":
        if s.status == "closed":
            return _t("domain", "The meeting is closed; it can no longer agree resolutions.")
        if p["resolution_id"] in s.resolutions:
            return _t("domain", "This resolution was already recorded.")
        s.resolutions[p["resolution_id"]] = Resolution(
            p["resolution_id"], p["text"], p["owner"], date.fromisoformat(p["due"]))
    elif e.type in ("meeting.resolution_progress", "meeting.resolution_closed",
                    "meeting.resolution_escalated"):
        if resolution is None:
            return _t("domain", "There is no such resolution.")
        if resolution.status != "open":
            return _t("domain", "This resolution is already done or passed up.")
        if e.type == "meeting.resolution_progress":
            resolution.percent = p["percent"]
            resolution.notes.append(Progress(at, p["percent"], p["note"], e.actor))
        elif e.type == "meeting.resolution_closed":
            resolution.status, resolution.percent, resolution.answer = "done", 100, p["answer"]
        else:
            resolution.status, resolution.escalated_to = "escalated", p["to_meeting"]
            s.escalated_to.append(p["to_meeting"])
    elif e.type == "meeting.escalated":
        if LEVEL_ORDER.index(p["to_level"]) <= LEVEL_ORDER.index(s.level):
            return _t("domain", "A meeting can only be passed up to a higher level.")
        s.escalated_to.append(p["to_meeting"])
    elif e.type == "meeting.closed":
        if s.status == "closed":
            return _t("domain", "The meeting is already closed.")
        if not s.minutes.strip():
            return MINUTES_REQUIRED
        s.status, s.closed_at = "closed", at
    return None


declare("topic.added", _t("events", "Topic added by hand"),
        title=Text(max_len=200), description=Text(required=False, max_len=2000),
        community=Pattern(regex=r"^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,5}$"),
        case_ids=ListOf(required=False, item=Uuid(), max_items=200))
declare("topic.dropped", _t("events", "Topic dropped"), reason=Text(max_len=500))
