"""China's working-day calendar: weekends, public holidays and make-up working days (调休).

The data comes from a CSV file (`date,kind,name`) filled in from the State Council's annual
notice; `kind` is `holiday` for a day off and `workday` for a weekend day that is worked.
"""

from __future__ import annotations

import csv
import hashlib
import io
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

    def to_csv(self) -> str:
        """The calendar as the CSV it was read from (sorted), the form it is stored and sent in."""
        lines = ["date,kind,name"]
        for day in sorted(self.names):
            kind = "holiday" if day in self.holidays else "workday"
            lines.append(f"{day.isoformat()},{kind},{_csv_field(self.names[day])}")
        # A year with a notice but no special day (never in practice) still counts as covered.
        for year in sorted(self.years - {d.year for d in self.names}):
            lines.append(f"# {year}")
        return "\n".join(lines) + "\n"

    @property
    def version(self) -> str:
        """A short fingerprint of the content: equal calendars have equal versions everywhere."""
        if not self.years:
            return ""
        return hashlib.sha256(self.to_csv().encode()).hexdigest()[:16]

    def merged(self, newer: WorkCalendar) -> WorkCalendar:
        """This calendar with every year that `newer` covers replaced by `newer`'s notice (a
        corrected notice for a year replaces the old one; other years are kept)."""
        keep = {d: n for d, n in self.names.items() if d.year not in newer.years}
        holidays = {d for d in self.holidays if d in keep} | set(newer.holidays)
        workdays = {d for d in self.workdays if d in keep} | set(newer.workdays)
        names = {**keep, **newer.names}
        return WorkCalendar(frozenset(holidays), frozenset(workdays), names,
                            frozenset(self.years | newer.years))

    @classmethod
    def parse_text(cls, text: str, source: str) -> WorkCalendar:
        """A calendar from CSV text (from the centre, or stored); errors name `source` and line."""
        lines = [line for line in text.splitlines() if not line.startswith("# ")]
        years = {int(line[2:]) for line in text.splitlines()
                 if line.startswith("# ") and line[2:].isdigit()}
        calendar = cls._parse(Path(source), csv.reader(io.StringIO("\n".join(lines))))
        if years:
            calendar = WorkCalendar(calendar.holidays, calendar.workdays, calendar.names,
                                    frozenset(calendar.years | years))
        return calendar

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


def _csv_field(text: str) -> str:
    if any(c in text for c in ',"\n'):
        return '"' + text.replace('"', '""') + '"'
    return text
