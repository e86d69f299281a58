"""Writing the facts of each case that reports count (table `case_facts`), from its folded state.

Called by the case projection in the same transaction as the case row, so the facts never lag
the cases; rebuilt with them from the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from operator import itemgetter

from sqlalchemy import Connection, delete

from desk_app.domain.case import CaseState
from desk_app.domain.evaluation import overall_rating
from desk_app.domain.sla import CHINA, Clock, ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.domain.working_time import working_days_between

from .report_schema import ROLLUP_KEYS, ROLLUP_MEASURES, case_facts


def facts_row(state: CaseState, calendar: WorkCalendar,
              clock: Clock | bool | None = False) -> dict[str, object] | None:
    """The facts of one case, or None while it waits for its registration (`clock`: its
    finish clock, if the caller already worked it out)."""
    if state.registered_at is None:
        return None
    local = state.registered_at.astimezone(CHINA).date()
    iso = local.isocalendar()
    if clock is False:
        clock = state.finish_clock(calendar)
    assert clock is None or isinstance(clock, Clock)
    resolved = state.resolved_at if state.status in ("resolved", "closed") else None

    def ms(moment: object) -> int | None:
        return ms_from_utc(moment) if moment is not None else None  # type: ignore[arg-type]

    return {
        "case_id": state.id, "registered_at": ms_from_utc(state.registered_at),
        "day": local.year * 10_000 + local.month * 100 + local.day,
        "week": iso.year * 100 + iso.week, "month": local.year * 100 + local.month,
        "org": state.org, "community": state.community, "grid": state.grid,
        "kind": state.kind, "channel": state.channel, "category": state.category,
        "urgency": state.urgency, "lead": state.lead, "status": state.status,
        "anonymous": int(state.anonymous), "on_spot": int(state.on_spot),
        "dispatched_at": ms(state.dispatched_at), "signed_at": ms(state.signed_at),
        "resolved_at": ms(resolved), "due_at": ms(clock.due) if clock else None,
        "closed_at": ms(state.closed_at),
        "rating": overall_rating(state.last_rating) if state.last_rating else "",
        "times_returned": state.times_returned, "reminders": state.reminders,
        "repeats": state.repeats, "supervised": int(state.supervised),
        "handling_wd": (round(working_days_between(state.registered_at, resolved, calendar), 4)
                        if resolved is not None else None),
        "latitude": state.latitude, "longitude": state.longitude,
    }


_OLD_SQL = ("SELECT week, category, community, grid, lead, status, dispatched_at, signed_at, "
            "rating FROM case_facts WHERE case_id IN ({marks})")
NOT_COUNTED = ("voided", "merged", "split")


def rollup_entry(week: int, category: str, community: str, grid: str | None, lead: str | None,
                 status: str, dispatched_at: int | None, signed_at: int | None,
                 rating: str) -> tuple[tuple[object, ...], list[int]]:
    """The rollup key of one case's facts and what it adds to each measure."""
    valid = status not in NOT_COUNTED
    dispatched = valid and dispatched_at is not None
    signed = dispatched and signed_at is not None
    return ((week, category, community, grid or "", lead or ""), [
        1, int(valid), int(signed),
        int(signed and signed_at <= dispatched_at + 86_400_000),  # type: ignore[operator]
        int(dispatched and signed_at is None), int(status in ("resolved", "closed")),
        int(valid and bool(rating)), int(valid and rating in ("satisfied", "basic"))])


_ROLLUP_FIELDS = itemgetter("week", "category", "community", "grid", "lead", "status",
                            "dispatched_at", "signed_at", "rating")


def _entry_of(row: dict[str, object]) -> tuple[tuple[object, ...], list[int]]:
    return rollup_entry(*_ROLLUP_FIELDS(row))  # type: ignore[arg-type]


def apply_rollup(conn: Connection, deltas: dict[tuple[object, ...], list[int]]) -> None:
    changed = [(*key, *values) for key, values in deltas.items() if any(values)]
    if not changed:
        return
    sets = ", ".join(f"{m} = {m} + excluded.{m}" for m in ROLLUP_MEASURES)
    conn.exec_driver_sql(
        f"INSERT INTO case_rollup ({', '.join(ROLLUP_KEYS + ROLLUP_MEASURES)}) VALUES "
        f"({', '.join('?' * (len(ROLLUP_KEYS) + len(ROLLUP_MEASURES)))}) "
        f"ON CONFLICT ({', '.join(ROLLUP_KEYS)}) DO UPDATE SET {sets}", changed)


def add_deltas(deltas: dict[tuple[object, ...], list[int]],
               entry: tuple[tuple[object, ...], list[int]], sign: int) -> None:
    key, values = entry
    current = deltas.setdefault(key, [0] * len(values))
    for i, v in enumerate(values):
        current[i] += sign * v


def write_case_facts(conn: Connection, states: Sequence[CaseState], gone: Iterable[str],
                     calendar: WorkCalendar,
                     clocks: Mapping[str, Clock | None] | None = None) -> None:
    """Upsert the facts of these cases (and delete those of `gone`), moving the rollup's counts
    from each case's old facts to its new ones, all in one executemany each. `clocks`: the
    cases' finish clocks where the case projection already worked them out."""
    gone = list(gone)
    clocks = clocks or {}
    rows = [row for row in (facts_row(s, calendar, clocks.get(s.id, False)) for s in states)
            if row is not None]
    touched = gone + [str(r["case_id"]) for r in rows]
    deltas: dict[tuple[object, ...], list[int]] = {}
    for start in range(0, len(touched), 900):
        chunk = touched[start:start + 900]
        for old in conn.exec_driver_sql(_OLD_SQL.format(marks=", ".join("?" * len(chunk))),
                                        tuple(chunk)):
            add_deltas(deltas, rollup_entry(*old), -1)
    for row in rows:
        add_deltas(deltas, _entry_of(row), +1)
    if gone:
        conn.execute(delete(case_facts).where(case_facts.c.case_id.in_(gone)))
    if rows:
        sql, names = _facts_upsert()
        conn.exec_driver_sql(sql, list(map(itemgetter(*names), rows)))
    apply_rollup(conn, deltas)


@cache
def _facts_upsert() -> tuple[str, tuple[str, ...]]:
    """The facts' upsert as driver SQL, written once (as the case projection's)."""
    names = tuple(c.name for c in case_facts.c)
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "case_id")
    return (f"INSERT INTO case_facts ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
            f"ON CONFLICT (case_id) DO UPDATE SET {updates}"), names


def rebuild_rollup(conn: Connection) -> None:
    """Count the rollup again from the facts (a bulk load, or a check)."""
    conn.exec_driver_sql("DELETE FROM case_rollup")
    conn.exec_driver_sql(
        "INSERT INTO case_rollup SELECT week, category, community, COALESCE(grid, ''), "
        "COALESCE(lead, ''), COUNT(*), SUM(status NOT IN ('voided', 'merged', 'split')), "
        "SUM(status NOT IN ('voided', 'merged', 'split') AND dispatched_at IS NOT NULL "
        "    AND signed_at IS NOT NULL), "
        "SUM(status NOT IN ('voided', 'merged', 'split') AND dispatched_at IS NOT NULL "
        "    AND signed_at IS NOT NULL AND signed_at <= dispatched_at + 86400000), "
        "SUM(status NOT IN ('voided', 'merged', 'split') AND dispatched_at IS NOT NULL "
        "    AND signed_at IS NULL), "
        "SUM(status IN ('resolved', 'closed')), "
        "SUM(status NOT IN ('voided', 'merged', 'split') AND rating != ''), "
        "SUM(status NOT IN ('voided', 'merged', 'split') AND rating IN ('satisfied', 'basic')) "
        "FROM case_facts GROUP BY 1, 2, 3, 4, 5")


def bulk_insert(conn: Connection, table: str, rows: Sequence[dict[str, object]]) -> None:
    """Insert new projection rows by the raw driver (as fast as sqlite3.executemany; Core with
    dicts is ~3.5× slower): for generated or imported cases that are not in the table yet."""
    if not rows:
        return
    names = list(rows[0])
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [tuple(r[n] for n in names) for r in rows])
    if table == "case_facts":  # new cases: their counts go into the rollup
        deltas: dict[tuple[object, ...], list[int]] = {}
        for row in rows:
            add_deltas(deltas, _entry_of(row), +1)
        apply_rollup(conn, deltas)
