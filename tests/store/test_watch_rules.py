"""The watch list's rule said in SQL (store/watch_rules.py) gives the very items the domain's
`case_warnings` gives, in the same order, with the same first warning — on a desk of varied
projection rows (every status, clocks on both sides of the moment, flags, levels, co-departments,
deadlines in years the calendar does and does not cover), under several calendars, desk levels
and filters. The domain judges every row here, not only the SQL's candidates, so a case the
candidate branches would miss shows as a difference too."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest

from desk_app.domain.followup import (
    DEFAULT_RULES,
    DISPATCH_MS,
    SIGN_MS,
    Rules,
    Warn,
    case_warnings,
)
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.database import Database
from desk_app.store.desk import Desk
from desk_app.store.watchlist import (
    _COLUMNS,
    WatchFilter,
    _facts,
    _Row,
    watch_count,
    watch_page,
)
from tests.reading import READER

NOW = 1_795_000_000_000  # 2026-11-18
HOUR, DAY = 3_600_000, 86_400_000
STATUSES = ("registered", "dispatched", "signed", "replied", "returned", "resolved", "closed",
            "voided", "merged")
LEVELS = ("community", "street", "district")
DEPARTMENTS = ("D-ENV", "D-HOUSING", "D-URBAN")
COMMUNITIES = ("YT-HS-PW", "YT-HS-PW-G1", "YT-HS-XY")


def _near(rng: random.Random) -> int:
    """A moment around NOW: exactly on it, a millisecond either side, or hours to years away."""
    return NOW + rng.choice((0, 1, -1, rng.randint(-3 * DAY, 3 * DAY),
                             rng.randint(-800 * DAY, 60 * DAY)))


def _row(rng: random.Random, n: int) -> dict[str, object]:
    """One projection row that keeps the projection's own invariants (a deadline after its
    clock's start, the due-soon mark before the deadline, the clock not before registration)."""
    status = rng.choice(STATUSES)
    urgency = rng.choice(("ordinary", "urgent", "very_urgent"))
    registered = rng.choice((_near(rng) - rng.randint(0, 30 * DAY),
                             NOW - DISPATCH_MS[urgency] + rng.choice((0, 1, -1))))
    clock = rng.choice((None, registered, registered + rng.randint(0, 10 * DAY)))
    start = clock if clock else registered
    edge = NOW + rng.choice((0, 1, -1))  # a deadline or mark exactly at the moment
    due = rng.choice((None, start + rng.randint(1, 40 * DAY), start + rng.randint(1, 3 * HOUR),
                      max(edge, start + 1)))
    due_soon = None if due is None else rng.choice((None, due, due - (due - start) // 5,
                                                    min(edge, due)))
    evaluated_by = NOW - 2 * DAY + rng.choice((0, 1, -1))
    dispatched = rng.choice((_near(rng), NOW - SIGN_MS + rng.choice((0, 1, -1))))
    co = "" if rng.random() < 0.6 else ";".join(
        f"{d}@{dispatched}" for d in rng.sample(DEPARTMENTS, rng.randint(1, 2)))
    return {
        "id": f"00000000-0000-7000-8000-{n:012d}", "number": f"N{rng.randint(0, 10**6):07d}-{n}",
        "title": f"第{n}件", "status": status,
        "urgency": urgency,
        "registered_at": registered, "level": rng.choice(LEVELS), "due_at": due,
        "due_soon_at": due_soon, "clock_start": clock,
        "sign_due_at": rng.choice((None, _near(rng))),
        "resolved_at": rng.choice((None, _near(rng) - rng.randint(0, 6 * DAY), evaluated_by)),
        "supervised": int(rng.random() < 0.1), "times_returned": rng.randint(0, 2),
        "dept_returned": int(rng.random() < 0.1), "adjudication": 0,
        "unsatisfied": rng.choice((0, 0, 0, 1, 2, 3)),
        "listed_leader": rng.choice((None,) * 9 + ("王书记",)),
        "listed_due": None, "taken_over": rng.choice((None, None, "street", "district")),
        "escalated_at": rng.choice((None, _near(rng))), "co_unsigned": co,
        "lead": rng.choice((None, *DEPARTMENTS)), "community": rng.choice(COMMUNITIES),
        "claimed_by": rng.choice((None,) * 8 + ("", "李主任")),
        "owner": rng.choice(("a@YT-HS-01", "b@YT-HS-01")), "org": "YT-HS-PW",
        "escalation_reason": "", "return_reason": "",
    }


@pytest.fixture(scope="module")
def varied() -> list[dict[str, object]]:
    rng = random.Random(14)
    return [_row(rng, n) for n in range(2500)]


@pytest.fixture
def varied_desk(desk: Desk, db: Database, varied: list[dict[str, object]]) -> Desk:
    names = list(varied[0])
    with db.begin() as conn:
        conn.exec_driver_sql(
            f"INSERT INTO cases ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [tuple(r[k] for k in names) for r in varied])
    return desk


def _domain(rows: list[dict[str, object]], calendar: WorkCalendar, rules: Rules, level: str,
            flt: WatchFilter) -> list[tuple[str, str]]:
    """Every row judged by the domain alone: (number, first warning) in the list's order."""
    found = []
    for r in rows:
        if flt.department and r["lead"] != flt.department:
            continue
        if flt.community and not (r["community"] == flt.community
                                  or str(r["community"]).startswith(flt.community + "-")):
            continue
        if flt.owner and r["owner"] != flt.owner:
            continue
        warnings = case_warnings(_facts(_Row(tuple(r[c.strip()] for c in _COLUMNS.split(",")))),
                                 NOW, rules, level, calendar)
        if flt.kind:
            warnings = [w for w in warnings if w.kind == flt.kind]
        if warnings:
            first = warnings[0]
            found.append(((first.rank, first.due or first.since, r["number"]), first.kind.value))
    return [(str(key[2]), kind) for key, kind in sorted(found)]


CALENDARS = {"2026": [2026], "none": [], "gap": [2024, 2026], "2025-2026": [2025, 2026]}


@pytest.mark.parametrize("years", list(CALENDARS))
@pytest.mark.parametrize("level", ["community", "street"])
def test_the_sql_rule_gives_the_domains_items_in_its_order(
        varied_desk: Desk, varied: list[dict[str, object]], calendar: WorkCalendar,
        years: str, level: str) -> None:
    cal = replace(calendar, years=frozenset(CALENDARS[years]))
    expected = _domain(varied, cal, DEFAULT_RULES, level, WatchFilter())
    assert len(expected) > 300  # the desk is varied enough to mean something
    with varied_desk.db.read() as conn:
        page = watch_page(conn, READER, NOW, cal, desk_level=level, limit=10_000)
        assert watch_count(conn, NOW, cal, desk_level=level) == len(expected) == page.total
    assert [(i.number, i.warning.kind.value) for i in page.items] == expected


@pytest.mark.parametrize("flt", [
    *(WatchFilter(kind=k.value) for k in Warn if not k.value.startswith("resolution")),
    WatchFilter(department="D-URBAN"), WatchFilter(community="YT-HS-PW"),
    WatchFilter(owner="a@YT-HS-01"), WatchFilter(department="D-ENV", kind="overdue")],
    ids=repr)
def test_the_sql_rule_agrees_under_every_filter(
        varied_desk: Desk, varied: list[dict[str, object]], calendar: WorkCalendar,
        flt: WatchFilter) -> None:
    rules = Rules(evaluate_within_days=2)
    expected = _domain(varied, calendar, rules, "street", flt)
    with varied_desk.db.read() as conn:
        page = watch_page(conn, READER, NOW, calendar, rules=rules, desk_level="street",
                          flt=flt, limit=10_000)
    assert page.total == len(expected)
    assert [i.number for i in page.items] == [n for n, _k in expected]


def test_the_page_holds_the_first_rows_and_counts_them_all(
        varied_desk: Desk, varied: list[dict[str, object]], calendar: WorkCalendar) -> None:
    expected = _domain(varied, calendar, DEFAULT_RULES, "community", WatchFilter())
    with varied_desk.db.read() as conn:
        page = watch_page(conn, READER, NOW, calendar, limit=40)
    assert [i.number for i in page.items] == [n for n, _k in expected[:40]]
    assert page.total == len(expected)


def test_every_candidate_branch_reads_an_index_not_the_whole_table(
        desk: Desk, calendar: WorkCalendar) -> None:
    """At 1,000,000 cases a branch written unlike its partial index's condition scans them all
    (seconds): the plan of the candidates must search indexes only."""
    from desk_app.store.watch_rules import CANDIDATES, candidate_params

    params = candidate_params(NOW, DEFAULT_RULES, calendar)
    with desk.db.read() as conn:
        plan = [row[-1] for row in conn.exec_driver_sql(
            f"EXPLAIN QUERY PLAN SELECT pk FROM cases WHERE pk IN ({CANDIDATES})", params)]
    scans = [step for step in plan if step.startswith("SCAN cases") and "INDEX" not in step]
    assert plan and scans == [], plan
