"""The write path against SQLite itself: `register_case`, a step on a case, and `get_case`.

The floor of each is measured in the same run: the very SQL statements the call sent to SQLite
(captured from one call), replayed on a raw sqlite3 connection with fresh identifiers, in one
transaction, committed. The ratio is what the desk adds on top (validation, the fold, Python).
Sizes: the desk's database holds BENCH_WRITE_CASES cases first (default 10 k, 100 k).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _median_ms(work: Callable[[], object], runs: int = 200) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _capture(db: Any, work: Callable[[], object]) -> list[tuple[str, Any]]:
    from sqlalchemy import event

    sent: list[tuple[str, Any]] = []

    def note(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
             many: bool) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "PRAGMA")):
            sent.append((statement, (many, parameters)))
    event.listen(db.engine, "before_cursor_execute", note)
    work()
    event.remove(db.engine, "before_cursor_execute", note)
    return sent


def _replayer(path: Path, sent: list[tuple[str, Any]]) -> Callable[[], None]:
    """The same statements on raw sqlite3, each run with new ids (so inserts stay inserts)."""
    from desk_app.domain.ids import uuid7
    from desk_app.store.search_index import register_search_functions

    raw = sqlite3.connect(path, isolation_level=None)
    register_search_functions(raw)  # the bigram index's triggers call it, as on the desk
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")

    def fresh(value: Any, ids: dict[str, str]) -> Any:
        if isinstance(value, str) and UUID.search(value):
            return UUID.sub(lambda m: ids.setdefault(m.group(0), uuid7()), value)
        if isinstance(value, tuple | list):
            return type(value)(fresh(v, ids) for v in value)
        return value

    def replay() -> None:
        ids: dict[str, str] = {}
        raw.execute("BEGIN IMMEDIATE")
        for statement, (many, parameters) in sent:
            if many:
                raw.executemany(statement, [fresh(p, ids) for p in parameters])
            else:
                raw.execute(statement, fresh(parameters, ids)).fetchall()
        raw.execute("COMMIT")
    return replay


def measure(cases: int) -> list[tuple[str, float, float]]:
    os.environ.setdefault("COMMUNITY_DESK_HOME", tempfile.mkdtemp(prefix="writes-"))
    from bench.generate import ensure
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.ids import uuid7
    from desk_app.domain.intake import Intake
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.cases import get_case, register_case, remind_case
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, read_identity
    from desk_app.store.users import User

    path = ensure(cases)  # the generated desk of bench.generate (plain, for the raw floor)
    catalogue = load_catalogue(catalogue_dir())
    db = open_database(path)
    identity = read_identity(db)
    assert identity is not None
    desk = Desk(db, identity, catalogue, WorkCalendar.load(calendar_file()))
    user = User(uuid7(), "wangli", "王丽", "window")

    def intake() -> Intake:
        return Intake(description="楼道灯坏了一个星期，晚上上下楼很危险。", category="030201",
                      community="YT-HS-PW", name="李秀英", phone="13812345678")
    case = register_case(desk, user, intake())
    figures = []
    sent = _capture(db, lambda: register_case(desk, user, intake()))
    figures.append(("register_case", _median_ms(lambda: register_case(desk, user, intake())),
                    _median_ms(_replayer(path, sent))))
    sent = _capture(db, lambda: remind_case(desk, user, case.id, "请尽快"))
    figures.append(("a step (remind_case)", _median_ms(lambda: remind_case(desk, user, case.id,
                                                                           "请尽快"), 100),
                    _median_ms(_replayer(path, sent), 100)))
    # get_case speaks to the driver (store/case_cache.py), so there is nothing to capture:
    # the floor is the fetch of the case's events with their JSON, as in bench/desk_scale.py.
    from desk_app.store.case_cache import forget_cases

    raw = sqlite3.connect(path)
    statement = ("SELECT id, entity, entity_id, type, payload, actor, desk, hlc, org FROM events "
                 "WHERE entity_id = ? AND id NOT IN (SELECT event_id FROM rejections "
                 "WHERE status = 'discarded') ORDER BY hlc, id")
    fetch = _median_ms(lambda: [json.loads(r[4]) for r in raw.execute(statement, (case.id,))])

    get_case(desk, user, case.id)  # the first look of the hour records the access audit's entry

    def first_read() -> object:
        forget_cases(db)
        return get_case(desk, user, case.id)
    figures.append(("get_case, first read (folded)", _median_ms(first_read), fetch))
    figures.append(("get_case, read again (kept fold)",
                    _median_ms(lambda: get_case(desk, user, case.id)), fetch))
    db.close()
    return figures


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_WRITE_CASES", "10000,100000").split(",")]
    print("\nWrites: the desk's call against the same SQL on raw sqlite3 (median ms)")
    print(f"{'cases':>9} {'call':34} {'desk':>8} {'floor':>8} {'ratio':>7}")
    for size in sizes:
        for name, ours, floor in measure(size):
            print(f"{size:9,} {name:34} {ours:8.2f} {floor:8.2f} {ours / floor:6.1f}×")


if __name__ == "__main__":
    main()
