"""Opening a desk database: encryption, pragmas, a check that the file is ours, and migration.

Every connection to a desk database, the engine's and the few direct ones (the read-only look
here, backups, backup checks), goes through `connect_file`, with SQLCipher (`sqlcipher3`): the
file is encrypted with the desk's key (see desk_app/keys.py). `key=None` opens a plain SQLite
file, for benchmarks' floors and for tests that are about something else; the workspace always
passes the key, and a plain database it meets is encrypted in place (`encrypt_in_place`).
"""

from __future__ import annotations

import logging
import os
import re
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import closing, contextmanager
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlcipher3 import dbapi2

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .search_index import register_search_functions

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_HEADER = b"SQLite format 3\x00"
CACHE_KIB = 32 * 1024  # a unit of work's page cache (see _on_connect)
READ_CACHE_KIB = 8 * 1024  # a pooled connection's while it only reads (see Database.read)
# SQLite's own: a commit that leaves this many pages in the WAL copies them into the file.
AUTOCHECKPOINT_PAGES = 1000


class StoreError(DomainError):
    """The database cannot be used as it is; nothing in it was changed."""


class DatabaseTooNew(StoreError):
    pass


class WrongKey(StoreError):
    """The file is encrypted with another key than the one given (or with none given)."""


WRONG_KEY = _t("domain", "{file} cannot be opened with this desk's key: the key is wrong or missing, or the file is not a Community Desk database. If the key was lost, start Community Desk and enter the recovery key. Nothing was changed.")


def connect_file(target: str | Path, key: bytes | None, *, uri: bool = False,
                 check_same_thread: bool = True, timeout: float = 10.0) -> dbapi2.Connection:
    """A DB-API connection to a desk file, keyed before anything else is read.

    `PRAGMA key` takes the raw 256-bit key (no passphrase derivation), so opening a pooled
    connection costs no more than with plain SQLite.
    """
    from desk_app.keys import sqlcipher_key

    connection = dbapi2.connect(str(target), uri=uri, check_same_thread=check_same_thread,
                                timeout=timeout)
    # A wrong key is reported to the person by StoreError; SQLCipher would also print it.
    connection.execute("PRAGMA cipher_log_level = NONE")
    if key is not None:
        connection.execute(f"PRAGMA key = {sqlcipher_key(key)}")
    return connection


def private(path: Path) -> None:
    """Only this user may read the file (POSIX; Windows keeps per-user folders instead)."""
    if os.name == "posix" and path.exists():
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)


def _alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r"^(down_)?revision\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|None)", re.MULTILINE)


@cache
def _revision_graph() -> dict[str, str | None]:
    """Each migration's revision and the one it revises, read from the files' own assignments.

    Alembic (with Mako and Pygments behind it) costs about half a second to import, and start-up
    only needs to know whether the file is at the head; so it is imported only to migrate."""
    graph: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        found: dict[str, str | None] = {}
        for down, double, single in _REVISION.findall(script.read_text(encoding="utf-8")):
            found["down" if down else "rev"] = (double or single) or None
        if found.get("rev"):
            graph[found["rev"]] = found.get("down")  # type: ignore[index]
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    revised = {down for down in graph.values() if down}
    heads = sorted(set(graph) - revised)
    if len(heads) != 1:  # not a single line: let Alembic say what is wrong
        from alembic.script import ScriptDirectory

        return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""
    return heads[0]


def known_revisions() -> set[str]:
    return set(_revision_graph())


def _on_connect(dbapi_connection: dbapi2.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA synchronous=NORMAL")
    # 32 MB of page cache per connection (SQLite's default is 2 MB): with SQLCipher a page
    # read from the OS cache must be decrypted again, so searches over the FTS index keep their
    # working set here instead (the same setting for a plain file keeps the comparison fair).
    cursor.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
    cursor.close()
    register_search_functions(dbapi_connection)


class Database:
    """One SQLite file. Each unit of work is one `begin()`: BEGIN IMMEDIATE, so the reads at its
    start are inside the same transaction as its writes and no other writer can come between.

    What a unit changed is noted on its connection (`note_changes`) and handed to `on_commit`
    once the transaction has committed: the one channel by which screens learn of every write,
    local or pulled.

    The engine (and SQLAlchemy with it, ~2× a bare Qt window's whole start) is made on first
    use: a desk at the current schema starts and paints its first screen through `raw()`, the
    DB driver alone, and SQLAlchemy is imported after that (issue 14).
    """

    def __init__(self, path: Path, engine: Engine | None = None, *,
                 key: bytes | None = None) -> None:
        self.path = path
        self._engine = engine
        self._key = key
        self._making = threading.Lock()  # a worker and the GUI thread may ask at once
        self.on_commit: Callable[[ChangeSet], None] | None = None
        self._bulk_writes = 0  # bulk writers under way (see `bulk_checkpoints`)
        # This process's units of work take turns here before SQLite's write lock: one that
        # waits is woken the moment the one before it ends, where SQLite's busy handler polls
        # with sleeps of up to 100 ms and can miss the short gaps between a pull's pages
        # again and again (a registration waited 2 s behind a first sync). Re-entrant, so a
        # nested unit of work on one thread meets SQLite's own answer, as before.
        self._writer = threading.RLock()

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            with self._making:
                if self._engine is None:
                    self._engine = _make_engine(self.path, self._key)
        return self._engine

    def derived_key(self, derive: Callable[[bytes], bytes]) -> bytes | None:
        """A key derived from the database's own (None for a plain database), so that files
        kept beside it (photos) are sealed with it without the key itself leaving here."""
        return derive(self._key) if self._key is not None else None

    @property
    def engine_made(self) -> bool:
        """Whether SQLAlchemy's engine exists yet (it is made on first use)."""
        return self._engine is not None

    @contextmanager
    def raw(self) -> Iterator[dbapi2.Connection]:
        """A short-lived DB-API connection (the same key and pragmas as the engine's) for the
        fixed SQL of the start path; a deferred read, closed at the end."""
        connection = connect_file(self.path, self._key, check_same_thread=False)
        try:
            _on_connect(connection, None)
            yield connection
        finally:
            connection.close()

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        with self._writer, self.engine.connect() as connection:
            _cache_size(connection, CACHE_KIB)
            self._autocheckpoint(connection)
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

    def _autocheckpoint(self, connection: Connection) -> None:
        """Every unit of work's commit checkpoints as SQLite does by itself, except while a
        bulk writer runs (none then: the bulk writer checkpoints, see `bulk_checkpoints`)."""
        wanted = 0 if self._bulk_writes else AUTOCHECKPOINT_PAGES
        if connection.info.get("autocheckpoint", AUTOCHECKPOINT_PAGES) != wanted:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute(f"PRAGMA wal_autocheckpoint={wanted}")
            connection.info["autocheckpoint"] = wanted

    @contextmanager
    def bulk_checkpoints(self, every: int = 12) -> Iterator[Callable[[], None]]:
        """For a long run of write transactions (a big pull): yields `committed()`, to be
        called after each of them. The WAL is copied into the file once every `every`
        transactions, by the bulk writer between two of its transactions, instead of by each
        commit that leaves more than SQLite's 1,000 pages in the WAL: a pulled page dirties
        pages all over the cases' indexes, and the next pages dirty most of them again, so
        copying them once for `every` pages writes them once instead of `every` times. No
        other unit of work checkpoints meanwhile (a registration never waits for one). What a
        commit made durable is unchanged: with `synchronous=NORMAL` a commit is durable
        across a power cut once the WAL it is in has been checkpointed (synced), and that is
        at most `every` pages later instead of one or two."""
        self._bulk_writes += 1
        count = 0

        def committed() -> None:
            nonlocal count
            count += 1
            if count % every == 0:
                self.checkpoint()

        try:
            yield committed
        finally:
            self._bulk_writes -= 1
            if count > 1 and count % every:  # one page's WAL is left to SQLite as usual
                self.checkpoint()

    def checkpoint(self) -> None:
        """Copy the WAL into the file as far as no reader still needs it (never waits)."""
        with self.engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            raw.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A consistent snapshot for reading (a deferred transaction, rolled back at the end).

        On a smaller page cache than a unit of work's: every pooled connection keeps a cache of
        its own, often of the same pages, and the reads' working set fits in less (with the
        pool's LIFO order, scrolling 10,000 rows of a million-case desk: 1.31 → 1.00 KB of
        memory per row, and 40 MB less once started; the list and search figures unchanged)."""
        with self.engine.connect() as connection:
            _cache_size(connection, READ_CACHE_KIB)
            yield connection

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


CHANGES_KEY = "community_desk.changes"
CACHE_KEY = "community_desk.cache_kib"


def _cache_size(connection: Connection, kib: int) -> None:
    """Give the pooled connection a page cache of `kib` (a no-op when it has it already).
    Shrinking drops the least recently used pages only; the PRAGMA goes to the driver, so it
    starts no transaction."""
    if connection.info.get(CACHE_KEY, CACHE_KIB) != kib:
        connection.connection.driver_connection.execute(f"PRAGMA cache_size=-{kib}")
        connection.info[CACHE_KEY] = kib


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
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def _autocommit_driver(dbapi_connection: dbapi2.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


def _check_file(path: Path, key: bytes | None) -> str:
    """"new", "plain" or "encrypted" (SQLCipher leaves no recognisable header: a foreign file
    of random bytes looks the same until the key fails on it)."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return "new"
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise StoreError(_t("domain", "Cannot read the database {file}: {error}"),
                         file=str(path), error=error.strerror or str(error)) from None
    if header == SQLITE_HEADER:
        return "plain"
    if key is None or len(header) < 16:
        raise StoreError(
            _t("domain", "{file} is not a Community Desk database (or it is damaged). Nothing was changed."),
            file=str(path),
        )
    return "encrypted"


def open_database(path: Path, before_migrate: Callable[[Path, str, str], None] | None = None,
                  *, key: bytes | None = None,
                  before_encrypt: Callable[[Path], None] | None = None) -> Database:
    """Open (creating if new) and migrate the database at `path`, encrypted with `key`.

    A file that is not a SQLite database, that the key does not open, or whose schema is newer
    than this program, is refused with StoreError and left untouched. `before_migrate(path,
    from, to)` runs before an existing database is upgraded, so the caller can take a backup
    first. Given a key, a plain database of an earlier version is encrypted in place first
    (`before_encrypt(path)` runs before that, for its backup).
    """
    path = Path(path)
    state = _check_file(path, key)
    path.parent.mkdir(parents=True, exist_ok=True)
    current, tables = _read_only_look(path, key if state == "encrypted" else None)
    _refuse_foreign(path, current, tables)
    if state == "plain" and key is not None:
        if before_encrypt is not None:
            before_encrypt(path)
        encrypt_in_place(path, key)
    if state == "new":
        # Created empty and private first: SQLite gives -wal and -shm the mode of the file.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, stat.S_IRUSR | stat.S_IWUSR))
    private(path)
    if current is not None and current == head_revision():
        # The usual start: the schema is current (checked above by the driver), so neither
        # Alembic nor SQLAlchemy is needed yet; the engine is made on first use.
        return Database(path, key=key)
    from sqlalchemy.exc import DatabaseError as SADatabaseError

    engine = _make_engine(path, key)
    try:
        _migrate(engine, path, current, before_migrate)
    except (SADatabaseError, dbapi2.DatabaseError) as error:
        engine.dispose()
        raise StoreError(
            _t("domain", "{file} cannot be opened: {error}. Nothing was changed."),
            file=str(path), error=str(getattr(error, "orig", error))[:200],
        ) from None
    return Database(path, engine, key=key)


def _make_engine(path: Path, key: bytes | None) -> Engine:
    """The pooled SQLAlchemy engine on the file: our pragmas on every connection, and
    transactions begun by SQLAlchemy (IMMEDIATE for units of work)."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    # LIFO: reads one after another (a list scrolled page by page) reuse the connection whose
    # cache already holds their pages, and the others stay idle with what they had.
    engine = create_engine(f"sqlite:///{path}", module=dbapi2, poolclass=QueuePool, pool_size=4,
                           pool_use_lifo=True,
                           creator=lambda: connect_file(path, key, check_same_thread=False),
                           hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    _transactions(engine)
    return engine


def _read_only_look(path: Path, key: bytes | None = None) -> tuple[str | None, set[str]]:
    """The schema revision and tables of an existing file, read without changing a byte
    (the WAL pragma of a normal connection would rewrite the header of a foreign file)."""
    if not path.exists() or path.stat().st_size == 0:
        return None, set()
    try:
        # Without a -wal file there is nothing uncommitted to miss, and `immutable` keeps SQLite
        # from creating -wal/-shm files beside a file that may not be ours.
        live = Path(f"{path}-wal").exists()
        mode = "mode=ro" if live else "mode=ro&immutable=1"
        with closing(connect_file(f"{path.resolve().as_uri()}?{mode}", key, uri=True)
                     ) as connection:
            tables = {r[0] for r in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            current = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                current = row[0] if row else None
    except dbapi2.DatabaseError as error:
        if key is not None and "not a database" in str(error):
            raise WrongKey(WRONG_KEY, file=str(path)) from None
        raise StoreError(
            _t("domain", "{file} cannot be opened: {error}. Nothing was changed."),
            file=str(path), error=str(error)[:200],
        ) from None
    return current, tables


def _table_counts(connection: dbapi2.Connection, schema: str = "main") -> dict[str, int]:
    names = [r[0] for r in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' AND sql NOT LIKE "
        "'CREATE VIRTUAL%'")]
    return {n: connection.execute(f'SELECT count(*) FROM {schema}."{n}"').fetchone()[0]
            for n in names}


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Encrypt a plain desk database: export to an encrypted copy beside it, verify the copy
    (integrity and every table's row count), then rename it over the original.

    A crash before the rename leaves the plain file as it was (and a stale copy, removed on
    the next try); after it, the encrypted one. The plain file's WAL is checkpointed and
    removed first, so no plain -wal is ever left beside the encrypted file.
    """
    from desk_app.atomic import fsync_dir
    from desk_app.keys import sqlcipher_key

    work = path.with_name(f"{path.name}.encrypting")
    for stale in (work, Path(f"{work}-journal")):
        if stale.exists():
            stale.unlink()
    failed = _t("domain", "{file} could not be encrypted ({error}). It was left as it was.")
    try:
        with closing(connect_file(path, None)) as plain:
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            plain.execute("PRAGMA journal_mode=DELETE").fetchone()
            counts = _table_counts(plain)
            version = plain.execute("PRAGMA user_version").fetchone()[0]
            plain.execute(f"ATTACH DATABASE ? AS encrypted KEY {sqlcipher_key(key)}", (str(work),))
            plain.execute("SELECT sqlcipher_export('encrypted')")
            plain.execute(f"PRAGMA encrypted.user_version = {int(version)}")
            plain.commit()
            plain.execute("DETACH DATABASE encrypted")
        with closing(connect_file(work, key)) as copy:
            problems = [r[0] for r in copy.execute("PRAGMA integrity_check")]
            copied = _table_counts(copy)
        if problems != ["ok"] or copied != counts:
            raise StoreError(failed, file=str(path), error="; ".join(problems[:2]) or "rows")
        private(work)
        with work.open("rb+") as handle:
            os.fsync(handle.fileno())
        for sidecar in (Path(f"{path}-wal"), Path(f"{path}-shm")):
            if sidecar.exists():
                sidecar.unlink()
        os.replace(work, path)
        fsync_dir(path.parent)
    except StoreError:
        work.unlink(missing_ok=True)
        raise
    except (dbapi2.Error, OSError) as error:
        work.unlink(missing_ok=True)
        raise StoreError(failed, file=str(path), error=str(error)[:200]) from None
    log.info("encrypted the database %s in place (%d tables)", path, len(counts))


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
        return  # the usual case: no Alembic import at all
    if current is not None and before_migrate is not None:
        before_migrate(path, current, head)
    from alembic import command

    with engine.begin() as connection:
        command.upgrade(_alembic_config(connection), "head")
