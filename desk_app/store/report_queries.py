"""The reads behind reports and the dashboard, and the supervisor's model-case marks.

Every read takes a scope (an org code: the desk's street or community) and keeps to it with a
byte-wise prefix range on `case_facts.org`, so it uses the index on any collation. Reads return
plain tuples: a weekly report of a million-case street fetches ~10,000 rows, a two-year trend a
few thousand groups.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.vocabulary import ACTIVE

from .access import require, requires
from .database import Database
from .report_schema import case_facts, model_cases
from .users import User

CHUNK = 900


class Fact(NamedTuple):
    case_id: str
    registered_at: int
    week: int
    month: int
    org: str
    community: str
    grid: str | None
    kind: str
    channel: str
    category: str
    urgency: str
    lead: str | None
    status: str
    anonymous: int
    on_spot: int
    dispatched_at: int | None
    signed_at: int | None
    resolved_at: int | None
    due_at: int | None
    closed_at: int | None
    rating: str
    times_returned: int
    reminders: int
    repeats: int
    supervised: int
    handling_wd: float | None
    latitude: float | None
    longitude: float | None


FACT_SQL = ", ".join(Fact._fields)
SCOPE_SQL = "(org = ? OR (org >= ? AND org < ?))"
# The rollup keeps to the scope by community code (the communities of a street share its prefix).
COMMUNITY_SCOPE_SQL = "(community = ? OR (community >= ? AND community < ?))"


def _scope(scope: str) -> tuple[str, str, str]:
    return scope, scope + "-", scope + "."


def load_facts(conn: Connection, scope: str, start_ms: int, end_ms: int) -> list[Fact]:
    """The facts of cases registered in [start_ms, end_ms) inside `scope`."""
    rows = conn.exec_driver_sql(
        f"SELECT {FACT_SQL} FROM case_facts WHERE registered_at >= ? AND registered_at < ? "
        f"AND {SCOPE_SQL}", (start_ms, end_ms, *_scope(scope)))
    return [Fact(*r) for r in rows]


OVERDUE_SQL = ("FROM case_facts WHERE status IN ({marks}) AND "
               "(due_at < ? OR (status = 'dispatched' AND dispatched_at < ?)) AND " + SCOPE_SQL)


def load_overdue(conn: Connection, scope: str, now_ms: int, limit: int = 2000
                 ) -> tuple[int, list[str]]:
    """How many cases still owed work are past their handling deadline, or their signing
    deadline (24 hours after dispatch); and the ids of the oldest `limit` of them. Both are
    read from one covering index."""
    marks = ", ".join("?" * len(ACTIVE))
    values = (*sorted(ACTIVE), now_ms, now_ms - 86_400_000, *_scope(scope))
    count = conn.exec_driver_sql(f"SELECT COUNT(*) {OVERDUE_SQL.format(marks=marks)}",
                                 values).scalar_one()
    rows = conn.exec_driver_sql(
        f"SELECT case_id {OVERDUE_SQL.format(marks=marks)} ORDER BY registered_at LIMIT ?",
        (*values, limit))
    return count, [r[0] for r in rows]


def case_texts(conn: Connection, case_ids: Sequence[str]) -> dict[str, str]:
    """Title and description of each case (what keyword alerts read; never name or phone)."""
    found: dict[str, str] = {}
    for start in range(0, len(case_ids), CHUNK):
        chunk = list(case_ids[start:start + CHUNK])
        found.update(conn.exec_driver_sql(
            "SELECT id, title || ' ' || substr(description, 1, 300) FROM cases "
            f"WHERE id IN ({', '.join('?' * len(chunk))})",
            tuple(chunk)).fetchall())
    return found


class CaseLine(NamedTuple):
    """One case behind a figure, as a report lists it: no personal data."""

    id: str
    number: str
    title: str
    status: str
    category: str
    community: str
    lead: str | None
    registered_at: int


def _case_lines(conn: Connection, case_ids: Sequence[str], limit: int | None = None) -> list[CaseLine]:
    ids = list(case_ids[:limit] if limit else case_ids)
    found: dict[str, CaseLine] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for row in conn.exec_driver_sql(
                "SELECT id, number, title, status, category, community, lead, registered_at "
                f"FROM cases WHERE id IN ({', '.join('?' * len(chunk))})", tuple(chunk)):
            found[row[0]] = CaseLine(*row)
    return [found[i] for i in ids if i in found]


class WeekGroup(NamedTuple):
    week: int
    category: str
    community: str
    count: int
    valid: int
    sign_due: int
    signed_on_time: int
    completed: int
    evaluated: int
    satisfied: int


def weekly_groups(conn: Connection, scope: str, first_week: int, last_week: int,
                  now_ms: int | None = None) -> list[WeekGroup]:
    """Per ISO week, catalogue item and community: counts and the numerators of the rates
    (the definitions of desk_app.reports.rates), from the rollup. Signing is judged as of now:
    unsigned cases still inside their 24 hours are taken out of the denominator."""
    now_ms = now_ms if now_ms is not None else int(time.time() * 1000)
    waiting = _waiting(conn, scope, now_ms, "week, category, community")
    rows = conn.exec_driver_sql(
        "SELECT week, category, community, SUM(requests), SUM(valid), SUM(signed) + "
        "SUM(unsigned), SUM(signed_on_time), SUM(completed), SUM(evaluated), SUM(satisfied) "
        f"FROM case_rollup WHERE week >= ? AND week <= ? AND {COMMUNITY_SCOPE_SQL} "
        "GROUP BY week, category, community", (first_week, last_week, *_scope(scope)))
    return [WeekGroup(r[0], r[1], r[2], r[3], r[4], r[5] - waiting.get((r[0], r[1], r[2]), 0),
                      *r[6:]) for r in rows]


def _waiting(conn: Connection, scope: str, now_ms: int, by: str) -> dict[tuple[object, ...], int]:
    """Dispatched cases not yet signed whose 24 hours have not run out (few; via the covering
    index on status), grouped `by` the given facts columns."""
    rows = conn.exec_driver_sql(
        f"SELECT {by}, COUNT(*) FROM case_facts INDEXED BY ix_case_facts_open "
        "WHERE status = 'dispatched' AND signed_at IS NULL "
        f"AND dispatched_at >= ? AND {COMMUNITY_SCOPE_SQL} GROUP BY {by}",
        (now_ms - 86_400_000, *_scope(scope)))
    return {tuple(r[:-1]): r[-1] for r in rows}


def case_points(conn: Connection, scope: str, start_ms: int, end_ms: int,
                limit: int = 50_000) -> list[tuple[float, float]]:
    """Where cases of the period were located, for the density map (those with coordinates)."""
    return [tuple(r) for r in conn.exec_driver_sql(  # type: ignore[misc]
        "SELECT longitude, latitude FROM case_facts WHERE registered_at >= ? AND registered_at < ? "
        f"AND latitude IS NOT NULL AND {SCOPE_SQL} LIMIT ?",
        (start_ms, end_ms, *_scope(scope), limit))]


def first_registration(conn: Connection, scope: str) -> int | None:
    return conn.exec_driver_sql(
        f"SELECT MIN(registered_at) FROM case_facts WHERE {SCOPE_SQL}", _scope(scope)).scalar()


# Model cases (典型案例) --------------------------------------------------------------------
def _require_reports(user: User) -> None:
    require(user, "reports")


def mark_model_case(db: Database, user: User, case_id: str, note: str = "",
                    now_ms: int | None = None) -> None:
    """A supervisor marks a case as a model case for the reports."""
    _require_reports(user)
    with db.begin() as conn:
        if conn.execute(select(case_facts.c.case_id).where(case_facts.c.case_id == case_id)
                        ).scalar() is None:
            raise DomainError(_t("domain", "There is no such case."))
        statement = insert(model_cases).values(
            case_id=case_id, marked_by=user.username, note=note.strip()[:500],
            marked_at=now_ms if now_ms is not None else int(time.time() * 1000))
        conn.execute(statement.on_conflict_do_update(
            index_elements=[model_cases.c.case_id], set_={"note": statement.excluded.note}))


def unmark_model_case(db: Database, user: User, case_id: str) -> None:
    _require_reports(user)
    with db.begin() as conn:
        conn.execute(delete(model_cases).where(model_cases.c.case_id == case_id))


def marked_model_cases(conn: Connection, case_ids: Iterable[str]) -> dict[str, str]:
    """Which of these cases are marked, with the supervisor's note."""
    ids = list(case_ids)
    found: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        found.update(conn.execute(select(model_cases.c.case_id, model_cases.c.note)
                                  .where(model_cases.c.case_id.in_(chunk))).all())
    return found


@requires("reports")
def read_case_lines(db: Database, user: User, case_ids: Sequence[str]) -> list[CaseLine]:
    """The cases behind a report's figures, in their own read (for the report tables, which
    fetch them as they need)."""
    with db.read() as conn:
        return _case_lines(conn, case_ids)


# Aggregates for the dashboard and foresight (from case_rollup) ------------------------------


def class_week_counts(conn: Connection, scope: str) -> list[tuple[int, str, str, int]]:
    """(ISO week, top class, community, requests) over the whole history, voided included
    (a request is a request for foresight), from the rollup."""
    return [tuple(r) for r in conn.exec_driver_sql(  # type: ignore[misc]
        "SELECT week, substr(category, 1, 2), community, SUM(requests) FROM case_rollup "
        f"WHERE week > 0 AND {COMMUNITY_SCOPE_SQL} GROUP BY 1, 2, 3", _scope(scope))]


class DepartmentGroup(NamedTuple):
    lead: str
    valid: int
    sign_due: int
    signed_on_time: int
    completed: int
    evaluated: int
    satisfied: int


def department_groups(conn: Connection, scope: str, first_week: int, last_week: int,
                      now_ms: int) -> list[DepartmentGroup]:
    """Per lead department over the weeks: the numerators and denominators of its score."""
    waiting = _waiting(conn, scope, now_ms, "lead")
    rows = conn.exec_driver_sql(
        "SELECT lead, SUM(valid), SUM(signed) + SUM(unsigned), SUM(signed_on_time), "
        "SUM(completed), SUM(evaluated), SUM(satisfied) FROM case_rollup "
        f"WHERE week >= ? AND week <= ? AND lead != '' AND {COMMUNITY_SCOPE_SQL} GROUP BY lead",
        (first_week, last_week, *_scope(scope)))
    return [DepartmentGroup(r[0], r[1], r[2] - waiting.get((r[0],), 0), *r[3:])
            for r in rows if r[1]]


def area_counts(conn: Connection, scope: str, first_week: int, last_week: int
                ) -> list[tuple[str, str | None, int]]:
    """(community, grid, valid requests) of the weeks, for the hot-spot map."""
    return [(r[0], r[1] or None, r[2]) for r in conn.exec_driver_sql(
        "SELECT community, grid, SUM(valid) FROM case_rollup WHERE week >= ? AND week <= ? "
        f"AND {COMMUNITY_SCOPE_SQL} GROUP BY community, grid",
        (first_week, last_week, *_scope(scope)))]
