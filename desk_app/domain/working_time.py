"""Elapsed working time: the part of an interval that falls on working days, in days.

Why not whole days: reports give "average handling time in working days" (Shenzhen: 5.1), and a
request settled in three hours on a Tuesday should count 0.125, not 0 or 1; one registered on
Friday evening and finished on Monday morning should count the Friday evening and the Monday
morning only. Weekends, public holidays and make-up working days come from the WorkCalendar;
days are cut at local midnight.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from .sla import CHINA
from .workcalendar import WorkCalendar

DAY = 86_400.0


def working_days_between(start: datetime, end: datetime, calendar: WorkCalendar,
                         tz: ZoneInfo = CHINA) -> float:
    """Working days (fractional) between two aware datetimes; 0 if `end` is not after `start`."""
    if end <= start:
        return 0.0
    local_start, local_end = start.astimezone(tz), end.astimezone(tz)
    day = local_start.date()
    total = 0.0
    while day <= local_end.date():
        day_start = datetime.combine(day, time(0), tzinfo=tz)
        day_end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=tz)
        if calendar.is_working_day(day):
            lo, hi = max(day_start, local_start), min(day_end, local_end)
            if hi > lo:
                total += (hi - lo).total_seconds() / DAY
        day += timedelta(days=1)
    return total
