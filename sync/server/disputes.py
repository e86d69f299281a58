"""Disputed dispatches at the centre (快速裁定): a department returns a case that is not its
duty, with a reason; a case returned by two departments waits in the adjudication queue until
an administrator decides the owner; every return is kept against the catalogue item, so the
items disputed often can be seen. All of it is recorded as case events, which reach the desks
by pull like any department action."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import or_, select

from desk_app.domain.case import fold
from desk_app.domain.events import Event, EventError
from desk_app.domain.ids import is_uuid, uuid7
from desk_app.domain.vocabulary import ACTIVE

from . import schema as t
from .store import CENTRE, KeyRow, ServerError, ServerStore, _row_event


@dataclass(frozen=True)
class QueuedCase:
    id: str
    number: str
    category: str
    returns: tuple[tuple[str, str], ...]  # (department, reason)


def _record(store: ServerStore, case_id: str, type_: str, payload: dict, actor: str) -> Event:
    with store.db.write() as conn:
        case = conn.execute(select(t.cases).where(t.cases.c.id == case_id)).first()
        if case is None:
            raise ServerError(404, "There is no such case.")
        rows = conn.execute(select(t.events).where(t.events.c.entity_id == case_id))
        state = fold(case_id, [_row_event(r) for r in rows])
        if state.status not in ACTIVE:
            raise ServerError(409, f"The case {state.number} is closed ({state.status}); it can no "
                                   "longer be returned or adjudicated.")
        if type_ == "case.dept_returned" and payload["department"] not in (state.lead, *state.co):
            raise ServerError(403, "This case was not dispatched to your department.")
        if type_ == "case.adjudicated" and not state.dept_returns:
            raise ServerError(409, f"The case {state.number} has not been disputed.")
        try:
            event = Event(uuid7(), "case", case_id, type_, payload, actor, CENTRE,
                          store.clock.now(), case.org).validated()
        except EventError as error:
            raise ServerError(422, str(error)) from None
        store._append_centre_event(conn, event)
    return event


def department_return(store: ServerStore, key: KeyRow, case_id: str, reason: str,
                      person: str = "") -> Event:
    """A department says a case is not its duty; refused without a reason or on a closed case."""
    if not reason.strip():
        raise ServerError(400, "Say why the case is not your department's duty (a reason is "
                               "required to return it).", "reason_required")
    if not is_uuid(case_id):
        raise ServerError(404, "There is no such case.")
    actor = f"{(person or key.name or 'staff')[:40]}@{key.subject}"
    return _record(store, case_id, "case.dept_returned",
                   {"department": key.subject, "reason": reason.strip()[:1000]}, actor)


def adjudicate(store: ServerStore, case_id: str, lead: str, co: list[str], reason: str,
               person: str = "admin") -> Event:
    for dept in (lead, *co):
        if dept not in store.catalogue.departments:
            raise ServerError(400, f"Unknown department {dept!r}.")
    if not reason.strip():
        raise ServerError(400, "Give the reason for the decision.")
    return _record(store, case_id, "case.adjudicated",
                   {"lead": lead, "co": co, "reason": reason.strip()[:1000]},
                   f"{person[:40]}@{CENTRE}")


def _disputes(store: ServerStore) -> dict[str, list[Event]]:
    with store.db.read() as conn:
        rows = conn.execute(select(t.events).where(
            t.events.c.type.in_(("case.dept_returned", "case.adjudicated")))
            .order_by(t.events.c.seq))
        found: dict[str, list[Event]] = {}
        for row in rows:
            found.setdefault(row.entity_id, []).append(_row_event(row))
    return found


def adjudication_queue(store: ServerStore) -> list[QueuedCase]:
    """Cases returned by two departments since their last adjudication, oldest first."""
    queued = []
    for case_id, events in _disputes(store).items():
        returns: list[tuple[str, str]] = []
        for event in events:
            if event.type == "case.adjudicated":
                returns = []
            else:
                returns.append((event.payload["department"], event.payload["reason"]))
        if len({d for d, _r in returns}) >= 2:
            queued.append((case_id, tuple(returns)))
    if not queued:
        return []
    with store.db.read() as conn:
        info = {r.id: (r.number, r.category, r.status) for r in conn.execute(
            select(t.cases).where(t.cases.c.id.in_([c for c, _r in queued])))}
    return [QueuedCase(c, info[c][0], info[c][1], r) for c, r in queued
            if c in info and info[c][2] in ACTIVE]


def dispute_history(store: ServerStore) -> dict[str, int]:
    """How often each catalogue item's cases were returned as not the department's duty."""
    counts: dict[str, int] = {}
    disputes = _disputes(store)
    if not disputes:
        return counts
    with store.db.read() as conn:
        category = dict(conn.execute(select(t.cases.c.id, t.cases.c.category).where(
            t.cases.c.id.in_(list(disputes)))).all())
    for case_id, events in disputes.items():
        returns = sum(1 for e in events if e.type == "case.dept_returned")
        if returns and case_id in category:
            counts[category[case_id]] = counts.get(category[case_id], 0) + returns
    return dict(sorted(counts.items(), key=lambda kv: -kv[1]))


def find_case(store: ServerStore, ref: str) -> str | None:
    with store.db.read() as conn:
        return conn.execute(select(t.cases.c.id).where(
            or_(t.cases.c.number == ref, t.cases.c.id == ref))).scalar()


def admin_command(store: ServerStore, args: argparse.Namespace) -> int:
    """The follow-through admin commands of community-desk-server."""
    from .calendar import import_calendar

    if args.command == "import-calendar":
        years, version = import_calendar(store, Path(args.file))
        print(f"calendar {version}: {', '.join(map(str, years))}")
        return 0
    if args.command == "adjudication-queue":
        for case in adjudication_queue(store):
            print(json.dumps({"case": case.number, "category": case.category,
                              "returns": case.returns}, ensure_ascii=False))
        for category, count in dispute_history(store).items():
            print(f"# item {category}: returned {count} time(s)")
        return 0
    case_id = find_case(store, args.case)
    if case_id is None:
        print(f"no case {args.case}", file=sys.stderr)
        return 1
    co = [d.strip() for d in args.co.split(",") if d.strip()]
    event = adjudicate(store, case_id, args.to, co, args.reason)
    print(f"{event.type} {event.id}")
    return 0
