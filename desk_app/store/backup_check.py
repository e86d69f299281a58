"""Reading and checking a backup, without changing anything: its manifest, its members and
the database inside.

A backup (`.cdbackup`) is a sealed file (see `sealed`: AES-GCM with a key derived from the desk
key, so only that key or the recovery key it comes from opens it) around a zip holding
`desk.sqlite3` (itself encrypted with that key), `attachments/<relative path>` for every
attachment, and `manifest.json` (written last) with the app, format, schema revision, desk and
the SHA-256 and size of every other member. This module knows that layout and refuses anything
that does not follow it: `check_backup` before a person confirms a restore, and `_inspect` when
`backup.restore_backup` extracts the members it will swap in.

Separate from `backup` (making, restoring, schedules) because it is the part that reads files
of unknown origin; `backup` imports from here and re-exports the public names, so importers
keep using `desk_app.store.backup`. No Qt here either.
"""

from __future__ import annotations

import hashlib
import json
import re
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from sqlcipher3 import dbapi2

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t

from .database import connect_file, known_revisions
from .sealed import BackupError, SealedReader, is_sealed, read_header

APP_NAME = "CommunityDesk"  # the manifest's "app": a backup of this program (the store needs no config)

FORMAT = 1  # raise when the layout of a backup changes; older programs then refuse it
MANIFEST = "manifest.json"
DATABASE = "desk.sqlite3"
ATTACHMENTS = "attachments"
CHUNK = 1 << 20
MAX_MANIFEST = 64 << 20


class NeedsRecoveryKey(BackupError):
    """The backup was sealed with another desk's key: its recovery key is needed to open it."""


Keys = tuple[bytes | None, ...]
"""The keys to try on a backup: this desk's key, and one derived from a recovery key typed in."""

NEEDS_RECOVERY = _t("domain", "{file} was made with another key (another desk, or this desk before it was set up again). Enter the recovery key printed when that desk was set up. Nothing was changed.")
NOT_A_BACKUP = _t("domain", "{file} is not a Community Desk backup, or it is damaged: it cannot be read as a backup file.")
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


def _ro_uri(path: Path, immutable: bool = False) -> str:
    return f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}"

# --- checking a backup -----------------------------------------------------------------------


def _open_archive(path: Path, keys: Keys = ()) -> tuple[zipfile.ZipFile, bytes | None]:
    """The zip inside the backup, and the key of the database in it (None: a plain backup
    made before backups were sealed, still restorable)."""
    from desk_app.keys import backup_key, key_id

    file = str(path)
    if not path.exists():
        raise BackupError(_t("domain", "There is no file {file}."), file=file)
    handle: BinaryIO | None = None
    try:
        handle = path.open("rb")
        if not is_sealed(handle):
            archive, key = zipfile.ZipFile(handle), None
        else:
            header, _raw = read_header(handle, file)
            key = next((k for k in keys if k is not None and key_id(k) == header["key_id"]),
                       None)
            if key is None:
                raise NeedsRecoveryKey(NEEDS_RECOVERY, file=file)
            archive = zipfile.ZipFile(SealedReader(handle, backup_key(key), file))
        archive.desk_handle = handle  # type: ignore[attr-defined]  # closed with the archive
        return archive, key
    except BackupError:
        if handle is not None:
            handle.close()
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        if handle is not None:
            handle.close()
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


def _check_database(db: Path, manifest: Manifest, file: str, key: bytes | None) -> None:
    """integrity_check on the extracted copy, and that it is ours at the manifest's revision."""
    try:
        with closing(connect_file(_ro_uri(db, immutable=True), key, uri=True)) as con:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check")]
            tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table'")}
            revision = None
            if "alembic_version" in tables:
                row = con.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except dbapi2.Error as error:
        problems = [str(error)]
    if problems != ["ok"]:
        raise BackupError(
            _t("domain", "The database in the backup {file} is damaged ({error}). Nothing was changed."),
            file=file, error="; ".join(problems[:3])[:300])
    if not {"events", "meta"} <= tables or revision != manifest.schema_revision:
        raise BackupError(
            _t("domain", "The database in the backup {file} does not match its manifest. Nothing was changed."),
            file=file)


def _inspect(path: Path, folder: Path, keys: Keys = ()) -> tuple[Manifest, bytes | None]:
    """Every check of a backup, extracting its members into `folder` on the way; returns the
    manifest and the key of the database extracted."""
    path = Path(path)
    file = str(path)
    archive, key = _open_archive(path, keys)
    with archive:
        try:
            manifest = _read_manifest(archive, file)
            for name, member in sorted(manifest.members.items()):
                _extract(archive, name, member, folder / name, file)
        finally:
            archive.desk_handle.close()  # type: ignore[attr-defined]
    _check_database(folder / DATABASE, manifest, file, key)
    return manifest, key


def check_backup(path: Path, workdir: Path | None = None, *, key: bytes | None = None,
                 recovery: bytes | None = None) -> Manifest:
    """Whether `path` is a whole, valid backup of this app that this program can restore.

    `key` is this desk's key; `recovery` the key of a recovery key the person typed, for a
    backup of another desk (NeedsRecoveryKey says it is needed). Raises BackupError saying
    what is wrong. Changes nothing: members are extracted into a temporary folder (hashes and
    integrity_check need the bytes) that is removed afterwards; pass `workdir` (say, the data
    folder) when the system's temp folder may be too small.
    """
    try:
        with tempfile.TemporaryDirectory(prefix=".desk-check-", dir=workdir) as work:
            return _inspect(Path(path), Path(work), (key, recovery))[0]
    except OSError as error:
        raise BackupError(
            _t("domain", "The backup {file} could not be unpacked for checking ({error}). Nothing was changed."),
            file=str(path), error=error.strerror or str(error)) from None
