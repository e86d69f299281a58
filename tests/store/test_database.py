"""Opening a desk database: schema at head, pragmas, refusing files that are not ours."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError
from sqlcipher3 import dbapi2

from desk_app.store.database import (
    Database,
    DatabaseTooNew,
    StoreError,
    connect_file,
    head_revision,
    open_database,
)
from tests.conftest import TEST_KEY

TABLES = {"events", "outbox", "rejections", "meta", "case_number_seq", "users", "cases",
          "cases_fts", "alembic_version"}
TRIGGERS = {"events_no_update", "events_no_delete", "cases_fts_insert", "cases_fts_delete",
            "cases_fts_update"}


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sidecars(path: Path) -> list[str]:
    """The -wal/-shm/-journal files SQLite would leave next to `path`."""
    return sorted(p.name for p in path.parent.iterdir()
                  if p.name.startswith(path.name) and p.name != path.name)


def schema_of(path: Path) -> tuple[set[str], set[str], str | None]:
    with sqlite3.connect(path) as con:
        names = {(t, n) for t, n in con.execute("SELECT type, name FROM sqlite_master")}
        try:
            version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            version = None
    con.close()
    tables = {n for t, n in names if t == "table" and not n.startswith("cases_fts_")}
    triggers = {n for t, n in names if t == "trigger"}
    return tables, triggers, version[0] if version else None


def make_real_database(path: Path, rows: int = 0) -> None:
    db = open_database(path)
    with db.begin() as conn:
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES ('marker', 'kept')")
        for i in range(rows):
            conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)",
                                 (f"filler{i}", "值" * 200))
    db.close()


def assert_refused_untouched(path: Path, error_type: type[Exception] = StoreError
                             ) -> StoreError:
    before = digest(path)
    with pytest.raises(error_type) as caught:
        open_database(path)
    assert str(path) in str(caught.value), "the message must name the file"
    assert "Nothing was changed" in str(caught.value) or "nothing was changed" in str(caught.value)
    assert digest(path) == before, "the refused file must be left byte for byte as it was"
    assert sidecars(path) == []
    return caught.value


# --- a new database ---------------------------------------------------------------------


def test_new_file_gets_the_schema_at_head(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "desk.sqlite3"
    db = open_database(path)
    db.close()
    assert path.exists()
    tables, triggers, version = schema_of(path)
    assert version == head_revision() != ""
    assert tables >= TABLES
    assert triggers >= TRIGGERS


def test_an_empty_file_is_treated_as_new(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    path.touch()
    open_database(path).close()
    assert schema_of(path)[2] == head_revision()


def test_wal_and_foreign_keys_on_every_connection(db: Database) -> None:
    connections = [db.engine.connect() for _ in range(3)]  # three at once: three pool slots
    try:
        for conn in connections:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        for conn in connections:
            conn.close()
    db.engine.dispose()  # fresh connections after the pool is emptied
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_foreign_keys_are_enforced(db: Database) -> None:
    with pytest.raises(DBAPIError, match="FOREIGN KEY"), db.begin() as conn:
        conn.exec_driver_sql("INSERT INTO outbox (event_id, queued_at) VALUES ('nope', 1)")
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar() == 0


# --- reopening ---------------------------------------------------------------------------


def test_reopening_keeps_data_and_runs_no_migration(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    make_real_database(path)
    before = digest(path)
    calls: list[tuple[Path, str, str]] = []
    db = open_database(path, before_migrate=lambda *args: calls.append(args))
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT value FROM meta WHERE key='marker'").scalar() == "kept"
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
            == head_revision()
    db.close()
    assert calls == [], "before_migrate must not run for a database already at head"
    assert digest(path) == before, "opening a database at head must not rewrite it"


def test_before_migrate_is_not_called_for_a_new_file(tmp_path: Path) -> None:
    # There is only one revision (0001), so no database can be "older but ours" yet: the hook
    # can only be shown not to run, for a new file and for one at head.
    calls: list[tuple[Path, str, str]] = []
    path = tmp_path / "desk.sqlite3"
    open_database(path, before_migrate=lambda *args: calls.append(args)).close()
    open_database(path, before_migrate=lambda *args: calls.append(args)).close()
    assert calls == []


# --- files that are not ours ---------------------------------------------------------------


@pytest.mark.parametrize("content", [
    pytest.param(os.urandom(4096), id="random-bytes"),
    pytest.param("居民诉求登记表\n姓名,电话\n李秀英,13812345678\n".encode() * 50, id="text-file"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(2000), id="png"),
    pytest.param(b"SQLite format 3\x00" + os.urandom(4000), id="sqlite-header-then-garbage"),
])
def test_a_file_that_is_not_a_desk_database_is_refused_untouched(
        tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "居民台账.sqlite3"
    path.write_bytes(content)
    error = assert_refused_untouched(path)
    assert not isinstance(error, DatabaseTooNew)


def test_a_folder_instead_of_a_file_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "desk.sqlite3"
    folder.mkdir()
    (folder / "x").write_text("x")
    with pytest.raises(StoreError) as caught:
        open_database(folder)
    assert str(folder) in str(caught.value)


def _other_program(path: Path, journal_mode: str = "delete") -> None:
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA journal_mode={journal_mode}")
    con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    con.execute("INSERT INTO contacts VALUES ('李秀英', '13812345678')")
    con.commit()
    con.close()


def test_a_database_of_another_program_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    _other_program(path)
    with pytest.raises(StoreError, match="another program") as caught:
        open_database(path)
    assert str(path) in str(caught.value)
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT name FROM sqlite_master WHERE type='table'").fetchall() \
            == [("contacts",)]
        assert con.execute("SELECT * FROM contacts").fetchall() == [("李秀英", "13812345678")]
    con.close()
    assert sidecars(path) == []


def test_a_database_of_another_program_in_wal_mode_is_left_byte_identical(
        tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    _other_program(path, "wal")
    assert_refused_untouched(path)


def test_a_database_of_another_program_is_left_byte_identical(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    _other_program(path, "delete")
    assert_refused_untouched(path)


def _stamp_newer(path: Path, journal_mode: str | None = None) -> None:
    con = sqlite3.connect(path)
    if journal_mode:
        con.execute(f"PRAGMA journal_mode={journal_mode}")
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    con.close()


def test_a_database_of_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    make_real_database(path)
    _stamp_newer(path)
    calls: list[object] = []
    before = digest(path)
    with pytest.raises(DatabaseTooNew) as caught:
        open_database(path, before_migrate=lambda *args: calls.append(args))
    assert str(path) in str(caught.value)
    assert "9999" in str(caught.value)
    assert calls == []
    assert digest(path) == before
    assert sidecars(path) == []
    assert schema_of(path)[2] == "9999"


def test_a_newer_database_in_rollback_journal_mode_is_left_byte_identical(
        tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    make_real_database(path)
    _stamp_newer(path, "delete")
    assert_refused_untouched(path, DatabaseTooNew)


@pytest.mark.parametrize("keep", [0.5, 0.1, 0.9])
def test_a_truncated_database_is_a_store_error(tmp_path: Path, keep: float) -> None:
    original = tmp_path / "desk.sqlite3"
    make_real_database(original, rows=600)
    data = original.read_bytes()
    assert len(data) > 100_000
    cut = tmp_path / "cut.sqlite3"
    cut.write_bytes(data[: int(len(data) * keep)])
    try:
        error = assert_refused_untouched(cut)
    except sqlite3.Error as raw:  # pragma: no cover - the failure this test exists for
        pytest.fail(f"a raw sqlite3 error escaped: {raw!r}")
    assert type(error) is StoreError


def test_a_copied_database_opens(tmp_path: Path) -> None:
    """The good twin of the truncated test: a whole copy opens and keeps its data."""
    original = tmp_path / "desk.sqlite3"
    make_real_database(original, rows=50)
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(original, copy)
    db = open_database(copy)
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM meta").scalar() == 51
    db.close()


# --- the event log is append-only ----------------------------------------------------------


def _insert_event(db: Database) -> None:
    with db.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO events (id, entity, entity_id, type, payload, actor, desk, hlc, org,"
            " origin, recorded_at) VALUES ('e1', 'case', 'c1', 'case.commented', '{}', 'a', 'd',"
            " '000000000000001-00000-d', 'YT', 'local', 1)")


@pytest.mark.parametrize("statement", [
    "UPDATE events SET payload='{\"text\":\"改过\"}' WHERE id='e1'",
    "UPDATE events SET type='case.voided'",
    "DELETE FROM events WHERE id='e1'",
    "DELETE FROM events",
])
def test_the_event_log_is_append_only(db: Database, statement: str) -> None:
    _insert_event(db)
    with pytest.raises(DBAPIError, match="append-only"), db.begin() as conn:
        conn.exec_driver_sql(statement)
    with db.read() as conn:
        row = conn.exec_driver_sql("SELECT type, payload FROM events").all()
    assert [tuple(r) for r in row] == [("case.commented", "{}")]


def test_the_event_log_is_append_only_for_other_connections_too(db: Database) -> None:
    _insert_event(db)
    con = connect_file(db.path, TEST_KEY)
    try:
        with pytest.raises(dbapi2.DatabaseError, match="append-only"):
            con.execute("DELETE FROM events")
    finally:
        con.close()
