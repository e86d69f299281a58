"""The watch list (督办台) query, and the job's step that records automatic warnings.

The query never folds a case: it reads the projection's clocks and follow-through columns
through small partial indexes (revision 0007), one per way a case can need action, and lets
`domain.followup` judge each candidate. At 1,000,000 cases it reads only the candidates.

The page (督办台) and its badge do not build the list at all: `watch_page` and `watch_count`
ask SQL for the count and the first rows in the list's order (store/watch_rules.py, the
domain's rule restated over the columns and tested against it), and only the rows shown are
judged here. The whole list (`_watch_list`) is for the job's warnings and the reminder letter.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from heapq import merge
from itertools import islice

from sqlalchemy import Connection, select, text

from desk_app.domain.events import Event
from desk_app.domain.followup import (
    DEFAULT_RULES,
    RECORDED,
    SYSTEM_ACTOR,
    CaseFacts,
    Rules,
    Warn,
    Warning,
    case_warnings,
    daily_reminder_id,
    estimated_years,
    resolution_warning,
    warning_id,
)
from desk_app.domain.personal import masked_text
from desk_app.domain.sla import CHINA, utc_from_ms
from desk_app.domain.workcalendar import WorkCalendar

from .access import requires, sees_personal
from .desk import Desk
from .schema import events as events_table
from .users import User
from .watch_columns import parse_co_unsigned
from .watch_rules import CANDIDATES, FLAGGED, candidate_params, watch_sql

_COLUMNS = ("id, number, title, status, urgency, registered_at, level, due_at, due_soon_at, "
            "clock_start, sign_due_at, resolved_at, supervised, times_returned, dept_returned, "
            "adjudication, unsatisfied, listed_leader, listed_due, taken_over, escalated_at, "
            "co_unsigned, lead, community, claimed_by, owner, org, escalation_reason, return_reason")
@dataclass(frozen=True)
class WatchFilter:
    department: str | None = None
    community: str | None = None
    kind: str | None = None
    owner: str | None = None  # "mine": the actor who owns the cases


@dataclass(slots=True)
class WatchItem:
    """One row of the watch list: a case (or a meeting resolution) and what it needs."""

    entity: str  # "case" | "resolution"
    id: str  # the case id, or the resolution id
    open_id: str  # what clicking opens: the case id, or the meeting id
    number: str
    title: str
    department: str
    community: str
    warnings: tuple[Warning, ...]
    due_at: int | None = None
    estimated: tuple[int, ...] = ()
    leader: str = ""  # listed supervision's responsible leader, or the claiming leader
    listed_due: str = ""
    owner: str = ""
    org: str = ""
    reason: str = ""  # why it was escalated here
    returned: str = ""  # the last department's return: "D-X：reason"

    @property
    def warning(self) -> Warning:
        return self.warnings[0]

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(w.kind.value for w in self.warnings)


@dataclass
class WatchList:
    items: list[WatchItem] = field(default_factory=list)
    by_kind: dict[str, int] = field(default_factory=dict)
    count: int | None = None  # all the items, when `items` holds only the first of them

    @property
    def total(self) -> int:
        return len(self.items) if self.count is None else self.count


_AT = {name.strip(): i for i, name in enumerate(_COLUMNS.split(","))}


class _Row:
    """A row read by column name, without SQLAlchemy's per-access mapping (this runs for every
    candidate of a list that may hold thousands)."""

    __slots__ = ("values",)

    def __init__(self, values: tuple) -> None:
        self.values = values

    def __getitem__(self, name: str) -> object:
        return self.values[_AT[name]]


def _facts(m: _Row) -> CaseFacts:  # type: ignore[misc]
    return CaseFacts(
        id=m["id"], status=m["status"], urgency=m["urgency"], registered_at=m["registered_at"],
        level=m["level"], due_at=m["due_at"], due_soon_at=m["due_soon_at"],
        handling_started_at=m["clock_start"] or (m["registered_at"] if m["due_at"] else None),
        sign_due_at=m["sign_due_at"], resolved_at=m["resolved_at"],
        supervised=bool(m["supervised"]), times_returned=m["times_returned"],
        dept_returned=bool(m["dept_returned"]), unsatisfied=m["unsatisfied"],
        listed=m["listed_leader"] is not None, taken_over_at=m["taken_over"],
        escalated_at=m["escalated_at"], co_unsigned=parse_co_unsigned(m["co_unsigned"]),
        claimed_by=m["claimed_by"])


@requires("read_cases")
def watch_list(conn: Connection, user: User, now: int, calendar: WorkCalendar, *,
               rules: Rules = DEFAULT_RULES, desk_level: str = "community",
               flt: WatchFilter | None = None, resolutions_too: bool = True) -> WatchList:
    """Everything in the desk's area that needs action at `now`, most pressing first (numbers
    typed into a title masked for roles that may not see phones)."""
    listing = _watch_list(conn, now, calendar, rules=rules, desk_level=desk_level, flt=flt,
                          resolutions_too=resolutions_too)
    if not sees_personal(user):
        listing.items = [replace(item, title=masked_text(item.title)) for item in listing.items]
    return listing


def _filter_sql(flt: WatchFilter) -> tuple[str, dict[str, object]]:
    """The filter's conditions on the cases projection (its kind is judged apart)."""
    where: list[str] = []
    params: dict[str, object] = {}
    if flt.department:
        where.append("lead = :department")
        params["department"] = flt.department
    if flt.community:
        where.append("(community = :community OR community LIKE :community_under)")
        params.update(community=flt.community, community_under=flt.community + "-%")
    if flt.owner:
        where.append("owner = :owner")
        params["owner"] = flt.owner
    return "".join(f" AND {w}" for w in where), params


def _item(m: _Row, now: int, calendar: WorkCalendar, rules: Rules, desk_level: str,
          kind: str | None) -> WatchItem | None:
    """One case's row on the list, judged by the domain (None: it needs nothing, or not `kind`)."""
    warnings = case_warnings(_facts(m), now, rules, desk_level, calendar)
    if kind:
        warnings = [w for w in warnings if w.kind == kind] + [
            w for w in warnings if w.kind != kind]
        if not warnings or warnings[0].kind != kind:
            return None
    if not warnings:
        return None
    est = tuple(estimated_years(m["clock_start"], m["due_at"], calendar)) if m["due_at"] else ()
    return WatchItem(
        "case", m["id"], m["id"], m["number"], m["title"], m["lead"] or "", m["community"],
        tuple(warnings), m["due_at"], est, m["listed_leader"] or m["claimed_by"] or "",
        m["listed_due"] or "", m["owner"], m["org"], m["escalation_reason"] or "",
        m["return_reason"] or "")


CHUNK = 5_000  # candidates judged at a time


def _case_items(conn: Connection, now: int, calendar: WorkCalendar, rules: Rules,
                desk_level: str, extra: str = "", params: dict[str, object] | None = None,
                kind: str | None = None) -> Iterator[list[WatchItem]]:
    """The cases on the list, judged by the domain, a chunk of candidates at a time (in no
    particular order)."""
    # Straight through the driver: plain tuples, no per-row Row objects.
    driver = conn.connection.driver_connection
    assert driver is not None
    rows = driver.execute(f"SELECT {_COLUMNS} FROM cases WHERE pk IN ({CANDIDATES}){extra}",
                          {**(params or {}), **candidate_params(now, rules, calendar)})
    while chunk := rows.fetchmany(CHUNK):
        judged = (_item(_Row(values), now, calendar, rules, desk_level, kind) for values in chunk)
        yield [item for item in judged if item is not None]


def _order(item: WatchItem) -> tuple[int, int, str]:
    """The list's order: most pressing kind first, then the earliest deadline (or start)."""
    return (item.warning.rank, item.warning.due or item.warning.since, item.number)


def _watch_list(conn: Connection, now: int, calendar: WorkCalendar, *,
                rules: Rules = DEFAULT_RULES, desk_level: str = "community",
                flt: WatchFilter | None = None, resolutions_too: bool = True) -> WatchList:
    """The whole list, every item judged in Python (the job's warnings and the reminder letter
    need each item; the page and the badge ask SQL instead, see `watch_page`)."""
    flt = flt or WatchFilter()
    extra, params = _filter_sql(flt)
    result = WatchList()
    for items in _case_items(conn, now, calendar, rules, desk_level, extra, params, flt.kind):
        result.items.extend(items)
    if resolutions_too and not flt.owner:
        result.items.extend(_resolutions(conn, now, flt))
    result.items.sort(key=_order)
    for item in result.items:
        for kind in item.kinds:
            result.by_kind[kind] = result.by_kind.get(kind, 0) + 1
    return result


@requires("read_cases")
def watch_page(conn: Connection, user: User, now: int, calendar: WorkCalendar, *,
               rules: Rules = DEFAULT_RULES, desk_level: str = "community",
               flt: WatchFilter | None = None, limit: int = 500) -> WatchList:
    """The list's first `limit` items and how many there are in all (`count`), both asked of
    SQL (store/watch_rules.py): nothing here grows with the number of cases in Python. Only
    the rows shown are judged by the domain; `by_kind` is left empty."""
    flt = flt or WatchFilter()
    extra, params = _filter_sql(flt)
    sql = watch_sql(_COLUMNS, now, rules, calendar, desk_level, extra, params, flt.kind)
    driver = conn.connection.driver_connection
    assert driver is not None
    counted = driver.execute(sql.count, sql.params).fetchone()[0]
    items = []
    for values in driver.execute(sql.page, {**sql.params, "limit": limit}).fetchall():
        item = _item(_Row(values), now, calendar, rules, desk_level, flt.kind)
        if item is not None:  # SQL agrees with the domain (tests/store/test_watch_rules.py)
            items.append(item)
    resolutions = sorted(_resolutions(conn, now, flt) if not flt.owner else [], key=_order)
    # The cases come in the list's order already (SQL's ORDER BY is the domain's, tested).
    items = list(islice(merge(items, resolutions, key=_order), limit))
    if not sees_personal(user):
        items = [replace(item, title=masked_text(item.title)) for item in items]
    return WatchList(items, count=counted + len(resolutions))


def _resolutions(conn: Connection, now: int, flt: WatchFilter) -> list[WatchItem]:
    today = utc_from_ms(now).astimezone(CHINA).date()
    horizon = (today + timedelta(days=31)).isoformat()  # a loose cut; followup judges each
    sql = ("SELECT r.id, r.meeting_id, r.text, r.owner, r.due, r.status, m.title, m.org "
           "FROM resolutions r JOIN meetings m ON m.id = r.meeting_id "
           "WHERE r.status = 'open' AND r.due <= :horizon")
    params: dict[str, object] = {"horizon": horizon}
    if flt.department:
        sql += " AND r.owner = :department"
        params["department"] = flt.department
    if flt.community:
        sql += " AND (m.org = :community OR m.org LIKE :under)"
        params.update(community=flt.community, under=flt.community + "-%")
    items = []
    for rid, meeting_id, body, owner, due, status, title, org in conn.execute(text(sql), params):
        kind = resolution_warning(date.fromisoformat(due), status, today)
        if kind is None or (flt.kind and kind != flt.kind):
            continue
        items.append(WatchItem("resolution", rid, meeting_id, title, body, owner, org,
                               (Warning(kind, 0, None, due),), None, (), "", due, "", org))
    return items


def watch_count(conn: Connection, now: int, calendar: WorkCalendar, rules: Rules = DEFAULT_RULES,
                desk_level: str = "community") -> int:
    """How many items need action (a number for the status bar and the scheduler's badge),
    counted by SQL."""
    sql = watch_sql(_COLUMNS, now, rules, calendar, desk_level, "", {})
    driver = conn.connection.driver_connection
    assert driver is not None
    return int(driver.execute(sql.count, sql.params).fetchone()[0]) + len(
        _resolutions(conn, now, WatchFilter()))


@dataclass
class Recorded:
    """What one run of the job recorded: the new crossings, for the notification."""

    warnings: list[tuple[WatchItem, Warning]] = field(default_factory=list)
    reminders: int = 0


def record_warnings(desk: Desk, now: int, rules: Rules = DEFAULT_RULES,
                    desk_level: str = "community") -> Recorded:
    """Record the automatic warning of every new crossing, and the daily reminder of every
    overdue case on a working day, all in one transaction: a run that dies half-way records
    nothing, and a second run (here, or on another desk of the area) records nothing twice,
    because each event's id is derived from what it is about.

    The list is read first, outside the write lock (at a million cases the query takes a
    moment, and a worker at the window must never wait for it), a few thousand candidates at a
    time (never the whole list in memory: some 100,000 items at 1 M cases); only the check of
    what is already recorded and the append hold the lock, and a run with nothing new writes
    nothing."""
    recorded = Recorded()
    with desk.db.read() as conn:
        new: Wanted = {}
        for items in _case_items(conn, now, desk.calendar, rules, desk_level):
            wanted = _wanted(items, now, desk.calendar)
            have = _existing(conn, list(wanted))
            new.update((k, v) for k, v in wanted.items() if k not in have)
    if not new:
        return recorded
    wanted = dict(sorted(new.items(), key=lambda kv: _order(kv[1][0])))  # most pressing first
    actor = f"{SYSTEM_ACTOR}@{desk.code}"
    with desk.write() as unit:
        have = _existing(unit.conn, list(wanted))  # again, under the lock
        batch = []
        for event_id, (item, w, type_, payload) in wanted.items():
            if event_id in have:
                continue
            batch.append(Event(event_id, "case", item.id, type_, payload, actor, desk.code,
                               desk.clock.now(), item.org).validated())
            if w is not None:
                recorded.warnings.append((item, w))
            else:
                recorded.reminders += 1
        if batch:
            unit.record(batch)
    return recorded


Wanted = dict[str, tuple[WatchItem, "Warning | None", str, dict[str, object]]]


def _wanted(items: Iterable[WatchItem], now: int, calendar: WorkCalendar) -> Wanted:
    """The automatic events these items call for, by their derived ids."""
    wanted: Wanted = {}
    today = utc_from_ms(now).astimezone(CHINA).date()
    working = calendar.is_working_day(today)
    for item in items:
        for w in item.warnings:
            if w.kind not in RECORDED:
                continue
            payload: dict[str, object] = {"threshold": w.kind.value, "since": w.since}
            if w.due is not None:
                payload["due"] = w.due
            if w.detail:
                payload["detail"] = w.detail
            wanted[warning_id(item.id, w.kind.value, w.since, w.detail)] = (
                item, w, "case.warned", payload)
            if w.kind is Warn.OVERDUE and working:
                wanted[daily_reminder_id(item.id, today)] = (
                    item, None, "case.reminded", {"kind": "automatic"})
    return wanted


def _existing(conn: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):
        found.update(conn.execute(select(events_table.c.id).where(
            events_table.c.id.in_(ids[start:start + 500]))).scalars())
    return found


@requires("read_cases")
def notice_list(conn: Connection, user: User) -> list[tuple[str, str, str, int]]:
    """The district notice list (全区通报): cases rated unsatisfied twice or more (number, title,
    community, times), for the watch list and the reports."""
    rows = conn.execute(text(f"SELECT number, title, community, unsatisfied FROM cases "
                             f"WHERE ({FLAGGED}) AND unsatisfied >= 2 ORDER BY registered_at"))
    return [tuple(r) for r in rows]  # type: ignore[misc]


def disputed_items(conn: Connection, limit: int = 5) -> list[tuple[str, int]]:
    """The catalogue items whose cases departments returned most often as not their duty (the
    dispute history, as far as this desk's area goes)."""
    rows = conn.execute(text(
        "SELECT c.category, count(*) AS n FROM events e JOIN cases c ON c.id = e.entity_id "
        "WHERE e.type = 'case.dept_returned' GROUP BY c.category ORDER BY n DESC, c.category "
        "LIMIT :limit"), {"limit": limit})
    return [(category, n) for category, n in rows]
