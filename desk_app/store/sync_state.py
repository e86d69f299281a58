"""The desk's side of sync in its database: the outbox, the pull cursor, the rejections list,
and sync facts (server, last sync, clock skew). Every change here is one local transaction."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass

from sqlalchemy import Connection, func, select, update

from desk_app.domain.events import Event
from desk_app.domain.ids import uuid7
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .access import requires
from .audit import Audited, note_audit
from .database import Database, note_changes
from .desk import Desk, UnitOfWork, read_meta, write_meta
from .eventlog import row_to_event
from .schema import events, outbox, rejections
from .users import User


def now_ms() -> int:
    return int(time.time() * 1000)


def outbox_batch(conn: Connection, limit: int, skip: int = 0) -> list[Event]:
    """The oldest events still waiting for the centre's answer, in log order (`skip`: after
    the first `skip` of them, the batch in flight)."""
    return [Event(i, en, ei, ty, json.loads(p), a, d, h, o)
            for i, en, ei, ty, p, a, d, h, o in outbox_rows(conn, limit, skip)]


def outbox_rows(conn: Connection, limit: int, skip: int = 0, lane: int = 0, lanes: int = 1
                ) -> list[tuple[str, ...]]:
    """`outbox_batch` as stored: (id, entity, entity_id, type, payload JSON, actor, desk, hlc,
    org) tuples, so a push sends the payload's text as it is instead of decoding and encoding
    it again.

    `lane` of `lanes`: only the rows of records whose id's last character's code point is
    `lane` modulo `lanes` (`skip` counts within the lane), so every event of one record is in
    one lane, queued order kept: pushed side by side, lanes still send a record's first event
    before the events that follow it."""
    where, values = "", (limit, skip)
    if lanes > 1:
        where, values = "WHERE unicode(substr(e.entity_id, -1)) % ? = ? ", (lanes, lane, *values)
    # Walk the outbox in the order rows were queued (its rowid), not the log: the log's first
    # rows are long sent, and skipping them on every batch would make a big push quadratic.
    return [tuple(r) for r in conn.exec_driver_sql(
        f"SELECT e.id, e.entity, e.entity_id, e.type, e.payload, e.actor, e.desk, e.hlc, e.org "
        f"FROM {outbox.name} o JOIN {events.name} e ON e.id = o.event_id {where}"
        "ORDER BY o.rowid LIMIT ? OFFSET ?", values).fetchall()]  # (all at once: iterating fetches one by one)


def note_push_failure(db: Database, event_ids: list[str], error: str) -> None:
    with db.begin() as conn:
        conn.execute(update(outbox).where(outbox.c.event_id.in_(event_ids)).values(
            attempts=outbox.c.attempts + 1, last_error=error[:500]))


def record_answers(conn: Connection, answered: list[str],
                   refused: dict[str, tuple[str, str]]) -> None:
    """The centre answered these events: accepted or already had (`answered`), or refused with a
    reason (`refused`: id -> (code, reason)): those go to the rejections list. Either way they
    leave the outbox."""
    ids = answered + list(refused)
    note_changes(conn).facts.update({"outbox", "rejections"} if refused else {"outbox"})
    for start in range(0, len(ids), 500):  # on the driver: SQLAlchemy's IN costs per value
        part = ids[start:start + 500]
        conn.exec_driver_sql(f"DELETE FROM {outbox.name} WHERE event_id IN "
                             f"({','.join('?' * len(part))})", tuple(part))
    if refused:
        stamp = now_ms()
        existing = set(conn.execute(select(rejections.c.event_id).where(
            rejections.c.event_id.in_(list(refused)))).scalars())
        fresh = [{"event_id": i, "reason": reason[:2000], "code": code[:40], "rejected_at": stamp,
                  "status": "open"} for i, (code, reason) in refused.items() if i not in existing]
        if fresh:
            conn.execute(rejections.insert(), fresh)
        for event_id in existing:
            code, reason = refused[event_id]
            conn.execute(update(rejections).where(rejections.c.event_id == event_id).values(
                reason=reason[:2000], code=code[:40], rejected_at=stamp, status="open"))


def cursor(conn: Connection) -> int:
    return int(read_meta(conn, "sync.cursor") or 0)


def set_cursor(conn: Connection, value: int) -> None:
    write_meta(conn, "sync.cursor", str(value))


@dataclass(frozen=True)
class Rejection:
    event: Event
    reason: str
    rejected_at: int
    status: str
    note: str | None
    code: str | None


@requires("rejections")
def list_rejections(db: Database, user: User, include_closed: bool = False) -> list[Rejection]:
    query = select(events, rejections.c.reason, rejections.c.rejected_at, rejections.c.status,
                   rejections.c.note, rejections.c.code
                   ).join(rejections, rejections.c.event_id == events.c.id)
    if not include_closed:
        query = query.where(rejections.c.status == "open")
    with db.read() as conn:
        return [Rejection(row_to_event(r), r.reason, r.rejected_at, r.status, r.note, r.code)
                for r in conn.execute(query.order_by(events.c.seq))]


def open_rejection_count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(rejections)
                        .where(rejections.c.status == "open")).scalar_one()


def _open_rejection(conn: Connection, event_id: str) -> None:
    status = conn.execute(select(rejections.c.status).where(
        rejections.c.event_id == event_id)).scalar()
    if status != "open":
        raise DomainError(_t("domain", "This rejection has already been dealt with."))


def _audit_rejection(desk: Desk, conn: Connection, user: User, action: str, event_id: str,
                     detail: str) -> None:
    """The access audit's entry for dealing with a refused event, in the same transaction."""
    entity_id, type_ = conn.execute(select(events.c.entity_id, events.c.type).where(
        events.c.id == event_id)).one()
    number = conn.exec_driver_sql("SELECT number FROM cases WHERE id = ?", (entity_id,)).scalar()
    note_audit(UnitOfWork(desk, conn), user, Audited(
        action, case_id=entity_id if number else "", case_number=number or "",
        target=f"{type_} {event_id}", detail=detail))


@requires("rejections")
def resend_rejected(desk: Desk, user: User, event_id: str, note: str = "") -> None:
    """Send the same event again (the cause was fixed at the centre)."""
    with desk.db.begin() as conn:
        _open_rejection(conn, event_id)
        conn.execute(update(rejections).where(rejections.c.event_id == event_id).values(
            status="resent", resolved_by=user.actor(desk.code), resolved_at=now_ms(), note=note))
        conn.execute(outbox.insert().values(event_id=event_id, queued_at=now_ms()))
        note_changes(conn).facts.update({"outbox", "rejections"})
        _audit_rejection(desk, conn, user, "rejections.resent", event_id, note.strip())


@requires("rejections")
def discard_rejected(desk: Desk, user: User, event_id: str, note: str,
                     replaced_by: str | None = None) -> None:
    """Give up on an event the centre refused. It stays in the log, with the record of who
    discarded it and why, but no longer counts in this desk's state (as at the centre)."""
    if not note.strip():
        raise DomainError(_t("domain", "Say why the event is discarded."), field="note")
    with desk.db.begin() as conn:
        _discard(desk, user, event_id, note, replaced_by, conn)
        _audit_rejection(desk, conn, user, "rejections.discarded", event_id, note.strip())


def _discard(desk: Desk, user: User, event_id: str, note: str, replaced_by: str | None,
             conn: Connection) -> None:
    _open_rejection(conn, event_id)
    note_changes(conn).facts.add("rejections")
    conn.execute(update(rejections).where(rejections.c.event_id == event_id).values(
        status="discarded", resolved_by=user.actor(desk.code), resolved_at=now_ms(),
        note=note.strip()[:1000], replaced_by=replaced_by))
    entity, entity_id = conn.execute(select(events.c.entity, events.c.entity_id).where(
        events.c.id == event_id)).one()
    from .projection import PROJECTORS

    projector = PROJECTORS.get(entity)
    if projector:
        projector(conn, [entity_id], desk.calendar)
    note_changes(conn).touch(entity, [entity_id])


@requires("rejections")
def record_again(desk: Desk, user: User, event_id: str) -> Event:
    """Fix and resend: record the refused step again now, with a fresh id and clock stamp
    (after the desk's clock was set right), and discard the refused original."""
    with desk.db.begin() as conn:
        _open_rejection(conn, event_id)
        original = row_to_event(conn.execute(select(events).where(events.c.id == event_id)).one())
        desk.clock.rewind_to_wall()
        copy = Event(uuid7(), original.entity, original.entity_id, original.type,
                     dict(original.payload), original.actor, desk.code, desk.clock.now(),
                     original.org).validated()
        _discard(desk, user, event_id, "recorded again as " + copy.id, copy.id, conn)
        desk.record([copy], conn=conn)
        _audit_rejection(desk, conn, user, "rejections.resent", event_id,
                         "recorded again as " + copy.id)
    return copy


def sync_fact(db: Database, key: str) -> str | None:
    with db.read() as conn:
        return read_meta(conn, f"sync.{key}")


def set_sync_facts(conn: Connection, **facts: object) -> None:
    note_changes(conn).facts.add("sync")
    for key, value in facts.items():
        write_meta(conn, f"sync.{key}", str(value))


# The centre's identity and epoch ------------------------------------------------------------
def centre_seen(conn: Connection) -> tuple[str | None, str | None]:
    """The centre (id, epoch) this desk last synced with, or Nones before the first answer."""
    return read_meta(conn, "sync.centre_id") or None, read_meta(conn, "sync.epoch") or None


def note_centre(conn: Connection, centre_id: str, epoch: str) -> None:
    write_meta(conn, "sync.centre_id", centre_id)
    write_meta(conn, "sync.epoch", epoch)


def start_reoffer(conn: Connection, centre_id: str, epoch: str) -> None:
    """The centre went back in time (a restore, a new epoch) or is another centre: offer it
    again every event this desk holds, from the first, and pull the scope again from the start.
    Both positions are kept in the database, so a sync cut off half way goes on from there."""
    note_centre(conn, centre_id, epoch)
    write_meta(conn, "sync.reoffer_after", "0")
    set_cursor(conn, 0)


def reoffer_position(conn: Connection) -> int | None:
    """How far the re-offer has gone (a local log position), or None when none is under way."""
    value = read_meta(conn, "sync.reoffer_after")
    return int(value) if value else None


def reoffer_batch(conn: Connection, after: int, limit: int) -> list[tuple[int, Event]]:
    """The next events of the log to offer again, in log order, skipping those the centre once
    refused (their fate is the rejections list's) and those still queued (pushed as usual)."""
    refused = select(rejections.c.event_id)
    queued = select(outbox.c.event_id)
    rows = conn.execute(select(events).where(events.c.seq > after, events.c.id.not_in(refused),
                                             events.c.id.not_in(queued))
                        .order_by(events.c.seq).limit(limit))
    return [(r.seq, row_to_event(r)) for r in rows]


def advance_reoffer(conn: Connection, position: int | None) -> None:
    """Record how far the re-offer went; None: it is complete."""
    write_meta(conn, "sync.reoffer_after", "" if position is None else str(position))

