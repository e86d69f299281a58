"""A case's state as a pure function of its events.

`fold` sorts the events by (hlc, id) and applies the workflow. An event the workflow forbids at
its place in that order (resolving a voided case, signing for a department the case was never
dispatched to) changes nothing but is kept on the state as a conflict for people to see. The
same events give the same state on every replica, whatever order they arrived in.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable
from dataclasses import MISSING, dataclass, field, fields
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
    # Follow-through (issue 10): owner, per-department clocks, disputes, routing.
    owner: str = ""
    signed_by: dict[str, datetime] = field(default_factory=dict)
    answered_by: dict[str, datetime] = field(default_factory=dict)
    dept_returns: list[tuple[str, str]] = field(default_factory=list)
    dept_returned: bool = False
    awaiting_adjudication: bool = False
    unsatisfied: int = 0
    escalated_at: datetime | None = None
    escalation_reason: str = ""
    taken_over: str | None = None
    listed: dict[str, str] | None = None
    claimed_by: str = ""
    instructions: str = ""
    warnings: set[tuple[str, int]] = field(default_factory=set)
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


def _blank(case_id: str) -> CaseState:
    """`CaseState(id=case_id)`, made from a kept template: the dataclass's __init__ of some 60
    fields cost as much as folding a case's few events (a case's first read, issue 14)."""
    state = object.__new__(CaseState)
    state.__dict__.update(_TEMPLATE)
    state.id = case_id
    state.signed_by, state.answered_by, state.dept_returns = {}, {}, []
    state.warnings, state.steps, state.conflicts = set(), [], []
    return state


_TEMPLATE = dict(CaseState(id="").__dict__)
# Every field whose default is a fresh container must be made fresh in `_blank`.
assert {f.name for f in fields(CaseState) if f.default_factory is not MISSING} == {
    "signed_by", "answered_by", "dept_returns", "warnings", "steps", "conflicts"}


def fold(case_id: str, events: Iterable[Event]) -> CaseState:
    """The state of one case from all of its events (in any order, duplicates ignored)."""
    return fold_record(_blank(case_id), events,
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
    """`Step(...)` without the frozen dataclass's field-by-field __init__ (one per event)."""
    step = object.__new__(Step)
    step.__dict__.update(at=at, type=event.type, actor=event.actor, desk=event.desk,
                         payload=dict(event.payload), event_id=event.id)
    return step


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
    s.owner = e.actor
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
    s.signed_by, s.answered_by, s.dept_returned = {}, {}, False
    return None


@_on("case.signed")
def _signed(s: CaseState, e: Event, at: datetime) -> str | None:
    """Each department signs on its own clock; the case counts as signed when the lead signs."""
    dept = e.payload["department"]
    if dept not in (s.lead, *s.co):
        return _t("domain", "Signed by a department the case was not dispatched to.")
    if dept != s.lead:
        if s.status not in ACTIVE or dept in s.signed_by:
            return NOT_NOW
        s.signed_by[dept] = at
        return None
    if s.status != "dispatched":
        return NOT_NOW
    s.status, s.signed_at = "signed", at
    s.signed_by[dept] = at
    return None


@_on("case.replied")
def _replied(s: CaseState, e: Event, at: datetime) -> str | None:
    dept = e.payload["department"]
    if s.lead and dept != s.lead and dept in s.co:  # a co-department answers for itself
        if s.status not in ACTIVE:
            return NOT_NOW
        s.answered_by[dept] = at
        return None
    if s.status not in ("signed", "replied", "returned"):
        return NOT_NOW
    s.status = "replied"
    s.answered_by[dept] = at
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
    if outcome is not Outcome.CLOSED:
        s.unsatisfied += 1
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
    s.escalated_at, s.escalation_reason, s.taken_over = at, e.payload["reason"], None
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


# Follow-through (issue 10) --------------------------------------------------------------------
@_on("case.warned")
def _warned(s: CaseState, e: Event, at: datetime) -> str | None:
    """An automatic warning is a record of a crossing, allowed whatever the status."""
    s.warnings.add((e.payload["threshold"], e.payload["since"]))
    return None


@_on("case.dept_returned")
def _dept_returned(s: CaseState, e: Event, at: datetime) -> str | None:
    """A department says the case is not its duty (快速裁定): the lead's return sends the case
    back to be dispatched again; a second department's return puts it in the adjudication queue."""
    dept = e.payload["department"]
    if s.status not in ("dispatched", "signed", "replied", "returned"):
        return NOT_NOW
    if dept not in (s.lead, *s.co):
        return _t("domain", "Returned by a department the case was not dispatched to.")
    s.dept_returns.append((dept, e.payload["reason"]))
    if dept == s.lead:
        s.status, s.lead, s.dept_returned = "registered", None, True
        s.dispatched_at = s.signed_at = None
    else:
        s.co = tuple(d for d in s.co if d != dept)
    s.awaiting_adjudication = len({d for d, _r in s.dept_returns}) >= 2
    return None


@_on("case.adjudicated")
def _adjudicated(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    s.lead, s.co = e.payload["lead"], tuple(e.payload.get("co", ()))
    s.status, s.dispatched_at, s.signed_at = "dispatched", at, None
    s.signed_by, s.answered_by = {}, {}
    s.dept_returned = s.awaiting_adjudication = False
    return None


@_on("case.handed_over")
def _handed_over(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status in FINAL:
        return NOT_NOW
    if e.payload["to"] == s.owner:
        return _t("domain", "The case already belongs to this worker.")
    s.owner = e.payload["to"]
    return None


@_on("case.taken_over")
def _taken_over(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    if e.payload["level"] != s.level:
        return _t("domain", "Only the level the case was escalated to can take it over.")
    s.taken_over = s.level
    return None


@_on("case.listed")
def _listed(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    s.listed = {"leader": e.payload["leader"], "due": e.payload["due"]}
    return None


@_on("case.sent_down")
def _sent_down(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    target = e.payload["to_level"]
    if LEVEL_ORDER.index(target) >= LEVEL_ORDER.index(s.level):
        return _t("domain", "A case can only be sent down to a lower level.")
    s.level, s.taken_over, s.instructions = target, None, e.payload["instructions"]
    return None


@_on("case.claimed")
def _claimed(s: CaseState, e: Event, at: datetime) -> str | None:
    if s.status not in ACTIVE:
        return NOT_NOW
    s.claimed_by = e.payload["leader"]
    return None
