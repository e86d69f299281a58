"""The case list on a desk of 200,000 cases: time to first rows, filters, search.

The database is built once (about a minute) and kept under .bench/ for later runs. Each figure
is the median of several runs, taken through the same code the list screen uses.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = ROOT / ".bench"
CASES = int(os.environ.get("BENCH_CASES", "200000"))


def build(path: Path, cases: int = CASES, origin: str = "demo", org: str = "YT-HS",
          code: str = "YT-HS-01") -> None:
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.case_numbers import case_number
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.events import Event
    from desk_app.domain.hlc import HybridClock
    from desk_app.domain.ids import uuid7
    from desk_app.domain.intake import Intake, registration_payload
    from desk_app.domain.sla import CHINA, utc_from_ms
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, setup_desk

    catalogue = load_catalogue(catalogue_dir())
    db = open_database(path)
    identity = setup_desk(db, code, "bench", org, catalogue)
    desk = Desk(db, identity, catalogue, WorkCalendar.load(calendar_file()))
    rng = random.Random(7)
    items = list(catalogue.active_items())
    communities = catalogue.org_children(org, "community")
    now = int(time.time() * 1000)
    span = 3 * 365 * 86_400_000
    starts = sorted(now - rng.randrange(span) for _ in range(cases))
    words = ["楼道", "路灯", "噪音", "漏水", "停车", "垃圾", "施工", "电梯", "井盖", "占道"]
    batch: list[Event] = []
    sequence: dict[str, int] = {}
    started = time.perf_counter()
    for n, start in enumerate(starts):
        wall = [start]
        clock = HybridClock(desk.code, wall=lambda w=wall: w[0])
        item = rng.choice(items)
        community = rng.choice(communities)
        day = utc_from_ms(start).astimezone(CHINA).date()
        sequence[str(day)] = sequence.get(str(day), 0) + 1
        intake = Intake(
            description=f"{community.name_zh}{rng.randint(1, 30)}栋{rng.choice(words)}问题，"
                        f"{rng.choice(item.keywords)}，请尽快处理（{n}）。",
            category=item.code, community=community.code, address=f"{community.name_zh}{n % 97}号",
            name=f"居民{n % 5000}", phone=f"13{rng.randint(0, 999_999_999):09d}")
        case_id = uuid7(start)
        payload = registration_payload(intake, catalogue, case_number(desk.code, day, sequence[str(day)]))
        batch.append(Event(uuid7(start), "case", case_id, "case.registered", payload, f"bench@{code}",
                           desk.code, clock.now(), community.code))
        wall[0] += 60_000
        batch.append(Event(uuid7(wall[0]), "case", case_id, "case.dispatched",
                           {"lead": item.lead, "co": list(item.co), "mode": "auto"},
                           f"bench@{code}", desk.code, clock.now(), community.code))
        if start < now - 10 * 86_400_000 and rng.random() < 0.9:
            wall[0] += 86_400_000
            batch.append(Event(uuid7(wall[0]), "case", case_id, "case.resolved", {"text": "已办结"},
                               f"bench@{code}", desk.code, clock.now(), community.code))
        if len(batch) >= 30_000:
            desk.record(batch, origin=origin)
            batch.clear()
            print(f"  built {n + 1:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
    if batch:
        desk.record(batch, origin=origin)
    print(f"  built {cases:,} cases in {time.perf_counter() - started:.0f} s")
    db.close()


def timed(work: Callable[[], object], runs: int = 7) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"cases-{CASES}.sqlite3"
    if not path.exists():
        print(f"building a desk database of {CASES:,} cases (once) ...")
        build(path)
    from desk_app.store.case_queries import CaseQuery, count_cases, list_cases
    from desk_app.store.database import open_database

    started = time.perf_counter()
    db = open_database(path)
    opened = (time.perf_counter() - started) * 1000
    print(f"\ncase list on {CASES:,} cases ({path.stat().st_size / 1e6:.0f} MB), median ms:")
    print(f"  open database (migrations checked)         {opened:8.1f}")
    base = CaseQuery()
    page = list_cases(db, base)
    print(f"  first page of 200 rows                     {timed(lambda: list_cases(db, base)):8.1f}")
    print(f"  next page (keyset)                         {timed(lambda: list_cases(db, base, after=page.cursor)):8.1f}")
    print(f"  total count for the status bar             {timed(lambda: count_cases(db, base)):8.1f}")
    sample = page.rows[17]
    queries = {
        "filter: still open": replace(base, statuses=frozenset({"dispatched", "signed"})),
        "filter: overdue": replace(base, overdue=True),
        "filter: category class 01": replace(base, category="01"),
        "filter: community + urgency": replace(base, community=sample.community, urgency="ordinary"),
        "sort by deadline": replace(base, sort="due_at", descending=False),
        "search 3+ chars (FTS trigram)": replace(base, text="楼道问题"),
        "search 2 chars (instr scan)": replace(base, text="漏水"),
        "search last 4 of phone": replace(base, text=sample.phone[-4:]),
        "search whole phone": replace(base, text=sample.phone),
        "search case number": replace(base, text=sample.number),
    }
    for label, query in queries.items():
        first = timed(lambda q=query: list_cases(db, q))
        counted = timed(lambda q=query: count_cases(db, q), runs=3)
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
    model = CaseTableModel(db, load_catalogue(catalogue_dir()), show_phone=True)  # type: ignore[arg-type]
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
