"""The access audit in the store: entries are recorded inside the unit of work of what they
audit (an administrator's act and its entry commit together, or neither does), and read back
only by the administrator.

What is recorded and why is in `desk_app.domain.audit`. Nothing here stores personal data: a
searched phone or ID number is kept masked, a case by its id and number."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, select

from desk_app.domain.audit import ACTIONS, fold_audit, repeat_id, repeat_key
from desk_app.domain.events import Event
from desk_app.domain.ids import uuid7
from desk_app.domain.sla import ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar

from .access import require
from .eventlog import load_events
from .schema import audit_log
from .users import User

if TYPE_CHECKING:  # desk.py imports the projections, this module among them
    from .desk import Desk, UnitOfWork

SYSTEM_ACTOR = "desk"  # the actor of entries made when nobody is signed in (a failed sign-in)


@dataclass(frozen=True)
class Audited:
    """What one entry says, before it is an event."""

    action: str
    case_id: str = ""
    case_number: str = ""
    target: str = ""  # a user name, a setting, a file's name: never a resident's data
    detail: str = ""

    def payload(self) -> dict[str, object]:
        found: dict[str, object] = {"what": self.action}
        for name in ("case_id", "case_number", "target", "detail"):
            value = getattr(self, name)
            if value:
                found[name] = value[:500] if name == "detail" else value[:100]
        return found


def _who(desk: Desk, actor: User | str) -> str:
    return actor.actor(desk.code) if isinstance(actor, User) else f"{actor}@{desk.code}"


def audit_event(desk: Desk, actor: User | str, entry: Audited, *, entry_id: str | None = None
                ) -> Event:
    """The event of one entry, stamped now (`entry_id`: the id of a repeatable entry)."""
    if entry.action not in ACTIONS:
        raise ValueError(f"unknown audit action {entry.action}")
    event = desk.new_event(_who(desk, actor), "audit", uuid7(), "audit.recorded", entry.payload())
    if entry_id is not None:
        event = Event(entry_id, "audit", entry_id, event.type, event.payload, event.actor,
                      event.desk, event.hlc, event.org)
    return event


def note_audit(unit: UnitOfWork, actor: User | str, entry: Audited) -> None:
    """Record an entry in the caller's unit of work (it commits with the act it audits)."""
    unit.record([audit_event(unit.desk, actor, entry)])
    unit.note("audit")


# The keys (domain.audit.repeat_key) of repeatable entries this process knows are stored, per
# desk: opening a case again within the hour then costs a set lookup, not a query or a uuid5
# (get_case is the desk's hottest read).
_STORED: WeakKeyDictionary[Desk, set[tuple[str, str, str, int]]] = WeakKeyDictionary()


def record_audit(desk: Desk, actor: User | str, entry: Audited, *,
                 repeatable: bool = False) -> None:
    """Record an entry in a unit of work of its own (for acts that write nothing else: looking
    at a case, a search, a print). `repeatable` entries (opening the same case again) have one
    id per person, action, case and hour, so repeats collapse to one entry; a repeat writes
    nothing."""
    if not repeatable:
        with desk.write() as unit:
            note_audit(unit, actor, entry)
        return
    wall = desk.clock.wall_ms()
    key = repeat_key(_who(desk, actor), entry.action, entry.case_id or entry.target, wall)
    stored = _STORED.get(desk)
    if stored is None:
        stored = _STORED.setdefault(desk, set())
    if key in stored:  # no uuid5 to make: this runs on every opening of a case
        return
    same = repeat_id(*key[:3], wall)
    with desk.db.read() as conn:
        seen = conn.exec_driver_sql("SELECT 1 FROM events WHERE id = ?", (same,)).first()
    if seen is None:
        with desk.write() as unit:
            if unit.conn.exec_driver_sql("SELECT 1 FROM events WHERE id = ?", (same,)).first():
                return
            unit.record([audit_event(desk, actor, entry, entry_id=same)])
            unit.note("audit")
    if len(stored) > 10_000:  # a long day's worth; forgetting only costs a query
        stored.clear()
    stored.add(key)


# The projection ------------------------------------------------------------------------------

def refresh_audit(conn: Connection, ids: Iterable[str], _calendar: WorkCalendar) -> None:
    ordered = list(dict.fromkeys(ids))
    found = load_events(conn, ordered)
    rows = []
    for entry_id in ordered:
        events = found.get(entry_id, [])
        state = fold_audit(entry_id, events)
        if state.status == "incomplete" or state.at is None:
            continue
        rows.append((state.id, ms_from_utc(state.at), state.actor, state.action, state.case_id,
                     state.case_number, state.target, state.detail, events[0].desk))
    if rows:
        conn.exec_driver_sql(
            "INSERT OR REPLACE INTO audit_log (id, at_ms, actor, action, case_id, case_number, "
            "target, detail, desk) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)


# Reading it: the administrator's alone ---------------------------------------------------------

class AuditLine(NamedTuple):
    id: str
    at_ms: int
    actor: str
    action: str
    case_id: str
    case_number: str
    target: str
    detail: str
    desk: str


@dataclass(frozen=True)
class AuditFilter:
    since_ms: int | None = None
    until_ms: int | None = None  # exclusive
    actor: str = ""  # a user name (with or without @desk)
    action: str = ""  # a key of ACTIONS, or a prefix such as "user."
    case_number: str = ""


def list_audit(desk: Desk, user: User, where: AuditFilter = AuditFilter(), *,
               limit: int = 500, before: tuple[int, str] | None = None) -> list[AuditLine]:
    """The entries that match, newest first; `before` = (at_ms, id) of the last line shown, for
    the next page."""
    require(user, "audit_log")
    t = audit_log.c
    query = select(*audit_log.c).order_by(t.at_ms.desc(), t.id.desc()).limit(limit)
    if where.since_ms is not None:
        query = query.where(t.at_ms >= where.since_ms)
    if where.until_ms is not None:
        query = query.where(t.at_ms < where.until_ms)
    if where.actor:
        name = where.actor.strip()
        query = query.where(t.actor == name if "@" in name else t.actor.startswith(name + "@"))
    if where.action:
        query = query.where(t.action.startswith(where.action) if where.action.endswith(".")
                            else t.action == where.action)
    if where.case_number:
        query = query.where(t.case_number == where.case_number.strip())
    if before is not None:
        query = query.where((t.at_ms < before[0]) | ((t.at_ms == before[0]) & (t.id < before[1])))
    with desk.db.read() as conn:
        return [AuditLine(*row) for row in conn.execute(query)]
