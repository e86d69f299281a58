"""Photos and scans, stored once by their SHA-256 beside the database, uploaded once by sync.

Only images are accepted (PNG, JPEG, GIF, WebP, recognised by their first bytes, not their
names), up to 10 MB each.

A photo of a meeting's sign-in sheet lists residents' names, so on an encrypted desk each file
is sealed (AES-256-GCM with a key derived from the database key, its SHA-256 as associated
data, so a file cannot be swapped for another's name): `read_attachment` is the one way in.
Files kept in clear by an earlier version are sealed once by `seal_clear_attachments`, which
the desk runs after its first paint; until then they are still read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select, update

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.keys import attachment_key

from .database import Database
from .schema import attachments

log = logging.getLogger(__name__)
MAX_BYTES = 10 * 1024 * 1024
SEALED = b"CDESK-PHOTO\x00\x00\x01"  # 14 bytes, then a 12-byte nonce, then ciphertext + tag
_NONCE = 12
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
        _write_file(target, _sealed(db.derived_key(attachment_key), digest, data))
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


def read_attachment(db: Database, sha256: str) -> bytes | None:
    """A kept photo's bytes (None if this desk does not have it). A sealed file that does not
    open with this desk's key, or whose content is not what its name says, raises
    AttachmentError: a damaged photo is said to be damaged, never shown as another."""
    try:
        stored = path_of(db, sha256).read_bytes()
    except FileNotFoundError:
        return None
    return _opened(db.derived_key(attachment_key), sha256, stored)


def seal_clear_attachments(db: Database) -> int:
    """Seal every photo an earlier version kept in clear; how many were sealed. A plain desk
    keeps its photos as its database: in clear."""
    key = db.derived_key(attachment_key)
    return reseal_folder(folder_of(db), key, key) if key is not None else 0


def reseal_folder(folder: Path, old: bytes | None, new: bytes | None) -> int:
    """Make every photo in `folder` sealed with `new` (attachment keys): those in clear, and
    those sealed with `old` (a restored backup of another desk, whose database is re-keyed to
    this desk's). Each file is replaced atomically, so an interruption leaves each one whole,
    and running it again goes on; how many files were rewritten."""
    if new is None:
        return 0
    rewritten = 0
    for path in sorted(folder.glob("??/*")) if folder.is_dir() else []:
        if not path.is_file() or path.name.startswith("tmp"):
            continue
        if old == new:  # only the clear ones: look at the first bytes, not the whole photo
            with path.open("rb") as handle:
                if handle.read(len(SEALED)) == SEALED:
                    continue
        data = _opened(old, path.name, path.read_bytes())
        if hashlib.sha256(data).hexdigest() != path.name:
            log.warning("attachment %s does not match its name; left as it is", path.name)
            continue
        _write_file(path, _sealed(new, path.name, data))
        rewritten += 1
    return rewritten


def _opened(key: bytes | None, sha256: str, stored: bytes) -> bytes:
    if not stored.startswith(SEALED):
        return stored  # kept in clear by an earlier version, or on a plain desk
    damaged = AttachmentError(_t("domain", "The photo {file} is damaged or does not belong to this desk."),
                              file=sha256[:12])
    if key is None:
        raise damaged
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = stored[len(SEALED):len(SEALED) + _NONCE]
    try:
        return AESGCM(key).decrypt(nonce, stored[len(SEALED) + _NONCE:], sha256.encode())
    except InvalidTag:
        raise damaged from None


def _sealed(key: bytes | None, sha256: str, data: bytes) -> bytes:
    if key is None:
        return data
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(_NONCE)
    return SEALED + nonce + AESGCM(key).encrypt(nonce, data, sha256.encode())


def _write_file(target: Path, content: bytes) -> None:
    """Whole or not at all: written beside the target, flushed, then renamed over it."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix="tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(content)
        out.flush()
        os.fsync(out.fileno())
    os.replace(temp, target)
