"""The working-day calendar as data: imported from the State Council's notice (CSV) on the desk
or received from the centre with its catalogue snapshot, kept in the desk's database, and
applied at once to the deadlines of open cases (a case whose deadline moved records it).

An import is one transaction: a file with a bad line is refused (file and line named) before
anything is written, and a recompute that fails leaves the old calendar and deadlines in place.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.vocabulary import ACTIVE
from desk_app.domain.workcalendar import WorkCalendar

from .access import require
from .audit import Audited, record_audit
from .database import Database
from .desk import Desk, read_meta, write_meta
from .projection import refresh_cases
from .raw_reads import STORED_CALENDAR, desk_calendar  # noqa: F401  (its home before)
from .schema import cases, deadline_changes
from .users import User

STORED = STORED_CALENDAR
CENTRE_VERSION = "calendar.centre_version"


@dataclass(frozen=True)
class CalendarApplied:
    years: tuple[int, ...]  # the years the new data covered
    version: str
    recomputed: int  # open cases whose deadlines were computed again
    moved: int  # of those, the ones whose deadline changed


@dataclass(frozen=True)
class DeadlineChange:
    old_due: int | None
    new_due: int | None
    calendar: str
    changed_at: int


def import_calendar_file(desk: Desk, user: User, path: Path) -> CalendarApplied:
    """An administrator imports a notice's CSV (`date,kind,name`): refused whole on a bad line."""
    require(user, "settings")
    newer = WorkCalendar.load(path)  # CalendarError names the file and the line
    if not newer.years:
        raise DomainError(_t("domain", "{file} lists no days."), file=str(path))
    applied = apply_calendar(desk, newer)
    record_audit(desk, user, Audited("settings.changed", target="working-day calendar",
                                     detail=Path(path).name))
    return applied


def adopt_centre_calendar(desk: Desk, text: str, version: str) -> CalendarApplied | None:
    """The centre's calendar from its catalogue snapshot; None when this version is known."""
    with desk.db.read() as conn:
        if read_meta(conn, CENTRE_VERSION) == version:
            return None
    newer = WorkCalendar.parse_text(text, "centre calendar")
    return apply_calendar(desk, newer, centre_version=version)


def apply_calendar(desk: Desk, newer: WorkCalendar,
                   centre_version: str | None = None) -> CalendarApplied:
    merged = desk.calendar.merged(newer)
    with desk.write() as unit:
        conn = unit.conn
        stored = read_meta(conn, STORED)
        base = WorkCalendar.parse_text(stored, STORED) if stored else WorkCalendar()
        write_meta(conn, STORED, base.merged(newer).to_csv())
        if centre_version is not None:
            write_meta(conn, CENTRE_VERSION, centre_version)
        recomputed, moved_ids = recompute_open_deadlines(conn, merged)
        unit.touch("case", *moved_ids)  # screens showing these deadlines redraw
        unit.note("calendar")
    moved = len(moved_ids)
    desk.calendar = merged  # only once the transaction has committed
    return CalendarApplied(tuple(sorted(newer.years)), merged.version, recomputed, moved)


def recompute_open_deadlines(conn: Connection, calendar: WorkCalendar) -> tuple[int, list[str]]:
    """Fold every open case again under `calendar`; record each deadline that moved (returns
    how many were folded, and the ids that moved)."""
    before = dict(conn.execute(select(cases.c.id, cases.c.due_at)
                               .where(cases.c.status.in_(sorted(ACTIVE)))).all())
    ids = list(before)
    for start in range(0, len(ids), 2000):
        refresh_cases(conn, ids[start:start + 2000], calendar)
    moved = []
    now = int(time.time() * 1000)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        for case_id, due in conn.execute(select(cases.c.id, cases.c.due_at)
                                         .where(cases.c.id.in_(chunk))):
            if due != before[case_id]:
                moved.append({"case_id": case_id, "old_due": before[case_id], "new_due": due,
                              "calendar": calendar.version, "changed_at": now})
    if moved:
        conn.execute(deadline_changes.insert(), moved)
    return len(ids), [m["case_id"] for m in moved]


def deadline_history(db: Database, case_id: str) -> list[DeadlineChange]:
    with db.read() as conn:
        rows = conn.execute(select(deadline_changes).where(deadline_changes.c.case_id == case_id)
                            .order_by(deadline_changes.c.n))
        return [DeadlineChange(r.old_due, r.new_due, r.calendar, r.changed_at) for r in rows]
