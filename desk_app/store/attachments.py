"""Photos and scans, stored once by their SHA-256 beside the database, uploaded once by sync.

Only images are accepted (PNG, JPEG, GIF, WebP, recognised by their first bytes, not their
names), up to 10 MB each.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .database import Database
from .schema import attachments

MAX_BYTES = 10 * 1024 * 1024
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)


class AttachmentError(DomainError):
    pass


@dataclass(frozen=True)
class Attachment:
    sha256: str
    name: str
    content_type: str
    size: int


def image_type(data: bytes) -> str | None:
    for signature, kind in SIGNATURES:
        if data.startswith(signature):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def folder_of(db: Database) -> Path:
    return db.path.parent / "attachments"


def path_of(db: Database, sha256: str) -> Path:
    return folder_of(db) / sha256[:2] / sha256


def add_attachment(db: Database, source: Path) -> Attachment:
    """Check and keep a photo; the same photo twice is kept once."""
    try:
        size = source.stat().st_size
    except OSError as error:
        raise AttachmentError(_t("domain", "Cannot read {file}: {error}"), file=source.name,
                              error=error.strerror or str(error)) from None
    if size > MAX_BYTES:
        raise AttachmentError(_t("domain", "{file} is too large ({size} MB; at most 10 MB)."),
                              file=source.name, size=round(size / 1024 / 1024, 1))
    return keep_attachment(db, source.read_bytes(), source.name, uploaded=False)


def keep_attachment(db: Database, data: bytes, name: str, uploaded: bool) -> Attachment:
    """Keep checked image bytes by their SHA-256 (from a file here, or fetched from the centre)."""
    source = Path(name)
    if len(data) > MAX_BYTES:
        raise AttachmentError(_t("domain", "{file} is too large ({size} MB; at most 10 MB)."),
                              file=source.name, size=round(len(data) / 1024 / 1024, 1))
    kind = image_type(data)
    if kind is None:
        raise AttachmentError(_t("domain", "{file} is not a photo (PNG, JPEG, GIF or WebP)."),
                              file=source.name)
    digest = hashlib.sha256(data).hexdigest()
    target = path_of(db, digest)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=target.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    info = Attachment(digest, source.name[:200], kind, len(data))
    with db.begin() as conn:
        if conn.execute(select(attachments.c.sha256).where(attachments.c.sha256 == digest)).first() is None:
            stamp = int(time.time() * 1000)
            conn.execute(attachments.insert().values(
                sha256=digest, name=info.name, content_type=kind, size=len(data),
                added_at=stamp, uploaded_at=stamp if uploaded else None))
    return info


def referenced(payload: dict[str, object]) -> list[str]:
    """The attachments an event's payload names (a meeting photo, a patrol finding's photos)."""
    found = [payload["sha256"]] if isinstance(payload.get("sha256"), str) else []
    photos = payload.get("photos")
    if isinstance(photos, list):
        found += [p for p in photos if isinstance(p, str)]
    return found  # type: ignore[return-value]


def pending_uploads(db: Database) -> list[Attachment]:
    with db.read() as conn:
        rows = conn.execute(select(attachments).where(attachments.c.uploaded_at.is_(None)))
        return [Attachment(r.sha256, r.name, r.content_type, r.size) for r in rows]


def mark_uploaded(db: Database, sha256: str) -> None:
    with db.begin() as conn:
        conn.execute(update(attachments).where(attachments.c.sha256 == sha256)
                     .values(uploaded_at=int(time.time() * 1000)))
