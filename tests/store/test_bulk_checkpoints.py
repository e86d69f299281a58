"""While a bulk writer runs (a big pull), the WAL is copied into the database file once every
few of its transactions, by the bulk writer itself: no commit in between copies it (a window
worker's registration never waits for that), and nothing committed is missing meanwhile."""

from __future__ import annotations

from desk_app.store.database import Database


def _write(db: Database, rows: int, tag: str) -> None:
    """One unit of work adding some 5 MB (well over SQLite's 1,000-page autocheckpoint)."""
    with db.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS bulk (tag TEXT, body TEXT)")
        conn.exec_driver_sql("INSERT INTO bulk VALUES (?, ?)",
                             [(tag, f"{tag}{n:06d}" * 40) for n in range(rows)])


def _file_size(db: Database) -> int:
    return db.path.stat().st_size


def _count(db: Database, tag: str) -> int:
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM bulk WHERE tag = ?",
                                    (tag,)).scalar_one()


def test_a_bulk_writer_checkpoints_once_every_few_transactions(db: Database) -> None:
    _write(db, 10, "warm")
    start = _file_size(db)
    with db.bulk_checkpoints(every=3) as committed:
        _write(db, 20_000, "a")
        committed()
        _write(db, 20_000, "b")
        committed()
        _write(db, 100, "window")  # another unit of work meanwhile: it copies nothing either
        assert _file_size(db) == start  # all of it still only in the WAL
        assert _count(db, "a") == _count(db, "b") == 20_000 and _count(db, "window") == 100
        _write(db, 20_000, "c")
        committed()  # the third: now the WAL goes into the file
        assert _file_size(db) > start + 3 * 4_000_000
        grown = _file_size(db)
        _write(db, 20_000, "d")
        committed()
        assert _file_size(db) == grown
    assert _file_size(db) > grown + 4_000_000  # what was left when the bulk writer ended
    assert _count(db, "d") == 20_000


def test_outside_a_bulk_writer_each_commit_checkpoints_as_sqlite_does(db: Database) -> None:
    _write(db, 10, "warm")
    with db.bulk_checkpoints(every=100) as committed:
        _write(db, 100, "one")
        committed()
    start = _file_size(db)
    _write(db, 20_000, "a")  # over SQLite's 1,000 pages: copied at once, as before
    assert _file_size(db) > start + 4_000_000
