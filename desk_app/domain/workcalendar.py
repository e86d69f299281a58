"""China's working-day calendar: weekends, public holidays and make-up working days (调休).

The data comes from a CSV file (`date,kind,name`) filled in from the State Council's annual
notice; `kind` is `holiday` for a day off and `workday` for a weekend day that is worked.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .text import QT_TRANSLATE_NOOP, DomainError


class CalendarError(DomainError):
    pass


@dataclass(frozen=True)
class WorkCalendar:
    holidays: frozenset[date] = frozenset()
    workdays: frozenset[date] = frozenset()
    names: dict[date, str] = field(default_factory=dict, compare=False)
    years: frozenset[int] = frozenset()

    def is_working_day(self, day: date) -> bool:
        if day in self.workdays:
            return True
        if day in self.holidays:
            return False
        return day.weekday() < 5

    def covers(self, day: date) -> bool:
        """Whether the official notice for this day's year has been loaded."""
        return day.year in self.years

    @classmethod
    def load(cls, path: Path) -> WorkCalendar:
        try:
            handle = path.open(encoding="utf-8-sig", newline="")
        except OSError as error:
            raise CalendarError(
                QT_TRANSLATE_NOOP("domain", "Cannot read the calendar file {file}: {error}"),
                file=str(path), error=error.strerror or str(error),
            ) from None
        with handle:
            try:
                return cls._parse(path, csv.reader(handle))
            except UnicodeDecodeError:
                raise CalendarError(
                    QT_TRANSLATE_NOOP("domain", "{file} is not a UTF-8 text file."), file=str(path)
                ) from None

    @classmethod
    def _parse(cls, path: Path, reader: Any) -> WorkCalendar:
        holidays: set[date] = set()
        workdays: set[date] = set()
        names: dict[date, str] = {}
        header = next(reader, None)
        if header != ["date", "kind", "name"]:
            raise CalendarError(
                QT_TRANSLATE_NOOP("domain", "{file}, line 1: the header must be “date,kind,name”."),
                file=str(path),
            )
        for row in reader:
            line = reader.line_num
            if not row:
                continue
            try:
                text, kind, name = row
                day = date.fromisoformat(text)
            except ValueError:
                raise CalendarError(
                    QT_TRANSLATE_NOOP("domain", "{file}, line {line}: expected “YYYY-MM-DD,holiday|workday,name”."),
                    file=str(path), line=line,
                ) from None
            if kind not in ("holiday", "workday"):
                raise CalendarError(
                    QT_TRANSLATE_NOOP("domain", "{file}, line {line}: the kind must be holiday or workday, not “{kind}”."),
                    file=str(path), line=line, kind=kind,
                )
            if day in names:
                raise CalendarError(
                    QT_TRANSLATE_NOOP("domain", "{file}, line {line}: {day} is listed twice."),
                    file=str(path), line=line, day=day.isoformat(),
                )
            (holidays if kind == "holiday" else workdays).add(day)
            names[day] = name
        years = {d.year for d in names}
        return cls(frozenset(holidays), frozenset(workdays), names, frozenset(years))
