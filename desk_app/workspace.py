"""Opening everything a desk needs, with no Qt: catalogue, calendar, database, identity.

Used by the GUI, the self-test and the tests alike, so that they all run the same code path.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from desk_app.config import Paths, app_paths, calendar_file, catalogue_dir
from desk_app.domain.catalogue import Catalogue, load_catalogue
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.settings import Settings
from desk_app.store.backup import backup_before_migrate
from desk_app.store.database import Database, open_database
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

    def attach_desk(self) -> Desk | None:
        identity = read_identity(self.db)
        self.desk = Desk(self.db, identity, self.catalogue, self.calendar) if identity else None
        if self.desk is not None:  # with the calendar imported or received since (issue 10)
            from desk_app.store.calendar_store import desk_calendar

            self.calendar = desk_calendar(self.db, self.calendar)
            self.desk.calendar = self.calendar
        return self.desk

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


def open_workspace(paths: Paths | None = None, *, demo: bool = False,
                   database: Path | None = None) -> Workspace:
    paths = paths or app_paths()
    if demo:
        paths = demo_paths(paths)
    paths.ensure()
    settings = Settings.load(paths.settings)
    catalogue = _catalogue(paths)
    calendar = WorkCalendar.load(calendar_file())
    # An older database is backed up before it is upgraded (and not upgraded if that fails).
    db = open_database(database or paths.database,
                       before_migrate=backup_before_migrate(paths.backups, paths.attachments))
    workspace = Workspace(paths, settings, catalogue, calendar, db, None)
    workspace.attach_desk()
    if demo and workspace.desk is None:
        from desk_app.demo import seed_demo

        log.info("creating the demo workspace in %s", paths.data)
        seed_demo(workspace)
        settings.demo = True
        settings.save(paths.settings)
    return workspace
