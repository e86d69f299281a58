"""Backups of a desk: one file with a consistent copy of the database and the attachments,
checked before it is trusted, and restored so that a failure never leaves half a database.

No Qt here: the GUI runs these in a worker and shows progress, the daily schedule calls
`scheduled_backup`, and `open_database` calls `backup_before_migrate`'s hook before upgrading.

This module makes, restores and schedules backups. Reading and checking one (the layout of a
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
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import __version__
from desk_app.atomic import fsync_dir
from desk_app.config import APP_NAME
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t

from .backup_check import (
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
    _check_database,
    _inspect,
    _ro_uri,
    _safe_name,
    check_backup,
)

if TYPE_CHECKING:
    from desk_app.config import Paths

__all__ = [
    "ATTACHMENTS", "CHUNK", "DAILY", "DAMAGED", "DATABASE", "EXTENSION", "FORMAT", "MANIFEST",
    "MAX_MANIFEST", "NOT_A_BACKUP", "PUT_IN_PLACE", "STORED", "BackupError", "Manifest",
    "Member", "Progress", "Restored", "backup_before_migrate", "check_backup", "daily_backups",
    "make_backup", "restore_backup", "scheduled_backup",
]

log = logging.getLogger(__name__)

EXTENSION = ".cdbackup"
DAILY = re.compile(r"^desk-(\d{8})\.cdbackup$")
# Already compressed: deflating them again costs time and saves nothing.
STORED = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp3", ".m4a", ".mp4", ".mov",
          ".pdf", ".zip", ".gz", ".7z", ".rar", ".docx", ".xlsx", ".pptx", ".ofd"}

Progress = Callable[[int, int], None]
"""progress(done, total), in bytes of work, for a progress bar; called from the working thread."""

PUT_IN_PLACE = _t("domain", "The backup could not be put in place ({error}). Your data was left as it was.")


@dataclass(frozen=True)
class Restored:
    """A finished restore: what was restored, and where the data it replaced was kept."""

    manifest: Manifest
    undo: Path  # <data>/restore-undo-<timestamp>/: the previous database and attachments


# --- names and small helpers -----------------------------------------------------------------


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")


def _fresh(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`… when a backup or folder of that name already exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


class _Ticker:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, max(total, 1), 0

    def add(self, amount: int) -> None:
        self.done += amount
        if self.progress:
            self.progress(min(self.done, self.total), self.total)


# --- making a backup -------------------------------------------------------------------------


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


def _copy_database(db_path: Path, copy: Path, pages: int, ticker: _Ticker) -> int:
    """Copy the live database with SQLite's backup API, from one read snapshot.

    The read transaction held on the source is what makes this work while the desk keeps
    writing: without it SQLite restarts the copy after every write by another connection, and
    under steady writing it never finishes. Returns the size of the snapshot in bytes.
    """
    try:
        source = sqlite3.connect(_ro_uri(db_path), uri=True)
    except sqlite3.Error as error:
        raise BackupError(_t("domain", "Cannot read the database {file}: {error}"),
                          file=str(db_path), error=str(error)) from None
    with closing(source):
        try:
            source.execute("BEGIN")
            source.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the snapshot
            page_size = source.execute("PRAGMA page_size").fetchone()[0]
            size = source.execute("PRAGMA page_count").fetchone()[0] * page_size
            ticker.total += 2 * size
            copied = 0

            def step(_status: int, remaining: int, total: int) -> None:
                nonlocal copied
                now = (total - remaining) * page_size
                ticker.add(now - copied)
                copied = now

            with closing(sqlite3.connect(copy)) as target:
                source.backup(target, pages=pages, progress=step)
                # A rollback-journal copy is one self-contained file, whatever the source used.
                target.execute("PRAGMA journal_mode=DELETE")
                problems = [r[0] for r in target.execute("PRAGMA integrity_check")]
            source.rollback()
        except sqlite3.Error as error:
            raise BackupError(
                _t("domain", "The database {file} could not be backed up: {error}"),
                file=str(db_path), error=str(error)[:200]) from None
    if problems != ["ok"]:
        raise BackupError(
            _t("domain", "The database {file} is damaged ({error}); no backup was made."),
            file=str(db_path), error="; ".join(problems[:3])[:300])
    return size


def _describe_copy(copy: Path, db_path: Path) -> tuple[str, str | None, str | None]:
    """Schema revision and desk of the copy, so the manifest matches what is inside."""
    with closing(sqlite3.connect(_ro_uri(copy, immutable=True), uri=True)) as con:
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


def make_backup(db_path: Path, attachments: Path | None, target: Path,
                progress: Progress | None = None, *, pages: int = 1024) -> Path:
    """Back up the database (live: the desk may keep writing) and the attachments to `target`.

    The file is written beside `target` under a temporary name and renamed at the end, so a
    crash or a full disk never leaves half a backup under the final name. Safe to call from a
    worker thread; it opens its own read-only connection. `progress(done, total)` may raise to
    cancel: the exception comes out of make_backup and nothing is left behind.
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
            _copy_database(db_path, copy, pages, ticker)
            revision, code, name = _describe_copy(copy, db_path)
            partial = Path(work) / f"{target.name}.partial"
            members: dict[str, Member] = {}
            with partial.open("wb") as raw:
                with zipfile.ZipFile(raw, "w", compresslevel=6) as archive:
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
                raw.flush()
                os.fsync(raw.fileno())
            os.replace(partial, target)  # same folder, so an atomic rename
        fsync_dir(target.parent)
    except OSError as error:
        raise BackupError(_t("domain", "The backup {file} could not be written: {error}"),
                          file=str(target), error=error.strerror or str(error)) from None
    log.info("backup %s made: %d bytes, schema %s, %d attachments", target,
             target.stat().st_size, revision, len(members) - 1)
    return target


# --- restoring -------------------------------------------------------------------------------


def _verify_staged(staging: Path, manifest: Manifest, file: str) -> None:
    """Hash the staged files again from the disk: what gets swapped in is what was checked."""
    for name, member in manifest.members.items():
        digest = hashlib.sha256()
        with (staging / name).open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != member.sha256:
            raise BackupError(DAMAGED, file=file, member=name)
    _check_database(staging / DATABASE, manifest, file)


@contextmanager
def _moves(undo: Path) -> Iterator[Callable[[Path, Path], None]]:
    """Renames that are all undone, newest first, if any later step fails."""
    done: list[tuple[Path, Path]] = []

    def move(source: Path, target: Path) -> None:
        os.replace(source, target)
        done.append((source, target))

    try:
        yield move
    except OSError as error:
        stuck = []
        for source, target in reversed(done):
            try:
                os.replace(target, source)
            except OSError:
                stuck.append(source)
        if stuck:
            log.error("restore failed and could not put back %s; kept in %s", stuck, undo)
            raise BackupError(
                _t("domain", "The restore failed ({error}) and the previous data could not all be put back. It is kept in {folder}; do not delete that folder, and ask for help."),
                folder=str(undo), error=error.strerror or str(error)) from error
        with suppress(OSError):
            undo.rmdir()
        raise BackupError(PUT_IN_PLACE, error=error.strerror or str(error)) from error


def _swap(staging: Path, db_path: Path, attachments: Path, undo: Path) -> None:
    with _moves(undo) as move:
        for suffix in ("", "-wal", "-shm", "-journal"):
            current = Path(f"{db_path}{suffix}")
            if os.path.lexists(current):
                move(current, undo / f"{db_path.name}{suffix}")
        if os.path.lexists(attachments):
            move(attachments, undo / ATTACHMENTS)
        move(staging / DATABASE, db_path)
        move(staging / ATTACHMENTS, attachments)
    fsync_dir(db_path.parent)


def restore_backup(path: Path, db_path: Path, attachments: Path) -> Restored:
    """Replace the database and attachments with those of the backup at `path`.

    The caller must first close every connection to `db_path` (`Database.close()`, and stop the
    sync scheduler): on Windows an open file cannot be moved, and elsewhere an open connection
    would keep writing into the moved-aside file. Reopen with `open_database` afterwards; a
    backup from an older schema is migrated then.

    The backup is checked and extracted into a staging folder beside the data and verified
    again; only then are the current files moved into `<data>/restore-undo-<timestamp>/` and
    the staged ones renamed in. If any rename fails, the earlier ones are undone, so there is
    never a half-restored database. The undo folder is kept (nothing is deleted); its path is
    returned so the UI can tell the person where the previous data went.
    """
    path, db_path, attachments = Path(path), Path(db_path), Path(attachments)
    data = db_path.parent
    stamp = _stamp()
    try:
        data.mkdir(parents=True, exist_ok=True)
        staging = _fresh(data / f"restore-staging-{stamp}")
        staging.mkdir()
    except OSError as error:
        raise BackupError(PUT_IN_PLACE, error=error.strerror or str(error)) from None
    try:
        try:
            manifest = _inspect(path, staging)
            (staging / ATTACHMENTS).mkdir(exist_ok=True)
            _verify_staged(staging, manifest, str(path))
        except OSError as error:
            raise BackupError(
                _t("domain", "The backup {file} could not be unpacked for checking ({error}). Nothing was changed."),
                file=str(path), error=error.strerror or str(error)) from None
        undo = _fresh(data / f"restore-undo-{stamp}")
        try:
            undo.mkdir()
        except OSError as error:
            raise BackupError(PUT_IN_PLACE, error=error.strerror or str(error)) from None
        _swap(staging, db_path, attachments, undo)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    log.info("restored %s (schema %s, made %s); previous data kept in %s", path,
             manifest.schema_revision, manifest.created_at, undo)
    return Restored(manifest, undo)


# --- schedules and hooks ---------------------------------------------------------------------


def daily_backups(folder: Path) -> list[Path]:
    """The daily backups in `folder`, oldest first (only names the schedule itself makes)."""
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if DAILY.match(p.name) and p.is_file()),
                  key=lambda p: p.name)


def scheduled_backup(paths: Paths, keep: int = 7, now: datetime | None = None) -> Path | None:
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
        made = make_backup(paths.database, paths.attachments, target)
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


def backup_before_migrate(backups: Path, attachments: Path | None = None
                          ) -> Callable[[Path, str, str], None]:
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
        make_backup(Path(path), attachments, target)

    return hook
