"""The append-only event log and its outbox.

`append_events` is the one way events enter a desk's database, local or pulled: it is
idempotent by event id, reports an id that arrives with different content as a clash (and keeps
the first), queues local events for the centre in the same transaction, and refreshes the
projections of the entities it touched.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, func, select

from desk_app.domain.events import Event

from .raw_reads import latest_stamp  # noqa: F401  (read here by its callers)
from .schema import outbox

CHUNK = 500


@dataclass
class AppendResult:
    added: list[Event] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    clashes: list[str] = field(default_factory=list)
    states: dict[str, Any] = field(default_factory=dict)  # folded by the projections, by id
    # Records none of whose events was stored before this batch: their projection can fold
    # the events in hand instead of reading them back (most of a first sync's records).
    new_records: set[str] = field(default_factory=set)


def _row(event: Event, origin: str, now_ms: int) -> dict[str, object]:
    return {
        "id": event.id, "entity": event.entity, "entity_id": event.entity_id,
        "type": event.type, "payload": event.payload_json(), "actor": event.actor,
        "desk": event.desk, "hlc": event.hlc, "org": event.org, "origin": origin,
        "recorded_at": now_ms,
    }


def row_to_event(row: object) -> Event:
    m = row._mapping  # type: ignore[attr-defined]
    return Event(m["id"], m["entity"], m["entity_id"], m["type"], json.loads(m["payload"]),
                 m["actor"], m["desk"], m["hlc"], m["org"])


def _same(stored: Event, incoming: Event) -> bool:
    return stored.to_dict() == incoming.to_dict()


# The hot path speaks SQL to the driver directly (statements written once, parameters as
# tuples): building SQLAlchemy statements took most of a registration's time.
_FIELDS = "id, entity, entity_id, type, payload, actor, desk, hlc, org"
_INSERT_EVENT = (f"INSERT INTO events ({_FIELDS}, origin, recorded_at) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
_INSERT_OUTBOX = "INSERT INTO outbox (event_id, queued_at, attempts) VALUES (?, ?, 0)"


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def _event_of(row: Sequence[Any]) -> Event:
    return Event(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], row[6], row[7],
                 row[8])


def event_from_row(row: Sequence[Any]) -> Event:
    """An Event from a driver row of the log's fields, in `_FIELDS` order (the fast paths)."""
    return _event_of(row)


def append_events(conn: Connection, batch: Sequence[Event], origin: str) -> AppendResult:
    """Store validated events; queue local ones for the centre. Projections are the caller's.

    One executemany on the driver for the rows; what was already stored is looked up by id
    first (whole rows only for those found, to tell "already had" from a clash)."""
    result = AppendResult()
    now_ms = int(time.time() * 1000)
    unique: dict[str, Event] = {}
    for event in batch:
        unique.setdefault(event.id, event)
    ids = list(unique)
    present: list[str] = []
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        present.extend(r[0] for r in conn.exec_driver_sql(
            f"SELECT id FROM events WHERE id IN ({_marks(len(part))})", tuple(part)))
    stored: dict[str, Event] = {}
    for start in range(0, len(present), CHUNK):
        part = present[start:start + CHUNK]
        rows = conn.exec_driver_sql(
            f"SELECT {_FIELDS} FROM events WHERE id IN ({_marks(len(part))})", tuple(part))
        stored.update((r[0], _event_of(r)) for r in rows)
    fresh: list[Event] = []
    for event in unique.values():
        if event.id in stored:
            (result.already if _same(stored[event.id], event) else result.clashes).append(event.id)
        else:
            fresh.append(event)
    if fresh:
        records = list(dict.fromkeys(e.entity_id for e in fresh))
        known: set[str] = set()
        for start in range(0, len(records), CHUNK):
            part = records[start:start + CHUNK]
            known.update(r[0] for r in conn.exec_driver_sql(
                f"SELECT DISTINCT entity_id FROM events WHERE entity_id IN "
                f"({_marks(len(part))})", tuple(part)))
        result.new_records = {r for r in records if r not in known}
        conn.exec_driver_sql(_INSERT_EVENT, [
            (e.id, e.entity, e.entity_id, e.type, e.payload_json(), e.actor, e.desk,
             e.hlc, e.org, origin, now_ms) for e in fresh])
        if origin == "local":
            conn.exec_driver_sql(_INSERT_OUTBOX, [(e.id, now_ms) for e in fresh])
    result.added = fresh
    return result


def load_events(conn: Connection, entity_ids: Iterable[str]) -> dict[str, list[Event]]:
    """All events of the given entities, in log order, except those the centre refused and a
    supervisor discarded (they stay in the log, but count nowhere, as at the centre)."""
    found: dict[str, list[Event]] = {}
    ids = list(dict.fromkeys(entity_ids))
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        rows = conn.exec_driver_sql(
            f"SELECT {_FIELDS} FROM events WHERE entity_id IN ({_marks(len(part))}) "
            "AND id NOT IN (SELECT event_id FROM rejections WHERE status = 'discarded') "
            "ORDER BY hlc, id", tuple(part))
        for r in rows:
            found.setdefault(r[2], []).append(_event_of(r))
    return found


def pending_count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(outbox)).scalar_one()
