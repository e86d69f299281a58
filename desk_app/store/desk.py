"""The open desk: its database, identity, clock, catalogue and calendar, and the one path by
which every change is written: `Desk.write()` opens one unit of work (BEGIN IMMEDIATE), in
which `record` appends events, refreshes what they touch and saves the clock; once it commits,
every listener gets the `Changes` (which records, which counts moved), whether the change was
made here or pulled from the centre."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from desk_app.domain.case_numbers import case_number, check_desk_code
from desk_app.domain.catalogue import Catalogue
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.domain.sla import CHINA, utc_from_ms
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar

from .database import ChangeSet, Database, note_changes
from .raw_reads import latest_stamp, read_meta

if TYPE_CHECKING:  # the log, projections and SQLAlchemy are imported by the first write
    from sqlalchemy import Connection

    from desk_app.domain.events import Event

    from .eventlog import AppendResult

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeskIdentity:
    id: str
    code: str
    name: str
    org: str  # the organisation unit the desk belongs to and syncs


def write_meta(conn: Connection, key: str, value: str) -> None:
    conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) "
                         "DO UPDATE SET value = excluded.value", (key, value))


def setup_desk(db: Database, code: str, name: str, org: str,
               catalogue: Catalogue) -> DeskIdentity:
    """Give a new database its desk identity (first run)."""
    check_desk_code(code)
    if org not in catalogue.orgs:
        raise DomainError(_t("domain", "Choose the community or street this desk belongs to."),
                          field="org")
    if not name.strip():
        raise DomainError(_t("domain", "Give the desk a name."), field="name")
    with db.begin() as conn:
        if read_meta(conn, "desk.id"):
            raise DomainError(_t("domain", "This database already belongs to a desk."))
        identity = DeskIdentity(uuid7(), code, name.strip(), org)
        for key, value in (("desk.id", identity.id), ("desk.code", code),
                           ("desk.name", identity.name), ("desk.org", org)):
            write_meta(conn, key, value)
    return identity


def read_identity(db: Database) -> DeskIdentity | None:
    with db.raw() as conn:  # at start, before SQLAlchemy is imported
        values = {k: read_meta(conn, f"desk.{k}") for k in ("id", "code", "name", "org")}
    if not all(values.values()):
        return None
    return DeskIdentity(**values)  # type: ignore[arg-type]


@dataclass(frozen=True)
class Changes:
    """What one committed unit of work changed (after Anki's OpChanges): screens look at it and
    redraw only what it touches."""

    records: Mapping[str, frozenset[str]] = field(default_factory=dict)
    facts: frozenset[str] = frozenset()  # "outbox", "rejections", "users", "settings", "sync"…
    origin: str = "local"  # local | pulled | demo

    def touches(self, entity: str, entity_id: str | None = None) -> bool:
        ids = self.records.get(entity)
        return bool(ids) and (entity_id is None or entity_id in ids)  # type: ignore[operator]

    def moved(self, fact: str) -> bool:
        return fact in self.facts

    @classmethod
    def from_set(cls, found: ChangeSet) -> Changes:
        return cls({k: frozenset(v) for k, v in found.records.items()}, frozenset(found.facts),
                   found.origin)


class UnitOfWork:
    """One transaction on the desk: reads and writes on `conn`, events through `record`."""

    def __init__(self, desk: Desk, conn: Connection) -> None:
        self.desk, self.conn = desk, conn

    def record(self, batch: Sequence[Event], origin: str = "local") -> AppendResult:
        return self.desk.record(batch, origin, self.conn)

    def note(self, *facts: str) -> None:
        note_changes(self.conn).facts.update(facts)

    def touch(self, entity: str, *ids: str) -> None:
        note_changes(self.conn).touch(entity, ids)


class Desk:
    def __init__(self, db: Database, identity: DeskIdentity, catalogue: Catalogue,
                 calendar: WorkCalendar, wall: Callable[[], int] | None = None) -> None:
        self.db = db
        self.identity = identity
        self.catalogue = catalogue
        self.calendar = calendar
        self.tz = CHINA
        with db.raw() as conn:  # at start, before SQLAlchemy is imported
            last = latest_stamp(conn)
        self.clock = HybridClock(identity.code, wall, last)
        self._listeners: list[Callable[[Changes], None]] = []
        db.on_commit = self._committed

    # The one write path ------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[UnitOfWork]:
        """One unit of work: BEGIN IMMEDIATE, so what it reads first cannot change before it
        writes; its Changes reach every listener after the commit."""
        with self.db.begin() as conn:
            yield UnitOfWork(self, conn)

    def listen(self, callback: Callable[[Changes], None]) -> Callable[[], None]:
        """Call `callback(changes)` after every committed write (on the writing thread)."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def _committed(self, found: ChangeSet) -> None:
        changes = Changes.from_set(found)
        for callback in list(self._listeners):
            try:
                callback(changes)
            except Exception:  # a screen's failure must not undo or hide a committed write
                log.exception("a change listener failed")

    @property
    def code(self) -> str:
        return self.identity.code

    def new_event(self, actor: str, entity: str, entity_id: str, type_: str,
                  payload: dict[str, object], org: str | None = None) -> Event:
        """A validated event stamped by this desk's clock (EventError if the payload is bad)."""
        from desk_app.domain.events import Event

        return Event(uuid7(), entity, entity_id, type_, payload, actor, self.code,
                     self.clock.now(), org or self.identity.org).validated()

    def record(self, batch: Sequence[Event], origin: str = "local",
               conn: Connection | None = None) -> AppendResult:
        """Append events and refresh what they touch, inside the unit of work `conn` (or one of
        its own)."""
        if conn is None:
            with self.write() as unit:
                return unit.record(batch, origin)
        from .eventlog import append_events
        from .projection import PROJECTORS

        if origin != "local" and batch:  # the highest stamp says all the others do
            self.clock.observe(max((e.hlc for e in batch), key=lambda s: (s[:21], s)))
        result = append_events(conn, batch, origin)
        touched: dict[str, dict[str, None]] = {}  # in log order, so rebuilds match
        in_hand: dict[str, list[Event]] = {}  # the events of records new with this batch
        for event in result.added:
            touched.setdefault(event.entity, {})[event.entity_id] = None
            if event.entity_id in result.new_records:
                in_hand.setdefault(event.entity_id, []).append(event)
        for entity, ids in touched.items():
            projector = PROJECTORS.get(entity)
            if projector:
                # The bulk path: the case projection folds records new here from in hand.
                extra = {"known": in_hand} if entity == "case" and in_hand else {}
                folded = projector(conn, ids, self.calendar, **extra)
                if folded:
                    result.states.update(folded)
        write_meta(conn, "hlc.last", self.clock.last)
        changes = note_changes(conn)
        for entity, ids in touched.items():
            changes.touch(entity, ids)
        if origin != "local":
            changes.origin = origin
        elif result.added:
            changes.facts.add("outbox")
        return result

    def next_case_number(self, conn: Connection, now_ms: int | None = None) -> str:
        """The next number of today's (local) sequence, allocated inside the caller's transaction."""
        moment = utc_from_ms(now_ms if now_ms is not None else self.clock.wall_ms())
        day = moment.astimezone(self.tz).date()
        key = f"{day:%Y%m%d}"
        sequence = conn.exec_driver_sql(
            "INSERT INTO case_number_seq (day, last) VALUES (?, 1) ON CONFLICT (day) "
            "DO UPDATE SET last = last + 1 RETURNING last", (key,)).scalar_one()
        return case_number(self.code, day, sequence)
