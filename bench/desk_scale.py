"""The desk at 10 k, 100 k and 1 M cases: every figure beside its floor, measured in the same run.

    python -m bench desk_scale                    # all three sizes (BENCH_SIZES=10000,100000 to pick)
    BENCH_PARTS=startup BENCH_START_RUNS=9 python -m bench desk_scale   # the start figures only
    BENCH_DATA=/somewhere python -m bench desk_scale  # where the databases are kept (bench/generate.py)

A floor is what the same work costs without the application around it: the same SQL on a bare
sqlite3 connection, the same statements replayed raw, a bare QMainWindow. The ratio is the
figure over its floor, so growth with the data shows as a ratio that grows. Each figure is the
best of several runs (start-up: the median of separate processes, after an untimed warm-up).
Writing benchmarks (register_case) add their cases to the cached databases: a few hundred per
run, against a million.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Figure:
    name: str
    value: float  # ms (or KB for memory)
    floor: float | None
    floor_name: str
    unit: str = "ms"
    note: str = ""

    @property
    def ratio(self) -> str:
        if not self.floor:
            return "—"
        return f"{self.value / self.floor:.1f}×"


@dataclass
class Report:
    size: int
    figures: list[Figure] = field(default_factory=list)

    def add(self, figure: Figure) -> None:
        self.figures.append(figure)
        floor = "" if figure.floor is None else f"{figure.floor:9.2f}"
        print(f"  {figure.name:<44} {figure.value:9.2f} {figure.unit:<3} | floor {floor:>9} "
              f"{figure.floor_name:<34} | {figure.ratio:>7} {figure.note}", flush=True)


def timed(work: Callable[[], object], runs: int = 15) -> float:
    """The best of `runs`, in ms: the machine is shared, and the best run is the one the others'
    work disturbed least (the floor is taken the same way)."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return min(samples) * 1000


def paired(work: Callable[[], object], floor: Callable[[], object],
           runs: int = 31) -> tuple[float, float]:
    """A figure and its floor, run in turns so that both meet the same load on the machine;
    the best of each, in ms."""
    ours, bare = [], []
    for _ in range(runs):
        for fn, samples in ((work, ours), (floor, bare)):
            started = time.perf_counter()
            fn()
            samples.append(time.perf_counter() - started)
    return min(ours) * 1000, min(bare) * 1000


def raw_connection(path: Path) -> sqlite3.Connection:
    from desk_app.store.search_index import register_search_functions

    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("PRAGMA busy_timeout=10000")
    register_search_functions(connection)
    return connection


def compiled(db: Any, statement: Any) -> tuple[str, tuple[Any, ...]]:
    """The SQL and parameters SQLAlchemy sends for `statement`, to run the same on raw sqlite3."""
    with db.read() as conn:
        sql = statement.compile(dialect=conn.dialect,
                                compile_kwargs={"render_postcompile": True})
        params = sql.construct_params()
        positional = tuple(params[name] for name in sql.positiontup)
        return str(sql), positional


# --- start-up -----------------------------------------------------------------------------------


def child(*args: str) -> dict[str, float | str]:
    """Run one start in a fresh process; the time from spawning it to each line it prints."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT)
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "bench.startup_child", *args], cwd=ROOT,
                               env=env, stdout=subprocess.PIPE, text=True)
    seen: dict[str, float | str] = {}
    assert process.stdout is not None
    for line in process.stdout:
        word, _, rest = line.strip().partition(" ")
        seen[word] = (time.perf_counter() - started) * 1000
        if rest:
            seen[word + "_value"] = rest
    process.wait(timeout=120)
    return seen


def startup(report: Report, path: Path, runs: int | None = None) -> None:
    """Medians of `runs` starts each (BENCH_START_RUNS, 5 by default: more on a busy machine)."""
    runs = runs or int(os.environ.get("BENCH_START_RUNS", "5"))
    child("bare")
    child("desk", str(path))  # warm-up: bytecode and the OS file cache
    bare, desk, with_sa = [], [], []
    for _ in range(runs):  # in turns, so that all meet the same load on the machine
        bare.append(child("bare"))
        desk.append(child("desk", str(path)))
        with_sa.append(child("bare+sqlalchemy"))
    floor = statistics.median(float(b["painted"]) for b in bare)
    painted = statistics.median(float(d["painted"]) for d in desk)
    rows = statistics.median(float(d.get("rows", 0)) for d in desk)
    report.add(Figure("start to the main window's first paint", painted, floor,
                      "bare QMainWindow to first paint"))
    report.add(Figure("start to the case list's first page shown", rows, floor,
                      "bare QMainWindow to first paint"))
    # Not a target: the part of the ratio that importing SQLAlchemy alone takes, whatever
    # the desk does (every store module imports it).
    report.add(Figure("(for comparison) bare QMainWindow + import sqlalchemy",
                      statistics.median(float(b["painted"]) for b in with_sa), floor,
                      "bare QMainWindow to first paint"))


def memory(report: Report, path: Path, rows: int = 10_200) -> None:
    bare = child("bare")
    seen = child("memory", str(path), str(rows))
    before, after, loaded = (int(x) for x in str(seen["memory_value"]).split())
    per_row = (after - before) * 1024 / max(loaded - 200, 1)
    report.add(Figure(f"desk memory, {loaded:,} rows scrolled", after / 1024,
                      int(str(bare["rss_value"])) / 1024, "bare Qt (bare QMainWindow)", "MB"))
    report.add(Figure("memory per loaded row", per_row / 1024, 1.5, "target 1.5 KB", "KB"))


# --- reading ------------------------------------------------------------------------------------


def reading(report: Report, path: Path) -> None:
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store import case_queries as q
    from desk_app.store.case_queries import CaseQuery, count_cases, list_cases
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, read_identity
    from desk_app.store.eventlog import latest_stamp
    from desk_app.store.users import User

    db = open_database(path)
    desk = Desk(db, read_identity(db), load_catalogue(catalogue_dir()),  # type: ignore[arg-type]
                WorkCalendar.load(calendar_file()))
    reader = User("bench", "bench", "测评", "supervisor")  # the role that reads every case
    raw = raw_connection(path)
    now = datetime.now(UTC)
    base = CaseQuery(now=now)

    def stamp() -> None:
        with db.read() as conn:
            latest_stamp(conn)

    def stamp_raw() -> None:
        raw.execute("SELECT value FROM meta WHERE key = 'hlc.last'").fetchall()
        raw.execute("SELECT max(hlc) FROM events").fetchall()

    report.add(Figure("the desk's clock at start (latest_stamp)", *paired(stamp, stamp_raw),
                      "same 2 queries, raw sqlite3"))

    def page_sql(query: CaseQuery, after: Any = None) -> tuple[str, tuple[Any, ...]]:
        match = q._in_index_order(query)
        statement = (q._search_page(query, match, after) if match is not None
                     else q._sorted_page(query, after)).limit(200)
        return compiled(db, statement)

    def same_sql(label: str, query: CaseQuery, after: Any = None, count: bool = True,
                 note: str = "") -> None:
        sql, params = page_sql(query, after)
        first, floor = paired(lambda: list_cases(desk, reader, query, after=after),
                              lambda: raw.execute(sql, params).fetchall())
        counted = timed(lambda: count_cases(db, reader, query), runs=3) if count else None
        extra = f"(count {counted:.1f} ms, in the background)" if counted is not None else ""
        report.add(Figure(label, first, floor, "same SQL on raw sqlite3", note=extra + note))

    page = list_cases(desk, reader, base)
    same_sql("first page (200 rows)", base)
    same_sql("next page (keyset)", base, after=page.cursor, count=False)
    same_sql("sort by deadline, first page", replace(base, sort="due_at", descending=False))
    same_sql("overdue, first page", replace(base, overdue=True))
    same_sql("still open, first page", replace(base, statuses=frozenset({"dispatched", "signed"})))

    top = {"cases_fts": "SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? "
                        "ORDER BY rowid DESC LIMIT 200",
           "cases_grams": "SELECT rowid FROM cases_grams WHERE cases_grams MATCH ? "
                          "ORDER BY rowid DESC LIMIT 200"}
    for label, text in (("search 楼道问题 (10% of cases)", "楼道问题"),
                        (f"rare search 理（{report.size // 2}）", f"理（{report.size // 2}）"),
                        ("2-character search 漏水", "漏水"),
                        ("2-character search, no match (嗯嗯)", "嗯嗯"),
                        ("1-character search 灯", "灯")):
        query = replace(base, text=text)
        match = q.text_match(text)
        assert match is not None
        sql, params = page_sql(query)
        first, floor = paired(lambda query=query: list_cases(desk, reader, query),
                              lambda sql=sql, params=params: raw.execute(sql, params).fetchall())
        index_only = timed(lambda m=match: raw.execute(top[m.index], (m.phrase,)).fetchall())
        counted = timed(lambda query=query: count_cases(db, reader, query), runs=3)
        total = count_cases(db, reader, query)
        report.add(Figure(label, first, floor, "same SQL on raw sqlite3",
                          note=f"({total:,} matches; top 200 ids from the index {index_only:.2f}"
                               f" ms; count {counted:.1f} ms, in the background)"))
    scan = ("SELECT pk FROM cases WHERE instr(title, ?) OR instr(description, ?) "
            "OR instr(address, ?) OR instr(name, ?) LIMIT 200")
    scanned = timed(lambda: raw.execute(scan, ("嗯嗯",) * 4).fetchall(), runs=1)
    report.add(Figure("(for comparison) the old 2-char scan, no match", scanned, None,
                      "instr() over every case, raw"))
    overdue = replace(base, overdue=True)
    counted = timed(lambda: count_cases(db, reader, overdue), runs=3)
    report.add(Figure("overdue count", counted, None, "—",
                      note=f"({count_cases(db, reader, overdue):,} overdue)"))
    raw.close()
    db.close()


# --- writing ------------------------------------------------------------------------------------


def writing(report: Report, path: Path, runs: int = 31) -> None:
    from sqlalchemy import event

    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.intake import Intake
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.cases import get_case, register_case
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, read_identity
    from desk_app.store.users import User

    catalogue = load_catalogue(catalogue_dir())
    db = open_database(path)
    identity = read_identity(db)
    assert identity is not None
    desk = Desk(db, identity, catalogue, WorkCalendar.load(calendar_file()))
    user = User("bench", "bench", "测评", "window")
    rng = random.Random(11)
    items = list(catalogue.active_items())
    communities = catalogue.org_children(identity.org, "community")

    def intake() -> Intake:
        item, community = rng.choice(items), rng.choice(communities)
        return Intake(description=f"{community.name_zh}{rng.randint(1, 30)}栋楼道灯坏了，请尽快处理。",
                      category=item.code, community=community.code,
                      address=f"{community.name_zh}{rng.randint(1, 99)}号", name="居民",
                      phone=f"13{rng.randint(0, 999_999_999):09d}")

    register_case(desk, user, intake())  # warm-up (statement caches)
    recorded: list[tuple[str, Any, bool]] = []

    def record(_conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any,
               executemany: bool) -> None:
        recorded.append((statement, parameters, executemany))

    event.listen(db.engine, "before_cursor_execute", record)
    case = register_case(desk, user, intake())
    event.remove(db.engine, "before_cursor_execute", record)
    # The unit of work's own BEGIN/COMMIT are the replay's (which rolls back instead).
    recorded = [r for r in recorded
                if not r[0].lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK"))]

    raw = raw_connection(path)
    from desk_app.domain.ids import is_uuid, uuid7

    made = {v for _s, p, many in recorded for row in (p if many else [p]) for v in row
            if isinstance(v, str) and is_uuid(v)}

    def fresh(row: Any, ids: dict[str, str]) -> tuple[Any, ...]:
        return tuple(ids.get(v, v) if isinstance(v, str) else v for v in row)

    def replay() -> None:
        ids = {old: uuid7() for old in made}  # the recorded rows are in the log already
        raw.execute("BEGIN IMMEDIATE")
        try:
            for statement, parameters, many in recorded:
                if many:
                    raw.executemany(statement, [fresh(p, ids) for p in parameters])
                else:
                    raw.execute(statement, fresh(parameters, ids)).fetchall()
        except BaseException:
            raw.execute("ROLLBACK")
            raise
        # Committed, as register_case commits: writing the WAL pages of the case, its events
        # and both search indexes is SQLite's own cost (a rolled-back floor left it out).
        raw.execute("COMMIT")

    registered, floor = paired(lambda: register_case(desk, user, intake()), replay, runs=runs)
    report.add(Figure("register_case", registered, floor,
                      f"its own {len(recorded)} statements, raw sqlite3, committed",
                      note="(the floor's cases stay, with fresh ids)"))

    events_sql = ("SELECT id, entity, entity_id, type, payload, actor, desk, hlc, org FROM events "
                  "WHERE entity_id = ? AND id NOT IN (SELECT event_id FROM rejections "
                  "WHERE status = 'discarded') ORDER BY hlc, id")
    with db.read() as conn:
        some = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM cases WHERE pk IN (SELECT abs(random()) % (SELECT max(pk) FROM cases) "
            "FROM cases LIMIT 50)")] or [case.id]
    from desk_app.store.case_cache import forget_cases

    def first_read(case_id: str) -> object:
        forget_cases(db)  # as a case opened for the first time since the desk started
        return get_case(desk, user, case_id)

    def first_reads() -> tuple[float, float]:
        """First reads of the sample's cases, beside the raw fetch of the same cases' rows."""
        ids, raw_ids = iter(some * 10), iter(some * 10)
        return paired(
            lambda: first_read(next(ids)),
            lambda: [json.loads(r[4]) for r in raw.execute(events_sql, (next(raw_ids),))],
            runs=runs)

    fetched, floor = first_reads()
    report.add(Figure("get_case, first read (folded)", fetched, floor,
                      "fetch of its rows + JSON, raw sqlite3"))
    for case_id in some:
        get_case(desk, user, case_id)  # read once: the screens read a case again after each change
    # The same first read, when this person's access-audit entry for the case and hour is
    # written already (opened before, within the hour): the fold alone, no unit of work.
    fetched, floor = first_reads()
    report.add(Figure("get_case, first read, audit entry already made", fetched, floor,
                      "fetch of its rows + JSON, raw sqlite3",
                      note="(the first read above also writes that entry: a unit of work)"))
    ids, raw_ids = iter(some * 10), iter(some * 10)
    fetched, floor = paired(
        lambda: get_case(desk, user, next(ids)),
        lambda: [json.loads(r[4]) for r in raw.execute(events_sql, (next(raw_ids),))],
        runs=runs)
    report.add(Figure("get_case, read again (kept fold)", fetched, floor,
                      "fetch of its rows + JSON, raw sqlite3",
                      note="(its events unchanged: checked, not fetched and folded)"))
    raw.close()
    db.close()


def summary(reports: list[Report]) -> None:
    print("\n| figure | " + " | ".join(f"{r.size:,} cases (floor, ratio)" for r in reports) + " |")
    print("|---|" + "---|" * len(reports))
    names = list(dict.fromkeys(f.name for r in reports for f in r.figures))
    for name in names:
        cells = []
        for r in reports:
            f = next((f for f in r.figures if f.name == name), None)
            if f is None:
                cells.append("")
                continue
            floor = f"{f.floor:.2f}" if f.floor is not None else "—"
            cells.append(f"{f.value:.2f} {f.unit} ({floor}, {f.ratio})")
        print(f"| {name} | " + " | ".join(cells) + " |")


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.generate import SIZES, ensure

    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "").split(",") if s] or list(SIZES)
    parts = os.environ.get("BENCH_PARTS", "startup,reading,writing,memory").split(",")
    reports = []
    for size in sizes:
        path = ensure(size)
        from desk_app.store.database import open_database

        started = time.perf_counter()
        open_database(path).close()  # migrates a database built by an older version, once
        opened = (time.perf_counter() - started) * 1000
        print(f"\n{size:,} cases ({path.stat().st_size / 1e6:,.0f} MB; opened in {opened:.0f} ms)")
        report = Report(size)
        if "startup" in parts:
            startup(report, path)
        if "reading" in parts:
            reading(report, path)
        if "writing" in parts:
            writing(report, path)
        if "memory" in parts:
            memory(report, path)
        reports.append(report)
    summary(reports)


if __name__ == "__main__":
    main()
