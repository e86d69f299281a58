"""The central platform's database: SQLite for one machine, PostgreSQL for a street or district.

Writers take one lock per transaction (PostgreSQL: a transaction-level advisory lock; SQLite:
BEGIN IMMEDIATE), and sequence numbers are assigned under it as MAX(seq)+1. So a reader that
sees event N+1 has necessarily been able to see N: N+1 could not be numbered before N's
transaction committed. A bare sequence column cannot promise that with concurrent writers.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

MIGRATIONS = Path(__file__).with_name("migrations")
WRITE_LOCK = 8_731_001
CASE_LOCKS = 8_731_002  # the key space of the per-case projection locks (two-key advisory locks)


class ServerDatabase:
    def __init__(self, url: str) -> None:
        self.url = make_url(url)
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        if self.is_sqlite:
            if self.url.database and self.url.database != ":memory:":
                Path(self.url.database).parent.mkdir(parents=True, exist_ok=True)
            self.engine: Engine = create_engine(url, connect_args={"check_same_thread": False,
                                                                   "timeout": 30})
            event.listen(self.engine, "connect", _sqlite_connect)
            event.listen(self.engine, "begin", _sqlite_begin)
        else:
            self.engine = create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)

    def migrate(self) -> None:
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        with self.write() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")

    @contextmanager
    def write(self, global_lock: bool = True) -> Iterator[Connection]:
        """A transaction that holds the platform's single writer lock until it commits (on
        PostgreSQL without it when `global_lock` is False: for work that numbers nothing, such
        as the case projection, which takes its own finer locks; SQLite has one writer anyway)."""
        with self.engine.connect() as connection:
            connection = connection.execution_options(writer=True)
            with connection.begin():
                if not self.is_sqlite and global_lock:
                    connection.execute(text("SELECT pg_advisory_xact_lock(:key)"),
                                       {"key": WRITE_LOCK})
                yield connection

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection:
            yield connection

    def dispose(self) -> None:
        self.engine.dispose()


def _sqlite_connect(dbapi_connection: object, _record: object) -> None:
    dbapi_connection.isolation_level = None  # type: ignore[attr-defined]  # we issue BEGIN
    cursor = dbapi_connection.cursor()  # type: ignore[attr-defined]
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    writer = connection.get_execution_options().get("writer", False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if writer else "BEGIN")
