"""Follow-through (督办): which case or resolution is in which warning state at a moment.

Every threshold comes from `sla` (the 24-hour signing clock, the 80 % "due soon" mark, the
dispatch targets) or from `meeting` (a resolution's due-soon window): this module only says
which of them a case has crossed, how urgent each is, and the deterministic id of the automatic
warning event recorded when a case first crosses one. That id is a UUID derived from the case,
the threshold and the moment the clock behind it started, so two desks of one area that both
notice the same crossing write the same event id, and the copies collapse on sync.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from .meeting import Resolution
from .sla import (
    CHINA,
    DISPATCH_WITHIN,
    SIGN_WITHIN,
    ClockState,
    state_at,
    utc_from_ms,
)
from .text import QT_TRANSLATE_NOOP as _t
from .vocabulary import ACTIVE
from .workcalendar import WorkCalendar

# The namespace of every automatic event id (uuid5); never change it, or copies stop collapsing.
NAMESPACE = uuid.UUID("6f1c5b9e-3d2a-5c4b-9e8f-0a1b2c3d4e5f")
# Event types whose copies from two desks of one area are one fact (same id, same payload).
AUTOMATIC_TYPES = frozenset({"case.warned", "case.reminded"})
SYSTEM_ACTOR = "followup"


class Warn(StrEnum):
    """The kinds of item on the watch list, in the order they need action (first = most)."""

    OVERDUE = "overdue"
    SIGN_OVERDUE = "sign_overdue"
    CO_SIGN_OVERDUE = "co_sign_overdue"
    DEPT_RETURNED = "dept_returned"
    AWAITING_DISPATCH = "awaiting_dispatch"
    ESCALATED = "escalated"
    LISTED = "listed"
    SUPERVISED = "supervised"
    NOTICE = "notice"
    RETURNED = "returned"
    DUE_SOON = "due_soon"
    RESOLUTION_OVERDUE = "resolution_overdue"
    RESOLUTION_DUE = "resolution_due"
    UNEVALUATED = "unevaluated"
    CLAIMED = "claimed"
    ESTIMATED = "estimated"


WARN_ORDER = {kind: rank for rank, kind in enumerate(Warn)}

WARN_LABELS = {
    Warn.OVERDUE: _t("vocabulary", "Overdue"),
    Warn.SIGN_OVERDUE: _t("vocabulary", "Not signed for within 24 hours"),
    Warn.CO_SIGN_OVERDUE: _t("vocabulary", "A co-department has not signed within 24 hours"),
    Warn.DEPT_RETURNED: _t("vocabulary", "Returned by the department, to dispatch again"),
    Warn.AWAITING_DISPATCH: _t("vocabulary", "Waiting for manual dispatch past the target"),
    Warn.ESCALATED: _t("vocabulary", "Escalated to this level"),
    Warn.LISTED: _t("vocabulary", "Listed supervision"),
    Warn.SUPERVISED: _t("vocabulary", "Under special supervision"),
    Warn.NOTICE: _t("vocabulary", "On the district notice list"),
    Warn.RETURNED: _t("vocabulary", "Returned for redoing"),
    Warn.DUE_SOON: _t("vocabulary", "Due soon"),
    Warn.RESOLUTION_OVERDUE: _t("vocabulary", "Meeting resolution overdue"),
    Warn.RESOLUTION_DUE: _t("vocabulary", "Meeting resolution due soon"),
    Warn.UNEVALUATED: _t("vocabulary", "Resolved but not evaluated"),
    Warn.CLAIMED: _t("vocabulary", "Claimed by a leader"),
    Warn.ESTIMATED: _t("vocabulary", "Deadline estimated (holidays not imported)"),
}

# Crossings that the job records as an automatic warning event (and notifies about).
RECORDED = frozenset({Warn.OVERDUE, Warn.SIGN_OVERDUE, Warn.CO_SIGN_OVERDUE, Warn.DUE_SOON,
                      Warn.AWAITING_DISPATCH, Warn.UNEVALUATED, Warn.DEPT_RETURNED,
                      Warn.ESCALATED, Warn.NOTICE})

ESTIMATED_NOTE = _t("followup", "The {years} public holidays have not been imported yet; "
                                "counted as Monday to Friday.")


@dataclass(frozen=True)
class Rules:
    """What the supervisor may set: how long a resolved case may wait for its evaluation."""

    evaluate_within_days: int = 3


DEFAULT_RULES = Rules()
@dataclass(slots=True)
class CaseFacts:
    """The part of a case's projection the watch list judges (times in UTC milliseconds)."""

    id: str
    status: str
    urgency: str
    registered_at: int
    level: str = "community"
    due_at: int | None = None
    due_soon_at: int | None = None
    handling_started_at: int | None = None
    sign_due_at: int | None = None
    dispatched_at: int | None = None
    resolved_at: int | None = None
    supervised: bool = False
    times_returned: int = 0
    dept_returned: bool = False
    unsatisfied: int = 0
    listed: bool = False
    taken_over_at: str | None = None  # the level that took the case over, if any
    claimed_by: str | None = None
    escalated_at: int | None = None
    co_unsigned: tuple[tuple[str, int], ...] = ()  # (department, dispatched_at) not yet signed


@dataclass(slots=True)
class Warning:
    kind: Warn
    since: int  # ms: when the state behind this warning began (its clock's start)
    due: int | None = None  # ms: the deadline it is about, if any
    detail: str = ""  # e.g. the co-department

    @property
    def rank(self) -> int:
        return WARN_ORDER[self.kind]


def warning_id(entity_id: str, kind: str, since: int, detail: str = "") -> str:
    """The deterministic id of the automatic warning for one crossing (canonical lower-case)."""
    return str(uuid.uuid5(NAMESPACE, f"{entity_id}/{kind}/{since}/{detail}"))


def daily_reminder_id(case_id: str, day: date) -> str:
    """Yibin's daily reminder: one per overdue case and working day."""
    return str(uuid.uuid5(NAMESPACE, f"{case_id}/daily/{day.isoformat()}"))


def same_automatic(stored: dict, incoming: dict) -> bool:
    """Two copies of one automatic event written by two desks: same id, record, type and payload
    (the stamp, actor and desk differ and do not matter)."""
    return (stored.get("type") in AUTOMATIC_TYPES
            and all(stored.get(k) == incoming.get(k)
                    for k in ("id", "entity", "entity_id", "type", "payload", "org")))


def case_warnings(c: CaseFacts, now: int, rules: Rules = DEFAULT_RULES,
                  desk_level: str = "community",
                  calendar: WorkCalendar | None = None) -> list[Warning]:
    """Every warning state the case is in at `now`, most pressing first; with the calendar, an
    open case whose deadline runs through a year without holiday data is flagged too."""
    found: list[Warning] = []
    add = found.append
    if c.status in ACTIVE:
        if c.due_at is not None and c.due_soon_at is not None and c.handling_started_at:
            # The projection holds sla.Clock's deadline and due-soon mark; sla.state_at is
            # the clocks' one rule, here on milliseconds (this runs for every candidate).
            state = state_at(now, c.due_at, c.due_soon_at)
            if state is ClockState.OVERDUE:
                add(Warning(Warn.OVERDUE, c.handling_started_at, c.due_at))
            elif state is ClockState.DUE_SOON:
                add(Warning(Warn.DUE_SOON, c.handling_started_at, c.due_at))
        if c.status == "dispatched" and c.sign_due_at is not None and now > c.sign_due_at:
            add(Warning(Warn.SIGN_OVERDUE, c.sign_due_at - SIGN_MS, c.sign_due_at))
        for dept, dispatched in c.co_unsigned:
            if now > dispatched + SIGN_MS:
                add(Warning(Warn.CO_SIGN_OVERDUE, dispatched, dispatched + SIGN_MS,
                            dept))
        if c.status == "registered":
            target = c.registered_at + DISPATCH_MS[c.urgency]
            if c.dept_returned:
                add(Warning(Warn.DEPT_RETURNED, c.handling_started_at or c.registered_at))
            elif now > target:
                add(Warning(Warn.AWAITING_DISPATCH, c.registered_at, target))
        if c.status == "returned":
            add(Warning(Warn.RETURNED, c.handling_started_at or c.registered_at))
        if c.level != "community" and c.level == desk_level and c.taken_over_at != c.level:
            add(Warning(Warn.ESCALATED, c.escalated_at or c.registered_at))
        if c.listed:
            add(Warning(Warn.LISTED, c.registered_at))
        if c.supervised:
            add(Warning(Warn.SUPERVISED, c.registered_at))
        if c.claimed_by:
            add(Warning(Warn.CLAIMED, c.registered_at, None, c.claimed_by))
    if (calendar is not None and c.status in ACTIVE and c.due_at
            and estimated_years(c.handling_started_at, c.due_at, calendar)):
        add(Warning(Warn.ESTIMATED, c.handling_started_at or c.registered_at, c.due_at))
    if c.unsatisfied >= 2:
        add(Warning(Warn.NOTICE, c.registered_at))
    if c.status == "resolved" and c.resolved_at is not None:
        limit = c.resolved_at + rules.evaluate_within_days * 86_400_000
        if now > limit:
            add(Warning(Warn.UNEVALUATED, c.resolved_at, limit))
    if len(found) > 1:
        found.sort(key=_rank)
    return found


def _rank(w: Warning) -> int:
    return WARN_ORDER[w.kind]


def resolution_warning(due: date, status: str, today: date) -> Warn | None:
    """A council-meeting resolution: overdue, due soon (meeting.py's window) or nothing."""
    probe = Resolution("", "", "", due, status)
    if probe.overdue(today):
        return Warn.RESOLUTION_OVERDUE
    if probe.due_soon(today):
        return Warn.RESOLUTION_DUE
    return None


def dispatch_cut(now: int) -> int:
    """Registered before this moment, a case waits past even the longest dispatch target."""
    return now - min(_ms(v) for v in DISPATCH_WITHIN.values())


def evaluation_cut(now: int, rules: Rules) -> int:
    return now - rules.evaluate_within_days * 86_400_000


def sign_cut(now: int) -> int:
    """Dispatched before this moment, a department's 24-hour signing clock has run out."""
    return now - SIGN_MS


def estimated_years(start_ms: int | None, due_ms: int | None,
                    calendar: WorkCalendar) -> list[int]:
    """The years a working-day deadline ran through that the calendar has no notice for: the
    deadline then counts Monday to Friday, and is an estimate."""
    if start_ms is None or due_ms is None:
        return []
    low, high = _covered_span(calendar)
    if low <= start_ms and due_ms < high:  # the common case, answered without datetimes
        return []
    first = utc_from_ms(start_ms).astimezone(CHINA).year
    last = utc_from_ms(due_ms).astimezone(CHINA).year
    return [y for y in range(first, last + 1) if y not in calendar.years]


_SPANS: dict[frozenset[int], tuple[int, int]] = {}


def _covered_span(calendar: WorkCalendar) -> tuple[int, int]:
    """[start, end) in ms of the calendar's years when they are contiguous, else (0, 0)."""
    span = _SPANS.get(calendar.years)
    if span is None:
        years = sorted(calendar.years)
        if years and years == list(range(years[0], years[-1] + 1)):
            span = (int(datetime(years[0], 1, 1, tzinfo=CHINA).timestamp() * 1000),
                    int(datetime(years[-1] + 1, 1, 1, tzinfo=CHINA).timestamp() * 1000))
        else:
            span = (0, 0)
        _SPANS[calendar.years] = span
    return span


def first_uncovered_ms(calendar: WorkCalendar) -> int | None:
    """The start (local midnight) of the first year after the calendar's data ends: a deadline
    at or after it counts days the calendar knows nothing of."""
    if not calendar.years:
        return None
    start = datetime(max(calendar.years) + 1, 1, 1, tzinfo=CHINA)
    return int(start.timestamp() * 1000)


@dataclass(frozen=True)
class QuietHours:
    """Notifications only within working hours on working days (settable)."""

    start_hour: int = 8
    end_hour: int = 18
    weekdays_only: bool = True

    def allows(self, now: datetime, calendar: WorkCalendar) -> bool:
        local = now.astimezone(CHINA)
        if self.weekdays_only and not calendar.is_working_day(local.date()):
            return False
        return self.start_hour <= local.hour < self.end_hour


WORKING_HOURS = QuietHours()


def _ms(span: timedelta) -> int:
    return int(span.total_seconds() * 1000)


SIGN_MS = _ms(SIGN_WITHIN)
DISPATCH_MS = {urgency: _ms(span) for urgency, span in DISPATCH_WITHIN.items()}
