"""Report periods: an ISO week ("2026-W48") or a calendar month ("2026-11"), in local time.

Weekly and monthly reports are numbered by their place in the year (第 48 期 of the weekly
series is week 48), so the number never shifts when older cases arrive by sync.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from desk_app.domain.sla import CHINA, ms_from_utc
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar

_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


class PeriodError(DomainError):
    context = "reports"


@dataclass(frozen=True, order=True)
class Period:
    kind: str  # "week" | "month"
    year: int
    number: int  # ISO week or month

    @classmethod
    def parse(cls, text: str) -> Period:
        """"2026-W48" or "2026-11"; anything else is a PeriodError saying what to write."""
        raw = (text or "").strip().upper()
        week, month = _WEEK.match(raw), _MONTH.match(raw)
        try:
            if week:
                year, number = int(week[1]), int(week[2])
                date.fromisocalendar(year, number, 1)
                return cls("week", year, number)
            if month and 1 <= int(month[2]) <= 12:
                return cls("month", int(month[1]), int(month[2]))
        except ValueError:
            pass
        raise PeriodError(_t("reports", "“{period}” is not a period: write a week as 2026-W48 or a month as 2026-11."),
                          period=str(text)[:20])

    @classmethod
    def containing(cls, kind: str, day: date) -> Period:
        if kind == "week":
            iso = day.isocalendar()
            return cls("week", iso.year, iso.week)
        return cls("month", day.year, day.month)

    @property
    def first_day(self) -> date:
        if self.kind == "week":
            return date.fromisocalendar(self.year, self.number, 1)
        return date(self.year, self.number, 1)

    @property
    def last_day(self) -> date:
        """The last day inside the period (inclusive)."""
        return self.next().first_day - timedelta(days=1)

    def days(self) -> list[date]:
        count = (self.last_day - self.first_day).days + 1
        return [self.first_day + timedelta(days=i) for i in range(count)]

    def bounds_ms(self, tz: ZoneInfo = CHINA) -> tuple[int, int]:
        """[start, end) in UTC milliseconds, cut at local midnight."""
        start = datetime.combine(self.first_day, time(0), tzinfo=tz)
        end = datetime.combine(self.last_day + timedelta(days=1), time(0), tzinfo=tz)
        return ms_from_utc(start), ms_from_utc(end)

    def next(self) -> Period:
        if self.kind == "week":
            return Period.containing("week", self.first_day + timedelta(days=7))
        return Period("month", self.year + self.number // 12, self.number % 12 + 1)

    def previous(self) -> Period:
        if self.kind == "week":
            return Period.containing("week", self.first_day - timedelta(days=7))
        return Period("month", self.year - (self.number == 1), (self.number - 2) % 12 + 1)

    def year_before(self) -> Period:
        """The same week (53 becomes 52 where the year before has none) or month a year back."""
        if self.kind == "month":
            return Period("month", self.year - 1, self.number)
        number = self.number
        while number > 0:
            try:
                date.fromisocalendar(self.year - 1, number, 1)
                return Period("week", self.year - 1, number)
            except ValueError:
                number -= 1
        raise AssertionError("unreachable")

    def code(self) -> str:
        return f"{self.year}-W{self.number:02d}" if self.kind == "week" else f"{self.year}-{self.number:02d}"

    def holidays(self, calendar: WorkCalendar) -> list[date]:
        """Public holidays falling on what would otherwise be working days."""
        return [d for d in self.days() if d.weekday() < 5 and not calendar.is_working_day(d)]
