"""The centre's records and their shapes, shared by its parts: errors a desk is told about,
the desk and key rows, events to and from their stored rows (personal fields sealed at rest),
the byte-order scope filter, attachment references, and the case projection."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from json.encoder import encode_basestring
from typing import Any

from sqlalchemy import Connection, and_, text
from sqlalchemy.dialects import postgresql, sqlite

from desk_app.domain.case import CaseState, fold
from desk_app.domain.events import Event, creation_types

from . import schema as t
from .database import CASE_LOCKS
from .fields import FieldCipher, sealed_json

CIPHER: FieldCipher | None = None  # seals personal fields at rest (fields.py); set by ServerStore
log = logging.getLogger("community_desk.server")

CENTRE = "CENTRE"
SHA256_HEX = re.compile(r"[0-9a-f]{64}")
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud over the phone


class ServerError(Exception):
    """A refusal the client is told about: an HTTP status and a message a person can act on."""

    def __init__(self, status: int, message: str, error: str = "refused",
                 **extra: Any) -> None:
        super().__init__(message)
        self.status, self.message, self.error = status, message, error
        self.extra = extra  # more fields of the JSON answer


class ResetRequired(ServerError):
    """410: the desk must download its scope again; `why` "ahead" (its cursor is past the
    centre's log: the centre went back in time) or "expired" (older than the centre keeps)."""

    def __init__(self, message: str, why: str = "expired") -> None:
        super().__init__(410, message, "reset_required", why=why)


def now_ms() -> int:
    return int(time.time() * 1000)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _scope_clause(column: Any, scope: str, dialect: str = "sqlite") -> Any:
    """`column` is `scope` or under it, as one index range ("." sorts right after "-") in byte
    order: PostgreSQL is told COLLATE "C" here as well as on the column (migration s0002), so a
    database made under zh_CN.UTF-8 or en_US.UTF-8 cannot reorder the hyphens; SQLite's BINARY
    default is byte order already."""
    if dialect == "postgresql":
        column = column.collate("C")
    return and_(column >= scope, column < scope + ".")


@dataclass(frozen=True)
class DeskRow:
    id: str
    code: str
    name: str
    org: str


@dataclass(frozen=True)
class KeyRow:
    kind: str
    subject: str
    name: str


def _case_values(s: CaseState) -> dict[str, Any] | None:
    """A row of the centre's case table, or None while the registration has not arrived."""
    if s.status == "incomplete":
        return None
    return {
        "id": s.id, "number": s.number, "status": s.status, "category": s.category,
        "org": s.org, "lead": s.lead, "co": ";".join(s.co), "description": s.description,
        "address": s.address, "latitude": s.latitude, "longitude": s.longitude,
        "registered_at": int(s.registered_at.timestamp() * 1000) if s.registered_at else 0,
        "updated_at": int(s.steps[-1].at.timestamp() * 1000) if s.steps else 0,
        "resolution": s.resolution,
        "public": any(p.type == "case.registered" and p.payload.get("public") is True
                      for p in s.steps),
    }


CREATION = creation_types()  # the declared types that start a record


def _hashes(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value} if len(value) == 64 and SHA256_HEX.fullmatch(value) else set()
    if isinstance(value, dict):
        return {h for v in value.values() for h in _hashes(v)}
    if isinstance(value, list):
        return {h for v in value for h in _hashes(v)}
    return set()


# In canonical JSON (how payloads are stored) a text of 64 hex digits is written as it is,
# between quotes: a search anchored on the quote is four times cheaper than on a hex digit.
_QUOTED_SHA256 = re.compile(r'"[0-9a-f]{64}"')


def attachment_refs(payload: str, org: str) -> set[tuple[str, str]]:
    """(SHA-256, area) of every attachment a stored payload (canonical JSON) names: any text
    in it that is a SHA-256."""
    if not _QUOTED_SHA256.search(payload):
        return set()
    return {(h, org) for h in _hashes(json.loads(payload))}


def note_attachment_refs(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Remember which areas' records name which attachments (any SHA-256 in a payload)."""
    store_attachment_refs(conn, {ref for row in rows
                                 for ref in attachment_refs(row["payload"], row["org"])})


def store_attachment_refs(conn: Connection, found: set[tuple[str, str]]) -> None:
    if not found:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(t.attachment_refs).on_conflict_do_nothing(),
                 [{"sha256": h, "org": o} for h, o in sorted(found)])


def stored_payload(event: Event) -> str:
    """The payload as the centre stores it: its canonical JSON (made once, while it was
    checked), personal fields sealed when a key is set."""
    return sealed_json(CIPHER, event.id, event.payload) if CIPHER else event.payload_json()


def rows_in(conn: Connection, sql: str, values: Sequence[Any], size: int = 1000) -> list[Any]:
    """The rows of `sql` whose `{in}` names one of `values`, in chunks, on the driver (a
    SQLAlchemy IN of hundreds of values cost more to build than to run). `{in}` stands where
    `column IN (…)` would: written as `= ANY(array)` on PostgreSQL. Rows are fetched all at
    once (iterating a result fetches them one call each: ~3 % of a push's CPU at the centre)."""
    found: list[Any] = []
    postgres = conn.dialect.name == "postgresql"
    for start in range(0, len(values), size):
        part = list(values[start:start + size])
        if postgres:
            found.extend(conn.exec_driver_sql(sql.replace("{in}", "= ANY(%s)"), (part,)).all())
        else:
            found.extend(conn.exec_driver_sql(
                sql.replace("{in}", f"IN ({','.join('?' * len(part))})"), tuple(part)).all())
    return found


EVENT_FIELDS = "seq, id, entity, entity_id, type, payload, actor, desk, hlc, org"


def _event_row(event: Event, seq: int, received: int, pushed_by: str) -> dict[str, Any]:
    return {"seq": seq, "id": event.id, "entity": event.entity, "entity_id": event.entity_id,
            "type": event.type, "payload": stored_payload(event),
            "actor": event.actor,
            "desk": event.desk, "hlc": event.hlc, "org": event.org, "received_at": received,
            "pushed_by": pushed_by}


def _row_event(row: Any) -> Event:
    payload = json.loads(row.payload)
    if CIPHER is not None:
        payload = CIPHER.open(row.id, payload)
    return Event(row.id, row.entity, row.entity_id, row.type, payload, row.actor,
                 row.desk, row.hlc, row.org)


_quoted = encode_basestring  # a str as JSON text (C), as json.dumps(ensure_ascii=False) writes it
_EVENT_JSON = ('{"seq":%d,"event":{"id":%s,"entity":%s,"entity_id":%s,"type":%s,"payload":%s,'
               '"actor":%s,"desk":%s,"hlc":%s,"org":%s}}')


PULLED_COLUMNS = ("seq", "id", "entity", "entity_id", "type", "payload", "actor", "desk", "hlc",
                  "org")


def pulled_json(row: Any) -> str:
    """One item of a pull's page as JSON text, `{"seq": …, "event": event.to_dict()}`, from a
    row of PULLED_COLUMNS (in that order), with the stored payload text spliced in as it is
    (written by json.dumps, see sealed_json): decoding it and encoding it again cost more than
    the database's part of a pull. Sealed personal fields are opened first, as `_row_event`
    opens them."""
    seq, id_, entity, entity_id, type_, payload, actor, desk, hlc, org = row
    if CIPHER is not None:
        payload = json.dumps(CIPHER.open(id_, json.loads(payload)), ensure_ascii=False,
                             separators=(",", ":"))
    return _EVENT_JSON % (seq, _quoted(id_), _quoted(entity), _quoted(entity_id),
                          _quoted(type_), payload, _quoted(actor), _quoted(desk), _quoted(hlc),
                          _quoted(org))


Prefolded = dict[str, tuple[frozenset[str], "dict[str, Any] | None"]]


def prefold(events: Iterable[Event]) -> Prefolded:
    """The case rows these events alone fold to, by case, with the ids folded: made before
    any lock, for `project_cases` to take where the log holds exactly those events."""
    by_case: dict[str, dict[str, Event]] = {}
    for event in events:
        if event.entity == "case":
            by_case.setdefault(event.entity_id, {})[event.id] = event
    return {case_id: (frozenset(mine), _case_values(fold(case_id, mine.values())))
            for case_id, mine in by_case.items()}


def project_cases(conn: Connection, case_ids: Iterable[str],
                  in_hand: Mapping[str, Sequence[Event]] | None = None,
                  prefolded: Prefolded | None = None) -> None:
    """Fold these cases again from every committed event and upsert their rows in one
    executemany on the driver. On PostgreSQL each case is locked first (in one fixed order), so
    two processes that just stored events of one case cannot write its row from different
    views: whoever folds second sees both.

    `in_hand`: events just stored, by case. A case whose events in the log are exactly those
    (counted under its lock: a brand-new case, most of a push) is folded from them instead of
    read back and decoded; `prefolded` (see `prefold`): those folded already, before the
    locks, taken when they were folded from the same events."""
    ids = list(dict.fromkeys(case_ids))
    if not ids:
        return
    if conn.dialect.name == "postgresql":
        conn.execute(text(
            "SELECT pg_advisory_xact_lock(:space, h) FROM (SELECT DISTINCT hashtext(x) AS h "
            "FROM unnest(CAST(:ids AS text[])) AS x ORDER BY h OFFSET 0) AS ordered"),
            {"space": CASE_LOCKS, "ids": ids}).all()
    found: dict[str, list[Event]] = {}
    ready: dict[str, dict[str, Any] | None] = {}
    candidates = [i for i in ids if in_hand and i in in_hand]
    for entity_id, count in rows_in(
            conn, f"SELECT entity_id, COUNT(*) FROM {t.events.name} WHERE entity_id {{in}} "
            "GROUP BY entity_id", candidates, 500):
        mine = {e.id: e for e in in_hand[entity_id]}  # type: ignore[index]
        if count == len(mine):
            made = prefolded.get(entity_id) if prefolded else None
            if made is not None and made[0] == mine.keys():
                ready[entity_id] = made[1]
            else:
                found[entity_id] = list(mine.values())
    rest = [i for i in ids if i not in found and i not in ready]
    for row in rows_in(conn, f"SELECT {EVENT_FIELDS} FROM {t.events.name} WHERE entity_id {{in}}",
                       rest, 500):
        found.setdefault(row.entity_id, []).append(_row_event(row))
    values = [ready[case_id] if case_id in ready
              else _case_values(fold(case_id, found.get(case_id, []))) for case_id in ids]
    rows = [r for r in values if r is not None]
    if not rows:
        return
    names = list(rows[0])
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    insert_rows(conn, t.cases, names, [tuple(r.values()) for r in rows],  # (one key order)
                f"ON CONFLICT (id) DO UPDATE SET {updates}")


def insert_rows(conn: Connection, table: Any, names: Sequence[str],
                rows: Sequence[tuple[Any, ...]], conflict: str = "") -> None:
    """Insert rows by one executemany on the driver, statement written once (SQLAlchemy's
    per-row work costs more than the insert itself). New rows with no conflict to handle go
    by `append_rows` instead (COPY on PostgreSQL)."""
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    conn.exec_driver_sql(f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
                         f"({', '.join([mark] * len(names))}) {conflict}", list(rows))


def append_rows(conn: Connection, table: Any, names: Sequence[str],
                rows: Sequence[tuple[Any, ...]]) -> None:
    """Insert rows that are all new (a unique clash is an error, not skipped): on PostgreSQL
    by COPY … FROM STDIN on psycopg's own connection, in this transaction (the rows streamed,
    no statement per row); elsewhere as `insert_rows`. Measured on the push's batches of 500
    events: 0.8 s instead of 2.1 s of inserting per 100,000 events (executemany), the whole
    push in-process ~20 % faster; on SQLite executemany is the fastest there is."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        insert_rows(conn, table, names, rows)
        return
    raw = conn.connection.driver_connection
    with raw.cursor() as cursor, cursor.copy(  # type: ignore[union-attr]
            f"COPY {table.name} ({', '.join(names)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
