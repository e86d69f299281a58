"""Reading the case projection: filtered lists with keyset pages, search, duplicates, counts.

Keyset pagination (WHERE (sort value, pk) < (last seen)) keeps every page as fast as the first,
which is what lets the list open at once on hundreds of thousands of cases.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, literal, or_, select, text, tuple_

from desk_app.domain.case_numbers import CASE_NUMBER
from desk_app.domain.sla import ClockState, ms_from_utc, state_at
from desk_app.domain.validation import InputError, normalize_phone
from desk_app.domain.vocabulary import ACTIVE, FINAL

from .database import Database
from .schema import cases

FAR_FUTURE = 10**15
URGENCY_RANK = {"very_urgent": 0, "urgent": 1, "ordinary": 2}
LIST_COLUMNS = (
    cases.c.pk, cases.c.id, cases.c.number, cases.c.status, cases.c.urgency, cases.c.kind,
    cases.c.channel, cases.c.category, cases.c.lead, cases.c.title, cases.c.community,
    cases.c.address, cases.c.name, cases.c.phone, cases.c.registered_at, cases.c.registered_by,
    cases.c.due_at, cases.c.due_soon_at, cases.c.sign_due_at, cases.c.supervised,
    cases.c.conflicts, cases.c.times_returned, cases.c.repeats, cases.c.level,
)


@dataclass(frozen=True)
class CaseRow:
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


SORTS: dict[str, ColumnElement[Any]] = {
    "registered_at": cases.c.registered_at,
    "due_at": func.coalesce(cases.c.due_at, FAR_FUTURE),
    "number": cases.c.number,
    "status": cases.c.status,
    "category": cases.c.category,
    "community": cases.c.community,
    "urgency": cases.c.urgency,
    "title": cases.c.title,
}


def _prefix_range(column: ColumnElement[Any], prefix: str) -> ColumnElement[bool]:
    """`column` starts with `prefix`, written as a range so that SQLite uses the index
    (LIKE cannot, on a column with the default collation)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def search_clause(query: str) -> ColumnElement[bool] | None:
    """What the search box means: a case number, a phone (or its last 4 digits), or text."""
    q = query.strip()
    if not q:
        return None
    digits = re.sub(r"[\s()（）+-]", "", q)
    if digits.isdigit() and len(digits) == 4:
        return cases.c.phone_last4 == digits
    if digits.isdigit() and len(digits) >= 5:
        return _phone_clause(q, digits)
    upper = q.upper()
    if CASE_NUMBER.match(upper) or (re.fullmatch(r"[A-Z0-9-]+", upper) and "-" in upper
                                    and any(c.isdigit() for c in upper)):
        return _prefix_range(cases.c.number, upper)
    if len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        return cases.c.pk.in_(text("SELECT rowid FROM cases_fts WHERE cases_fts MATCH :phrase")
                              .bindparams(phrase=phrase))
    # Trigram FTS cannot match 1-2 characters; scan the base table instead.
    return or_(*(func.instr(column, q) > 0 for column in
                 (cases.c.title, cases.c.description, cases.c.address, cases.c.name)))


def _phone_clause(query: str, digits: str) -> ColumnElement[bool]:
    """A phone typed any way registration accepts it; a landline also without its area code
    or its extension; a mobile also while still being typed."""
    try:
        phone = normalize_phone(query)
    except InputError:
        return _prefix_range(cases.c.phone, digits)
    number = phone.split("-")
    main = "-".join(number[:2]) if phone.startswith("0") and len(number) > 2 else (
        number[0] if not phone.startswith("0") else phone)
    found = [cases.c.phone == phone, _prefix_range(cases.c.phone, main + "-")]
    if main.isdigit() and not main.startswith("1") and len(main) <= 8:  # local, no area code
        found += [cases.c.phone.like(f"%-{main}"), cases.c.phone.like(f"%-{main}-%")]
    return or_(*found)


def _conditions(query: CaseQuery) -> list[ColumnElement[bool]]:
    now_ms = ms_from_utc(query.now or datetime.now(UTC))
    where: list[ColumnElement[bool]] = []
    if query.statuses:
        where.append(cases.c.status.in_(sorted(query.statuses)))
    if query.category:
        where.append(_prefix_range(cases.c.category, query.category))
    if query.community:
        # Equality lets SQLite read (community, registered_at) in order: the first page of a
        # community's 12,000 cases comes in milliseconds instead of sorting them all.
        where.append(cases.c.community == query.community)
    if query.within:
        # The unit and every unit under it ("YT-HS" and "YT-HS-…") as one index range: codes
        # use only A-Z, 0-9 and "-", and "." is the character right after "-".
        where.append(and_(cases.c.community >= query.within,
                          cases.c.community < query.within + "."))
    for column, value in ((cases.c.urgency, query.urgency), (cases.c.channel, query.channel),
                          (cases.c.lead, query.lead),
                          (cases.c.registered_by, query.registered_by)):
        if value:
            where.append(column == value)
    if query.registered_from:
        where.append(cases.c.registered_at >= ms_from_utc(query.registered_from))
    if query.registered_to:
        where.append(cases.c.registered_at < ms_from_utc(query.registered_to))
    active = cases.c.status.in_(sorted(ACTIVE))
    overdue = and_(active, or_(cases.c.due_at < now_ms, cases.c.sign_due_at < now_ms))
    if query.overdue and query.due_soon:
        where.append(and_(active, or_(overdue, cases.c.due_soon_at <= now_ms)))
    elif query.overdue:
        where.append(overdue)
    elif query.due_soon:
        where.append(and_(active, cases.c.due_soon_at <= now_ms, cases.c.due_at >= now_ms,
                          or_(cases.c.sign_due_at.is_(None), cases.c.sign_due_at >= now_ms)))
    clause = search_clause(query.text)
    if clause is not None:
        where.append(clause)
    return where


def list_cases(db: Database, query: CaseQuery, after: tuple[Any, int] | None = None,
               limit: int = 200) -> Page:
    """One page of cases; pass the returned cursor as `after` to get the next."""
    key = SORTS.get(query.sort, SORTS["registered_at"])
    where = _conditions(query)
    if after is not None:
        bound = tuple_(key, cases.c.pk)
        mark = tuple_(literal(after[0]), literal(after[1]))
        where.append(bound < mark if query.descending else bound > mark)
    order = (key.desc(), cases.c.pk.desc()) if query.descending else (key.asc(), cases.c.pk.asc())
    statement = select(*LIST_COLUMNS, key.label("sort_key")).where(*where).order_by(*order)
    with db.read() as conn:
        result = conn.execute(statement.limit(limit)).all()
    rows = [CaseRow(**{k: v for k, v in r._mapping.items() if k != "sort_key"}) for r in result]
    cursor = (result[-1].sort_key, result[-1].pk) if len(result) == limit else None
    return Page(rows, cursor)


def count_cases(db: Database, query: CaseQuery) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(cases)
                            .where(*_conditions(query))).scalar_one()


def possible_duplicates(db: Database, *, phone: str = "", category: str = "",
                        community: str = "", address: str = "", now: datetime | None = None,
                        days: int = 30, limit: int = 10) -> list[CaseRow]:
    """Open cases that may be the same problem: the same phone, or the same category in the
    same community or at the same address, registered in the last `days` days."""
    since = ms_from_utc((now or datetime.now(UTC)) - timedelta(days=days))
    same: list[ColumnElement[bool]] = []
    if phone:
        with contextlib.suppress(InputError):  # a half-typed phone matches nothing yet
            same.append(cases.c.phone == normalize_phone(phone))
    if category and community:
        same.append(and_(cases.c.category == category, cases.c.community == community))
    if category and address.strip():
        same.append(and_(cases.c.category == category, cases.c.address == address.strip()))
    if not same:
        return []
    statement = (select(*LIST_COLUMNS).where(
        or_(*same), cases.c.registered_at >= since, cases.c.status.not_in(sorted(FINAL)))
        .order_by(cases.c.registered_at.desc()).limit(limit))
    with db.read() as conn:
        return [CaseRow(**r._mapping) for r in conn.execute(statement)]
