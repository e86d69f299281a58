"""Reading the case projection: filtered lists with keyset pages, search, duplicates, counts.

Keyset pagination (WHERE (sort value, pk) < (last seen)) keeps every page as fast as the first,
which is what lets the list open at once on hundreds of thousands of cases.

Every query the list can ask is answered through an index, so a page costs what it shows
whatever the size of the desk: a text search in the list's own order ("newest first") reads its
matches straight from the full-text index in rowid order and stops after one page (words of 3+
characters from the trigram index, 1-2 characters from the pairs index of `search_index`);
the deadline sort reads the expression index on the deadline; "overdue" reads the few active
cases from the (status, deadline) indexes.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    func,
    literal,
    literal_column,
    or_,
    select,
    table,
    text,
    tuple_,
)
from sqlalchemy import column as sql_column

from desk_app.domain.case_numbers import CASE_NUMBER
from desk_app.domain.catalogue import Catalogue
from desk_app.domain.personal import (
    looks_like_number_search,
    masked_query,
)
from desk_app.domain.sla import ms_from_utc
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.validation import InputError, normalize_phone
from desk_app.domain.vocabulary import ACTIVE, FINAL

from .access import NotAllowed, requires, sees_personal
from .audit import Audited, record_audit
from .case_rows import LIST_NAMES, CaseQuery, CaseRow, Page, case_row, seen_by
from .database import Database
from .desk import Desk
from .schema import DEADLINE_SQL, OPEN_SQL, cases
from .search_index import short_match
from .users import User

FAR_FUTURE = 10**15
assert str(FAR_FUTURE) in DEADLINE_SQL
assert "+status IN (" + ", ".join(f"'{s}'" for s in sorted(ACTIVE)) + ")" == OPEN_SQL
# The open cases, in the very words of the partial index ix_cases_open (so SQLite uses it).
OPEN = text(OPEN_SQL)
URGENCY_RANK = {"very_urgent": 0, "urgent": 1, "ordinary": 2}
LIST_COLUMNS = tuple(cases.c[name] for name in LIST_NAMES)


# The same expression as the index ix_cases_deadline (a bound parameter would not match it).
DEADLINE = func.coalesce(cases.c.due_at, literal_column(str(FAR_FUTURE)))
SORTS: dict[str, ColumnElement[Any]] = {
    "registered_at": cases.c.registered_at,
    "due_at": DEADLINE,
    "number": cases.c.number,
    "status": cases.c.status,
    "category": cases.c.category,
    "community": cases.c.community,
    "urgency": cases.c.urgency,
    "title": cases.c.title,
}
# The two full-text indexes, as FROM items (one object each, so a query names each once).
_INDEXES = {name: table(name, sql_column("rowid")) for name in ("cases_fts", "cases_grams")}


@dataclass(frozen=True)
class TextMatch:
    """A search that is answered by a full-text index: which one, and the MATCH expression."""

    index: str  # cases_fts (trigram, 3+ characters) or cases_grams (1-2 characters)
    phrase: str

    @property
    def source(self) -> Any:
        return _INDEXES[self.index]

    @property
    def rowid(self) -> ColumnElement[int]:
        return self.source.c.rowid

    def condition(self) -> ColumnElement[bool]:
        return literal_column(self.index).op("MATCH")(literal(self.phrase))


def _prefix_range(column: ColumnElement[Any], prefix: str) -> ColumnElement[bool]:
    """`column` starts with `prefix`, written as a range so that SQLite uses the index
    (LIKE cannot, on a column with the default collation)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def text_match(query: str) -> TextMatch | None:
    """The full-text part of a search, when the query is words rather than a number or phone."""
    q = query.strip()
    if not q or _exact_clause(q) is not None:
        return None
    if len(q) >= 3:
        return TextMatch("cases_fts", '"' + q.replace('"', '""') + '"')
    phrase = short_match(q)
    # Nothing to look for (punctuation only): the empty phrase, which matches nothing.
    return TextMatch("cases_grams", phrase or '""')


def _exact_clause(q: str) -> ColumnElement[bool] | None:
    """A case number, a phone, or its last 4 digits (each through its own index)."""
    digits = re.sub(r"[\s()（）+-]", "", q)
    if digits.isdigit() and len(digits) == 4:
        return cases.c.phone_last4 == digits
    if digits.isdigit() and len(digits) >= 5:
        return _phone_clause(q, digits)
    upper = q.upper()
    if CASE_NUMBER.match(upper) or (re.fullmatch(r"[A-Z0-9-]+", upper) and "-" in upper
                                    and any(c.isdigit() for c in upper)):
        return _prefix_range(cases.c.number, upper)
    return None


def search_clause(query: str) -> ColumnElement[bool] | None:
    """What the search box means: a case number, a phone (or its last 4 digits), or text."""
    q = query.strip()
    if not q:
        return None
    exact = _exact_clause(q)
    if exact is not None:
        return exact
    match = text_match(q)
    assert match is not None
    return cases.c.pk.in_(select(match.rowid).where(match.condition()))


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


def _conditions(query: CaseQuery, with_text: bool = True, counting: bool = False
                ) -> list[ColumnElement[bool]]:
    now_ms = ms_from_utc(query.now or datetime.now(UTC))
    where: list[ColumnElement[bool]] = []
    if query.statuses and not counting and query.statuses <= ACTIVE:
        # In the list: read from the open cases' index, in order ("+" keeps the status index,
        # which would need a sort, out of it). A count is quicker from the status index.
        where += [OPEN, literal_column("+status").in_(sorted(query.statuses))]
    elif query.statuses:
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
                          (cases.c.registered_by, query.registered_by),
                          (cases.c.owner, query.owner)):
        if value:
            where.append(column == value)
    if query.registered_from:
        where.append(cases.c.registered_at >= ms_from_utc(query.registered_from))
    if query.registered_to:
        where.append(cases.c.registered_at < ms_from_utc(query.registered_to))
    # Through the partial index of open cases: the overdue list and its count read the open
    # cases only, not the million resolved ones whose deadline is also in the past.
    active = OPEN
    overdue = and_(active, or_(cases.c.due_at < now_ms, cases.c.sign_due_at < now_ms))
    if query.overdue and query.due_soon:
        where.append(and_(active, or_(cases.c.due_at < now_ms, cases.c.sign_due_at < now_ms,
                                      cases.c.due_soon_at <= now_ms)))
    elif query.overdue:
        where.append(overdue)
    elif query.due_soon:
        where.append(and_(active, cases.c.due_soon_at <= now_ms, cases.c.due_at >= now_ms,
                          or_(cases.c.sign_due_at.is_(None), cases.c.sign_due_at >= now_ms)))
    clause = search_clause(query.text) if with_text else None
    if clause is not None:
        where.append(clause)
    return where


def _in_index_order(query: CaseQuery) -> TextMatch | None:
    """The text match, when the page can be read from its index in rowid order: a search in
    the list's default order is shown newest first (rowid order), the order the index keeps."""
    if query.sort != "registered_at":
        return None
    return text_match(query.text)


NUMBER_SEARCH_REFUSED = _t("domain", "Your role may not look cases up by phone or ID number: search by case number, name or words.")


def _number_search_allowed(user: User, text: str) -> bool:
    """Whether `text` is a search by phone or ID number (True) or not (False); refused for
    roles that may not see them, so that digits cannot tell them whose number it is."""
    if not looks_like_number_search(text):
        return False
    if not sees_personal(user):
        raise NotAllowed(NUMBER_SEARCH_REFUSED, field="text")
    return True


def _searched(desk: Desk, user: User, text: str, *, audit: bool) -> None:
    """A search by phone or ID number: refused as above, recorded in the access audit (the
    same number searched again within the hour is one entry: a list refreshed, or opened again
    from the same search, is not a new search)."""
    if _number_search_allowed(user, text) and audit:
        masked = masked_query(text)
        record_audit(desk, user, Audited("personal.searched", target=masked, detail=masked),
                     repeatable=True)


@requires("read_cases")
def list_cases(desk: Desk, user: User, query: CaseQuery, after: tuple[Any, int] | None = None,
               limit: int = 200) -> Page:
    """One page of cases; pass the returned cursor as `after` to get the next. A search by
    phone is recorded in the access audit (on its first page)."""
    _searched(desk, user, query.text, audit=after is None)
    db = desk.db
    match = _in_index_order(query)
    if match is not None:
        statement = _search_page(query, match, after)
    else:
        statement = _sorted_page(query, after)
    with db.read() as conn:
        result = conn.execute(statement.limit(limit)).all()
    rows = seen_by(user, [case_row(r) for r in result])
    cursor = (result[-1].sort_key, result[-1].pk) if len(result) == limit else None
    return Page(rows, cursor)


def _sorted_page(query: CaseQuery, after: tuple[Any, int] | None) -> Select[Any]:
    key = SORTS.get(query.sort, SORTS["registered_at"])
    where = _conditions(query)
    if after is not None:
        bound = tuple_(key, cases.c.pk)
        mark = tuple_(literal(after[0]), literal(after[1]))
        where.append(bound < mark if query.descending else bound > mark)
    order = (key.desc(), cases.c.pk.desc()) if query.descending else (key.asc(), cases.c.pk.asc())
    return select(*LIST_COLUMNS, key.label("sort_key")).where(*where).order_by(*order)


def _search_page(query: CaseQuery, match: TextMatch, after: tuple[Any, int] | None
                 ) -> Select[Any]:
    """Matches straight from the index, in its rowid order: the first page is read and the
    search stops, however many cases match (the count comes separately, later)."""
    rowid = match.rowid
    where = [match.condition(), *_conditions(query, with_text=False)]
    if after is not None:
        where.append(rowid < after[1] if query.descending else rowid > after[1])
    return (select(*LIST_COLUMNS, cases.c.pk.label("sort_key"))
            .select_from(match.source.join(cases, cases.c.pk == rowid))
            .where(*where)
            .order_by(rowid.desc() if query.descending else rowid.asc()))


@requires("read_cases")
def count_cases(db: Database, user: User, query: CaseQuery) -> int:
    """How many cases match; for a text search, counted in the index (the case table is read
    only when there are filters besides the text). Refused like list_cases for a phone search
    by a role that may not see phones, but not audited: list_cases records the search."""
    _number_search_allowed(user, query.text)
    match = text_match(query.text)
    if match is None:
        statement = select(func.count()).select_from(cases).where(
            *_conditions(query, counting=True))
    else:
        others = _conditions(query, with_text=False, counting=True)
        source = match.source
        if others:
            source = source.join(cases, cases.c.pk == match.rowid)
        statement = select(func.count()).select_from(source).where(match.condition(), *others)
    with db.read() as conn:
        return conn.execute(statement).scalar_one()


@requires("read_cases")
def possible_duplicates(db: Database, user: User, *, phone: str = "", category: str = "",
                        community: str = "", address: str = "", now: datetime | None = None,
                        days: int = 30, limit: int = 10, description: str = "",
                        catalogue: Catalogue | None = None) -> list[CaseRow]:
    """Open cases that may be the same problem, registered in the last `days` days: the same
    phone, or the same category in the same community or at the same address (newest first);
    then, by meaning, a description like `description` at the same address or in the same
    community, whatever its category (closest first). Addresses compare normalised (全角/半角,
    3号楼/3栋, estate suffixes).

    For a role that may not see phones the phone is not compared (else typing any number
    would show whose it is), and the rows come masked."""
    from .similar_cases import same_place, similar_open_cases

    since = ms_from_utc((now or datetime.now(UTC)) - timedelta(days=days))
    same: list[ColumnElement[bool]] = []
    if phone and sees_personal(user):
        with contextlib.suppress(InputError):  # a half-typed phone matches nothing yet
            same.append(cases.c.phone == normalize_phone(phone))
    if category and community:
        same.append(and_(cases.c.category == category, cases.c.community == community))
    if category and address.strip():
        same.append(and_(cases.c.category == category, cases.c.address == address.strip()))
    open_recent = (cases.c.registered_at >= since, cases.c.status.not_in(sorted(FINAL)))
    found: list[CaseRow] = []
    with db.read() as conn:
        if same:
            statement = (select(*LIST_COLUMNS).where(or_(*same), *open_recent)
                         .order_by(cases.c.registered_at.desc()).limit(limit))
            found = [CaseRow(**r._mapping) for r in conn.execute(statement)]
        seen = {row.id for row in found}
        if category and address.strip() and community:
            statement = (select(*LIST_COLUMNS).where(
                cases.c.category == category, cases.c.community == community, *open_recent)
                .order_by(cases.c.registered_at.desc()).limit(200))
            found += [CaseRow(**r._mapping) for r in conn.execute(statement)
                      if r.id not in seen and same_place(address, r.address)]
            seen = {row.id for row in found}
        for _score, row in similar_open_cases(
                conn, user, LIST_COLUMNS, description=description, community=community,
                address=address, since=since, catalogue=catalogue):
            if row.id not in seen:
                found.append(CaseRow(**{k: v for k, v in row._mapping.items()
                                        if k != "description"}))
                seen.add(row.id)
    return seen_by(user, found[:limit])
