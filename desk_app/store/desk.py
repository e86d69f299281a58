"""The open desk: its database, identity, clock, catalogue and calendar, and the one path by
which events are recorded (validated, appended, projected, clock saved, in one transaction)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert

from desk_app.domain.case_numbers import case_number, check_desk_code
from desk_app.domain.catalogue import Catalogue
from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.domain.sla import CHINA, utc_from_ms
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar

from .database import Database
from .eventlog import AppendResult, append_events, latest_stamp
from .projection import PROJECTORS
from .schema import case_number_seq, meta


@dataclass(frozen=True)
class DeskIdentity:
    id: str
    code: str
    name: str
    org: str  # the organisation unit the desk belongs to and syncs


def read_meta(conn: Connection, key: str) -> str | None:
    return conn.execute(select(meta.c.value).where(meta.c.key == key)).scalar()


def write_meta(conn: Connection, key: str, value: str) -> None:
    statement = insert(meta).values(key=key, value=value)
    conn.execute(statement.on_conflict_do_update(index_elements=[meta.c.key],
                                                 set_={"value": value}))


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
    with db.read() as conn:
        values = {k: read_meta(conn, f"desk.{k}") for k in ("id", "code", "name", "org")}
    if not all(values.values()):
        return None
    return DeskIdentity(**values)  # type: ignore[arg-type]


class Desk:
    def __init__(self, db: Database, identity: DeskIdentity, catalogue: Catalogue,
                 calendar: WorkCalendar, wall: Callable[[], int] | None = None) -> None:
        self.db = db
        self.identity = identity
        self.catalogue = catalogue
        self.calendar = calendar
        self.tz = CHINA
        with db.read() as conn:
            last = latest_stamp(conn)
        self.clock = HybridClock(identity.code, wall, last)

    @property
    def code(self) -> str:
        return self.identity.code

    def new_event(self, actor: str, entity: str, entity_id: str, type_: str,
                  payload: dict[str, object], org: str | None = None) -> Event:
        """A validated event stamped by this desk's clock (EventError if the payload is bad)."""
        return Event(uuid7(), entity, entity_id, type_, payload, actor, self.code,
                     self.clock.now(), org or self.identity.org).validated()

    def record(self, batch: Sequence[Event], origin: str = "local",
               conn: Connection | None = None) -> AppendResult:
        """Append events and refresh what they touch, all in one transaction."""
        if conn is None:
            with self.db.begin() as own:
                return self.record(batch, origin, own)
        if origin != "local":
            for event in batch:
                self.clock.observe(event.hlc)
        result = append_events(conn, batch, origin)
        touched: dict[str, dict[str, None]] = {}  # in log order, so rebuilds match
        for event in result.added:
            touched.setdefault(event.entity, {})[event.entity_id] = None
        for entity, ids in touched.items():
            projector = PROJECTORS.get(entity)
            if projector:
                projector(conn, ids, self.calendar)
        write_meta(conn, "hlc.last", self.clock.last)
        return result

    def next_case_number(self, conn: Connection, now_ms: int | None = None) -> str:
        """The next number of today's (local) sequence, allocated inside the caller's transaction."""
        moment = utc_from_ms(now_ms if now_ms is not None else self.clock.wall_ms())
        day = moment.astimezone(self.tz).date()
        key = f"{day:%Y%m%d}"
        statement = insert(case_number_seq).values(day=key, last=1)
        statement = statement.on_conflict_do_update(
            index_elements=[case_number_seq.c.day], set_={"last": case_number_seq.c.last + 1}
        ).returning(case_number_seq.c.last)
        sequence = conn.execute(statement).scalar_one()
        return case_number(self.code, day, sequence)
