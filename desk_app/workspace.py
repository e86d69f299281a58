"""Opening everything a desk needs, with no Qt: catalogue, calendar, database, identity.

Used by the GUI, the self-test and the tests alike, so that they all run the same code path.
That path also finishes a restore a crash interrupted, and opens the database encrypted with
the desk's key (made at first run, with its recovery key kept until the administrator has seen
it; a plain database of an earlier version is backed up and encrypted in place).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from desk_app.config import Paths, app_paths, calendar_file, catalogue_dir
from desk_app.domain.catalogue import Catalogue, load_catalogue
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.keys import KeyStore, key_from_recovery, new_recovery_key
from desk_app.settings import Settings
from desk_app.store.database import SQLITE_HEADER, Database, WrongKey, open_database
from desk_app.store.desk import Desk, read_identity

log = logging.getLogger(__name__)


@dataclass
class Workspace:
    paths: Paths
    settings: Settings
    catalogue: Catalogue
    calendar: WorkCalendar
    db: Database
    desk: Desk | None  # None until first-run set-up has given the database an identity
    key: bytes | None = field(default=None, repr=False)  # the database key (backups too)
    keys: KeyStore | None = None

    def attach_desk(self) -> Desk | None:
        identity = read_identity(self.db)
        self.desk = Desk(self.db, identity, self.catalogue, self.calendar) if identity else None
        if self.desk is not None:  # with the calendar imported or received since (issue 10)
            from desk_app.store.raw_reads import desk_calendar

            self.calendar = desk_calendar(self.db, self.calendar)
            self.desk.calendar = self.calendar
        return self.desk

    def needs_setup(self) -> bool:
        """Whether this desk still needs setting up: no identity, or no account to sign in."""
        from desk_app.store.signin import has_users

        return self.desk is None or not has_users(self.db)

    def close(self) -> None:
        self.db.close()


def synced_catalogue_dir(paths: Paths) -> Path:
    """Where the centre's latest catalogue snapshot is kept once sync has fetched one."""
    return paths.data / "catalogue"


def _catalogue(paths: Paths) -> Catalogue:
    """The centre's snapshot when there is a good one, else the catalogue shipped with the app."""
    synced = synced_catalogue_dir(paths)
    if synced.exists():
        try:
            return load_catalogue(synced)
        except DomainError as error:
            log.warning("ignoring the synced catalogue: %s", error)
    return load_catalogue(catalogue_dir())


def demo_paths(paths: Paths) -> Paths:
    """The demo workspace lives apart, so sample cases never mix with real ones."""
    return Paths(paths.data / "demo", paths.logs, paths.config / "demo")


class MissingKey(WrongKey):
    """The database is encrypted but this machine holds no key for it."""


MISSING_KEY = _t("domain", "The key of the database {file} is not on this computer (the credential store or the key file was lost or reset). Enter the recovery key printed when the desk was set up. Nothing was changed.")


def _exists_with_data(path: Path) -> bool:
    return path.is_file() and path.stat().st_size > 0


def _desk_key(paths: Paths, db_path: Path, keys: KeyStore, demo: bool,
              recovery: str | None) -> bytes:
    """The key to open `db_path` with: typed in (a recovery key), kept, or new."""
    if recovery is not None:
        return key_from_recovery(recovery)
    key = keys.load()
    if key is not None:
        return key
    if _exists_with_data(db_path):
        with db_path.open("rb") as handle:
            plain = handle.read(16) == SQLITE_HEADER
        if not plain:
            raise MissingKey(MISSING_KEY, file=str(db_path))
    # A new desk, or a plain one from before encryption: a new key, and its recovery key
    # waits for the administrator (the setup wizard, or the first sign-in after the upgrade).
    text = new_recovery_key()
    key = key_from_recovery(text)
    if not demo:  # first: a crash between the two never leaves a key without its recovery key
        keys.keep_pending_recovery(text)
    keys.save(key)
    log.info("a new database key was made for %s, kept in the %s", paths.data, keys.where)
    return key


def open_workspace(paths: Paths | None = None, *, demo: bool = False,
                   database: Path | None = None, recovery: str | None = None) -> Workspace:
    """Open the desk (or the demo) workspace. `recovery`: a recovery key the person typed
    because the key was missing or wrong; when it opens the database it becomes the key."""
    # Backups and restores (zip files, no SQLAlchemy) are imported here, on the opening worker,
    # not by whoever only names a Workspace; the audit (SQLAlchemy) only when there is an entry
    # to write, so that the usual start reaches the sign-in window without SQLAlchemy.
    from desk_app.store.backup import (
        backup_before_encrypt,
        backup_before_migrate,
        finish_interrupted_restore,
        seal_plain_backups,
    )
    from desk_app.store.restore import record_restore_audit

    paths = paths or app_paths()
    if demo:
        paths = demo_paths(paths)
    db_path = database or paths.database
    # Before anything makes the folders: a restore cut off by a crash is finished first.
    finish_interrupted_restore(db_path, paths.attachments)
    paths.ensure()
    settings = Settings.load(paths.settings)
    catalogue = _catalogue(paths)
    calendar = WorkCalendar.load(calendar_file())
    keys = KeyStore(paths)
    key = _desk_key(paths, db_path, keys, demo, recovery)
    # An older database is backed up before it is upgraded (and not upgraded if that fails);
    # a plain one is backed up (sealed) and encrypted in place.
    db = open_database(db_path,
                       before_migrate=backup_before_migrate(paths.backups, paths.attachments,
                                                            key=key),
                       key=key,
                       before_encrypt=backup_before_encrypt(paths.backups, paths.attachments,
                                                            key))
    if recovery is not None:
        keys.save(key)
        log.info("the database key was restored from the recovery key")
    seal_plain_backups(paths.backups, key)  # those an earlier version left in clear
    workspace = Workspace(paths, settings, catalogue, calendar, db, None, key, keys)
    workspace.attach_desk()
    if workspace.desk is not None:  # the access audit of what happened before this start
        record_restore_audit(workspace.desk)
        if recovery is not None:
            from desk_app.store.audit import SYSTEM_ACTOR, Audited, record_audit

            record_audit(workspace.desk, SYSTEM_ACTOR, Audited(
                "key.changed", detail="the database key was restored from the recovery key"))
    if demo and workspace.desk is None:
        from desk_app.demo import seed_demo

        log.info("creating the demo workspace in %s", paths.data)
        seed_demo(workspace)
        settings.demo = True
        settings.save(paths.settings)
    return workspace
