"""Opening a desk database: pragmas, a check that the file is ours, and automatic migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.pool import QueuePool

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"


class StoreError(DomainError):
    """The database cannot be used as it is; nothing in it was changed."""


class DatabaseTooNew(StoreError):
    pass


def _alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def _on_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class Database:
    """One SQLite file. Each unit of work is one `begin()`: BEGIN IMMEDIATE, so the reads at its
    start are inside the same transaction as its writes and no other writer can come between.

    What a unit changed is noted on its connection (`note_changes`) and handed to `on_commit`
    once the transaction has committed: the one channel by which screens learn of every write,
    local or pulled.
    """

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        self.on_commit: Callable[[ChangeSet], None] | None = None

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            connection.execution_options(sqlite_begin="IMMEDIATE")
            try:
                with connection.begin():
                    yield connection
            except BaseException:
                connection.info.pop(CHANGES_KEY, None)
                raise
            changes = connection.info.pop(CHANGES_KEY, None)
        if changes is not None and self.on_commit is not None:
            self.on_commit(changes)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A consistent snapshot for reading (a deferred transaction, rolled back at the end)."""
        with self.engine.connect() as connection:
            yield connection

    def close(self) -> None:
        self.engine.dispose()


CHANGES_KEY = "community_desk.changes"


class ChangeSet:
    """What one unit of work changed, collected while it runs (see desk.Changes)."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, None]] = {}
        self.facts: set[str] = set()
        self.origin = "local"

    def touch(self, entity: str, ids: Iterable[str]) -> None:
        self.records.setdefault(entity, {}).update(dict.fromkeys(ids))


def note_changes(conn: Connection) -> ChangeSet:
    """The change set of the unit of work `conn` belongs to, to note what it changes."""
    found = conn.info.get(CHANGES_KEY)
    if found is None:
        found = conn.info[CHANGES_KEY] = ChangeSet()
    return found


def _transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not pysqlite, start transactions, so that BEGIN comes before the first
    read (pysqlite would issue it only before the first write) and can be IMMEDIATE."""

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _check_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise StoreError(_t("domain", "Cannot read the database {file}: {error}"),
                         file=str(path), error=error.strerror or str(error)) from None
    if header != SQLITE_HEADER:
        raise StoreError(
            _t("domain", "{file} is not a Community Desk database (or it is damaged). Nothing was changed."),
            file=str(path),
        )


def open_database(path: Path, before_migrate: Callable[[Path, str, str], None] | None = None
                  ) -> Database:
    """Open (creating if new) and migrate the database at `path`.

    A file that is not a SQLite database, or whose schema is newer than this program, is
    refused with StoreError and left untouched. `before_migrate(path, from, to)` runs before an
    existing database is upgraded, so the caller can take a backup first.
    """
    path = Path(path)
    _check_file(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    current, tables = _read_only_look(path)
    _refuse_foreign(path, current, tables)
    engine = create_engine(f"sqlite:///{path}", poolclass=QueuePool, pool_size=4,
                           connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _on_connect)
    _transactions(engine)
    try:
        _migrate(engine, path, current, before_migrate)
    except (SADatabaseError, sqlite3.DatabaseError) as error:
        engine.dispose()
        raise StoreError(
            _t("domain", "{file} cannot be opened: {error}. Nothing was changed."),
            file=str(path), error=str(getattr(error, "orig", error))[:200],
        ) from None
    return Database(path, engine)


def _read_only_look(path: Path) -> tuple[str | None, set[str]]:
    """The schema revision and tables of an existing file, read without changing a byte
    (the WAL pragma of a normal connection would rewrite the header of a foreign file)."""
    if not path.exists() or path.stat().st_size == 0:
        return None, set()
    try:
        # Without a -wal file there is nothing uncommitted to miss, and `immutable` keeps SQLite
        # from creating -wal/-shm files beside a file that may not be ours.
        live = Path(f"{path}-wal").exists()
        mode = "mode=ro" if live else "mode=ro&immutable=1"
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?{mode}", uri=True)) as connection:
            tables = {r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            current = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
    except sqlite3.DatabaseError as error:
        raise StoreError(
            _t("domain", "{file} cannot be opened: {error}. Nothing was changed."),
            file=str(path), error=str(error)[:200],
        ) from None
    return current, tables


def _refuse_foreign(path: Path, current: str | None, tables: set[str]) -> None:
    ours = {"events", "meta"} <= tables
    if tables - {"alembic_version"} and not ours:
        raise StoreError(
            _t("domain", "{file} is a database of another program. Nothing was changed."),
            file=str(path),
        )
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(
            _t("domain", "{file} was written by a newer version of Community Desk (schema {revision}). Please install the newer version; nothing was changed."),
            file=str(path), revision=current,
        )


def _migrate(engine: Engine, path: Path, current: str | None,
             before_migrate: Callable[[Path, str, str], None] | None) -> None:
    head = head_revision()
    if current == head:
        return
    if current is not None and before_migrate is not None:
        before_migrate(path, current, head)
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
