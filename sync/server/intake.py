"""The centre's push intake: judge a desk's batch and store what is new.

On PostgreSQL, decoding, validating and judging happen before the platform's writer lock
(against what was committed); the lock is held only to number and insert; the case projection
runs after it, under a lock per case. So server processes work side by side on one PostgreSQL.
On SQLite (one writer at a time anyway) judging, inserting and projecting are one write
transaction."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.events import Event, EventError
from desk_app.domain.followup import same_automatic
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import is_uuid
from sync.protocol import (
    BROKEN_TEXT,
    MAX_CLOCK_AHEAD_MS,
    PushResult,
    Refusal,
    Status,
    broken_text,
    within,
)

from . import schema as t
from .database import ServerDatabase
from .records import (
    CREATION,
    EVENT_FIELDS,
    DeskRow,
    Prefolded,
    _row_event,
    append_rows,
    attachment_refs,
    now_ms,
    prefold,
    project_cases,
    rows_in,
    store_attachment_refs,
    stored_payload,
)

# PostgreSQL plans the push's reads (`id = ANY(…)`, `entity_id = ANY(…)`) from the event table's
# statistics; a log that grows faster than autovacuum analyzes it (a desk's first push: 100,000
# events in seconds) is planned as if it were empty of matches, by sequential scans: 12-15 ms a
# query at 100,000 rows, the push slower the more it has pushed. So a process that has seen the
# log double since it last analyzed it (and at least this many events) analyzes it itself
# (SQLite plans these by its indexes without statistics: not there).
ANALYZE_EVERY = 10_000

_EVENT_COLUMNS = ("seq", "id", "entity", "entity_id", "type", "payload", "actor", "desk", "hlc",
                  "org", "received_at", "pushed_by")


def _raw_id(raw: Any) -> str:
    """The id a refused event was sent with, if it has one (for the answer)."""
    return raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else ""


class PushIntake:
    """The push half of ServerStore (a mixin: the store holds the database and the clock)."""

    db: ServerDatabase
    catalogue: Catalogue
    clock: HybridClock
    epoch_at: int
    _top_seq: int = 0  # the highest sequence number this process inserted
    _analyzed_seq: int = 0  # the log's size when this process last analyzed it (PostgreSQL)

    # Push ----------------------------------------------------------------------------------
    def push(self, desk: DeskRow, raw_events: Sequence[Any], reoffer: bool = False,
             text_checked: bool = False) -> list[PushResult]:
        """Judge and store a batch; answers come back in the order the events were sent.

        On PostgreSQL only numbering and inserting hold the platform's writer lock: decoding,
        validating and judging happen before it (against what was committed), the case
        projection after it (under a lock per case; moving it into the insert's transaction
        would take the case locks after the global one, the reverse of department actions),
        so server processes work side by side. On SQLite, after decoding and validating, the
        rest is one write transaction.

        `reoffer`: after a restore the desk offers again every event it holds, also other
        desks' and the centre's that it had pulled (their own desk may be gone). Those are
        taken only if stamped before this epoch began: anything later must come from its own
        desk. Such an event is recorded as pushed by the desk that re-offered it.

        `text_checked`: the caller saw in the raw body that no text can be broken (no NUL or
        surrogate escape), so the scan of every string is skipped."""
        received = now_ms()
        results: dict[int, PushResult] = {}
        decoded: list[tuple[int, Event]] = []
        for index, raw in enumerate(raw_events):
            refusal, event = self._check(desk, raw, received, reoffer, text_checked)
            if event is None:
                results[index] = refusal  # type: ignore[assignment]
            else:
                decoded.append((index, event))
        if self.db.is_sqlite:
            # One writer at a time anyway: judging, inserting and projecting in one write
            # transaction save a read transaction and a commit (an fsync), and nothing can
            # race in between. What needs no database is made before it, for every event sent
            # (most of a push is new): the stored payloads and the new cases' rows. Not for a
            # re-offer, which is mostly events the centre has: made for the fresh ones inside.
            early = not reoffer
            prepared = self._prepare(decoded) if early else None
            folded = prefold(e for _, e in decoded) if early else None
            with self.db.write() as conn:
                fresh, clashes = self._judge_batch(conn, decoded, results)
                self._store_batch(conn, desk, fresh, clashes, received,
                                  prepared if early else self._prepare(fresh))
                self._after_push(conn, desk, fresh, received, folded)
            return [results[i] for i in range(len(raw_events))]
        with self.db.read() as conn:
            fresh, clashes = self._judge_batch(conn, decoded, results)
        prepared, folded = self._prepare(fresh), prefold(e for _, e in fresh)  # before the lock
        if fresh or clashes:
            with self.db.write() as conn:
                raced = self._stored(conn, [e.id for _, e in fresh]) if fresh else {}
                if raced:  # stored by a request that ran beside this one since it was read
                    origins = self._origins(conn, [e.entity_id for _, e in fresh])
                    for index, event in fresh:
                        if event.id in raced:
                            results[index] = self._judge(event, raced, origins)
                    fresh = [(i, e) for i, e in fresh if e.id not in raced]
                self._store_batch(conn, desk, fresh, clashes, received, prepared)
        with self.db.write(global_lock=False) as conn:
            self._after_push(conn, desk, fresh, received, folded)
        if self._top_seq >= max(2 * self._analyzed_seq, ANALYZE_EVERY):
            self._analyzed_seq = self._top_seq
            with self.db.read() as conn:  # (takes no lock that stops readers or writers)
                conn.exec_driver_sql(f"ANALYZE {t.events.name}")
                conn.commit()
        return [results[i] for i in range(len(raw_events))]

    def _judge_batch(self, conn: Connection, decoded: list[tuple[int, Event]],
                     results: dict[int, PushResult]
                     ) -> tuple[list[tuple[int, Event]], list[Event]]:
        """Judge checked events against what `conn` sees stored (answers into `results`):
        the fresh ones to store, with their index in the batch, and the conflicts."""
        seen = self._stored(conn, [e.id for _, e in decoded])
        origins = self._origins(conn, [e.entity_id for _, e in decoded])
        # Records are judged before the events that follow them, whatever the order sent.
        decoded.sort(key=lambda pair: pair[1].type not in CREATION)
        fresh: list[tuple[int, Event]] = []
        clashes: list[Event] = []
        for index, event in decoded:
            result = self._judge(event, seen, origins)
            results[index] = result
            if result.status is Status.ACCEPTED:
                seen[event.id] = event
                origins.setdefault(event.entity_id, event.org)
                fresh.append((index, event))
            elif result.status is Status.CONFLICT:
                clashes.append(event)
        if fresh:  # later stamps made here sort after every one taken in (once: the highest)
            self.clock.observe(max(e.hlc for _, e in fresh))
        return fresh, clashes

    @staticmethod
    def _prepare(fresh: list[tuple[int, Event]]
                 ) -> tuple[dict[str, str], dict[str, set[tuple[str, str]]]]:
        """The stored form of each payload (sealed where a key is set) and the attachments
        each names, by event id."""
        encoded = {e.id: stored_payload(e) for _, e in fresh}
        return encoded, {e.id: attachment_refs(encoded[e.id], e.org) for _, e in fresh}

    def _store_batch(self, conn: Connection, desk: DeskRow, fresh: list[tuple[int, Event]],
                     clashes: list[Event], received: int,
                     prepared: tuple[dict[str, str], dict[str, set[tuple[str, str]]]]) -> None:
        """Number and insert the fresh events, note their attachments, keep the conflicts;
        under the writer lock (`prepared`: what `_prepare` made of them)."""
        encoded, refs = prepared
        if fresh:  # (the clock restarts past the highest stamp stored: no meta write)
            self._insert(conn, [e for _, e in fresh], encoded, received, desk.id)
            store_attachment_refs(conn, {ref for _, e in fresh for ref in refs[e.id]})
        if clashes:
            conn.execute(t.conflicts.insert(), [{
                "event_id": e.id, "desk_id": desk.id, "received_at": received,
                "event": json.dumps(e.to_dict(), ensure_ascii=False)} for e in clashes])

    def _after_push(self, conn: Connection, desk: DeskRow, fresh: list[tuple[int, Event]],
                    received: int, folded: Prefolded | None = None) -> None:
        in_hand: dict[str, list[Event]] = {}
        for _, event in fresh:
            if event.entity == "case":
                in_hand.setdefault(event.entity_id, []).append(event)
        project_cases(conn, list(in_hand), in_hand, folded)
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(f"UPDATE {t.desks.name} SET last_seen = {mark} WHERE id = {mark}",
                             (received, desk.id))

    def _check(self, desk: DeskRow, raw: Any, received: int, reoffer: bool,
               text_checked: bool = False) -> tuple[PushResult | None, Event | None]:
        """What can be judged of one event alone: its form, its area, its author, its clock."""
        if not text_checked and broken_text(raw):
            raw_id = _raw_id(raw)
            return PushResult("?" if broken_text(raw_id) else raw_id[:36] or "?", Status.REJECTED,
                              BROKEN_TEXT, Refusal.INVALID), None
        try:
            event = Event.from_dict(raw)
        except EventError as error:
            return PushResult(_raw_id(raw)[:36] or "?", Status.REJECTED, str(error),
                              Refusal.INVALID), None
        if not within(event.org, desk.org):
            return PushResult(event.id, Status.REJECTED,
                              f"Outside this desk's area: {event.org} is not under {desk.org}.",
                              Refusal.OUTSIDE_SCOPE), None
        if (event.type == "case.registered" and event.org not in (
                event.payload.get("grid"), event.payload["community"])) or (
                event.type == "case.registered" and event.payload.get("grid")
                and not within(event.payload["grid"], event.payload["community"])):
            return PushResult(event.id, Status.REJECTED,
                              "A case must be filed under its own community or grid.",
                              Refusal.OUTSIDE_SCOPE), None
        wall_ms = event.wall_ms
        restored = reoffer and wall_ms < self.epoch_at
        if not restored and (event.desk != desk.code or not event.actor.endswith("@" + desk.code)):
            return PushResult(event.id, Status.REJECTED,
                              f"Recorded by {event.actor} on desk {event.desk}, not by a user of "
                              f"desk {desk.code}.", Refusal.FOREIGN_ACTOR), None
        if wall_ms > received + MAX_CLOCK_AHEAD_MS:
            ahead = (wall_ms - received) / 60_000
            return PushResult(event.id, Status.REJECTED,
                              f"The desk's clock is wrong: this event is stamped {ahead:.0f} "
                              f"minutes in the future. Set the computer's date and time, then "
                              f"resend.", Refusal.CLOCK_AHEAD), None
        return None, event

    def _judge(self, event: Event, seen: dict[str, Event], origins: dict[str, str]) -> PushResult:
        """One checked event against what the centre holds: new, already had, or a clash."""
        stored = seen.get(event.id)
        home = origins.get(event.entity_id)
        if stored is None and home is None and event.type not in CREATION and event.is_known:
            # A type this version does not know may well open its own kind of record.
            return PushResult(event.id, Status.REJECTED,
                              "The record this event belongs to is not known at the centre "
                              "(was its first event refused?).", Refusal.INVALID)
        if home is not None and event.org != home:
            return PushResult(event.id, Status.REJECTED,
                              f"This record belongs to {home}; an event for it cannot be filed "
                              f"under {event.org}.", Refusal.OUTSIDE_SCOPE)
        if stored is not None:
            # Two desks' copies of one automatic warning (same derived id) are one fact.
            if stored.to_dict() == event.to_dict() or same_automatic(stored.to_dict(),
                                                                     event.to_dict()):
                return PushResult.plain(event.id, Status.ALREADY)
            return PushResult(event.id, Status.CONFLICT,
                              "An event with this id but different content is already stored; "
                              "the first one is kept.", Refusal.CONFLICT)
        return PushResult.plain(event.id, Status.ACCEPTED)

    def _stored(self, conn: Connection, ids: list[str]) -> dict[str, Event]:
        return {row.id: _row_event(row) for row in rows_in(
            conn, f"SELECT {EVENT_FIELDS} FROM {t.events.name} WHERE id {{in}}", ids)}

    def _insert(self, conn: Connection, batch: list[Event], encoded: dict[str, str],
                received: int, pushed_by: str) -> None:
        """Number and insert under the writer lock: MAX(seq)+1 onwards, in one statement on
        the driver, COPY on PostgreSQL (`encoded`: the stored payloads, made before the lock
        was taken)."""
        next_seq = (conn.exec_driver_sql(f"SELECT MAX(seq) FROM {t.events.name}").scalar()
                    or 0) + 1
        rows = [(next_seq + n, e.id, e.entity, e.entity_id, e.type, encoded[e.id], e.actor,
                 e.desk, e.hlc, e.org, received, pushed_by) for n, e in enumerate(batch)]
        append_rows(conn, t.events, _EVENT_COLUMNS, rows)
        self._top_seq = next_seq + len(rows) - 1

    def _origins(self, conn: Connection, entity_ids: list[Any]) -> dict[str, str]:
        """The organisation each known record was first filed under: its events stay there."""
        ids = sorted({i for i in entity_ids if isinstance(i, str) and is_uuid(i)})
        if not ids:
            return {}
        events = t.events.name
        return {entity_id: org for entity_id, org in rows_in(
            conn, f"SELECT e.entity_id, e.org FROM {events} e JOIN (SELECT MIN(seq) AS seq FROM "
            f"{events} WHERE entity_id {{in}} GROUP BY entity_id) f ON e.seq = f.seq", ids)}
