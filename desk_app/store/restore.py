"""Restoring a backup so that no crash, power cut or `kill -9` ever leaves half a database, or
none: the swap is written down as an intent before the first rename, and the next start
(`finish_interrupted_restore`, called before the database is opened) completes it or rolls it
back from that record.

The rule is simple because every step is one atomic rename: until the staged database has
been renamed into place, an interrupted restore is rolled back (the previous files come back
from the undo folder); from then on it is completed (the staged attachments are moved in).
Staging folders that no intent names (a crash while unpacking) are removed at the same time.

No Qt here; `desk_app.store.backup` re-exports `restore_backup` and `Restored`.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desk_app.atomic import fsync_dir
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t

from .access import requires
from .backup_check import (
    ATTACHMENTS,
    CHUNK,
    DAMAGED,
    DATABASE,
    BackupError,
    Manifest,
    _check_database,
    _inspect,
)
from .database import StoreError, connect_file, encrypt_in_place

if TYPE_CHECKING:
    from .desk import Desk
    from .users import User

log = logging.getLogger(__name__)

INTENT = "restore-intent.json"
# Who restored which backup, for the access audit: written when the swap is done, read on the
# next start (in the restored database, which is the one that goes on) by record_restore_audit.
RESTORED = "restore-audit.json"
PUT_IN_PLACE = _t("domain", "The backup could not be put in place ({error}). Your data was left as it was.")

after_step: Callable[[str], None] | None = None
"""Called after each step of a restore with its name: the crash tests kill the process there."""


def _step(name: str) -> None:
    if after_step is not None:
        after_step(name)


@dataclass(frozen=True)
class Restored:
    """A finished restore: what was restored, and where the data it replaced was kept."""

    manifest: Manifest
    undo: Path  # <data>/restore-undo-<timestamp>/: the previous database and attachments


def _stamp(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%d-%H%M%S")


def _fresh(path: Path) -> Path:
    """`path`, or `path-2`, `path-3`… when a backup or folder of that name already exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _private_folder(path: Path) -> None:
    path.mkdir(mode=0o700)
    if os.name == "posix":
        os.chmod(path, 0o700)


def _verify_staged(staging: Path, manifest: Manifest, file: str, key: bytes | None) -> None:
    """Hash the staged files again from the disk: what gets swapped in is what was checked."""
    for name, member in manifest.members.items():
        digest = hashlib.sha256()
        with (staging / name).open("rb") as handle:
            while chunk := handle.read(CHUNK):
                digest.update(chunk)
        if digest.hexdigest() != member.sha256:
            raise BackupError(DAMAGED, file=file, member=name)
    _check_database(staging / DATABASE, manifest, file, key)


def _adopt_key(db: Path, current: bytes | None, wanted: bytes | None) -> None:
    """Make the staged database open with this desk's key: a backup of another desk (opened
    with its recovery key) is re-keyed, a plain one from before encryption is encrypted. The
    desk's key itself never changes in a restore, so a rollback needs no key either."""
    from desk_app.keys import sqlcipher_key

    if current == wanted:
        return
    try:
        if current is None and wanted is not None:
            encrypt_in_place(db, wanted)
            return
        if wanted is None:
            raise BackupError(_t("domain", "This desk's database is not encrypted, so it cannot take an encrypted backup. Nothing was changed."))
        with closing(connect_file(db, current)) as connection:
            connection.execute(f"PRAGMA rekey = {sqlcipher_key(wanted)}")
    except StoreError as error:
        raise BackupError(PUT_IN_PLACE, error=str(error)) from None


def _adopt_photos(folder: Path, current: bytes | None, wanted: bytes | None) -> None:
    """The staged photos are sealed with this desk's key as its database is (photos of another
    desk's backup were sealed with that desk's key); a damaged one stops the restore."""
    from desk_app.keys import attachment_key

    from .attachments import AttachmentError, reseal_folder

    try:
        reseal_folder(folder, attachment_key(current) if current else None,
                      attachment_key(wanted) if wanted else None)
    except AttachmentError as error:
        raise BackupError(PUT_IN_PLACE, error=str(error)) from None


# --- the swap and its intent record ----------------------------------------------------------


def _planned_moves(staging: Path, db_path: Path, attachments: Path, undo: Path
                   ) -> tuple[list[tuple[Path, Path]], int]:
    """The renames of a swap, and the index of the one that commits it (the database in)."""
    moves = [(Path(f"{db_path}{suffix}"), undo / f"{db_path.name}{suffix}")
             for suffix in ("", "-wal", "-shm", "-journal")
             if os.path.lexists(f"{db_path}{suffix}")]
    if os.path.lexists(attachments):
        moves.append((attachments, undo / ATTACHMENTS))
    commit = len(moves)
    moves.append((staging / DATABASE, db_path))
    moves.append((staging / ATTACHMENTS, attachments))
    return moves, commit


def _write_intent(data: Path, staging: Path, undo: Path, moves: list[tuple[Path, Path]],
                  commit: int, who: dict[str, str]) -> None:
    """Written and flushed before the first rename; no rename of its own (a torn record is
    unreadable, which the next start takes as "nothing was moved yet", and that is true)."""
    record = {"staging": str(staging), "undo": str(undo), "commit": commit,
              "moves": [[str(a), str(b)] for a, b in moves], **who}
    _write_record(data / INTENT, record)
    fsync_dir(data)


def _write_record(path: Path, record: dict[str, object]) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(json.dumps(record).encode())
        out.flush()
        os.fsync(out.fileno())


def _note_restored(data: Path, who: dict[str, object]) -> None:
    """Leave the audit entry's facts for the next start (the restored database is not open)."""
    if who.get("by"):
        _write_record(data / RESTORED, {"by": who["by"], "file": who.get("file", "")})


@contextmanager
def _moves(undo: Path) -> Iterator[Callable[[Path, Path], None]]:
    """Renames that are all undone, newest first, if any later step fails."""
    done: list[tuple[Path, Path]] = []

    def move(source: Path, target: Path) -> None:
        os.replace(source, target)
        done.append((source, target))
        _step(f"move-{len(done)}")

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
        (undo.parent / INTENT).unlink(missing_ok=True)
        raise BackupError(PUT_IN_PLACE, error=error.strerror or str(error)) from error


def _swap(staging: Path, db_path: Path, attachments: Path, undo: Path,
          who: dict[str, str]) -> None:
    moves, commit = _planned_moves(staging, db_path, attachments, undo)
    _write_intent(db_path.parent, staging, undo, moves, commit, who)
    _step("intent")
    with _moves(undo) as move:
        for source, target in moves:
            move(source, target)
    _note_restored(db_path.parent, who)
    fsync_dir(db_path.parent)
    (db_path.parent / INTENT).unlink(missing_ok=True)
    fsync_dir(db_path.parent)
    _step("done")


@requires("settings")
def restore_backup(user: User, path: Path, db_path: Path, attachments: Path, *,
                   key: bytes | None = None, recovery: bytes | None = None) -> Restored:
    """Replace the database and attachments with those of the backup at `path` (an
    administrator's act; recorded in the access audit of the restored database at the next
    start, see record_restore_audit).

    `key` is this desk's database key (the restored database is made to open with it);
    `recovery` the key of a recovery key typed in, for a backup another desk made.

    The caller must first close every connection to `db_path` (`Database.close()`, and stop the
    sync scheduler): on Windows an open file cannot be moved, and elsewhere an open connection
    would keep writing into the moved-aside file. Reopen with `open_database` afterwards; a
    backup from an older schema is migrated then.

    The backup is checked and extracted into a staging folder beside the data and verified
    again; only then are the current files moved into `<data>/restore-undo-<timestamp>/` and
    the staged ones renamed in, after an intent record (see the module's docstring). If any
    rename fails, the earlier ones are undone, so there is never a half-restored database.
    The undo folder is kept (nothing is deleted); its path is returned so the UI can tell the
    person where the previous data went.
    """
    path, db_path, attachments = Path(path), Path(db_path), Path(attachments)
    data = db_path.parent
    finish_interrupted_restore(db_path, attachments)
    stamp = _stamp()
    try:
        data.mkdir(parents=True, exist_ok=True)
        staging = _fresh(data / f"restore-staging-{stamp}")
        _private_folder(staging)
    except OSError as error:
        raise BackupError(PUT_IN_PLACE, error=error.strerror or str(error)) from None
    try:
        try:
            manifest, staged_key = _inspect(path, staging, (key, recovery))
            (staging / ATTACHMENTS).mkdir(exist_ok=True)
            _verify_staged(staging, manifest, str(path), staged_key)
            _step("staged")
            _adopt_key(staging / DATABASE, staged_key, key)
            _adopt_photos(staging / ATTACHMENTS, staged_key, key)
        except OSError as error:
            raise BackupError(
                _t("domain", "The backup {file} could not be unpacked for checking ({error}). Nothing was changed."),
                file=str(path), error=error.strerror or str(error)) from None
        undo = _fresh(data / f"restore-undo-{stamp}")
        try:
            _private_folder(undo)
        except OSError as error:
            raise BackupError(PUT_IN_PLACE, error=error.strerror or str(error)) from None
        _swap(staging, db_path, attachments, undo, {"by": user.username, "file": path.name})
    finally:
        if not (data / INTENT).exists():  # else the next start needs it to roll back
            shutil.rmtree(staging, ignore_errors=True)
    log.info("restored %s (schema %s, made %s); previous data kept in %s", path,
             manifest.schema_revision, manifest.created_at, undo)
    return Restored(manifest, undo)


# --- the next start --------------------------------------------------------------------------


def finish_interrupted_restore(db_path: Path, attachments: Path) -> str | None:
    """Complete or roll back a restore that a crash interrupted, from its intent record, and
    remove staging folders nobody will use. Returns "completed", "rolled back" or None.
    Called before the database is opened, so the desk never starts on a missing database
    while its data sits in an undo folder."""
    data = Path(db_path).parent
    outcome = None
    record = None
    try:
        record = json.loads((data / INTENT).read_text(encoding="utf-8"))
        moves = [(Path(a), Path(b)) for a, b in record["moves"]]
        commit = int(record["commit"])
    except FileNotFoundError:
        pass
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("an unreadable restore intent was found: no file had been moved yet")
        record = None
    def free(path: Path) -> bool:
        """Nothing at `path`, or only an empty folder something made meanwhile."""
        if path.is_dir() and not path.is_symlink() and not any(path.iterdir()):
            path.rmdir()
        return not os.path.lexists(path)

    if record is not None:
        committed = not moves[commit][0].exists() and moves[commit][1].exists()
        if committed:
            for source, target in moves[commit + 1:]:
                if os.path.lexists(source) and free(target):
                    os.replace(source, target)
            _note_restored(data, record)
            outcome = "completed"
        else:
            for source, target in reversed(moves[:commit]):
                if os.path.lexists(target) and free(source):
                    os.replace(target, source)
            with suppress(OSError):
                Path(record["undo"]).rmdir()
            outcome = "rolled back"
        fsync_dir(data)
        log.warning("a restore interrupted by a crash was %s on start", outcome)
    (data / INTENT).unlink(missing_ok=True)
    if data.is_dir():
        for stale in data.glob("restore-staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
    return outcome


def record_restore_audit(desk: Desk) -> bool:
    """At start, in the database a restore put in place: the access audit's entry of that
    restore (who, which backup), from the note the restore left. The person was checked when
    restoring; this only writes down what happened. True when there was one."""
    note = Path(desk.db.path).parent / RESTORED
    try:
        record = json.loads(note.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return False  # the usual start: no audit to write, so no SQLAlchemy to import
    except (OSError, ValueError):
        log.warning("an unreadable restore note was found: the restore is not in the audit")
        note.unlink(missing_ok=True)
        return False
    from .audit import Audited, record_audit

    record_audit(desk, str(record.get("by") or "desk"),
                 Audited("backup.restored", target=str(record.get("file", ""))[:100]))
    note.unlink(missing_ok=True)
    return True
