"""The case list's rows and queries as plain values, and its first page read by the DB driver.

Apart from case_queries (SQLAlchemy Core statements for every filter and search) so that the
main window can show its first page of cases before SQLAlchemy is imported (issue 14: the
start path reads the list's default page, newest first, with one fixed statement on the
driver). The columns, the row building and the masking are defined here once and used by both
paths; tests/store/test_case_rows.py checks that the two give the same rows in the same order.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any, NamedTuple

from desk_app.domain.personal import masked_phone, masked_text
from desk_app.domain.sla import ClockState, state_at
from desk_app.domain.vocabulary import ACTIVE

from .access import requires, sees_personal
from .database import Database
from .user_record import User

# The list's columns, in CaseRow's order (case_queries.LIST_COLUMNS are these columns).
LIST_NAMES = (
    "pk", "id", "number", "status", "urgency", "kind", "channel", "category", "lead", "title",
    "community", "address", "name", "phone", "registered_at", "registered_by", "due_at",
    "due_soon_at", "sign_due_at", "supervised", "conflicts", "times_returned", "repeats",
    "level",
)


class CaseRow(NamedTuple):
    """One line of the case list: what its columns show and colour by, nothing more (a tuple:
    about 0.9 KB a row with its strings, the repeated ones shared)."""

    pk: int
    id: str
    number: str
    status: str
    urgency: str
    kind: str
    channel: str
    category: str
    lead: str | None
    title: str
    community: str
    address: str
    name: str
    phone: str
    registered_at: int
    registered_by: str
    due_at: int | None
    due_soon_at: int | None
    sign_due_at: int | None
    supervised: bool
    conflicts: int
    times_returned: int
    repeats: int
    level: str

    def clock_state(self, now_ms: int) -> str | None:
        """on_time / due_soon / overdue for active cases (signing or handling), else None."""
        if self.status not in ACTIVE:
            return None
        states = {state_at(now_ms, due, soon) for due, soon in (
            (self.due_at, self.due_soon_at), (self.sign_due_at, None)) if due is not None}
        for state in (ClockState.OVERDUE, ClockState.DUE_SOON):
            if state in states:
                return str(state)
        return str(ClockState.ON_TIME)


assert CaseRow._fields == LIST_NAMES


@dataclass
class CaseQuery:
    statuses: frozenset[str] | None = None
    category: str | None = None  # a class or item code; matches every item under it
    community: str | None = None  # exactly this community
    within: str | None = None  # an org code (street, district); every community under it
    urgency: str | None = None
    channel: str | None = None
    lead: str | None = None
    overdue: bool = False
    due_soon: bool = False
    registered_by: str | None = None
    owner: str | None = None  # "mine": the first-handling owner (issue 10)
    registered_from: datetime | None = None
    registered_to: datetime | None = None
    text: str = ""
    sort: str = "registered_at"
    descending: bool = True
    now: datetime | None = None
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    rows: list[CaseRow]
    cursor: tuple[Any, int] | None  # pass back as `after` for the next page; None at the end


# Values repeated on many rows are kept once in memory, however many rows are loaded.
_SHARED = frozenset({"status", "urgency", "kind", "channel", "category", "lead", "community",
                     "registered_by", "level"})
_SHARED_MASK = tuple(name in _SHARED for name in LIST_NAMES)  # (and the sort key is left out)
_new_row = tuple.__new__
_intern = sys.intern
# What narrows a query; the unfiltered list (every case, in registration order) has none.
_NOT_FILTERS = frozenset({"sort", "descending", "now", "extra"})


def case_row(record: Any) -> CaseRow:
    """A list row from a result row (LIST_NAMES, then perhaps the sort key, left out)."""
    values = [_intern(v) if shared and v.__class__ is str else v
              for v, shared in zip(record, _SHARED_MASK, strict=False)]
    return _new_row(CaseRow, values)  # type: ignore[no-any-return]


def seen_by(user: User, rows: list[CaseRow]) -> list[CaseRow]:
    """The rows with phones masked for roles that may not see them."""
    if sees_personal(user):
        return rows
    return [row._replace(phone=masked_phone(row.phone), title=masked_text(row.title, [row.phone]))
            for row in rows]


def unfiltered(query: CaseQuery) -> bool:
    """Whether `query` is the whole list in registration order (the list's first screen)."""
    default = CaseQuery()
    return query.sort == "registered_at" and all(
        getattr(query, f.name) == getattr(default, f.name)
        for f in fields(CaseQuery) if f.name not in _NOT_FILTERS)


def _first_page_sql(descending: bool) -> str:
    way = "DESC" if descending else "ASC"
    return (f"SELECT {', '.join(LIST_NAMES)}, registered_at AS sort_key FROM cases "
            f"ORDER BY registered_at {way}, pk {way} LIMIT ?")


@requires("read_cases")
def first_page(db: Database, user: User, query: CaseQuery, limit: int = 200) -> Page:
    """The first page of the unfiltered list (`unfiltered(query)`), read by the DB driver: what
    `case_queries.list_cases` gives for the same query, without importing SQLAlchemy."""
    if not unfiltered(query):
        raise ValueError("first_page reads the unfiltered list only")
    with db.raw() as conn:
        result = conn.execute(_first_page_sql(query.descending), (limit,)).fetchall()
    rows = seen_by(user, [case_row(r) for r in result])
    cursor = (result[-1][-1], result[-1][0]) if len(result) == limit else None
    return Page(rows, cursor)


@requires("read_cases")
def count_all(db: Database, user: User) -> int:
    """How many cases the unfiltered list holds (what count_cases gives for it), by the driver."""
    with db.raw() as conn:
        return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
