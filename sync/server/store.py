"""What the central platform does with its data: enrolment, scoped event exchange, department
actions, the case projection and attachments. One transaction per request."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import secrets
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, func, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from desk_app.domain.case import CaseState, fold
from desk_app.domain.case_numbers import DESK_CODE
from desk_app.domain.catalogue import Catalogue
from desk_app.domain.events import Event, EventError, creation_types
from desk_app.domain.followup import same_automatic
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import is_uuid, uuid7
from desk_app.domain.sla import CHINA, utc_from_ms
from sync.protocol import (
    BROKEN_TEXT,
    MAX_CLOCK_AHEAD_MS,
    Enrolment,
    PushResult,
    Refusal,
    Status,
    broken_text,
    within,
)

from . import schema as t
from .database import CASE_LOCKS, ServerDatabase
from .epoch import centre_identity
from .fields import KEY_ENV, KEY_FILE_ENV, FieldCipher, sealed_json

CENTRE = "CENTRE"
CIPHER: FieldCipher | None = None  # seals personal fields at rest (fields.py); set by ServerStore
log = logging.getLogger("community_desk.server")
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


class ServerStore:
    def __init__(self, db: ServerDatabase, catalogue: Catalogue) -> None:
        self.db = db
        self.catalogue = catalogue
        with db.read() as conn:
            last = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "hlc.last")).scalar()
            top = conn.execute(select(func.max(t.events.c.hlc))).scalar()
        stamps = [s for s in (last, top) if s]
        self.clock = HybridClock(CENTRE, last=max(stamps) if stamps else None)
        self.centre_id, self.epoch, self.epoch_at = centre_identity(db)
        global CIPHER
        CIPHER = FieldCipher.from_environment()
        if CIPHER is None:
            log.warning("no server key (%s or %s): residents' names, phones and ID numbers are "
                        "stored in clear", KEY_ENV, KEY_FILE_ENV)

    # Meta --------------------------------------------------------------------------------
    def _meta(self, conn: Connection, key: str) -> str | None:
        return conn.execute(select(t.meta.c.value).where(t.meta.c.key == key)).scalar()

    def _set_meta(self, conn: Connection, key: str, value: str) -> None:
        if self._meta(conn, key) is None:
            conn.execute(t.meta.insert().values(key=key, value=value))
        else:
            conn.execute(update(t.meta).where(t.meta.c.key == key).values(value=value))

    # Enrolment -----------------------------------------------------------------------------
    def issue_enrolment_code(self, org: str, valid_days: int = 7) -> str:
        if org not in self.catalogue.orgs:
            raise ServerError(400, f"Unknown organisation unit {org!r}.")
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(16))
        code = "-".join(raw[i:i + 4] for i in range(0, 16, 4))
        with self.db.write() as conn:
            conn.execute(t.enrolment_codes.insert().values(
                code_hash=digest(code), org=org, created_at=now_ms(),
                expires_at=now_ms() + valid_days * 86_400_000))
        return code

    def enrol(self, code: str, desk_code: str, desk_name: str) -> Enrolment:
        code = code.strip().upper().replace(" ", "")
        if not DESK_CODE.match(desk_code or "") or not 0 < len(desk_name.strip()) <= 100:
            raise ServerError(400, "The desk code or name is not valid (a code looks like YT-HS-01).")
        token = secrets.token_urlsafe(32)
        with self.db.write() as conn:
            row = conn.execute(select(t.enrolment_codes).where(
                t.enrolment_codes.c.code_hash == digest(code))).first()
            if row is None:
                raise ServerError(403, "This enrolment code is not known. Check it with the centre.")
            if row.used_by is not None:
                raise ServerError(403, "This enrolment code has already been used.")
            if row.expires_at < now_ms():
                raise ServerError(403, "This enrolment code has expired. Ask the centre for a new one.")
            taken = conn.execute(select(t.desks.c.id).where(t.desks.c.code == desk_code)).scalar()
            if taken is not None:
                raise ServerError(409, f"The desk code {desk_code} is already enrolled. Choose another.")
            desk_id = uuid7()
            conn.execute(t.desks.insert().values(
                id=desk_id, code=desk_code, name=desk_name.strip(), org=row.org,
                token_hash=digest(token), enrolled_at=now_ms()))
            conn.execute(update(t.enrolment_codes).where(
                t.enrolment_codes.c.code_hash == row.code_hash).values(used_by=desk_id))
        return Enrolment(desk_id, desk_code, row.org, token)

    def desk_for_token(self, token: str) -> DeskRow:
        with self.db.read() as conn:
            row = conn.execute(select(t.desks).where(t.desks.c.token_hash == digest(token))).first()
        if row is None:
            raise ServerError(401, "This desk is not enrolled (unknown token).", "unauthorized")
        if row.revoked_at is not None:
            raise ServerError(401, "This desk's access has been revoked by the centre.", "revoked")
        return DeskRow(row.id, row.code, row.name, row.org)

    def revoke_desk(self, desk_code: str) -> bool:
        with self.db.write() as conn:
            done = conn.execute(update(t.desks).where(t.desks.c.code == desk_code)
                                .values(revoked_at=now_ms()))
        return done.rowcount > 0

    # API keys ------------------------------------------------------------------------------
    def create_api_key(self, kind: str, subject: str, name: str) -> str:
        if kind == "department" and subject not in self.catalogue.departments:
            raise ServerError(400, f"Unknown department {subject!r}.")
        if kind == "open311" and subject not in self.catalogue.orgs:
            raise ServerError(400, f"Unknown organisation unit {subject!r}.")
        key = secrets.token_urlsafe(24)
        with self.db.write() as conn:
            conn.execute(t.api_keys.insert().values(key_hash=digest(key), kind=kind,
                                                    subject=subject, name=name[:100],
                                                    created_at=now_ms()))
        return key

    def key_row(self, key: str, kind: str) -> KeyRow:
        with self.db.read() as conn:
            row = conn.execute(select(t.api_keys).where(t.api_keys.c.key_hash == digest(key),
                                                        t.api_keys.c.kind == kind)).first()
        if row is None or row.revoked_at is not None:
            raise ServerError(401, "Unknown or revoked API key.", "unauthorized")
        return KeyRow(row.kind, row.subject, row.name)

    def revoke_api_key(self, key: str) -> KeyRow | None:
        """Revoke an API key (given whole, as it was printed); the row it was, or None."""
        with self.db.write() as conn:
            row = conn.execute(select(t.api_keys).where(
                t.api_keys.c.key_hash == digest(key.strip()))).first()
            if row is None:
                return None
            if row.revoked_at is None:
                conn.execute(update(t.api_keys).where(t.api_keys.c.key_hash == row.key_hash)
                             .values(revoked_at=now_ms()))
        return KeyRow(row.kind, row.subject, row.name)

    # Push ----------------------------------------------------------------------------------
    def push(self, desk: DeskRow, raw_events: Sequence[Any], reoffer: bool = False,
             text_checked: bool = False) -> list[PushResult]:
        """Judge and store a batch; answers come back in the order the events were sent.

        Only numbering and inserting hold the platform's writer lock: decoding, validating
        and judging happen before it (against what was committed), the case projection after
        it (under a lock per case), so server processes work side by side on one PostgreSQL.

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
        with self.db.read() as conn:
            ids = [e.id for _, e in decoded]
            seen = self._stored(conn, ids)
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
        if fresh or clashes:
            with self.db.write() as conn:
                raced = self._stored(conn, [e.id for _, e in fresh]) if fresh else {}
                if raced:  # stored by a request that ran beside this one since it was read
                    for index, event in fresh:
                        if event.id in raced:
                            results[index] = self._judge(event, raced, origins)
                    fresh = [(i, e) for i, e in fresh if e.id not in raced]
                if fresh:  # (the clock restarts past the highest stamp stored: no meta write)
                    self._insert(conn, [e for _, e in fresh], received, desk.id)
                    note_attachment_refs(conn, [{"payload": e.payload_json(), "org": e.org}
                                                for _, e in fresh])
                if clashes:
                    conn.execute(t.conflicts.insert(), [{
                        "event_id": e.id, "desk_id": desk.id, "received_at": received,
                        "event": json.dumps(e.to_dict(), ensure_ascii=False)} for e in clashes])
                if self.db.is_sqlite:  # one writer at a time anyway: save a commit (an fsync)
                    self._after_push(conn, desk, fresh, received)
        if not self.db.is_sqlite or not (fresh or clashes):
            with self.db.write(global_lock=False) as conn:
                self._after_push(conn, desk, fresh, received)
        return [results[i] for i in range(len(raw_events))]

    def _after_push(self, conn: Connection, desk: DeskRow, fresh: list[tuple[int, Event]],
                    received: int) -> None:
        self._project(conn, [e.entity_id for _, e in fresh if e.entity == "case"])
        conn.execute(update(t.desks).where(t.desks.c.id == desk.id).values(last_seen=received))

    def _check(self, desk: DeskRow, raw: Any, received: int, reoffer: bool,
               text_checked: bool = False) -> tuple[PushResult | None, Event | None]:
        """What can be judged of one event alone: its form, its area, its author, its clock."""
        raw_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else ""
        if not text_checked and broken_text(raw):
            return PushResult("?" if broken_text(raw_id) else raw_id[:36] or "?", Status.REJECTED,
                              BROKEN_TEXT, Refusal.INVALID), None
        try:
            event = Event.from_dict(raw)
        except EventError as error:
            return PushResult(raw_id[:36] or "?", Status.REJECTED, str(error), Refusal.INVALID), None
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
        restored = reoffer and event.wall_ms < self.epoch_at
        if not restored and (event.desk != desk.code or not event.actor.endswith("@" + desk.code)):
            return PushResult(event.id, Status.REJECTED,
                              f"Recorded by {event.actor} on desk {event.desk}, not by a user of "
                              f"desk {desk.code}.", Refusal.FOREIGN_ACTOR), None
        if event.wall_ms > received + MAX_CLOCK_AHEAD_MS:
            ahead = (event.wall_ms - received) / 60_000
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
                return PushResult(event.id, Status.ALREADY)
            return PushResult(event.id, Status.CONFLICT,
                              "An event with this id but different content is already stored; "
                              "the first one is kept.", Refusal.CONFLICT)
        self.clock.observe(event.hlc)
        return PushResult(event.id, Status.ACCEPTED)

    def _stored(self, conn: Connection, ids: list[str]) -> dict[str, Event]:
        found: dict[str, Event] = {}
        for start in range(0, len(ids), 1000):
            found.update((row.id, _row_event(row)) for row in conn.execute(
                select(t.events).where(t.events.c.id.in_(ids[start:start + 1000]))))
        return found

    def _insert(self, conn: Connection, batch: list[Event], received: int, pushed_by: str) -> None:
        """Number and insert under the writer lock: MAX(seq)+1 onwards, one executemany on the
        driver (SQLAlchemy's per-row work costs more than the insert itself)."""
        next_seq = (conn.execute(select(func.max(t.events.c.seq))).scalar() or 0) + 1
        rows = [(next_seq + n, e.id, e.entity, e.entity_id, e.type,
                 sealed_json(CIPHER, e.id, e.payload), e.actor,
                 e.desk, e.hlc, e.org, received, pushed_by) for n, e in enumerate(batch)]
        mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
        conn.exec_driver_sql(
            f"INSERT INTO server_events (seq, id, entity, entity_id, type, payload, actor, desk, "
            f"hlc, org, received_at, pushed_by) VALUES ({', '.join([mark] * 12)})", rows)

    def _origins(self, conn: Connection, entity_ids: list[Any]) -> dict[str, str]:
        """The organisation each known record was first filed under: its events stay there."""
        ids = sorted({i for i in entity_ids if isinstance(i, str) and is_uuid(i)})
        if not ids:
            return {}
        first = (select(t.events.c.entity_id, func.min(t.events.c.seq).label("seq"))
                 .where(t.events.c.entity_id.in_(ids)).group_by(t.events.c.entity_id).subquery())
        rows = conn.execute(select(t.events.c.entity_id, t.events.c.org)
                            .join(first, t.events.c.seq == first.c.seq))
        return {entity_id: org for entity_id, org in rows}

    # Pull ----------------------------------------------------------------------------------
    def pull(self, desk: DeskRow, after: int, limit: int) -> tuple[list[tuple[int, Event]], int, bool]:
        with self.db.read() as conn:
            top = conn.execute(select(func.max(t.events.c.seq))).scalar() or 0
            kept_from = int(self._meta(conn, "retained_from") or 1)
            if after > top:
                raise ResetRequired("The centre does not know this position in the log (its data "
                                    "was restored); the desk must offer what it holds again and "
                                    "download its area again.", "ahead")
            if 0 < after < kept_from - 1:
                raise ResetRequired("The centre no longer keeps events this old; the desk must "
                                    "download its area again.")
            rows = conn.execute(
                select(t.events).where(t.events.c.seq > after, _scope_clause(t.events.c.org, desk.org,
                                                                  conn.dialect.name))
                .order_by(t.events.c.seq).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        page = [(r.seq, _row_event(r)) for r in rows]
        # At the end, move the cursor past events outside the scope too, so the next pull does
        # not read them again. Everything up to `top` was committed when `top` was read.
        next_after = page[-1][0] if more else max(top, page[-1][0] if page else 0)
        return page, next_after, more

    def set_retained_from(self, seq: int) -> None:
        with self.db.write() as conn:
            self._set_meta(conn, "retained_from", str(seq))

    # Department actions ----------------------------------------------------------------------
    def department_action(self, key: KeyRow, case_id: str, action: str, text: str,
                          person: str = "") -> Event:
        """A department signs for, replies to or resolves a case it was dispatched to."""
        types = {"sign": "case.signed", "reply": "case.replied", "resolve": "case.resolved"}
        if action not in types:
            raise ServerError(400, "The action must be sign, reply or resolve.")
        if not is_uuid(case_id):
            raise ServerError(404, "There is no such case.")
        dept = key.subject
        with self.db.write() as conn:
            case = conn.execute(select(t.cases).where(t.cases.c.id == case_id)).first()
            if case is None:
                raise ServerError(404, "There is no such case.")
            if dept not in (case.lead, *filter(None, (case.co or "").split(";"))):
                raise ServerError(403, "This case was not dispatched to your department.")
            payload: dict[str, Any] = {"department": dept}
            if action != "sign":
                payload["text"] = text
            actor = f"{(person or key.name or 'staff')[:40]}@{dept}"
            try:
                event = Event(uuid7(), "case", case_id, types[action], payload, actor, CENTRE,
                              self.clock.now(), case.org).validated()
            except EventError as error:
                raise ServerError(422, str(error)) from None
            self._append_centre_event(conn, event)
        return event

    def register_online(self, key: KeyRow, payload: dict[str, Any]) -> tuple[str, str]:
        """An Open311 POST: a new case registered at the centre. Returns (case id, token)."""
        with self.db.write() as conn:
            day = utc_from_ms(now_ms()).astimezone(CHINA).date()
            counter_key = f"number.{day:%Y%m%d}"
            sequence = int(self._meta(conn, counter_key) or 0) + 1
            self._set_meta(conn, counter_key, str(sequence))
            payload = {**payload, "number": f"{CENTRE}-{day:%Y%m%d}-{sequence:04d}"}
            case_id = uuid7()
            try:
                event = Event(uuid7(), "case", case_id, "case.registered", payload,
                              f"open311@{CENTRE}", CENTRE, self.clock.now(),
                              payload["grid"] if payload.get("grid") else payload["community"]
                              ).validated()
            except EventError as error:
                raise ServerError(400, str(error)) from None
            item = self.catalogue.items[payload["category"]]
            dispatch = Event(uuid7(), "case", case_id, "case.dispatched",
                             {"lead": item.lead, "co": list(item.co), "mode": "auto"},
                             f"open311@{CENTRE}", CENTRE, self.clock.now(), event.org).validated()
            self._append_centre_event(conn, event)
            self._append_centre_event(conn, dispatch)
            token = secrets.token_hex(8)
            conn.execute(update(t.cases).where(t.cases.c.id == case_id).values(token=token))
        return case_id, token

    def _append_centre_event(self, conn: Connection, event: Event) -> None:
        seq = (conn.execute(select(func.max(t.events.c.seq))).scalar() or 0) + 1
        conn.execute(t.events.insert().values(**_event_row(event, seq, now_ms(), CENTRE)))
        note_attachment_refs(conn, [{"payload": event.payload_json(), "org": event.org}])
        self._project(conn, [event.entity_id])
        self._set_meta(conn, "hlc.last", self.clock.last)

    # Case projection -------------------------------------------------------------------------
    def _project(self, conn: Connection, case_ids: Iterable[str]) -> None:
        """Fold these cases again from every committed event and upsert their rows. On
        PostgreSQL each case is locked first (in one fixed order), so two processes that just
        stored events of one case cannot write its row from different views: whoever folds
        second sees both."""
        ids = list(dict.fromkeys(case_ids))
        if not ids:
            return
        if conn.dialect.name == "postgresql":
            conn.execute(text(
                "SELECT pg_advisory_xact_lock(:space, h) FROM (SELECT DISTINCT hashtext(x) AS h "
                "FROM unnest(CAST(:ids AS text[])) AS x ORDER BY h OFFSET 0) AS ordered"),
                {"space": CASE_LOCKS, "ids": ids}).all()
        found: dict[str, list[Event]] = {}
        for start in range(0, len(ids), 500):
            rows = conn.execute(select(t.events).where(
                t.events.c.entity_id.in_(ids[start:start + 500])))
            for row in rows:
                found.setdefault(row.entity_id, []).append(_row_event(row))
        rows = [_case_values(fold(case_id, found.get(case_id, []))) for case_id in ids]
        rows = [r for r in rows if r is not None]
        if not rows:
            return
        dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(t.cases)
        conn.execute(statement.on_conflict_do_update(
            index_elements=[t.cases.c.id],
            set_={k: statement.excluded[k] for k in rows[0] if k != "id"}), rows)

    def case_events(self, case_id: str) -> list[Event]:
        with self.db.read() as conn:
            rows = conn.execute(select(t.events).where(t.events.c.entity_id == case_id))
            return [_row_event(r) for r in rows]

    # Attachments -----------------------------------------------------------------------------
    def put_attachment(self, sha256: str, data: bytes, content_type: str, by: str) -> bool:
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ServerError(422, "The content does not match its SHA-256; nothing was stored.")
        with self.db.write() as conn:
            if conn.execute(select(t.attachments.c.sha256).where(
                    t.attachments.c.sha256 == sha256)).first():
                return False
            conn.execute(t.attachments.insert().values(
                sha256=sha256, size=len(data), content_type=content_type[:100], data=data,
                uploaded_by=by, created_at=now_ms()))
        return True

    def get_attachment(self, sha256: str) -> tuple[bytes, str] | None:
        with self.db.read() as conn:
            row = conn.execute(select(t.attachments).where(t.attachments.c.sha256 == sha256)).first()
        return (bytes(row.data), row.content_type) if row else None

    def attachment_visible_to(self, sha256: str, desk: DeskRow) -> bool:
        """Whether a record in the desk's area names the attachment (or the desk uploaded it)."""
        with self.db.read() as conn:
            orgs = conn.execute(select(t.attachment_refs.c.org).where(
                t.attachment_refs.c.sha256 == sha256)).scalars().all()
            if any(within(org, desk.org) for org in orgs):
                return True
            return conn.execute(select(t.attachments.c.sha256).where(
                t.attachments.c.sha256 == sha256, t.attachments.c.uploaded_by == desk.id)
            ).first() is not None

    def counts(self) -> dict[str, int]:
        with self.db.read() as conn:
            return {
                "events": conn.execute(select(func.count()).select_from(t.events)).scalar_one(),
                "desks": conn.execute(select(func.count()).select_from(t.desks)).scalar_one(),
            }


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


def note_attachment_refs(conn: Connection, rows: Iterable[dict[str, Any]]) -> None:
    """Remember which areas' records name which attachments (any SHA-256 in a payload)."""
    found = {(h, row["org"]) for row in rows if SHA256_HEX.search(row["payload"])
             for h in _hashes(json.loads(row["payload"]))}
    if not found:
        return
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    conn.execute(dialect.insert(t.attachment_refs).on_conflict_do_nothing(),
                 [{"sha256": h, "org": o} for h, o in sorted(found)])


def _event_row(event: Event, seq: int, received: int, pushed_by: str) -> dict[str, Any]:
    return {"seq": seq, "id": event.id, "entity": event.entity, "entity_id": event.entity_id,
            "type": event.type, "payload": sealed_json(CIPHER, event.id, event.payload),
            "actor": event.actor,
            "desk": event.desk, "hlc": event.hlc, "org": event.org, "received_at": received,
            "pushed_by": pushed_by}


def _row_event(row: Any) -> Event:
    payload = json.loads(row.payload)
    if CIPHER is not None:
        payload = CIPHER.open(row.id, payload)
    return Event(row.id, row.entity, row.entity_id, row.type, payload, row.actor,
                 row.desk, row.hlc, row.org)
