"""`community-desk-server backup` / `restore`: a consistent copy of the centre's database, and
putting one back. A restore sends the log back in time, so it starts a new epoch: every desk
that sees it re-offers what it holds and pulls its scope again, and nothing accepted after the
backup is lost as long as some desk still holds it.

SQLite: the backup API (a consistent copy while the server runs). PostgreSQL: pg_dump's custom
format and pg_restore --clean (stop the server processes while restoring).
"""

from __future__ import annotations

import glob
import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from .database import ServerDatabase
from .epoch import start_new_epoch
from .store import ServerError


def _pg_tool(name: str) -> str:
    found = shutil.which(name) or next(iter(sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
                                                   reverse=True)), None)
    if found is None:
        raise ServerError(500, f"{name} is not installed (it comes with PostgreSQL's client tools).")
    return found


def _libpq_url(database: str) -> str:
    return make_url(database).set(drivername="postgresql").render_as_string(hide_password=False)


def _sqlite_path(database: str) -> Path:
    path = make_url(database).database
    if not path or path == ":memory:":
        raise ServerError(400, "An in-memory database cannot be backed up or restored.")
    return Path(path)


def backup(database: str, target: Path) -> None:
    """Copy the centre's database to `target` (a file)."""
    url = make_url(database)
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        source = sqlite3.connect(_sqlite_path(database))
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
            source.close()
        return
    done = subprocess.run([_pg_tool("pg_dump"), "--format=custom", "--no-owner",
                           "--file", str(target), _libpq_url(database)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise ServerError(500, f"pg_dump failed: {done.stderr.strip()[:500]}")


def restore(database: str, source: Path) -> str:
    """Replace the centre's database with the backup `source`; returns the new epoch."""
    if not source.is_file():
        raise ServerError(400, f"There is no backup file {source}.")
    url = make_url(database)
    if url.get_backend_name() == "sqlite":
        path = _sqlite_path(database)
        path.parent.mkdir(parents=True, exist_ok=True)
        backup_db = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        live = sqlite3.connect(path)
        try:
            backup_db.backup(live)  # page by page into the live file, WAL included
        finally:
            live.close()
            backup_db.close()
    else:
        done = subprocess.run([_pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner",
                               "--single-transaction", "--dbname", _libpq_url(database),
                               str(source)], capture_output=True, text=True)
        if done.returncode != 0:
            raise ServerError(500, f"pg_restore failed: {done.stderr.strip()[:500]}")
    db = ServerDatabase(database)
    try:
        db.migrate()  # a backup from before an upgrade is brought up to this version
        return start_new_epoch(db)
    finally:
        db.dispose()
