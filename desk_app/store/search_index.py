"""The index for one- and two-character searches, beside the trigram full-text index.

A trigram index cannot answer a query shorter than three characters, yet two characters are a
whole word in Chinese (漏水, 路灯, a resident's given name). So each case is also indexed by its
character pairs, plus the last character of every run between spaces, so that every character
starts some token: two characters are one token (`"漏水"`), one character is a prefix (`"灯"*`,
answered by a one-character prefix index). FTS5's `ascii` tokenizer splits only at ASCII
characters that are not letters or digits; those are moved to private-use code points on both
sides, so "%" or "_" are found literally like any other character. The tokens are made in Python by the SQL
function `search_grams`, which every connection of the desk registers (see `database.py`), and
triggers keep the index in step with the case table, whoever writes it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy import Connection

_PRIVATE = 0xF0000
# ASCII punctuation and symbols (the tokenizer's separators) to code points it keeps in tokens.
_ESCAPE = str.maketrans({c: chr(_PRIVATE + c) for c in range(33, 127)
                         if not chr(c).isalnum()})


def _runs(text: str) -> list[str]:
    return text.lower().translate(_ESCAPE).split()


def search_grams(*texts: str | None) -> str:
    """The tokens of the short-query index for these texts, space-separated, each once."""
    tokens: dict[str, None] = {}
    for text in texts:
        if not text:
            continue
        for run in _runs(text):
            for i in range(len(run) - 1):
                tokens[run[i:i + 2]] = None
            tokens[run[-1]] = None
    return " ".join(tokens)


def short_match(query: str) -> str | None:
    """The MATCH expression for a one- or two-character query, or None if there is nothing
    but spaces to look for."""
    runs = _runs(query)
    if not runs:
        return None
    word = runs[0][:2]
    return f'"{word}"' if len(word) == 2 else f'"{word}"*'


def register_search_functions(connection: Any) -> None:
    """On a DB-API connection of sqlite3 or sqlcipher3 (both have create_function)."""
    connection.create_function("search_grams", 4, search_grams, deterministic=True)


_GRAMS_OF = "search_grams({0}.title, {0}.description, {0}.address, {0}.name)"
_CHANGED = ("old.title IS NOT new.title OR old.description IS NOT new.description OR "
            "old.address IS NOT new.address OR old.name IS NOT new.name")

# Revision 0005 (written to run again on a database that has some of it). `detail=none`: only which cases hold a token is kept, which is all a one-token
# query needs, at a fraction of the size. The trigram index's update trigger is made again with
# a WHEN, so a projection update that leaves the text alone no longer rewrites either index.
GRAMS_DDL = (
    """CREATE VIRTUAL TABLE IF NOT EXISTS cases_grams USING fts5(
        grams, content='', detail=none, columnsize=0, prefix='1', tokenize='ascii')""",
    "DROP TRIGGER IF EXISTS cases_grams_insert",
    "DROP TRIGGER IF EXISTS cases_grams_delete",
    "DROP TRIGGER IF EXISTS cases_grams_update",
    f"""CREATE TRIGGER cases_grams_insert AFTER INSERT ON cases BEGIN
        INSERT INTO cases_grams(rowid, grams) VALUES (new.pk, {_GRAMS_OF.format("new")});
    END""",
    f"""CREATE TRIGGER cases_grams_delete AFTER DELETE ON cases BEGIN
        INSERT INTO cases_grams(cases_grams, rowid, grams)
        VALUES ('delete', old.pk, {_GRAMS_OF.format("old")});
    END""",
    f"""CREATE TRIGGER cases_grams_update AFTER UPDATE OF title, description, address, name
    ON cases WHEN {_CHANGED} BEGIN
        INSERT INTO cases_grams(cases_grams, rowid, grams)
        VALUES ('delete', old.pk, {_GRAMS_OF.format("old")});
        INSERT INTO cases_grams(rowid, grams) VALUES (new.pk, {_GRAMS_OF.format("new")});
    END""",
    "INSERT INTO cases_grams(cases_grams) VALUES ('delete-all')",
    "INSERT INTO cases_grams(rowid, grams) SELECT pk, "
    "search_grams(title, description, address, name) FROM cases",
    "DROP TRIGGER IF EXISTS cases_fts_update",
    f"""CREATE TRIGGER cases_fts_update AFTER UPDATE OF title, description, address, name
    ON cases WHEN {_CHANGED} BEGIN
        INSERT INTO cases_fts(cases_fts, rowid, title, description, address, name)
        VALUES ('delete', old.pk, old.title, old.description, old.address, old.name);
        INSERT INTO cases_fts(rowid, title, description, address, name)
        VALUES (new.pk, new.title, new.description, new.address, new.name);
    END""",
)

# Revision 0011: a bulk write (a pulled page) gives the cases it inserts their short-query rows
# itself, in one executemany: search_grams called by the trigger from SQLite cost about four
# times the same call made from Python (measured: ~125 µs against ~35 µs a case), the most of
# any part of a pulled case. While `search_bulk` holds a row the insert trigger stands aside;
# that row only ever exists inside the bulk write's own transaction (`grams_in_bulk`), so no
# other connection, and no other write, ever sees the trigger off.
BULK_DDL = (
    "CREATE TABLE IF NOT EXISTS search_bulk (id INTEGER PRIMARY KEY)",
    "DROP TRIGGER IF EXISTS cases_grams_insert",
    f"""CREATE TRIGGER cases_grams_insert AFTER INSERT ON cases
    WHEN NOT EXISTS (SELECT 1 FROM search_bulk) BEGIN
        INSERT INTO cases_grams(rowid, grams) VALUES (new.pk, {_GRAMS_OF.format("new")});
    END""",
)


# Revision 0012: both full-text indexes merge their segments 16 at a time (FTS5's default is 4).
# Every pulled page's transaction adds a segment to each, and a merge rewrites what it merges:
# with 4 a first sync of 1,000,000 events rewrote each posting about twice as often, the
# largest part of the indexes' cost (measured on 345,000 cases, pages of 357 cases: 112 µs a
# case for both with the default, 58 with 16), while a search over 16 segments a level is no
# slower (1-3 ms counting 35,000 matches, either way).
MERGE_DDL = tuple(f"INSERT INTO {index}({index}, rank) VALUES ('automerge', 16)"
                  for index in ("cases_fts", "cases_grams"))


@contextmanager
def grams_in_bulk(conn: Connection) -> Iterator[None]:
    """Case rows inserted inside this block (in the caller's transaction) get their
    short-query rows at its end, made by `search_grams` in Python and written in one
    executemany; rows updated meanwhile keep going through the update trigger. A new row's
    pk is above every pk before it (SQLite's rowid rule), which is how they are found."""
    top = conn.exec_driver_sql("SELECT max(pk) FROM cases").scalar() or 0
    conn.exec_driver_sql("INSERT INTO search_bulk (id) VALUES (1)")
    try:
        yield
    except BaseException:
        with suppress(Exception):  # the transaction is being rolled back anyway
            conn.exec_driver_sql("DELETE FROM search_bulk")
        raise
    rows = conn.exec_driver_sql("SELECT pk, title, description, address, name FROM cases "
                                "WHERE pk > ?", (top,)).all()
    conn.exec_driver_sql("DELETE FROM search_bulk")
    if rows:
        conn.exec_driver_sql("INSERT INTO cases_grams(rowid, grams) VALUES (?, ?)",
                             [(r[0], search_grams(r[1], r[2], r[3], r[4])) for r in rows])
