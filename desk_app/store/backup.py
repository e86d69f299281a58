"""Backups of a desk: one file with a consistent copy of the database and the attachments,
checked before it is trusted, and restored so that a failure never leaves half a database.

No Qt here: the GUI runs these in a worker and shows progress, the daily schedule calls
`scheduled_backup`, and `open_database` calls `backup_before_migrate`'s hook before upgrading.

A backup (`.cdbackup`) is a zip holding `desk.sqlite3`, `attachments/<relative path>` for every
attachment, and `manifest.json` (written last) with the app, format, schema revision, desk and
the SHA-256 and size of every other member.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app import __version__
from desk_app.config import APP_NAME
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .database import known_revisions

if TYPE_CHECKING:
    from desk_app.config import Paths

log = logging.getLogger(__name__)

FORMAT = 1  # raise when the layout of a backup changes; older programs then refuse it
EXTENSION = ".cdbackup"
MANIFEST = "manifest.json"
DATABASE = "desk.sqlite3"
ATTACHMENTS = "attachments"
DAILY = re.compile(r"^desk-(\d{8})\.cdbackup$")
CHUNK = 1 << 20
MAX_MANIFEST = 64 << 20
# Already compressed: deflating them again costs time and saves nothing.
STORED = {".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic", ".mp3", ".m4a", ".mp4", ".mov",
          ".pdf", ".zip", ".gz", ".7z", ".rar", ".docx", ".xlsx", ".pptx", ".ofd"}

Progress = Callable[[int, int], None]
"""progress(done, total), in bytes of work, for a progress bar; called from the working thread."""


class BackupError(DomainError):
    """A backup cannot be made, trusted or restored; the message says why and what is left."""


NOT_A_BACKUP = _t("domain", "{file} is not a Community Desk backup, or it is damaged: it cannot be read as a backup file.")
PUT_IN_PLACE = _t("domain", "The backup could not be put in place ({error}). Your data was left as it was.")
DAMAGED = _t("domain", "The backup {file} is damaged: {member} does not match its checksum. Nothing was changed.")


@dataclass(frozen=True)
class Member:
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    """What a backup says about itself; shown to a person before they confirm a restore."""

    app: str
    format: int
    app_version: str
    schema_revision: str
    created_at: str  # ISO 8601 in UTC
    desk_code: str | None
    desk_name: str | None
    members: Mapping[str, Member] = field(default_factory=dict)

    @property
    def created(self) -> datetime:
        return datetime.fromisoformat(self.created_at)

    @property
    def database_size(self) -> int:
        return self.members[DATABASE].size

    @property
    def attachment_count(self) -> int:
        return sum(1 for name in self.members if name != DATABASE)

    @property
    def total_size(self) -> int:
        return sum(m.size for m in self.members.values())

    def to_json(self) -> bytes:
        data = {
            "app": self.app, "format": self.format, "app_version": self.app_version,
            "schema_revision": self.schema_revision, "created_at": self.created_at,
            "desk_code": self.desk_code, "desk_name": self.desk_name,
            "members": {name: {"sha256": m.sha256, "size": m.size}
                        for name, m in self.members.items()},
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, raw: bytes, file: str) -> Manifest:
        """Parse and validate; the order of the checks gives the most useful message first."""
        unreadable = BackupError(
            _t("domain", "{file} is not a Community Desk backup: its manifest is missing parts or unreadable. Nothing was changed."),
            file=file)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise unreadable from None
        if not isinstance(data, dict) or not isinstance(data.get("app"), str):
            raise unreadable
        if data["app"] != APP_NAME:
            raise BackupError(
                _t("domain", "{file} was made by another program ({app}), not by Community Desk. Nothing was changed."),
                file=file, app=data["app"][:60])
        version = data.get("format")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise unreadable
        if version > FORMAT:
            raise BackupError(
                _t("domain", "{file} was made by a newer version of Community Desk (backup format {format}). Please install the newer version; nothing was changed."),
                file=file, format=version)
        texts = ("app_version", "schema_revision", "created_at")
        if not all(isinstance(data.get(k), str) for k in texts):
            raise unreadable
        if data["schema_revision"] not in known_revisions():
            raise BackupError(
                _t("domain", "{file} was made by a newer version of Community Desk (schema {revision}). Please install the newer version; nothing was changed."),
                file=file, revision=data["schema_revision"][:40])
        try:
            datetime.fromisoformat(data["created_at"])
        except ValueError:
            raise unreadable from None
        members: dict[str, Member] = {}
        listed = data.get("members")
        if not isinstance(listed, dict) or DATABASE not in listed:
            raise unreadable
        for name, entry in listed.items():
            if not _safe_name(name):
                raise BackupError(
                    _t("domain", "{file} is not a Community Desk backup: it lists a file with a forbidden name ({member}). Nothing was changed."),
                    file=file, member=str(name)[:200])
            if (not isinstance(entry, dict) or not isinstance(entry.get("size"), int)
                    or entry["size"] < 0 or not isinstance(entry.get("sha256"), str)
                    or not re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])):
                raise unreadable
            members[name] = Member(entry["sha256"], entry["size"])
        desk = {k: data.get(k) if isinstance(data.get(k), str) else None
                for k in ("desk_code", "desk_name")}
        return cls(data["app"], version, data["app_version"], data["schema_revision"],
                   data["created_at"], desk["desk_code"], desk["desk_name"], members)


@dataclass(frozen=True)
class Restored:
    """A finished restore: what was restored, and where the data it replaced was kept."""

    manifest: Manifest
    undo: Path  # <data>/restore-undo-<timestamp>/: the previous database and attachments


# --- names and small helpers -----------------------------------------------------------------


def _safe_name(name: object) -> bool:
    """A member name that extracts inside the staging folder on every platform (no zip-slip)."""
    if not isinstance(name, str):
        return False
    if name == DATABASE:
        return True
    parts = name.split("/")
    if parts[0] != ATTACHMENTS or len(parts) < 2:
        return False
    return all(p not in ("", ".", "..") and not set(p) & set("\\:\x00") for p in parts[1:])


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")


def _fresh(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`… when a backup or folder of that name already exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX); Windows cannot open folders, and does not need it."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _ro_uri(path: Path, immutable: bool = False) -> str:
    return f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"


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
        _fsync_dir(target.parent)
    except OSError as error:
        raise BackupError(_t("domain", "The backup {file} could not be written: {error}"),
                          file=str(target), error=error.strerror or str(error)) from None
    log.info("backup %s made: %d bytes, schema %s, %d attachments", target,
             target.stat().st_size, revision, len(members) - 1)
    return target


# --- checking a backup -----------------------------------------------------------------------


def _open_archive(path: Path) -> zipfile.ZipFile:
    file = str(path)
    if not path.exists():
        raise BackupError(_t("domain", "There is no file {file}."), file=file)
    try:
        return zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise BackupError(NOT_A_BACKUP, file=file) from None


def _read_manifest(archive: zipfile.ZipFile, file: str) -> Manifest:
    names = archive.namelist()
    if MANIFEST not in names:
        raise BackupError(
            _t("domain", "{file} is not a Community Desk backup: it has no manifest. Nothing was changed."),
            file=file)
    if len(names) != len(set(names)):
        raise BackupError(NOT_A_BACKUP, file=file)
    info = archive.getinfo(MANIFEST)
    if info.file_size > MAX_MANIFEST:
        raise BackupError(NOT_A_BACKUP, file=file)
    try:
        raw = archive.read(MANIFEST)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError,
            OSError):
        raise BackupError(NOT_A_BACKUP, file=file) from None
    manifest = Manifest.from_json(raw, file)
    listed, present = set(manifest.members), set(names) - {MANIFEST}
    if missing := sorted(listed - present):
        raise BackupError(
            _t("domain", "The backup {file} is incomplete: {member} is missing. Nothing was changed."),
            file=file, member=missing[0])
    if extra := sorted(present - listed):
        raise BackupError(
            _t("domain", "The backup {file} contains {member}, which its manifest does not list. Nothing was changed."),
            file=file, member=extra[0][:200])
    return manifest


def _extract(archive: zipfile.ZipFile, name: str, member: Member, target: Path,
             file: str) -> None:
    """Extract one member while hashing it; stop as soon as it is longer than the manifest says."""
    damaged = BackupError(DAMAGED, file=file, member=name)
    digest, size = hashlib.sha256(), 0
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        source = archive.open(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
        raise damaged from None
    with source, target.open("wb") as out:
        while True:
            try:
                chunk = source.read(CHUNK)
            except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError):
                raise damaged from None
            if not chunk:
                break
            size += len(chunk)
            if size > member.size:
                raise damaged
            digest.update(chunk)
            out.write(chunk)
    if size != member.size or digest.hexdigest() != member.sha256:
        raise damaged


def _check_database(db: Path, manifest: Manifest, file: str) -> None:
    """integrity_check on the extracted copy, and that it is ours at the manifest's revision."""
    try:
        with closing(sqlite3.connect(_ro_uri(db, immutable=True), uri=True)) as con:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.Error as error:
        problems = [str(error)]
    if problems != ["ok"]:
        raise BackupError(
            _t("domain", "The database in the backup {file} is damaged ({error}). Nothing was changed."),
            file=file, error="; ".join(problems[:3])[:300])
    if not {"events", "meta"} <= tables or revision != manifest.schema_revision:
        raise BackupError(
            _t("domain", "The database in the backup {file} does not match its manifest. Nothing was changed."),
            file=file)


def _inspect(path: Path, folder: Path) -> Manifest:
    """Every check of a backup, extracting its members into `folder` on the way."""
    path = Path(path)
    file = str(path)
    with _open_archive(path) as archive:
        manifest = _read_manifest(archive, file)
        for name, member in sorted(manifest.members.items()):
            _extract(archive, name, member, folder / name, file)
    _check_database(folder / DATABASE, manifest, file)
    return manifest


def check_backup(path: Path, workdir: Path | None = None) -> Manifest:
    """Whether `path` is a whole, valid backup of this app that this program can restore.

    Raises BackupError saying what is wrong. Changes nothing: members are extracted into a
    temporary folder (hashes and integrity_check need the bytes) that is removed afterwards;
    pass `workdir` (say, the data folder) when the system's temp folder may be too small.
    """
    try:
        with tempfile.TemporaryDirectory(prefix=".desk-check-", dir=workdir) as work:
            return _inspect(Path(path), Path(work))
    except OSError as error:
        raise BackupError(
            _t("domain", "The backup {file} could not be unpacked for checking ({error}). Nothing was changed."),
            file=str(path), error=error.strerror or str(error)) from None


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
    _fsync_dir(db_path.parent)


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

