"""A case's folded state, kept between reads while its events have not changed.

Opening a case, redrawing it after every change broadcast and checking the steps it allows all
fold the same few events again; the fold, and SQLAlchemy's execution around one small query,
cost several times the fetch itself (issue 14). Here a state is kept per case with the marker
of the events it was folded from, and reused while the log still shows that marker.

The marker is exact, not a guess: it is the list of the `seq` numbers of the events the fold
reads (the case's events less those discarded). The event log is append-only (triggers refuse
UPDATE and DELETE) and `seq` is AUTOINCREMENT, never reused, so any event added to the case, and
any event discarded or taken back, changes that list, whichever desk, process or pull did it.
Checking it is one indexed query on a pooled driver connection; a miss fetches the events and their `seq` numbers in one
statement (one snapshot), so a kept state always belongs to exactly its marker.

Each caller gets its own copy of the state (the containers too), so changing what it was handed
(masking a phone, say) never reaches the kept one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any
from weakref import WeakKeyDictionary

from desk_app.domain.case import CaseState, fold

from .database import Database
from .eventlog import event_from_row

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
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.states: OrderedDict[str, tuple[str | None, CaseState]] = OrderedDict()


_kept: WeakKeyDictionary[Database, _Kept] = WeakKeyDictionary()
_kept_lock = threading.Lock()


def _for(db: Database) -> _Kept:
    found = _kept.get(db)
    if found is None:
        with _kept_lock:
            found = _kept.setdefault(db, _Kept())
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
    return fold(case_id, [event_from_row(r) for r in rows])


def folded_case(db: Database, case_id: str) -> CaseState:
    """The state of `case_id` folded from its events in the log (discarded ones left out),
    reusing the state kept from the last fold while its events are unchanged."""
    kept = _for(db)
    connection = db.engine.raw_connection()  # pooled; one statement is one snapshot
    try:
        driver = connection.driver_connection
        with kept.lock:
            entry = kept.states.get(case_id)
        if entry is not None:
            (marker,) = driver.execute(_MARKER, (case_id,)).fetchone()
            if marker == entry[0]:
                with kept.lock:
                    if case_id in kept.states:
                        kept.states.move_to_end(case_id)
                return _copy(entry[1])
        rows = driver.execute(_EVENTS, (case_id,)).fetchall()
    finally:
        connection.close()
    state = _fold_rows(case_id, rows)
    marker = ",".join(str(seq) for seq in sorted(r[9] for r in rows)) or None
    with kept.lock:
        kept.states[case_id] = (marker, state)
        kept.states.move_to_end(case_id)
        while len(kept.states) > KEEP:
            kept.states.popitem(last=False)
    return _copy(state)


def forget_cases(db: Database) -> None:
    """Drop every kept state of `db` (after its file was replaced under it, e.g. in tests)."""
    with _kept_lock:
        _kept.pop(db, None)
