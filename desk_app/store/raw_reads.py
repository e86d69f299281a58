"""The few reads the desk makes before its first screen is painted, in fixed SQL that runs on
either kind of connection: an SQLAlchemy `Connection` (inside any unit of work) or a DB-API
connection from `Database.raw()` (the start path, before SQLAlchemy is imported: issue 14).

One definition of each: the unit of work and the start read the same SQL.
"""

from __future__ import annotations

from typing import Any

from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar

from .database import Database

STORED_CALENDAR = "calendar.csv"  # the meta key of the calendar imported or received


def scalar(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> Any:
    """The first column of the first row (None when there is none), on either connection."""
    if hasattr(conn, "exec_driver_sql"):  # SQLAlchemy
        return conn.exec_driver_sql(sql, params).scalar()
    row = conn.execute(sql, params).fetchone()
    return None if row is None else row[0]


def first_row(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> tuple[Any, ...] | None:
    """The first row as a plain tuple (None when there is none), on either connection."""
    if hasattr(conn, "exec_driver_sql"):  # SQLAlchemy
        found = conn.exec_driver_sql(sql, params).first()
        return None if found is None else tuple(found)
    found = conn.execute(sql, params).fetchone()
    return None if found is None else tuple(found)


def execute(conn: Any, sql: str, params: tuple[Any, ...] = ()) -> None:
    """One statement that changes rows, on either connection (a DB-API one is then committed:
    a single statement is its own transaction)."""
    if hasattr(conn, "exec_driver_sql"):  # SQLAlchemy, inside the caller's unit of work
        conn.exec_driver_sql(sql, params)
        return
    conn.execute(sql, params)
    conn.commit()


def read_meta(conn: Any, key: str) -> str | None:
    return scalar(conn, "SELECT value FROM meta WHERE key = ?", (key,))  # type: ignore[no-any-return]


def latest_stamp(conn: Any) -> str | None:
    """The highest clock stamp the desk has written or seen (read at every start and on every
    write's clock)."""
    saved = scalar(conn, "SELECT value FROM meta WHERE key = 'hlc.last'")
    seen = scalar(conn, "SELECT max(hlc) FROM events")
    stamps = [s for s in (saved, seen) if s]
    return max(stamps, key=lambda s: (s[:21], s)) if stamps else None


def desk_calendar(db: Database, shipped: WorkCalendar) -> WorkCalendar:
    """The calendar shipped with the app, with what was imported or received since on top."""
    with db.raw() as conn:
        stored = read_meta(conn, STORED_CALENDAR)
    if not stored:
        return shipped
    try:
        return shipped.merged(WorkCalendar.parse_text(stored, STORED_CALENDAR))
    except DomainError:
        return shipped
