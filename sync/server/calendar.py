"""The working-day calendar the centre publishes with its catalogue snapshot.

An administrator imports the State Council's notice (`community-desk-server import-calendar
--file 2027.csv`); the centre keeps the merged calendar in its meta table and sends it with the
catalogue, its version in the ETag, so every desk of the area recomputes its open deadlines
at its next sync. A file with a bad line is refused with its file and line; nothing changes.
"""

from __future__ import annotations

from pathlib import Path

from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar

from .store import ServerError, ServerStore

CSV_KEY = "calendar.csv"
VERSION_KEY = "calendar.version"


def published_calendar(store: ServerStore) -> tuple[str, str] | None:
    """(CSV text, version) of the calendar the centre publishes, or None before any import."""
    with store.db.read() as conn:
        text, version = store._meta(conn, CSV_KEY), store._meta(conn, VERSION_KEY)
    return (text, version) if text and version else None


def import_calendar(store: ServerStore, path: Path) -> tuple[tuple[int, ...], str]:
    """Merge a notice into the published calendar; the years it covered and the new version."""
    try:
        newer = WorkCalendar.load(path)
    except DomainError as error:
        raise ServerError(400, str(error)) from None
    if not newer.years:
        raise ServerError(400, f"{path} lists no days.")
    with store.db.write() as conn:
        stored = store._meta(conn, CSV_KEY)
        base = WorkCalendar.parse_text(stored, CSV_KEY) if stored else WorkCalendar()
        merged = base.merged(newer)
        store._set_meta(conn, CSV_KEY, merged.to_csv())
        store._set_meta(conn, VERSION_KEY, merged.version)
    return tuple(sorted(newer.years)), merged.version
