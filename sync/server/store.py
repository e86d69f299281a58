"""What the central platform does with its data: enrolment, API keys, scoped pulls,
department actions and attachments; the push intake is in intake.py, the records' shapes and
the case projection in records.py. One transaction per request."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, func, select, update

from desk_app.domain.case_numbers import DESK_CODE
from desk_app.domain.catalogue import Catalogue
from desk_app.domain.events import Event, EventError
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import is_uuid, uuid7
from desk_app.domain.sla import CHINA, utc_from_ms
from sync.protocol import Enrolment, within

from . import records
from . import schema as t
from .database import ServerDatabase
from .epoch import centre_identity
from .fields import KEY_ENV, KEY_FILE_ENV, SEALED_BYTES, FieldCipher, FieldKeyError
from .intake import PushIntake
from .records import (  # noqa: F401 (the names the server's other parts import from here)
    CENTRE,
    CODE_ALPHABET,
    CREATION,
    PULLED_COLUMNS,
    SHA256_HEX,
    DeskRow,
    KeyRow,
    ResetRequired,
    ServerError,
    _case_values,
    _event_row,
    _row_event,
    _scope_clause,
    digest,
    note_attachment_refs,
    now_ms,
    project_cases,
    pulled_json,
)

log = logging.getLogger("community_desk.server")
# Audit records (who looked at or exported personal data, administrative acts) are kept at the
# centre but never sent in a pull: each desk pushes its own, and no other desk may read them.
AUDIT = "audit"

class ServerStore(PushIntake):
    def __init__(self, db: ServerDatabase, catalogue: Catalogue) -> None:
        self.db = db
        self.catalogue = catalogue
        with db.read() as conn:
            last = conn.execute(select(t.meta.c.value).where(t.meta.c.key == "hlc.last")).scalar()
            top = conn.execute(select(func.max(t.events.c.hlc))).scalar()
        stamps = [s for s in (last, top) if s]
        self.clock = HybridClock(CENTRE, last=max(stamps) if stamps else None)
        self.centre_id, self.epoch, self.epoch_at = centre_identity(db)
        records.CIPHER = FieldCipher.from_environment()
        if records.CIPHER is None:
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

    # Pull ----------------------------------------------------------------------------------
    def pull(self, desk: DeskRow, after: int, limit: int) -> tuple[list[tuple[int, Event]], int, bool]:
        rows, next_after, more = self._pull_rows(desk, after, limit)
        return [(r.seq, _row_event(r)) for r in rows], next_after, more

    def pull_json(self, desk: DeskRow, after: int, limit: int) -> tuple[list[str], int, bool]:
        """The page of `pull`, each item already JSON text (what the pull answer sends)."""
        columns = [t.events.c[name] for name in PULLED_COLUMNS]
        rows, next_after, more = self._pull_rows(desk, after, limit, columns)
        return [pulled_json(r) for r in rows], next_after, more

    def _pull_rows(self, desk: DeskRow, after: int, limit: int,
                   columns: list[Any] | None = None) -> tuple[list[Any], int, bool]:
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
                select(*(columns or [t.events])).where(t.events.c.seq > after,
                                       _scope_clause(t.events.c.org, desk.org, conn.dialect.name),
                                       t.events.c.entity != AUDIT)
                .order_by(t.events.c.seq).limit(limit + 1)).all()
        more = len(rows) > limit
        rows = rows[:limit]
        # At the end, move the cursor past events outside the scope too, so the next pull does
        # not read them again. Everything up to `top` was committed when `top` was read.
        next_after = rows[-1].seq if more else max(top, rows[-1].seq if rows else 0)
        return rows, next_after, more

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
        project_cases(conn, case_ids)

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
                sha256=sha256, size=len(data), content_type=content_type[:100],
                data=records.CIPHER.seal_bytes(sha256, data) if records.CIPHER else data,
                uploaded_by=by, created_at=now_ms()))
        return True

    def get_attachment(self, sha256: str) -> tuple[bytes, str] | None:
        with self.db.read() as conn:
            row = conn.execute(select(t.attachments).where(t.attachments.c.sha256 == sha256)).first()
        if row is None:
            return None
        stored = bytes(row.data)
        if records.CIPHER is not None:
            stored = records.CIPHER.open_bytes(sha256, stored)
        elif stored.startswith(SEALED_BYTES):
            raise FieldKeyError("A sealed photo cannot be opened: no server key is set.")
        return stored, row.content_type

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
