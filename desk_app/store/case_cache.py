"""A case's folded state, kept between reads while its events have not changed.

Opening a case, redrawing it after every change broadcast and checking the steps it allows all
fold the same few events again; the fold, and SQLAlchemy's execution around one small query,
cost several times the fetch itself (issue 14). Here a state is kept per case with the marker
of the events it was folded from, and reused while the log still shows that marker.

The marker is exact, not a guess: it is the list of the `seq` numbers of the events the fold
reads (the case's events less those discarded). The event log is append-only (triggers refuse
UPDATE and DELETE) and `seq` is AUTOINCREMENT, never reused, so any event added to the case, and
any event discarded or taken back, changes that list, whichever desk, process or pull did it.
Checking it is one indexed query on the thread's own driver connection; a miss fetches the events and their `seq` numbers in one
statement (one snapshot), so a kept state always belongs to exactly its marker.

Each caller gets its own copy of the state (the containers too), so changing what it was handed
(masking a phone, say) never reaches the kept one.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import event

from desk_app.domain.case import CaseState, fold
from desk_app.domain.events import stored_event

from .database import Database

KEEP = 512  # states kept per database (a few KB each): the cases a worker is busy with
_VISIBLE = "AND id NOT IN (SELECT event_id FROM rejections WHERE status = 'discarded')"
_MARKER = ("SELECT group_concat(seq) FROM "
           f"(SELECT seq FROM events WHERE entity_id = ? {_VISIBLE} ORDER BY seq)")
_EVENTS = ("SELECT id, entity, entity_id, type, payload, actor, desk, hlc, org, seq FROM events "
           f"WHERE entity_id = ? {_VISIBLE} ORDER BY hlc, id")
# The containers of a CaseState that a caller could change in place.
_CONTAINERS = ("signed_by", "answered_by", "dept_returns", "warnings", "steps", "conflicts",
               "last_rating", "listed")


class _Kept:
    """The kept states of one database, and the main thread's own reading connection to it.

    Checking a pooled connection out and back in (with its reset) cost more than the query it
    ran; so the main (GUI) thread, where cases are opened, keeps one driver connection,
    detached from the pool (it never takes a place another caller waits for), in autocommit:
    each statement is its own snapshot. Other threads (workers come and go) borrow one from
    the pool per read. The held connection is closed, and the states dropped, when the
    database is closed (its engine disposed: a restore replaces the file then)."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.states: OrderedDict[str, tuple[str | None, CaseState]] = OrderedDict()
        self.held: Any = None

    def main_reader(self, db: Database) -> Any:
        if self.held is None:
            fairy = db.engine.raw_connection()
            self.held = fairy.driver_connection
            fairy.detach()
        return self.held

    def close(self) -> None:
        with self.lock:
            held, self.held = self.held, None
            self.states.clear()
        if held is not None:
            held.close()


_kept: WeakKeyDictionary[Database, _Kept] = WeakKeyDictionary()
_kept_lock = threading.Lock()


def _for(db: Database) -> _Kept:
    found = _kept.get(db)
    if found is None:
        with _kept_lock:
            found = _kept.get(db)
            if found is None:
                found = _kept[db] = _Kept()
                event.listen(db.engine, "engine_disposed", lambda _engine: found.close())
    return found


def _copy(state: CaseState) -> CaseState:
    copied = object.__new__(CaseState)
    values = dict(state.__dict__)
    for name in _CONTAINERS:
        value = values[name]
        if value is not None:
            values[name] = value.copy()
    copied.__dict__.update(values)
    return copied


def _fold_rows(case_id: str, rows: Sequence[Sequence[Any]]) -> CaseState:
    loads = json.loads
    return fold(case_id, [stored_event(r[0], r[1], r[2], r[3], loads(r[4]), r[5], r[6], r[7], r[8])
                          for r in rows])


def folded_case(db: Database, case_id: str) -> CaseState:
    """The state of `case_id` folded from its events in the log (discarded ones left out),
    reusing the state kept from the last fold while its events are unchanged."""
    kept = _for(db)
    if threading.current_thread() is threading.main_thread():
        return _read(kept, kept.main_reader(db), case_id)
    connection = db.engine.raw_connection()  # pooled; one statement is one snapshot
    try:
        return _read(kept, connection.driver_connection, case_id)
    finally:
        connection.close()


def _read(kept: _Kept, driver: Any, case_id: str) -> CaseState:
    entry = kept.states.get(case_id)  # a dict read is atomic; the lock guards the changes
    if entry is not None:
        (marker,) = driver.execute(_MARKER, (case_id,)).fetchone()
        if marker == entry[0]:
            with kept.lock:
                if case_id in kept.states:
                    kept.states.move_to_end(case_id)
            return _copy(entry[1])
    rows = driver.execute(_EVENTS, (case_id,)).fetchall()
    state = _fold_rows(case_id, rows)
    marker = ",".join(str(seq) for seq in sorted(r[9] for r in rows)) or None
    with kept.lock:
        kept.states[case_id] = (marker, state)
        kept.states.move_to_end(case_id)
        if len(kept.states) > KEEP:
            kept.states.popitem(last=False)
    return _copy(state)


def forget_cases(db: Database) -> None:
    """Drop every kept state of `db` (as when the desk has just started; benchmarks, tests)."""
    found = _kept.get(db)
    if found is not None:
        with found.lock:
            found.states.clear()
