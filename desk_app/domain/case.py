"""A case's state as a pure function of its events.

`fold` sorts the events by (hlc, id) and applies the workflow. An event the workflow forbids at
its place in that order (resolving a voided case, signing for a department the case was never
dispatched to) changes nothing but is kept on the state as a conflict for people to see. The
same events give the same state on every replica, whatever order they arrived in.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from . import case_events  # noqa: F401 - declares the event types
from .evaluation import Outcome, evaluation_outcome
from .events import Conflict, Event, fold_record, handles, types_of
from .sla import Clock, TimeLimit, finish_deadline, sign_deadline
from .text import QT_TRANSLATE_NOOP as _t
from .vocabulary import ACTIVE, FINAL, LEVEL_ORDER
from .workcalendar import WorkCalendar


@dataclass(frozen=True)
class Step:
    """One entry of the case's visible path."""

    at: datetime
    type: str
    actor: str
    desk: str
    payload: dict[str, Any]
    event_id: str


@dataclass
class CaseState:
    id: str
    status: str = "incomplete"
    number: str = ""
    kind: str = ""
    channel: str = ""
    title: str = ""
    description: str = ""
    urgency: str = "ordinary"
    category: str = ""
    time_limit: str | None = None
    community: str = ""
    grid: str | None = None
    address: str = ""
    name: str = ""
    phone: str = ""
    id_number: str = ""
    anonymous: bool = False
    latitude: float | None = None
    longitude: float | None = None
    split_from: str | None = None
    source: tuple[str, str] | None = None
    org: str = ""
    registered_at: datetime | None = None
    registered_by: str = ""
    desk: str = ""
    lead: str | None = None
    co: tuple[str, ...] = ()
    dispatched_at: datetime | None = None
    signed_at: datetime | None = None
    handling_started_at: datetime | None = None
    resolved_at: datetime | None = None
    resolution: str = ""
    on_spot: bool = False
    closed_at: datetime | None = None
    level: str = "community"
    times_returned: int = 0
    supervised: bool = False
    reminders: int = 0
    repeats: int = 0
    merged_into: str | None = None
    split_into: tuple[str, ...] = ()
    void_reason: str = ""
    last_rating: dict[str, str] | None = None
    steps: list[Step] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    last_hlc: str = ""

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    def sign_clock(self) -> Clock | None:
        """The 24-hour signing clock: it runs only while a dispatched case waits to be signed
        for (the one place that says so)."""
        if self.dispatched_at is None or self.status != "dispatched":
            return None
        return Clock(self.dispatched_at, sign_deadline(self.dispatched_at))

    def finish_clock(self, calendar: WorkCalendar) -> Clock | None:
        if self.handling_started_at is None:
            return None
        limit = TimeLimit.parse(self.time_limit) if self.time_limit else None
        due = finish_deadline(self.handling_started_at, self.urgency, limit, calendar)
        return Clock(self.handling_started_at, due)


def _on(name: str) -> Callable[[Callable[[CaseState, Event, datetime], str | None]],
                                Callable[[CaseState, Event, datetime], str | None]]:
    """Attach a case event's fold handler to its declaration (the registry in events.py)."""
    return handles(name)


NOT_NOW = _t("domain", "Not allowed while the case is “{status}”.")


def fold(case_id: str, events: Iterable[Event]) -> CaseState:
    """The state of one case from all of its events (in any order, duplicates ignored)."""
    return fold_record(CaseState(id=case_id), events,
                       before_start=_t("domain", "Recorded before the case was registered."),
                       on_step=_add_step, hold_until_started=True)


def _add_step(state: CaseState, event: Event, at: datetime) -> None:
    state.steps.append(_step(event, at))


def allowed_steps(state: CaseState) -> set[str]:
    """The steps the workflow allows on this case now, asked of the fold itself (with each
    type's declared sample payload) so that the screen and the rules can never disagree."""
    if state.status == "incomplete":
        return set()
    allowed = set()
    at = state.registered_at or datetime.now(UTC)
    for kind in types_of("case"):
        if kind.sample is None or kind.fold is None:
            continue
        trial = copy.deepcopy(state)
        probe = Event("0", "case", state.id, kind.name, dict(kind.sample), "-", "-",
                      state.last_hlc, "-")
        if kind.fold(trial, probe, at) is None:
            allowed.add(kind.name)
    if state.status == "dispatched":
        allowed.add("case.signed")
    return allowed


def _step(event: Event, at: datetime) -> Step:
    return Step(at, event.type, event.actor, event.desk, dict(event.payload), event.id)


@_on("case.registered")
def _registered(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status != "incomplete":
        return _t("domain", "The case was already registered.")
    p = e.payload
    s.status = "registered"
    s.number, s.kind, s.channel = p["number"], p["kind"], p["channel"]
    s.title, s.description, s.urgency = p["title"], p["description"], p["urgency"]
    s.category, s.time_limit = p["category"], p.get("time_limit")
    s.community, s.grid, s.address = p["community"], p.get("grid"), p.get("address", "")
    s.anonymous = bool(p.get("anonymous", False))
    s.name, s.phone = p.get("name", ""), p.get("phone", "")
    s.id_number = p.get("id_number", "")
    s.latitude, s.longitude = p.get("latitude"), p.get("longitude")
    s.split_from = p.get("split_from")
    if "source_entity" in p and "source_id" in p:
        s.source = (p["source_entity"], p["source_id"])
    s.org, s.registered_at, s.registered_by, s.desk = e.org, at, e.actor, e.desk
    s.handling_started_at = at
    return None


@_on("case.dispatched")
def _dispatched(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    p = e.payload
    s.lead, s.co = p["lead"], tuple(p.get("co", ()))
    s.category = p.get("category", s.category)
    s.time_limit = p.get("time_limit", s.time_limit)
    s.status, s.dispatched_at, s.signed_at = "dispatched", at, None
    return None


@_on("case.signed")
def _signed(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status != "dispatched":
        return NOT_NOW
    if e.payload["department"] not in (s.lead, *s.co):
        return _t("domain", "Signed by a department the case was not dispatched to.")
    s.status, s.signed_at = "signed", at
    return None


@_on("case.replied")
def _replied(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ("signed", "replied", "returned"):
        return NOT_NOW
    s.status = "replied"
    return None


@_on("case.resolved")
def _resolved(s: CaseState, e: Event, at: datetime) -> str | None:
    on_spot = bool(e.payload.get("on_spot"))
    if s.status not in ACTIVE or (on_spot and s.status != "registered"):
        return NOT_NOW
    s.status, s.resolved_at = "resolved", at
    s.resolution, s.on_spot = e.payload["text"], on_spot
    return None


@_on("case.evaluated")
def _evaluated(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status != "resolved":
        return NOT_NOW
    ratings = {d: e.payload[d] for d in ("speed", "effect", "service", "feedback")}
    s.last_rating = ratings
    outcome = evaluation_outcome(ratings, s.times_returned)
    if outcome is Outcome.CLOSED:
        s.status, s.closed_at = "closed", at
        return None
    _send_back(s, at)
    if outcome is Outcome.SUPERVISED:
        s.supervised = True
    return None


def _send_back(s: CaseState, at: datetime) -> None:
    s.status, s.times_returned = "returned", s.times_returned + 1
    s.handling_started_at, s.resolved_at = at, None


@_on("case.returned")
def _returned(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ("replied", "resolved"):
        return NOT_NOW
    _send_back(s, at)
    return None


@_on("case.escalated")
def _escalated(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    target = e.payload["to_level"]
    if LEVEL_ORDER.index(target) <= LEVEL_ORDER.index(s.level):
        return _t("domain", "The case is already at this level or above.")
    s.level = target
    return None


@_on("case.reminded")
def _reminded(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    s.reminders += 1
    return None


@_on("case.supervised")
def _supervised(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    s.supervised = True
    return None


@_on("case.merged")
def _merged(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    if e.payload["into"] == s.id:
        return _t("domain", "A case cannot be merged into itself.")
    s.status, s.merged_into, s.closed_at = "merged", e.payload["into"], at
    return None


@_on("case.split")
def _split(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    s.status, s.split_into, s.closed_at = "split", tuple(e.payload["into"]), at
    return None


@_on("case.voided")
def _voided(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status in FINAL:
        return NOT_NOW
    s.status, s.void_reason, s.closed_at = "voided", e.payload["reason"], at
    return None


@_on("case.commented")
def _commented(s: CaseState, e: Event, at: datetime) -> str | None:
    return None


@_on("case.repeated")
def _repeated(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status in ("voided", "merged", "split"):
        return NOT_NOW
    s.repeats += 1
    return None
