"""The case list on one desk (BENCH_CASES, default 100,000): time to first rows, filters, search.

The database is the one bench/generate.py builds and keeps (see there). Each figure is the
median of several runs, taken through the same code the list screen uses;
`python -m bench desk_scale` puts each beside its floor at 10 k, 100 k and 1 M.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("BENCH_CASES", "100000"))


def timed(work: Callable[[], object], runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.generate import ensure

    path = ensure(CASES)
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.case_queries import CaseQuery, count_cases, list_cases
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, read_identity
    from desk_app.store.users import User

    started = time.perf_counter()
    db = open_database(path)
    opened = (time.perf_counter() - started) * 1000
    desk = Desk(db, read_identity(db), load_catalogue(catalogue_dir()),  # type: ignore[arg-type]
                WorkCalendar.load(calendar_file()))
    reader = User("bench", "bench", "测评", "supervisor")  # the role that reads every case
    print(f"\ncase list on {CASES:,} cases ({path.stat().st_size / 1e6:.0f} MB), median ms:")
    print(f"  open database (migrations checked)         {opened:8.1f}")
    base = CaseQuery()
    page = list_cases(desk, reader, base)
    print(f"  first page of 200 rows                     {timed(lambda: list_cases(desk, reader, base)):8.1f}")
    print(f"  next page (keyset)                         {timed(lambda: list_cases(desk, reader, base, after=page.cursor)):8.1f}")
    print(f"  total count for the status bar             {timed(lambda: count_cases(db, reader, base)):8.1f}")
    sample = page.rows[17]
    queries = {
        "filter: still open": replace(base, statuses=frozenset({"dispatched", "signed"})),
        "filter: overdue": replace(base, overdue=True),
        "filter: category class 01": replace(base, category="01"),
        "filter: community + urgency": replace(base, community=sample.community, urgency="ordinary"),
        "sort by deadline": replace(base, sort="due_at", descending=False),
        "search 3+ chars (FTS trigram)": replace(base, text="楼道问题"),
        "search 2 chars (pairs index)": replace(base, text="漏水"),
        "search last 4 of phone": replace(base, text=sample.phone[-4:]),
        "search whole phone": replace(base, text=sample.phone),
        "search case number": replace(base, text=sample.number),
    }
    for label, query in queries.items():
        first = timed(lambda q=query: list_cases(desk, reader, q))
        counted = timed(lambda q=query: count_cases(db, reader, q), runs=3)
        print(f"  {label:<42} {first:8.1f}   (count {counted:7.1f})")
    print(f"  list screen: query to first rows shown      {first_rows_in_the_model(db):8.1f}")
    db.close()


def first_rows_in_the_model(db: object) -> float:
    """Through the real Qt model: from asking for the cases to the rows being in the table
    (the first page and the total count load off the GUI thread)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desk_app.config import catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.store.case_queries import CaseQuery
    from desk_app.ui.case_model import CaseTableModel
    from desk_app.ui.tasks import wait_for_pools

    app = QApplication.instance() or QApplication([])
    from desk_app.config import calendar_file
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.desk import Desk, read_identity
    from desk_app.store.users import User

    desk = Desk(db, read_identity(db), load_catalogue(catalogue_dir()),  # type: ignore[arg-type]
                WorkCalendar.load(calendar_file()))
    model = CaseTableModel(desk, User("bench", "bench", "测评", "supervisor"))
    samples = []
    for _ in range(7):
        loop = QEventLoop()
        model.loaded.connect(loop.quit)
        QTimer.singleShot(10_000, loop.quit)
        started = time.perf_counter()
        model.set_query(CaseQuery())
        loop.exec()
        samples.append((time.perf_counter() - started) * 1000)
        model.loaded.disconnect(loop.quit)
        assert model.rowCount() == 200
    wait_for_pools()
    del app
    return statistics.median(samples)


if __name__ == "__main__":
    main()
