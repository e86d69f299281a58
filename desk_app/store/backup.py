"""Backups of a desk: one file with a consistent copy of the database and the attachments,
checked before it is trusted, and restored so that a failure never leaves half a database.

No Qt here: the GUI runs these in a worker and shows progress, the daily schedule calls
`scheduled_backup`, and `open_database` calls `backup_before_migrate`'s hook before upgrading.

Backups are sealed (AES-GCM, see `sealed`) with a key derived from the desk's database key, and
the database inside stays encrypted with that key: only this desk, or its recovery key, opens
one. This module makes and schedules backups; restoring is in `restore` (crash-safe swaps),
re-exported here. Reading and checking one (the layout of a
`.cdbackup`, `Manifest`, `check_backup`) is in `backup_check`, kept apart because it handles
files of unknown origin; its public names are re-exported here, so `desk_app.store.backup`
stays the one place to import backups from.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from contextlib import closing, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlcipher3 import dbapi2

from desk_app import __version__
from desk_app.atomic import fsync_dir
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t

from .access import requires
from .backup_check import (
    APP_NAME,
    ATTACHMENTS,
    CHUNK,
    DAMAGED,
    DATABASE,
    FORMAT,
    MANIFEST,
    MAX_MANIFEST,
    NOT_A_BACKUP,
    BackupError,
    Manifest,
    Member,
    NeedsRecoveryKey,
    _ro_uri,
    _safe_name,
    check_backup,
)
from .database import connect_file, encrypt_in_place, private
from .restore import (
    PUT_IN_PLACE,
    Restored,
    _fresh,
    _stamp,
    finish_interrupted_restore,
    restore_backup,
)
from .sealed import SealedWriter
from .user_record import User

if TYPE_CHECKING:
    from desk_app.config import Paths

    from .desk import Desk

__all__ = [
    "ATTACHMENTS", "CHUNK", "DAILY", "DAMAGED", "DATABASE", "EXTENSION", "FORMAT", "MANIFEST",
    "MAX_MANIFEST", "NOT_A_BACKUP", "PUT_IN_PLACE", "STORED", "BackupError", "Manifest",
    "Member", "NeedsRecoveryKey", "Progress", "Restored", "backup_before_encrypt",
    "backup_before_migrate",
    "check_backup", "daily_backups", "finish_interrupted_restore", "make_backup",
    "restore_backup", "scheduled_backup", "seal_plain_backups", "write_backup",
]

log = logging.getLogger(__name__)

EXTENSION = ".cdbackup"
DAILY = re.compile(r"^desk-(\d{8})\.cdbackup$")
# Already compressed: deflating them again costs time and saves nothing.
STORED = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp3", ".m4a", ".mp4", ".mov",
          ".pdf", ".zip", ".gz", ".7z", ".rar", ".docx", ".xlsx", ".pptx", ".ofd"}

Progress = Callable[[int, int], None]
"""progress(done, total), in bytes of work, for a progress bar; called from the working thread."""


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, max(total, 1), 0

    def add(self, amount: int) -> None:
        self.done += amount
        if self.progress:
            self.progress(min(self.done, self.total), self.total)


# --- making a backup -------------------------------------------------------------------------


def _sealing(raw: object, key: bytes) -> SealedWriter:
    from desk_app.keys import backup_key, key_id

    return SealedWriter(raw, backup_key(key), key_id(key))  # type: ignore[arg-type]

def _attachment_files(folder: Path | None) -> list[tuple[str, Path]]:
    if folder is None or not folder.is_dir():
        return []
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(root) / name
            if path.is_symlink() or not path.is_file():
                continue
            member = f"{ATTACHMENTS}/{path.relative_to(folder).as_posix()}"
            if not _safe_name(member):
                raise BackupError(
                    _t("domain", "The attachment {file} has a name that a backup cannot hold (a backslash or a colon). Rename it and back up again."),
                    file=str(path))
            found.append((member, path))
    return found


def _copy_database(db_path: Path, copy: Path, pages: int, ticker: _Ticker, key: bytes | None
                   ) -> int:
    """Copy the live database with SQLite's backup API, from one read snapshot.

    The read transaction held on the source is what makes this work while the desk keeps
    writing: without it SQLite restarts the copy after every write by another connection, and
    under steady writing it never finishes. Returns the size of the snapshot in bytes.
    """
    try:
        source = connect_file(_ro_uri(db_path), key, uri=True)
    except dbapi2.Error as error:
        raise BackupError(_t("domain", "Cannot read the database {file}: {error}"),
                          file=str(db_path), error=str(error)) from None
    with closing(source):
        try:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            page_size = int(source.execute("PRAGMA page_size").fetchone()[0])
            size = int(source.execute("PRAGMA page_count").fetchone()[0]) * page_size
            ticker.total += 2 * size
            copied = 0

            def step(_status: int, remaining: int, total: int) -> None:
                nonlocal copied
                now = (total - remaining) * page_size
                ticker.add(now - copied)
                copied = now

            with closing(connect_file(copy, key)) as target:
                source.backup(target, pages=pages, progress=step)
                # A rollback-journal copy is one self-contained file, whatever the source used.
                target.execute("PRAGMA journal_mode=DELETE")
                problems = [r[0] for r in target.execute("PRAGMA integrity_check")]
            source.rollback()
        except dbapi2.Error as error:
            raise BackupError(
                _t("domain", "The database {file} could not be backed up: {error}"),
                file=str(db_path), error=str(error)[:200]) from None
    if problems != ["ok"]:
        raise BackupError(
            _t("domain", "The database {file} is damaged ({error}); no backup was made."),
            file=str(db_path), error="; ".join(problems[:3])[:300])
    return size


def _describe_copy(copy: Path, db_path: Path, key: bytes | None
                   ) -> tuple[str, str | None, str | None]:
    """Schema revision and desk of the copy, so the manifest matches what is inside."""
    with closing(connect_file(_ro_uri(copy, immutable=True), key, uri=True)) as con:
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not {"events", "meta", "alembic_version"} <= tables:
            raise BackupError(
                _t("domain", "{file} is not a Community Desk database; no backup was made."),
                file=str(db_path))
        row = con.execute("SELECT version_num FROM alembic_version").fetchone()
        meta = dict(con.execute(
            "SELECT key, value FROM meta WHERE key IN ('desk.code', 'desk.name')").fetchall())
    return (row[0] if row else ""), meta.get("desk.code"), meta.get("desk.name")


def _add_member(archive: zipfile.ZipFile, name: str, source: Path, ticker: _Ticker) -> Member:
    """Store one file, hashing exactly the bytes written (an attachment may change meanwhile)."""
    info = zipfile.ZipInfo.from_file(source, name, strict_timestamps=False)
    info.compress_type = (zipfile.ZIP_STORED if source.suffix.lower() in STORED
                          else zipfile.ZIP_DEFLATED)
    digest, size = hashlib.sha256(), 0
    with source.open("rb") as handle, archive.open(info, "w", force_zip64=True) as out:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
            out.write(chunk)
            size += len(chunk)
            ticker.add(len(chunk))
    return Member(digest.hexdigest(), size)


@requires("backup")
def make_backup(desk: Desk, user: User, target: Path, progress: Progress | None = None, *,
                pages: int = 1024, key: bytes | None = None) -> Path:
    """A backup a person asked for (supervisor, administrator): the desk's database and its
    attachments to `target` (see write_backup), recorded in the access audit once written."""
    from .attachments import folder_of  # the attachments and the audit need SQLAlchemy: the
    from .audit import Audited, record_audit  # start path imports this module without it

    made = write_backup(desk.db.path, folder_of(desk.db), target, progress, pages=pages, key=key)
    record_audit(desk, user, Audited("backup.made", target=made.name))
    return made


def write_backup(db_path: Path, attachments: Path | None, target: Path,
                 progress: Progress | None = None, *, pages: int = 1024,
                 key: bytes | None = None, seal: bytes | None = None) -> Path:
    """Back up the database (live: the desk may keep writing) and the attachments to `target`.

    `key` opens the database; the backup is sealed with `seal` (by default the same key), and
    the copy of the database inside is encrypted with it (a plain database about to be
    encrypted is backed up sealed this way, so no backup is ever in clear). No key at all: a
    plain zip, for tests and benchmarks.

    The file is written beside `target` under a temporary name and renamed at the end, so a
    crash or a full disk never leaves half a backup under the final name. Safe to call from a
    worker thread; it opens its own read-only connection. `progress(done, total)` may raise to
    cancel: the exception comes out of write_backup and nothing is left behind.

    File level, with no acting user: the scheduler's daily backup and the backups taken before
    a migration or an encryption call it directly; a person's backup is make_backup.
    """
    db_path, target = Path(db_path), Path(target)
    if not db_path.is_file():
        raise BackupError(_t("domain", "There is no database to back up at {file}."),
                          file=str(db_path))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        files = _attachment_files(Path(attachments) if attachments else None)
        sizes = {member: path.stat().st_size for member, path in files}
        ticker = _Ticker(progress, sum(sizes.values()))
        with tempfile.TemporaryDirectory(prefix=".backup-", dir=target.parent) as work:
            copy = Path(work) / DATABASE
            seal = seal or key
            _copy_database(db_path, copy, pages, ticker, key)
            if seal is not None and key is None:
                encrypt_in_place(copy, seal)
            revision, code, name = _describe_copy(copy, db_path, seal)
            partial = Path(work) / f"{target.name}.partial"
            members: dict[str, Member] = {}
            with partial.open("wb") as raw:
                out = raw if seal is None else _sealing(raw, seal)
                with zipfile.ZipFile(out, "w", compresslevel=6) as archive:
                    members[DATABASE] = _add_member(archive, DATABASE, copy, ticker)
                    for member, path in files:
                        try:
                            members[member] = _add_member(archive, member, path, ticker)
                        except FileNotFoundError:  # deleted while we worked: not in the backup
                            continue
                    manifest = Manifest(APP_NAME, FORMAT, __version__, revision,
                                        datetime.now(UTC).isoformat(timespec="seconds"),
                                        code, name, members)
                    archive.writestr(MANIFEST, manifest.to_json(), zipfile.ZIP_DEFLATED)
                if isinstance(out, SealedWriter):
                    out.finish()
                raw.flush()
                os.fsync(raw.fileno())
            private(partial)
            os.replace(partial, target)  # same folder, so an atomic rename
        fsync_dir(target.parent)
    except OSError as error:
        raise BackupError(_t("domain", "The backup {file} could not be written: {error}"),
                          file=str(target), error=error.strerror or str(error)) from None
    log.info("backup %s made: %d bytes, schema %s, %d attachments", target,
             target.stat().st_size, revision, len(members) - 1)
    return target


# --- schedules and hooks ---------------------------------------------------------------------


def daily_backups(folder: Path) -> list[Path]:
    """The daily backups in `folder`, oldest first (only names the schedule itself makes)."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if DAILY.match(p.name) and p.is_file()),
                  key=lambda p: p.name)


def scheduled_backup(paths: Paths, keep: int = 7, now: datetime | None = None, *,
                     key: bytes | None = None) -> Path | None:
    """Today's backup, if there is none yet; then only the newest `keep` daily ones are kept.

    Returns the new backup, or None when today's already existed (or there is no database).
    Meant for the scheduler's thread: it reads the whole database. Files in the backups folder
    that the schedule did not name (manual or pre-migration backups) are never deleted.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    moment = now or datetime.now().astimezone()
    target = paths.backups / f"desk-{moment:%Y%m%d}{EXTENSION}"
    made = None
    if not target.exists() and paths.database.exists():
        made = write_backup(paths.database, paths.attachments, target, key=key)
    for old in daily_backups(paths.backups)[:-keep]:
        with suppress(FileNotFoundError):
            old.unlink()
            log.info("old backup %s deleted (keeping %d)", old, keep)
    _remove_stale_work(paths.backups, moment)
    return made


def _remove_stale_work(folder: Path, now: datetime) -> None:
    """Work folders of backups interrupted by a crash or power cut (a day old or more)."""
    if not folder.is_dir():
        return
    for work in folder.glob(".backup-*"):
        with suppress(OSError):
            if work.is_dir() and now.timestamp() - work.stat().st_mtime > 86_400:
                shutil.rmtree(work)


def backup_before_migrate(backups: Path, attachments: Path | None = None, *,
                          key: bytes | None = None) -> Callable[[Path, str, str], None]:
    """A `before_migrate` hook for `open_database`: back up the file about to be upgraded.

    If the backup fails, the hook raises BackupError and `open_database` does not migrate:
    an upgrade never runs without its backup.
    """
    backups = Path(backups)

    def hook(path: Path, from_revision: str, to_revision: str) -> None:
        def clean(revision: str) -> str:
            return re.sub(r"[^A-Za-z0-9_.]", "_", revision)[:40]

        name = f"desk-before-{clean(from_revision)}-to-{clean(to_revision)}-{_stamp()}"
        target = _fresh(backups / f"{name}{EXTENSION}")
        log.info("backing up %s before migrating it from %s to %s", path, from_revision,
                 to_revision)
        write_backup(Path(path), attachments, target, key=key)

    return hook


def seal_plain_backups(folder: Path, key: bytes) -> int:
    """Seal the backups an earlier version left in clear in the desk's backups folder (each a
    zip any reader could open): checked, the database in it encrypted, sealed, and renamed over
    the original. Cheap once all are sealed (16 bytes read per file); returns how many were
    sealed. A damaged one is left as it is, and logged."""
    from .backup_check import _inspect
    from .sealed import is_sealed

    sealed = 0
    for path in sorted(Path(folder).glob(f"*{EXTENSION}")):
        try:
            with path.open("rb") as handle:
                if is_sealed(handle):
                    continue
            with tempfile.TemporaryDirectory(prefix=".backup-", dir=folder) as work:
                _reseal(path, Path(work), key, _inspect(path, Path(work))[0])
            sealed += 1
        except (BackupError, OSError) as error:
            log.warning("an old backup %s stays unsealed: %s", path.name, error)
    if sealed:
        log.info("sealed %d backups an earlier version had left in clear", sealed)
    return sealed


def _reseal(path: Path, work: Path, key: bytes, manifest: Manifest) -> None:
    from dataclasses import replace

    encrypt_in_place(work / DATABASE, key)
    partial = work / f"{path.name}.partial"
    members: dict[str, Member] = {}
    ticker = _Ticker(None, 0)
    with partial.open("wb") as raw:
        out = _sealing(raw, key)
        with zipfile.ZipFile(out, "w", compresslevel=6) as archive:
            for name in sorted(manifest.members, key=lambda n: (n != DATABASE, n)):
                members[name] = _add_member(archive, name, work / name, ticker)
            archive.writestr(MANIFEST, replace(manifest, members=members).to_json(),
                             zipfile.ZIP_DEFLATED)
        out.finish()
        raw.flush()
        os.fsync(raw.fileno())
    private(partial)
    os.replace(partial, path)
    fsync_dir(path.parent)


def backup_before_encrypt(backups: Path, attachments: Path | None, key: bytes
                          ) -> Callable[[Path], None]:
    """A `before_encrypt` hook for `open_database`: a sealed backup of the plain database
    (encrypted with the new key, like every backup) before it is encrypted in place."""
    def hook(path: Path) -> None:
        target = _fresh(Path(backups) / f"desk-before-encryption-{_stamp()}{EXTENSION}")
        log.info("backing up %s before encrypting it", path)
        write_backup(Path(path), attachments, target, key=None, seal=key)

    return hook
