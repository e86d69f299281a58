"""Projections: tables of current state derived from the event log, rebuildable at any time."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, delete, func, select, text

from desk_app.domain.case import CaseState, fold
from desk_app.domain.events import Event
from desk_app.domain.sla import Clock, ms_from_utc
from desk_app.domain.validation import phone_last4
from desk_app.domain.workcalendar import WorkCalendar

from .eventlog import load_events
from .schema import cases
from .schema import events as events_table
from .search_index import grams_in_bulk
from .watch_columns import followup_columns

# From this many case rows in one write, their short-query rows are made in one go (a
# registration's single row keeps the trigger: the set-up would cost more than it saves).
BULK_ROWS = 20


def _ms(moment: object) -> int | None:
    return ms_from_utc(moment) if moment is not None else None  # type: ignore[arg-type]


def case_row(state: CaseState, calendar: WorkCalendar,
             clock: Clock | bool | None = False) -> dict[str, object]:
    """The case table's row of one folded case (`clock`: its finish clock, if already known)."""
    if clock is False:
        clock = state.finish_clock(calendar) if state.registered_at else None
    assert clock is None or isinstance(clock, Clock)
    sign = state.sign_clock()
    return {
        "id": state.id, "number": state.number, "status": state.status, "kind": state.kind,
        "channel": state.channel, "urgency": state.urgency, "category": state.category,
        "lead": state.lead, "community": state.community, "grid": state.grid, "org": state.org,
        "title": state.title, "description": state.description, "address": state.address,
        "name": state.name, "phone": state.phone,
        "phone_last4": phone_last4(state.phone) if state.phone else "",
        "registered_at": _ms(state.registered_at) or 0, "registered_by": state.registered_by,
        "desk": state.desk,
        "due_at": _ms(clock.due) if clock else None,
        "due_soon_at": _ms(clock.due_soon_at) if clock else None,
        "sign_due_at": _ms(sign.due) if sign else None,
        "resolved_at": _ms(state.resolved_at), "closed_at": _ms(state.closed_at),
        "level": state.level, "supervised": state.supervised,
        "times_returned": state.times_returned, "reminders": state.reminders,
        "repeats": state.repeats, "conflicts": len(state.conflicts), "last_hlc": state.last_hlc,
        **followup_columns(state),
    }


def refresh_cases(conn: Connection, case_ids: Iterable[str], calendar: WorkCalendar,
                  known: Mapping[str, Sequence[Event]] | None = None) -> dict[str, CaseState]:
    """Re-fold the given cases and write their rows; returns the folded states, so that the
    caller need not read them back.

    `known`: cases whose every event is in hand (nothing of them was stored before this
    batch): folded from those, not read back from the log. A pulled page is mostly such
    cases, so it is folded once per case, and its rows, facts and index entries go in one
    executemany each."""
    ordered = list(dict.fromkeys(case_ids))
    known = known or {}
    by_case = load_events(conn, [c for c in ordered if c not in known])
    by_case.update((c, list(known[c])) for c in ordered if c in known)
    states = {case_id: fold(case_id, by_case[case_id]) for case_id in ordered
              if case_id in by_case}
    gone = [case_id for case_id in ordered if case_id not in by_case]
    if gone:  # every event of these cases was discarded
        conn.execute(delete(cases).where(cases.c.id.in_(gone)))
    clocks = {case_id: s.finish_clock(calendar) if s.registered_at else None
              for case_id, s in states.items()}
    if states:
        sql, names = _case_upsert()
        values = itemgetter(*names)
        rows = [values(case_row(s, calendar, clocks[s.id])) for s in states.values()]
        if len(rows) >= BULK_ROWS:  # a pulled page, a rebuild: the short-query rows at once
            with grams_in_bulk(conn):
                conn.exec_driver_sql(sql, rows)
        else:
            conn.exec_driver_sql(sql, rows)
    from .report_facts import write_case_facts  # the reports' projection, same transaction

    write_case_facts(conn, list(states.values()), gone, calendar, clocks)
    return states


@cache
def _case_upsert() -> tuple[str, tuple[str, ...]]:
    """The projection's upsert as driver SQL, written once from the table's columns (building a
    SQLAlchemy statement per call took most of a registration's time)."""
    names = tuple(c.name for c in cases.c if c.name != "pk")
    updates = ", ".join(f"{n} = excluded.{n}" for n in names if n != "id")
    sql = (f"INSERT INTO cases ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
           f"ON CONFLICT (id) DO UPDATE SET {updates}")
    return sql, names


def rebuild_projections(conn: Connection, calendar: WorkCalendar,
                        progress: Callable[[int, int], None] | None = None,
                        batch: int = 2000) -> int:
    """Throw away every projection and derive it again from the event log. Returns case count."""
    from .report_schema import case_facts, case_rollup
    from .schema import audit_log, meetings, outreach, resolutions, topics

    for table in (cases, meetings, resolutions, outreach, topics, case_facts, case_rollup,
                  audit_log):
        conn.execute(delete(table))
    by_entity: dict[str, list[str]] = {}
    for entity, entity_id in conn.execute(
            select(events_table.c.entity, events_table.c.entity_id)
            .group_by(events_table.c.entity, events_table.c.entity_id)
            .order_by(func.min(events_table.c.seq))):
        by_entity.setdefault(entity, []).append(entity_id)
    total = sum(len(v) for v in by_entity.values())
    done = 0
    for entity, ids in by_entity.items():
        projector = PROJECTORS.get(entity)
        for start in range(0, len(ids), batch):
            if projector:
                projector(conn, ids[start:start + batch], calendar)
            done += len(ids[start:start + batch])
            if progress:
                progress(done, total)
    conn.execute(text("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')"))
    return len(by_entity.get("case", []))


def _projectors() -> dict[str, Callable[..., Any]]:
    from .audit import refresh_audit
    from .outreach_projection import refresh_meetings, refresh_outreach, refresh_topics

    return {"case": refresh_cases, "meeting": refresh_meetings, "visit": refresh_outreach,
            "patrol": refresh_outreach, "duty": refresh_outreach, "topic": refresh_topics,
            "audit": refresh_audit}


PROJECTORS = _projectors()
