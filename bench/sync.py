"""Sync on one desk, beside its floors: a street desk's first sync of 10 k, 100 k and 1 M events
from the centre (resumable, the desk usable all the while), and a desk pushing its outbox.

    python -m bench sync        BENCH_SYNC_SIZES=10000,100000,1000000 (events)
                                BENCH_SYNC_PUSH_MAX=100000 (push measured up to this size)
                                BENCH_SYNC_PUSH_CENTRES=sqlite,postgresql (the push's centres;
                                postgresql: a throwaway cluster, when PostgreSQL is installed)
                                BENCH_SYNC_PARTS=pull,push (which halves run)
                                BENCH_SYNC_PUSH_WORKERS=2 (server processes the push goes to,
                                so the desk's push lanes are taken in side by side)
                                BENCH_SYNC_PUSH_LANES (the desk's push lanes; default the
                                client's PUSH_LANES)

The centre's databases are built once with the bulk path (raw executemany of generated,
valid events: cases registered, dispatched and most resolved) into /work/benchdata/ and reused;
each run works on a copy. The first sync runs on a worker thread, as the desk runs it, while a
window worker registers a case every 0.25 s through the store: its latency (waiting for the
write lock among the pages) is printed. Floors, measured in the same run:
- pull: a raw `sqlite3.executemany` of the same event rows into a bare events table, pages of
  1,000 (all the log needs), and of the same rows plus one case row each into the desk's own
  schema (what a desk that shows the cases must write, FTS and the short-query index included,
  the short-query rows made in Python and written in one executemany as the bulk pull does);
- push: a raw executemany of the same rows into the centre's event table, batches of 500
  (on PostgreSQL: into a copy of the centre's table, its indexes included, each batch under the
  centre's writer lock, as the push takes it); and of the same rows plus, in each batch, one
  upsert of each case the batch holds events of, with the row the centre's projection ended
  with, into a copy of the centre's case table (what a centre that serves its case list, the
  public page and Open311 must write for a push; the pull's second floor is the same idea).
Every figure is events/s; ratio = figure / floor. Run it with `nice`.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SYNC_SIZES", "10000,100000,1000000").split(",")]
PUSH_MAX = int(os.environ.get("BENCH_SYNC_PUSH_MAX", "100000"))
PUSH_CENTRES = os.environ.get("BENCH_SYNC_PUSH_CENTRES", "sqlite,postgresql").split(",")
PARTS = os.environ.get("BENCH_SYNC_PARTS", "pull,push").split(",")
PUSH_WORKERS = int(os.environ.get("BENCH_SYNC_PUSH_WORKERS", "2"))
PUSH_LANES = os.environ.get("BENCH_SYNC_PUSH_LANES", "")
STREET = "YT-HS"
WORDS = ["楼道", "路灯", "噪音", "漏水", "停车", "垃圾", "施工", "电梯", "井盖", "占道"]


def centre_rows(events: int) -> Iterator[list[tuple[object, ...]]]:
    """Rows of the centre's event table, in chunks: cases of the street's four desks, each
    registered and dispatched, nine in ten of the older ones resolved (about 2.8 events a
    case), stamped over the last three years."""
    from desk_app.config import catalogue_dir
    from desk_app.domain.case_numbers import case_number
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.events import Event
    from desk_app.domain.hlc import HybridClock
    from desk_app.domain.ids import uuid7
    from desk_app.domain.intake import Intake, registration_payload
    from desk_app.domain.sla import CHINA, utc_from_ms

    catalogue = load_catalogue(catalogue_dir())
    rng = random.Random(12)
    items = list(catalogue.active_items())
    communities = catalogue.org_children(STREET, "community")
    now = int(time.time() * 1000) - 3_600_000
    span = 3 * 365 * 86_400_000
    cases = events * 10 // 28 + 1
    starts = sorted(now - rng.randrange(span) for _ in range(cases))
    numbers: dict[tuple[str, str], int] = {}
    chunk: list[tuple[object, ...]] = []
    seq = 0
    for n, start in enumerate(starts):
        code = f"{STREET}-0{n % 4 + 1}"
        wall = [start]
        clock = HybridClock(code, wall=lambda w=wall: w[0])
        item, community = rng.choice(items), rng.choice(communities)
        day = utc_from_ms(start).astimezone(CHINA).date()
        numbers[(code, str(day))] = numbers.get((code, str(day)), 0) + 1
        intake = Intake(
            description=f"{community.name_zh}{rng.randint(1, 30)}栋{rng.choice(WORDS)}问题，"
                        f"{rng.choice(item.keywords)}，请尽快处理（{n}）。",
            category=item.code, community=community.code, address=f"{community.name_zh}{n % 97}号",
            name=f"居民{n % 5000}", phone=f"13{rng.randint(0, 999_999_999):09d}")
        case_id, actor = uuid7(start), f"worker@{code}"
        payload = registration_payload(intake, catalogue,
                                       case_number(code, day, numbers[(code, str(day))]))
        batch = [Event(uuid7(start), "case", case_id, "case.registered", payload, actor, code,
                       clock.now(), community.code)]
        wall[0] += 60_000
        batch.append(Event(uuid7(wall[0]), "case", case_id, "case.dispatched",
                           {"lead": item.lead, "co": list(item.co), "mode": "auto"}, actor, code,
                           clock.now(), community.code))
        if start < now - 10 * 86_400_000 and rng.random() < 0.9:
            wall[0] += 86_400_000
            batch.append(Event(uuid7(wall[0]), "case", case_id, "case.resolved",
                               {"text": "已办结"}, actor, code, clock.now(), community.code))
        for event in batch:
            seq += 1
            chunk.append((seq, event.id, event.entity, event.entity_id, event.type,
                          event.payload_json(), event.actor, event.desk, event.hlc, event.org,
                          now, "bench"))
            if seq == events:
                yield chunk
                return
        if len(chunk) >= 50_000:
            yield chunk
            chunk = []
    yield chunk


def ensure_centre(events: int) -> Path:
    """A centre's SQLite database holding `events` events of the street, built once."""
    from bench.generate import data_dir
    from sync.server.database import ServerDatabase

    path = data_dir() / f"centre-{events}.sqlite3"
    if path.exists():
        return path
    print(f"building a centre with {events:,} events (once, into {path}) ...", flush=True)
    started = time.perf_counter()
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    server = ServerDatabase(f"sqlite:///{partial}")
    server.migrate()
    server.engine.dispose()
    raw = sqlite3.connect(partial)
    for chunk in centre_rows(events):
        with raw:
            raw.executemany("INSERT INTO server_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", chunk)
    raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    partial.rename(path)
    print(f"  built in {time.perf_counter() - started:.0f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)", flush=True)
    return path


def _pages(centre: Path) -> Iterator[list[tuple[object, ...]]]:
    source = sqlite3.connect(centre)
    rows = source.execute("SELECT id, entity, entity_id, type, payload, actor, desk, hlc, org "
                          "FROM server_events ORDER BY seq")
    while page := rows.fetchmany(1000):
        yield page
    source.close()


def pull_floors(centre: Path, work: Path) -> tuple[float, float]:
    """(events/s of the bare log floor, events/s of the log-and-cases floor), pages of 1,000;
    only the inserts are timed (reading the rows from the centre's file is not)."""
    from desk_app.store.database import open_database
    from desk_app.store.schema import cases
    from desk_app.store.search_index import register_search_functions, search_grams

    insert_events = ("INSERT INTO events (id, entity, entity_id, type, payload, actor, desk, hlc, "
                     "org, origin, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,'pulled',0)")
    bare = sqlite3.connect(work / "floor-bare.sqlite3")
    bare.execute("PRAGMA journal_mode=WAL")
    bare.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, entity TEXT, "
                 "entity_id TEXT, type TEXT, payload TEXT, actor TEXT, desk TEXT, hlc TEXT, "
                 "org TEXT, origin TEXT, recorded_at INTEGER)")
    count, spent = 0, 0.0
    for page in _pages(centre):
        began = time.perf_counter()
        with bare:
            bare.executemany(insert_events, page)
        spent += time.perf_counter() - began
        count += len(page)
    bare_rate = count / spent
    bare.close()
    # The desk's own schema (its indexes, triggers, FTS and short-query index): each case's
    # row written once, with its registration's text, beside the same event rows.
    open_database(work / "floor-desk.sqlite3").close()
    desk = sqlite3.connect(work / "floor-desk.sqlite3")
    register_search_functions(desk)
    names = [c.name for c in cases.c if c.name != "pk"]
    defaults = {c.name: (c.server_default.arg if c.server_default is not None else None)  # type: ignore[attr-defined]
                for c in cases.c}
    insert_case = (f"INSERT INTO cases ({', '.join(names)}) VALUES ({', '.join('?' * len(names))}) "
                   f"ON CONFLICT (id) DO UPDATE SET status = excluded.status")
    spent = 0.0
    for page in _pages(centre):
        case_rows = []
        for r in page:
            if r[3] == "case.registered":
                p = json.loads(str(r[4]))
                values = {**defaults, "id": r[2], "status": "registered", "org": r[8],
                          "title": p["title"], "description": p["description"],
                          "address": p.get("address", ""), "name": p.get("name", ""),
                          "phone": p.get("phone", ""), "number": p["number"]}
                case_rows.append(tuple(values[n] for n in names))
        began = time.perf_counter()
        with desk:
            desk.executemany(insert_events, page)
            # The short-query rows the cheapest way (as the bulk pull writes them, revision
            # 0011): made in Python, one executemany, the trigger standing aside.
            top = desk.execute("SELECT coalesce(max(pk), 0) FROM cases").fetchone()[0]
            desk.execute("INSERT INTO search_bulk (id) VALUES (1)")
            desk.executemany(insert_case, case_rows)
            desk.executemany("INSERT INTO cases_grams(rowid, grams) VALUES (?, ?)", [
                (r[0], search_grams(*r[1:])) for r in desk.execute(
                    "SELECT pk, title, description, address, name FROM cases WHERE pk > ?",
                    (top,))])
            desk.execute("DELETE FROM search_bulk")
        spent += time.perf_counter() - began
    desk_rate = count / spent
    desk.close()
    return bare_rate, desk_rate


def _reset_peak_memory() -> None:
    """Start this process's peak resident memory afresh (Linux: clear_refs 5 resets VmHWM)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _peak_memory_mb() -> float:
    """This process's peak resident memory since the last reset, in MB (0 if unknown)."""
    with contextlib.suppress(OSError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def first_sync(events: int) -> dict[str, float]:
    """A new street desk's first sync against a centre holding `events` events, while a window
    worker registers cases."""
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.intake import Intake
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.case_queries import CaseQuery, count_cases
    from desk_app.store.cases import register_case
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, setup_desk
    from desk_app.store.users import User, create_user
    from sync.client import SyncClient, TokenStore, enrol, http_session
    from tests.sync.servers import ServerProcess

    reader = User("bench", "bench", "测评", "supervisor")  # the count a supervisor's list shows

    centre = ensure_centre(events)
    work = Path(tempfile.mkdtemp(prefix="bench-sync-", dir=centre.parent))
    try:
        shutil.copy(centre, work / "centre.sqlite3")
        server = ServerProcess(f"sqlite:///{work / 'centre.sqlite3'}", work).start(timeout=300)
        try:
            catalogue, calendar = load_catalogue(catalogue_dir()), WorkCalendar.load(calendar_file())
            db = open_database(work / "desk.sqlite3")
            desk = Desk(db, setup_desk(db, f"{STREET}-09", "bench", STREET, catalogue),
                        catalogue, calendar)
            user = create_user(db, "worker", "工作人员", "supervisor", "password-123")
            tokens = TokenStore(work / "desk")
            enrol(desk, server.url, server.issue_code(STREET), tokens)
            client = SyncClient(desk, server.url, tokens.load(desk.code) or "",
                                session=http_session(), timeout=(5, 120))
            outcome: dict[str, object] = {}
            load0 = os.getloadavg()[0]
            _reset_peak_memory()
            cpu0 = time.process_time()

            def run() -> None:
                outcome["report"] = client.sync()

            worker = threading.Thread(target=run, name="sync")
            began = time.perf_counter()
            worker.start()
            waits: list[float] = []
            n = 0
            while worker.is_alive():
                n += 1
                intake = Intake(description=f"窗口登记第{n}件：楼道灯坏了。", category="030201",
                                community="YT-HS-PW", name="李秀英", phone="13812345678")
                asked = time.perf_counter()
                register_case(desk, user, intake)
                waits.append((time.perf_counter() - asked) * 1000)
                worker.join(0.25)
            seconds = time.perf_counter() - began
            peak, cpu = _peak_memory_mb(), time.process_time() - cpu0
            report = outcome["report"]
            assert report.ok, report.error  # type: ignore[attr-defined]
            shown = count_cases(db, reader, CaseQuery())
            db.close()
        finally:
            server.stop()
        bare, with_cases = pull_floors(work / "centre.sqlite3", work)
        pulled = report.applied  # type: ignore[attr-defined]
        return {"events": events, "seconds": seconds, "rate": pulled / seconds,
                "bare": bare, "with_cases": with_cases, "registered": len(waits),
                "wait_p50": statistics.median(waits) if waits else 0.0,
                "wait_max": max(waits) if waits else 0.0, "cases": shown, "peak_mb": peak,
                "cpu": cpu,
                "load": (load0 + os.getloadavg()[0]) / 2}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def push(events: int, centre_url: str | None = None) -> dict[str, float]:
    """A desk pushing `events` events of its outbox (batches of 500, gzip) to an empty centre
    (SQLite, or the PostgreSQL database `centre_url`), beside a raw executemany of the same rows
    into the centre's table."""
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, setup_desk
    from sync.client import SyncClient, SyncReport, TokenStore, enrol, http_session
    from tests.sync.servers import ServerProcess

    centre = ensure_centre(events)
    work = Path(tempfile.mkdtemp(prefix="bench-push-", dir=centre.parent))
    try:
        source = sqlite3.connect(centre)
        rows = source.execute("SELECT id, entity, entity_id, type, payload, actor, hlc, org "
                              "FROM server_events ORDER BY seq").fetchall()
        source.close()
        catalogue, calendar = load_catalogue(catalogue_dir()), WorkCalendar.load(calendar_file())
        db = open_database(work / "desk.sqlite3")
        code = f"{STREET}-01"
        desk = Desk(db, setup_desk(db, code, "bench", STREET, catalogue), catalogue, calendar)
        with db.begin() as conn:  # the same events, as this desk's own, waiting to be sent
            conn.exec_driver_sql(
                "INSERT INTO events (id, entity, entity_id, type, payload, actor, desk, hlc, "
                "org, origin, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'local', 0)",
                [(r[0], r[1], r[2], r[3], r[4], f"worker@{code}", code,
                  r[6][:22] + code, r[7]) for r in rows])
            conn.exec_driver_sql("INSERT INTO outbox (event_id, queued_at, attempts) "
                                 "SELECT id, 0, 0 FROM events")
        database = centre_url or f"sqlite:///{work / 'centre.sqlite3'}"
        server = ServerProcess(database, work, workers=PUSH_WORKERS).start(timeout=300)
        try:
            tokens = TokenStore(work / "desk")
            enrol(desk, server.url, server.issue_code(STREET), tokens)
            client = SyncClient(desk, server.url, tokens.load(code) or "",
                                session=http_session(), batch=500, timeout=(5, 120))
            if PUSH_LANES:
                client.lanes = int(PUSH_LANES)
            report = SyncReport()
            began = time.perf_counter()
            client.push(report)
            seconds = time.perf_counter() - began
            assert report.accepted == len(rows), report
            noop = []
            for _ in range(5):
                started = time.perf_counter()
                assert client.sync().ok
                noop.append((time.perf_counter() - started) * 1000)
            projected = _centre_cases(centre_url or work / "centre.sqlite3")
        finally:
            server.stop()
        db.close()
        flat = [(n + 1, r[0], r[1], r[2], r[3], r[4], r[5], code, r[6], r[7], 0, "desk")
                for n, r in enumerate(rows)]
        floor_rate = (postgres_push_floor(centre_url, flat) if centre_url
                      else sqlite_push_floor(work / "floor.sqlite3", flat))
        batches = _with_case_rows(flat, projected)
        with_cases = (postgres_push_floor(centre_url, flat, batches) if centre_url
                      else sqlite_push_floor(work / "floor-cases.sqlite3", flat, batches))
        return {"events": len(rows), "rate": len(rows) / seconds, "floor": floor_rate,
                "with_cases": with_cases,
                "noop": statistics.median(noop), "centre": "PostgreSQL" if centre_url else "SQLite",
                "lanes": client.lanes, "workers": PUSH_WORKERS,
                "load": os.getloadavg()[0]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _case_upsert(table: str, mark: str) -> str:
    """The projection's upsert into `table` (a copy of the centre's case table), every column
    in the schema's order, as the centre writes its case rows."""
    from sync.server.schema import cases

    names = [c.name for c in cases.c]
    updates = ", ".join(f"{n} = excluded.{n}" for n in names[1:])
    return (f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join([mark] * len(names))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}")


def _centre_cases(where: str | Path) -> dict[str, tuple[object, ...]]:
    """The case rows the centre projected, by id (a PostgreSQL url, or a SQLite file)."""
    from sync.server.schema import cases

    query = f"SELECT {', '.join(c.name for c in cases.c)} FROM server_cases"
    if isinstance(where, Path):
        source = sqlite3.connect(where)
        found = source.execute(query).fetchall()
        source.close()
    else:
        with _postgres(where) as conn:
            found = conn.execute(query).fetchall()
    return {str(row[0]): tuple(row) for row in found}


def _postgres(url: str) -> Any:
    """A psycopg connection to the centre's database given by its SQLAlchemy url."""
    import psycopg

    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))


def _with_case_rows(flat: list[tuple[object, ...]], projected: dict[str, tuple[object, ...]]
                    ) -> list[list[tuple[object, ...]]]:
    """For each batch of 500 events, the case rows the centre's projection writes for it: one
    upsert for each case the batch holds events of, with the row the centre ended with."""
    return [[projected[str(c)] for c in dict.fromkeys(
                r[3] for r in flat[start:start + 500] if r[2] == "case") if str(c) in projected]
            for start in range(0, len(flat), 500)]


def _centre_case_table() -> list[str]:
    """The centre's case table and its indexes as SQLite DDL, made from its schema."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from sync.server.schema import cases

    return [str(CreateTable(cases).compile(dialect=sqlite.dialect())),
            *(str(CreateIndex(index).compile(dialect=sqlite.dialect())) for index in cases.indexes)]


def sqlite_push_floor(path: Path, flat: list[tuple[object, ...]],
                      cases: list[list[tuple[object, ...]]] | None = None) -> float:
    """Events/s of a raw executemany of the rows into a bare copy of the centre's table (its
    unique id and its entity index), batches of 500, each under BEGIN IMMEDIATE. `cases`: the
    same with each batch's case rows upserted too, into a copy of the centre's case table (the
    rows a push writes: its events and their cases' projection)."""
    floor = sqlite3.connect(path)
    floor.execute("PRAGMA journal_mode=WAL")
    floor.execute("CREATE TABLE server_events (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, "
                  "entity TEXT, entity_id TEXT, type TEXT, payload TEXT, actor TEXT, "
                  "desk TEXT, hlc TEXT, org TEXT, received_at INTEGER, pushed_by TEXT)")
    floor.execute("CREATE INDEX ix_entity ON server_events (entity_id, hlc)")
    for ddl in _centre_case_table():
        floor.execute(ddl)
    upsert = _case_upsert("server_cases", "?")
    began = time.perf_counter()
    for n, start in enumerate(range(0, len(flat), 500)):
        with floor:
            floor.execute("BEGIN IMMEDIATE")
            floor.executemany("INSERT INTO server_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                              flat[start:start + 500])
            if cases is not None and cases[n]:
                floor.executemany(upsert, cases[n])
    rate = len(flat) / (time.perf_counter() - began)
    floor.close()
    return rate


def postgres_push_floor(url: str, flat: list[tuple[object, ...]],
                        cases: list[list[tuple[object, ...]]] | None = None) -> float:
    """Events/s of a raw psycopg executemany of the rows into a copy of the centre's table (its
    indexes included), batches of 500, each under the centre's writer lock. `cases`: the same
    with each batch's case rows upserted too, into a copy of the centre's case table."""
    from sync.server.database import WRITE_LOCK

    upsert = _case_upsert("floor_cases", "%s")
    with _postgres(url) as conn:
        conn.execute("CREATE TABLE floor_events (LIKE server_events INCLUDING ALL)")
        conn.execute("CREATE TABLE floor_cases (LIKE server_cases INCLUDING ALL)")
        conn.commit()
        began = time.perf_counter()
        for n, start in enumerate(range(0, len(flat), 500)):
            with conn.transaction(), conn.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                cursor.executemany("INSERT INTO floor_events VALUES "
                                   "(%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)",
                                   flat[start:start + 500])
                if cases is not None and cases[n]:
                    cursor.executemany(upsert, cases[n])
        rate = len(flat) / (time.perf_counter() - began)
        conn.execute("DROP TABLE floor_events")
        conn.execute("DROP TABLE floor_cases")
        conn.commit()
    return rate


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["COMMUNITY_DESK_TOKEN_STORE"] = "file"
    pulls = []
    for n in SIZES if "pull" in PARTS else []:
        pulls.append(first_sync(n))
        print(f"  first sync of {n:,} events: {pulls[-1]['seconds']:.1f} s", flush=True)
    pushes = push_runs() if "push" in PARTS else []
    if pushes:
        print_pushes(pushes)
    if not pulls:
        return
    print(f"\nfirst sync of a street desk (SQLite centre, pages of 1,000, {os.cpu_count()} cores; "
          "a window worker registering a case every 0.25 s meanwhile):")
    print("| events | seconds | events/s | floor: log only | ratio | floor: log + case rows "
          "| ratio | registrations | wait p50 ms | wait max ms | cases shown "
          "| desk's CPU s | desk's peak memory MB | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for p in pulls:
        print(f"| {p['events']:,.0f} | {p['seconds']:.1f} | {p['rate']:,.0f} | {p['bare']:,.0f} "
              f"| {p['rate'] / p['bare']:.2f} | {p['with_cases']:,.0f} "
              f"| {p['rate'] / p['with_cases']:.2f} | {p['registered']:.0f} "
              f"| {p['wait_p50']:.0f} | {p['wait_max']:.0f} | {p['cases']:,.0f} "
              f"| {p['cpu']:.1f} | {p['peak_mb']:,.0f} | {p['load']:.1f} |")


def push_runs() -> list[dict[str, object]]:
    """The push at each size up to PUSH_MAX, against each centre of PUSH_CENTRES."""
    from tests.sync.pg import Cluster, binaries

    pushes: list[dict[str, object]] = []
    for centre in PUSH_CENTRES:
        cluster = Cluster().start() if centre == "postgresql" and binaries() else None
        if centre == "postgresql" and cluster is None:
            print("  (no PostgreSQL here: its push is not measured)", flush=True)
            continue
        try:
            for n in SIZES:
                if n <= PUSH_MAX:
                    pushes.append(push(n, cluster.new_database() if cluster else None))
                    print(f"  push of {n:,} events to a {pushes[-1]['centre']} centre: "
                          f"{pushes[-1]['rate']:,.0f} events/s", flush=True)
        finally:
            if cluster is not None:
                cluster.stop()
    return pushes


def print_pushes(pushes: list[dict[str, object]]) -> None:
    print(f"\npush of a desk's outbox (batches of 500, gzip; {pushes[0]['lanes']} lanes, "
          f"{pushes[0]['workers']} server processes):")
    print("| centre | events | events/s | floor: raw executemany, events only, batches of 500 "
          "| ratio | floor: events + their cases' rows | ratio | no-op sync ms | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for p in pushes:
        rate, floor = float(p["rate"]), float(p["floor"])  # type: ignore[arg-type]
        cases = float(p["with_cases"])  # type: ignore[arg-type]
        print(f"| {p['centre']} | {p['events']:,.0f} | {rate:,.0f} | {floor:,.0f} "
              f"| {rate / floor:.2f} | {cases:,.0f} | {rate / cases:.2f} | {p['noop']:.1f} "
              f"| {p['load']:.1f} |")


if __name__ == "__main__":
    main()
