"""Reports on a street of 1,000,000 cases: the weekly report, the dashboard, and an xlsx of
100,000 rows (targets ≤ 2 s, ≤ 1 s, ≤ 10 s), each beside a floor measured in the same run.

The database (/work/benchdata/reports-<N>.sqlite3, or $BENCH_DATA) is built once and reused:
two years of cases written straight into the projections that reports read (`cases` and
`case_facts`) by raw executemany — reports never read the event log, and folding a million
cases would take the build, not the reports, half an hour. The search index's trigger is
dropped in that throwaway copy for the same reason (reports never search).
"""

from __future__ import annotations

import os
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

CASES = int(os.environ.get("BENCH_REPORT_CASES", "1000000"))
DATA = Path(os.environ.get("BENCH_DATA", "/work/benchdata"))
XLSX_ROWS = 100_000


def build(path: Path, cases: int) -> None:
    from desk_app.config import catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.sla import CHINA
    from desk_app.store.database import open_database
    from desk_app.store.desk import setup_desk
    from desk_app.store.report_facts import rebuild_rollup

    catalogue = load_catalogue(catalogue_dir())
    db = open_database(path)
    setup_desk(db, "YT-HS-01", "bench", "YT-HS", catalogue)
    db.close()
    rng = random.Random(13)
    items = list(catalogue.active_items())
    grids = [g for g in catalogue.orgs.values() if g.level == "grid" and g.code.startswith("YT-HS-")]
    now = int(time.time() * 1000)
    span = 2 * 365 * 86_400_000
    starts = sorted(now - rng.randrange(span) for _ in range(cases))
    con = sqlite3.connect(path)
    con.execute("DROP TRIGGER IF EXISTS cases_fts_insert")
    case_rows, fact_rows = [], []
    started = time.perf_counter()
    for n, start in enumerate(starts):
        item = rng.choice(items)
        grid = rng.choice(grids)
        community = grid.parent or ""
        local = datetime.fromtimestamp(start / 1000, CHINA).date()
        iso = local.isocalendar()
        case_id = f"{n:08d}-0000-7000-8000-000000000000"
        dispatched = start + 300_000
        signed = dispatched + int(rng.expovariate(1 / 10) * 3_600_000)
        done = start < now - 10 * 86_400_000 and rng.random() < 0.93
        resolved = start + int(rng.uniform(0.2, 6) * 86_400_000) if done else None
        due = start + 5 * 86_400_000
        rating = rng.choice(("satisfied",) * 8 + ("basic", "unsatisfied")) if done and rng.random() < 0.8 else ""
        status = "closed" if rating else ("resolved" if done else "signed")
        title = f"{community}{item.name_zh}：{rng.choice(item.keywords)}（{n}）"
        case_rows.append((case_id, f"YT-HS-01-{local:%Y%m%d}-{n % 100000:05d}", status, "complaint",
                          "window", "ordinary", item.code, item.lead, community, grid.code, grid.code,
                          title, title + "，请尽快处理。", start, due))
        fact_rows.append((case_id, start, local.year * 10000 + local.month * 100 + local.day,
                          iso.year * 100 + iso.week, local.year * 100 + local.month, grid.code,
                          community, grid.code, "complaint", "window", item.code, "ordinary",
                          item.lead, status, 0, 0, dispatched, signed, resolved, due, None, rating,
                          0, 0, 0, 0, (resolved - start) / 86_400_000 * 5 / 7 if resolved else None,
                          None, None))
        if len(case_rows) == 100_000:
            _flush(con, case_rows, fact_rows)
            print(f"  built {n + 1:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
    _flush(con, case_rows, fact_rows)
    con.execute("DELETE FROM case_rollup")
    con.commit()
    con.close()
    db = open_database(path)
    with db.begin() as conn:
        rebuild_rollup(conn)
    db.close()
    con = sqlite3.connect(path)
    con.execute("ANALYZE")
    con.commit()
    con.close()


def _flush(con: sqlite3.Connection, case_rows: list[tuple], fact_rows: list[tuple]) -> None:
    con.executemany(
        "INSERT INTO cases (id, number, status, kind, channel, urgency, category, lead, community,"
        " grid, org, title, description, registered_at, due_at) VALUES "
        "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", case_rows)
    con.executemany(f"INSERT INTO case_facts VALUES ({', '.join('?' * 29)})", fact_rows)
    con.commit()
    case_rows.clear()
    fact_rows.clear()


def median(run: Callable[[], object], times: int = 3) -> float:
    laps = []
    for _ in range(times):
        started = time.perf_counter()
        run()
        laps.append(time.perf_counter() - started)
    return statistics.median(laps)


def main() -> None:
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.sla import CHINA
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.reports.dashboard import build_dashboard
    from desk_app.reports.export import write_xlsx
    from desk_app.reports.periods import Period
    from desk_app.reports.report import build_report
    from desk_app.reports.tables import TEXT, Table
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, read_identity

    DATA.mkdir(parents=True, exist_ok=True)
    path = DATA / f"reports-{CASES}.sqlite3"
    if not path.exists():
        print(f"building {path} ({CASES:,} cases, once)")
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        build(partial, CASES)
        partial.rename(path)
    db = open_database(path)
    desk = Desk(db, read_identity(db), load_catalogue(catalogue_dir()),  # type: ignore[arg-type]
                WorkCalendar.load(calendar_file()))
    today = datetime.now(CHINA).date()
    week = Period.containing("week", today - timedelta(days=7))
    print(f"\nreports on {CASES:,} cases of one street ({path.name}), week {week.code()}")
    print(f"{'figure':<44}{'ours':>9}{'floor':>9}{'ratio':>7}  target")

    def show(name: str, ours: float, floor: float, target: str) -> None:
        print(f"{name:<44}{ours:>8.3f}s{floor:>8.3f}s{ours / floor:>7.1f}  {target}")

    report = build_report(desk, week)
    ours = median(lambda: build_report(desk, week))
    raw = sqlite3.connect(path)

    def floor_report() -> None:
        for p in (week, week.previous(), week.year_before()):
            a, b = p.bounds_ms()
            ids = [r[0] for r in raw.execute(
                "SELECT * FROM case_facts WHERE registered_at >= ? AND registered_at < ?", (a, b))]
            for i in range(0, len(ids), 900):
                chunk = ids[i:i + 900]
                raw.execute(f"SELECT title || description FROM cases WHERE id IN ({','.join('?' * len(chunk))})",
                            chunk).fetchall()

    def floor_report_and_outlook() -> None:
        floor_report()
        raw.execute("SELECT week, substr(category, 1, 2), community, SUM(requests) FROM case_rollup"
                    " WHERE week > 0 GROUP BY 1, 2, 3").fetchall()
        raw.execute("SELECT COUNT(*) FROM case_facts WHERE status IN ('dispatched', 'registered',"
                    " 'replied', 'returned', 'signed') AND due_at < ?", (int(time.time() * 1000),)
                    ).fetchall()

    show(f"weekly report ({report.total:,} cases, 3 periods)", ours,
         median(floor_report_and_outlook), "≤ 2 s; floor: raw sqlite3 reads of the same rows")
    print(f"{'':<44}load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    board = build_dashboard(desk)
    ours = median(lambda: build_dashboard(desk))
    first, last = board.weeks[0], board.weeks[-1]

    def floor_board() -> None:
        """The same statements the dashboard runs, by raw sqlite3, with nothing done on the rows."""
        scope = ("YT-HS", "YT-HS-", "YT-HS.")
        where = "(community = ? OR (community >= ? AND community < ?))"
        raw.execute("SELECT week, category, community, SUM(requests), SUM(valid), SUM(signed) + "
                    "SUM(unsigned), SUM(signed_on_time), SUM(completed), SUM(evaluated), "
                    f"SUM(satisfied) FROM case_rollup WHERE week >= ? AND week <= ? AND {where} "
                    "GROUP BY week, category, community", (first, last, *scope)).fetchall()
        raw.execute("SELECT week, substr(category, 1, 2), community, SUM(requests) FROM case_rollup "
                    f"WHERE week > 0 AND {where} GROUP BY 1, 2, 3", scope).fetchall()
        raw.execute("SELECT community, grid, SUM(valid) FROM case_rollup WHERE week >= ? AND "
                    f"week <= ? AND {where} GROUP BY community, grid", (first, last, *scope)).fetchall()

    show(f"dashboard (26 weeks, foresight on {len(board.outlook)} series)", ours,
         median(floor_board), "≤ 1 s; floor: its GROUP BYs by raw sqlite3")
    table = Table("cases", "All requests", [(h, TEXT) for h in
                                            ("number", "registered", "title", "item", "community", "department", "status")])
    rows = raw.execute("SELECT number, registered_at, title, category, community, lead, status "
                       "FROM cases LIMIT ?", (XLSX_ROWS,)).fetchall()
    for row in rows:
        table.add([row[0], str(date.fromtimestamp(row[1] / 1000)), *row[2:]], ())

    class Count:
        cancelled = False
        calls = 0

        def report(self, done: int, total: int) -> None:
            self.calls += 1

    folder = Path(tempfile.mkdtemp())
    progress = Count()
    started = time.perf_counter()
    write_xlsx([table], folder / "big.xlsx", "bench", progress)
    ours = time.perf_counter() - started

    def floor_xlsx() -> None:
        """The least any xlsx writer does: the same cells as text, deflated into a zip."""
        import zipfile

        with zipfile.ZipFile(folder / "floor.zip", "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z, \
                z.open("cells.txt", "w") as out:
            for start in range(0, len(table.rows), 2000):
                out.write("".join("\t".join(map(str, row)) + "\n"
                                  for row in table.rows[start:start + 2000]).encode())

    def openpyxl_xlsx() -> None:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet("x")
        for row in table.rows:
            sheet.append(row)
        book.save(folder / "openpyxl.xlsx")

    started = time.perf_counter()
    floor_xlsx()
    show(f"xlsx of {len(rows):,} rows ({progress.calls} progress reports)", ours,
         time.perf_counter() - started, "≤ 10 s; floor: same cells as text into a zip")
    started = time.perf_counter()
    openpyxl_xlsx()
    show("  for comparison: openpyxl write-only, no styles", time.perf_counter() - started,
         time.perf_counter() - started, "(why we stream our own)")
    raw.close()
    db.close()


if __name__ == "__main__":
    main()
