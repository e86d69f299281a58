"""Writing the facts of each case that reports count (table `case_facts`), from its folded state.

Called by the case projection in the same transaction as the case row, so the facts never lag
the cases; rebuilt with them from the log.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, delete
from sqlalchemy.dialects.sqlite import insert

from desk_app.domain.case import CaseState
from desk_app.domain.evaluation import overall_rating
from desk_app.domain.sla import CHINA, ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.domain.working_time import working_days_between

from .report_schema import case_facts


def facts_row(state: CaseState, calendar: WorkCalendar) -> dict[str, object] | None:
    """The facts of one case, or None while it waits for its registration."""
    if state.registered_at is None:
        return None
    local = state.registered_at.astimezone(CHINA).date()
    iso = local.isocalendar()
    clock = state.finish_clock(calendar)
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


def write_case_facts(conn: Connection, states: Sequence[CaseState], gone: Iterable[str],
                     calendar: WorkCalendar) -> None:
    gone = list(gone)
    if gone:
        conn.execute(delete(case_facts).where(case_facts.c.case_id.in_(gone)))
    rows = [row for row in (facts_row(s, calendar) for s in states) if row is not None]
    if not rows:
        return
    statement = insert(case_facts)
    statement = statement.on_conflict_do_update(
        index_elements=[case_facts.c.case_id],
        set_={c.name: statement.excluded[c.name] for c in case_facts.c if c.name != "case_id"})
    conn.execute(statement, rows)


def bulk_insert(conn: Connection, table: str, rows: Sequence[dict[str, object]]) -> None:
    """Insert new projection rows by the raw driver (as fast as sqlite3.executemany; Core with
    dicts is ~3.5× slower): for generated or imported cases that are not in the table yet."""
    if not rows:
        return
    names = list(rows[0])
    conn.exec_driver_sql(
        f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
        [tuple(r[n] for n in names) for r in rows])
