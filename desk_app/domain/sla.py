"""The SLA clock: every deadline, remaining time and overdue mark is computed here and only here.

Rules (BRIEF.md): a department signs within 24 hours of dispatch; it finishes very urgent work
the same day, urgent work within 3 natural days, ordinary work within 5 natural days, or within
the catalogue item's own limit, which may be counted in natural or in working days. "Due soon"
means at least 80 % of the allowed time is used; overdue means the deadline has passed.

Day-based limits end at local midnight: "within 3 natural days" of a request made on the 21st
means by the end of the 24th; "within 5 working days" means by the end of the fifth working day
after the day of the request. Times go in and out as aware UTC datetimes; days are counted in
the desk's time zone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo

from .text import QT_TRANSLATE_NOOP, DomainError
from .workcalendar import WorkCalendar

CHINA = ZoneInfo("Asia/Shanghai")
SIGN_WITHIN = timedelta(hours=24)
T = TypeVar("T")
DUE_SOON_FRACTION = 0.8
DUE_SOON_LEFT = timedelta(hours=24)  # a worker calls a case with under a day left "due soon"
_LIMIT = re.compile(r"^(same_day|(\d{1,3})(h|d|wd))$")


class Unit(StrEnum):
    SAME_DAY = "same_day"
    HOURS = "h"
    NATURAL_DAYS = "d"
    WORKING_DAYS = "wd"


@dataclass(frozen=True)
class TimeLimit:
    amount: int
    unit: Unit

    @classmethod
    def parse(cls, text: str) -> TimeLimit:
        match = _LIMIT.match(text) if isinstance(text, str) else None
        if not match or (match[2] is not None and int(match[2]) == 0):
            raise DomainError(
                QT_TRANSLATE_NOOP("domain", "“{limit}” is not a time limit (use same_day, 24h, 3d or 5wd)."),
                limit=str(text)[:20],
            )
        if match[1] == "same_day":
            return cls(0, Unit.SAME_DAY)
        return cls(int(match[2]), Unit(match[3]))

    def __str__(self) -> str:
        return "same_day" if self.unit is Unit.SAME_DAY else f"{self.amount}{self.unit.value}"


URGENCY_LIMITS = {
    "very_urgent": TimeLimit(0, Unit.SAME_DAY),
    "urgent": TimeLimit(3, Unit.NATURAL_DAYS),
    "ordinary": TimeLimit(5, Unit.NATURAL_DAYS),
}

LIMIT_PATTERN = _LIMIT.pattern


def _end_of_local_day(day: date, tz: ZoneInfo) -> datetime:
    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz).astimezone(UTC)


def deadline(start: datetime, limit: TimeLimit, calendar: WorkCalendar,
             tz: ZoneInfo = CHINA) -> datetime:
    """When work started at `start` must be done under `limit`."""
    if start.tzinfo is None:
        raise ValueError("start must be timezone-aware")
    if limit.unit is Unit.HOURS:
        return start + timedelta(hours=limit.amount)
    local_day = start.astimezone(tz).date()
    if limit.unit is Unit.SAME_DAY:
        return _end_of_local_day(local_day, tz)
    if limit.unit is Unit.NATURAL_DAYS:
        return _end_of_local_day(local_day + timedelta(days=limit.amount), tz)
    day, counted = local_day, 0
    while counted < limit.amount:
        day += timedelta(days=1)
        if calendar.is_working_day(day):
            counted += 1
    return _end_of_local_day(day, tz)


def finish_deadline(start: datetime, urgency: str, item_limit: TimeLimit | None,
                    calendar: WorkCalendar, tz: ZoneInfo = CHINA) -> datetime:
    """The handling deadline: the item's own limit, tightened by an urgent or very urgent mark."""
    by_urgency = deadline(start, URGENCY_LIMITS[urgency], calendar, tz)
    if item_limit is None:
        return by_urgency
    by_item = deadline(start, item_limit, calendar, tz)
    return by_item if urgency == "ordinary" else min(by_item, by_urgency)


def sign_deadline(dispatched_at: datetime) -> datetime:
    if dispatched_at.tzinfo is None:
        raise ValueError("dispatched_at must be timezone-aware")
    return dispatched_at + SIGN_WITHIN


class ClockState(StrEnum):
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class Clock:
    start: datetime
    due: datetime

    @property
    def due_soon_at(self) -> datetime:
        """When the row turns amber: 80 % of the limit used or under 24 hours left, whichever
        comes first (a one-day case is due soon from the start: it must be done by tomorrow).
        Stored in the projection, so the SQL filters follow it too."""
        by_fraction = self.start + (self.due - self.start) * DUE_SOON_FRACTION
        return max(self.start, min(by_fraction, self.due - DUE_SOON_LEFT))

    def remaining(self, now: datetime) -> timedelta:
        return self.due - now

    def used_fraction(self, now: datetime) -> float:
        span = (self.due - self.start).total_seconds()
        if span <= 0:
            return 1.0
        return max(0.0, (now - self.start).total_seconds() / span)

    def state(self, now: datetime) -> ClockState:
        return state_at(now, self.due, self.due_soon_at)


def state_at(now: T, due: T, due_soon_at: T | None) -> ClockState:
    """The one rule of the clocks: overdue strictly after the deadline, due soon from
    `due_soon_at` (80 % used or under 24 hours left, see Clock.due_soon_at), else on time. Works on datetimes and on stored milliseconds alike, so
    the lists and their SQL filters follow the same thresholds (see store.case_queries)."""
    if now > due:  # type: ignore[operator]
        return ClockState.OVERDUE
    if due_soon_at is not None and now >= due_soon_at:  # type: ignore[operator]
        return ClockState.DUE_SOON
    return ClockState.ON_TIME


def utc_from_ms(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def ms_from_utc(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)
