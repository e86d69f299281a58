"""The centre under load: 10, 50 and 200 desks pushing batches of 100 events against 1, 2 and
4 server processes on one PostgreSQL (SQLite when PostgreSQL is missing), while a reader pulls
all the while and checks that no sequence number is ever skipped. Two modes per configuration,
on the same server:

- closed loop (saturation): every desk pushes its batches back to back. The simulated desks
  run on the same cores as the server, so this measures the most the machine moves
  (events/s), not the latency a desk sees;
- open loop (latency): each desk pushes one 100-event batch every PERIOD seconds (default 20),
  starting at a random moment of the first period, whatever the others do; p50/p95 per batch
  is what a desk waits at that arrival rate. Why 20 s: Shenzhen's 6.81 million work orders in
  six months (BRIEF.md) are ~37,000 a day city-wide; at ~8 events a case over its life, all in
  a 10-hour working day with a busiest hour 3× the mean, that is ~25 events/s for the whole
  city. 200 desks each sending 100 events every 20 s offer 1,000 events/s to one district's
  centre: some 40× the whole city's busiest hour, the morning after an outage included.

Prints events/s, p50/p95 per batch, the machine's load, and beside them the floor measured in the
same run: a raw executemany of the same rows under the same advisory lock (events/s, and ms per
100-row batch). Bounded: every desk sends a fixed number of batches, everything runs on loopback,
and it stops by itself (about 12 minutes with the defaults).

    python -m bench load          BENCH_LOAD_EVENTS=20000 (closed loop, per configuration)
                                  BENCH_LOAD_PERIOD=20  BENCH_LOAD_OPEN_BATCHES=3 (open loop)
                                  BENCH_LOAD_DESKS=10,50,200  BENCH_LOAD_WORKERS=1,2,4
                                  BENCH_LOAD_ONE=10000 (the one-desk push and pull)
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EVENTS = int(os.environ.get("BENCH_LOAD_EVENTS", "20000"))
DESKS = [int(n) for n in os.environ.get("BENCH_LOAD_DESKS", "10,50,200").split(",")]
WORKERS = [int(n) for n in os.environ.get("BENCH_LOAD_WORKERS", "1,2,4").split(",")]
BATCH = 100
ONE_DESK = int(os.environ.get("BENCH_LOAD_ONE", "10000"))  # events of the one-desk figures
PERIOD = float(os.environ.get("BENCH_LOAD_PERIOD", "20"))  # open loop: s between a desk's batches
OPEN_BATCHES = int(os.environ.get("BENCH_LOAD_OPEN_BATCHES", "3"))
COMMUNITIES = ("YT-HS-PW", "YT-HS-HT", "YT-HS-TD", "YT-HS-WT")


@dataclass
class Outcome:
    desks: int
    workers: int
    events: int = 0
    seconds: float = 0.0
    batch_ms: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    pulled: int = 0
    skipped: int = 0
    cpu_busy: float = 0.0
    load: float = 0.0
    mode: str = "closed"


def cpu_times() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    fields = [float(x) for x in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def desk_batches(code: str, org: str, batches: int, size: int = BATCH) -> list[bytes]:
    """Gzipped push bodies of one desk: cases registered and dispatched, `size` to a batch."""
    from desk_app.domain.hlc import HybridClock
    from desk_app.domain.ids import uuid7

    clock = HybridClock(code)
    actor = f"worker@{code}"
    day = time.strftime("%Y%m%d")
    bodies, number = [], 0
    for _ in range(batches):
        events: list[dict[str, Any]] = []
        while len(events) < size:
            number += 1
            case_id = uuid7()
            base = {"entity": "case", "entity_id": case_id, "actor": actor, "desk": code,
                    "org": org}
            events.append({**base, "id": uuid7(), "type": "case.registered", "hlc": clock.now(),
                           "payload": {
                               "number": f"{code}-{day}-{number:06d}", "kind": "complaint",
                               "channel": "window", "title": "井盖缺失", "urgency": "ordinary",
                               "description": f"第{number}件：小区门口井盖缺失，存在安全隐患。",
                               "category": "030201", "community": org}})
            events.append({**base, "id": uuid7(), "type": "case.dispatched", "hlc": clock.now(),
                           "payload": {"lead": "D-URBAN", "mode": "auto"}})
        bodies.append(gzip.compress(json.dumps({"events": events}, ensure_ascii=False).encode()))
    return bodies


def enrol_desks(url: str, database: str, count: int) -> tuple[list[tuple[str, str, str]], str]:
    """(desk code, token, community) of `count` desks spread over the street's communities,
    and the token of a district reader."""
    import requests

    from tests.sync.servers import admin

    def enrol(code: str, desk_code: str) -> str:
        answer = requests.post(url + "/v1/enrol", timeout=30, json={
            "code": code, "desk_code": desk_code, "desk_name": desk_code})
        answer.raise_for_status()
        return answer.json()["token"]

    desks: list[tuple[str, str, str]] = []
    for n, community in enumerate(COMMUNITIES):
        share = count // len(COMMUNITIES) + (1 if n < count % len(COMMUNITIES) else 0)
        if share:
            for code in admin(database, "issue-code", "--org", community, "--count",
                              str(share)).split():
                desk_code = f"B{len(desks) + 1:03d}"
                desks.append((desk_code, enrol(code, desk_code), community))
    return desks, enrol(admin(database, "issue-code", "--org", "YT"), "READER")


def run_config(database: str, desks: int, workers: int, work: Path) -> list[Outcome]:
    """The closed loop, then the open loop, on one server, with one reader all the while."""
    import random

    import requests

    from tests.sync.servers import ServerProcess

    closed, opened = Outcome(desks, workers), Outcome(desks, workers, mode="open")
    server = ServerProcess(database, work, workers=workers).start(timeout=300)
    try:
        enrolled, reader_token = enrol_desks(server.url, database, desks)
        batches = max(2, EVENTS // (desks * BATCH))
        bodies = [desk_batches(code, org, batches + OPEN_BATCHES) for code, _, org in enrolled]
        closed.events = desks * batches * BATCH
        opened.events = desks * OPEN_BATCHES * BATCH
        lock = threading.Lock()
        pulled = Outcome(desks, workers)  # the reader's counts, over both modes
        done = threading.Event()

        def desk(token: str, mine: list[bytes], outcome: Outcome, start: threading.Barrier,
                 at: list[float] | None) -> None:
            """Push `mine`: back to back, or (open loop) each at its moment `at` after the
            start, or at once if the one before it came back too late for that."""
            session = requests.Session()
            session.headers.update({"Authorization": f"Bearer {token}",
                                    "Content-Encoding": "gzip",
                                    "Content-Type": "application/json", "X-Desk-Protocol": "1"})
            start.wait()
            began = time.perf_counter()
            for n, body in enumerate(mine):
                if at is not None:
                    time.sleep(max(0.0, began + at[n] - time.perf_counter()))
                sent = time.perf_counter()
                try:
                    answer = session.post(server.url + "/v1/push", data=body, timeout=120)
                    ok = answer.status_code == 200 and all(
                        r["status"] == "accepted" for r in answer.json()["results"])
                    problem = "" if ok else f"{answer.status_code} {answer.text[:200]}"
                except requests.RequestException as error:
                    problem = repr(error)
                elapsed = (time.perf_counter() - sent) * 1000
                with lock:
                    outcome.batch_ms.append(elapsed)
                    if problem:
                        outcome.failures.append(problem)

        def reader() -> None:
            """Pull the whole district all the while; every seq must follow the one before."""
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {reader_token}"
            after, last = 0, 0
            while True:
                finished = done.is_set()
                answer = session.get(server.url + "/v1/pull", timeout=120,
                                     params={"after": after, "limit": 1000}).json()
                for item in answer["events"]:
                    if item["seq"] != last + 1:
                        pulled.skipped += 1
                    last = item["seq"]
                    pulled.pulled += 1
                after = answer["next"]
                if finished and not answer["more"]:
                    return
                if not answer["events"]:
                    time.sleep(0.05)

        pull = threading.Thread(target=reader)
        pull.start()
        rng = random.Random(desks * 10 + workers)
        for outcome, part, schedule in (
                (closed, slice(0, batches), None),
                (opened, slice(batches, batches + OPEN_BATCHES), True)):
            start = threading.Barrier(desks + 1)
            threads = []
            for (_, token, _), mine in zip(enrolled, bodies, strict=True):
                at = None
                if schedule:
                    first = rng.uniform(0, PERIOD)
                    at = [first + k * PERIOD for k in range(OPEN_BATCHES)]
                threads.append(threading.Thread(target=desk, args=(token, mine[part], outcome,
                                                                   start, at)))
            for thread in threads:
                thread.start()
            busy0, total0 = cpu_times()
            start.wait()
            began = time.perf_counter()
            for thread in threads:
                thread.join()
            outcome.seconds = time.perf_counter() - began
            busy1, total1 = cpu_times()
            outcome.cpu_busy = (busy1 - busy0) / max(1.0, total1 - total0)
            outcome.load = os.getloadavg()[0]
        done.set()
        pull.join(300)
        for outcome in (closed, opened):
            outcome.pulled, outcome.skipped = pulled.pulled, pulled.skipped
        expected = closed.events + opened.events
        if pulled.pulled != expected:
            closed.failures.append(f"the reader pulled {pulled.pulled:,} of {expected:,} events")
        requests.get(server.url + "/healthz", timeout=10)
    finally:
        server.stop()
    return [closed, opened]


def raw_floor(database: str, rows: int = 20_000, batch: int = BATCH) -> float:
    """Events/s of a raw executemany of the same rows, 100 at a time, each batch under the
    same advisory lock (PostgreSQL) or BEGIN IMMEDIATE (SQLite), into a scratch table."""
    import uuid

    from sqlalchemy import create_engine, text

    from sync.server.database import WRITE_LOCK

    engine = create_engine(database)
    data = [(n, str(uuid.uuid4()), "case", str(uuid.uuid4()), "case.registered",
             json.dumps({"number": f"B001-20261201-{n:06d}", "description": "第n件：井盖缺失。",
                         "community": "YT-HS-PW"}, ensure_ascii=False),
             "worker@B001", "B001", f"{1764547200000 + n:015d}-0000-B001", "YT-HS-PW",
             1764547200000, "desk") for n in range(1, rows + 1)]
    postgres = engine.dialect.name == "postgresql"
    mark = "%s" if postgres else "?"
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS floor_events"))
        conn.execute(text("CREATE TABLE floor_events AS SELECT * FROM server_events WHERE 1 = 0"))
    began = time.perf_counter()
    with engine.connect() as conn:
        for start in range(0, rows, batch):
            with conn.begin():
                if postgres:
                    conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": WRITE_LOCK})
                conn.exec_driver_sql(
                    f"INSERT INTO floor_events VALUES ({', '.join([mark] * 12)})",
                    data[start:start + batch])
    seconds = time.perf_counter() - began
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE floor_events"))
    engine.dispose()
    return rows / seconds


def one_desk(database: str, work: Path, total: int = ONE_DESK) -> tuple[float, float, float, float]:
    """One desk alone: push `total` events in batches of 500, then a fresh desk pulls them
    (applied and projected). Returns (push events/s, its floor, pull events/s, its floor); the
    pull's floor is a raw executemany of the same rows into the desk's SQLite events table."""
    import sqlite3

    import requests

    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, setup_desk
    from sync.client import SyncClient, SyncReport, TokenStore, enrol, http_session
    from tests.sync.servers import ServerProcess

    server = ServerProcess(database, work).start(timeout=300)
    try:
        ((code, token, org),), _ = enrol_desks(server.url, database, 1)
        bodies = desk_batches(code, org, total // 500, size=500)
        session = requests.Session()
        session.headers.update({"Authorization": f"Bearer {token}", "Content-Encoding": "gzip",
                                "Content-Type": "application/json"})
        began = time.perf_counter()
        for body in bodies:
            session.post(server.url + "/v1/push", data=body, timeout=300).raise_for_status()
        push_rate = total / (time.perf_counter() - began)
        catalogue, calendar = load_catalogue(catalogue_dir()), WorkCalendar.load(calendar_file())
        db = open_database(work / "puller.sqlite3")
        desk = Desk(db, setup_desk(db, "YT-HS-09", "puller", "YT-HS", catalogue), catalogue,
                    calendar)
        tokens = TokenStore(work / "puller")
        enrol(desk, server.url, server.issue_code("YT-HS"), tokens)
        client = SyncClient(desk, server.url, tokens.load(desk.code) or "", session=http_session())
        began = time.perf_counter()
        report = SyncReport()
        client.pull(report)
        pull_rate = report.applied / (time.perf_counter() - began)
        db.close()
    finally:
        server.stop()
    rows = [(json.dumps(e, ensure_ascii=False),) for body in bodies
            for e in json.loads(gzip.decompress(body))["events"]]
    raw = sqlite3.connect(work / "floor.sqlite3")
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, id TEXT UNIQUE, entity TEXT, "
                "entity_id TEXT, type TEXT, payload TEXT, actor TEXT, desk TEXT, hlc TEXT, "
                "org TEXT, origin TEXT, recorded_at INTEGER)")
    import uuid

    flat = [(str(uuid.uuid4()), "case", str(uuid.uuid4()), "case.registered", r[0], "w@B001",
             "B001", "001764547200000-0000-B001", "YT-HS-PW", "pulled", 0) for r in rows]
    began = time.perf_counter()
    for start in range(0, len(flat), 1000):
        with raw:
            raw.executemany("INSERT INTO events (id, entity, entity_id, type, payload, actor, "
                            "desk, hlc, org, origin, recorded_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                            flat[start:start + 1000])
    pull_floor = len(flat) / (time.perf_counter() - began)
    raw.close()
    return push_rate, raw_floor(database, rows=total, batch=500), pull_rate, pull_floor


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.sync.pg import Cluster, binaries

    cluster = Cluster().start() if binaries() else None
    name = "PostgreSQL" if cluster else "SQLite"
    outcomes: list[Outcome] = []
    floor = 0.0
    try:
        work = Path(tempfile.mkdtemp(prefix="bench-load-"))
        database = cluster.new_database() if cluster else f"sqlite:///{work / 'server.sqlite3'}"
        single = one_desk(database, work)
        shutil.rmtree(work, ignore_errors=True)
        for desks in DESKS:
            for workers in WORKERS:
                work = Path(tempfile.mkdtemp(prefix="bench-load-"))
                database = cluster.new_database() if cluster else \
                    f"sqlite:///{work / 'server.sqlite3'}"
                try:
                    both = run_config(database, desks, workers, work)
                except Exception as error:  # reported in the table, the others still run
                    both = [Outcome(desks, workers, failures=[repr(error)[:300]]),
                            Outcome(desks, workers, failures=[repr(error)[:300]], mode="open")]
                if not floor:
                    floor = raw_floor(database)
                outcomes.extend(both)
                shutil.rmtree(work, ignore_errors=True)
                closed, opened = both
                print(f"  {desks:4d} desks × {workers} processes: closed loop "
                      f"{closed.events / max(closed.seconds, 1e-9):8,.0f} events/s; open loop "
                      f"p95 {quantile(opened.batch_ms, 19):6.0f} ms", flush=True)
    finally:
        if cluster is not None:
            cluster.stop()
    push, push_floor, pull, pull_floor = single
    print(f"\none desk alone against one process on {name}, {ONE_DESK:,} events:")
    print(f"  push  {push:8,.0f} events/s   floor (raw executemany, same lock, batches of 500) "
          f"{push_floor:8,.0f}   ratio {push / push_floor:.2f}")
    print(f"  pull  {pull:8,.0f} events/s   floor (raw executemany into the desk's SQLite)     "
          f"{pull_floor:8,.0f}   ratio {pull / pull_floor:.2f}")
    print(f"\ncentre load on {name}, {os.cpu_count()} CPU cores, batches of {BATCH} events "
          f"(a reader pulling all the while, checking every sequence number)")
    print(f"floor: raw executemany of the same rows under the same lock: {floor:,.0f} events/s, "
          f"{BATCH / floor * 1000:.1f} ms per {BATCH}-row batch\n")
    print("closed loop (saturation: every desk pushes back to back):\n")
    print("| desks | processes | events | events/s | × floor | p50 ms | p95 ms | failed | "
          "pulled | skipped | CPU busy | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for o in outcomes:
        if o.mode == "closed":
            row(o, floor)
    print(f"\nopen loop (each desk one {BATCH}-event batch every {PERIOD:g} s, from a random "
          f"start; {OPEN_BATCHES} batches a desk; floor {BATCH / floor * 1000:.1f} ms a batch):\n")
    print("| desks | processes | offered events/s | p50 ms | p95 ms | max ms | p95 / floor | "
          "failed | skipped | CPU busy | load |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for o in outcomes:
        if o.mode != "open":
            continue
        if not o.batch_ms:
            print(f"| {o.desks} | {o.workers} | did not run: {o.failures[0] if o.failures else '?'} |")
            continue
        p95 = quantile(o.batch_ms, 19)
        print(f"| {o.desks} | {o.workers} | {o.desks * BATCH / PERIOD:,.0f} | "
              f"{statistics.median(o.batch_ms):.0f} | {p95:.0f} | {max(o.batch_ms):.0f} | "
              f"{p95 / (BATCH / floor * 1000):.0f} | {len(o.failures)} | {o.skipped} | "
              f"{o.cpu_busy:.0%} | {o.load:.1f} |")
        for failure in o.failures[:3]:
            print(f"    failure: {failure}")


def quantile(samples: list[float], twentieth: int) -> float:
    """The `twentieth`/20 quantile (19: p95) of the samples, 0 if there are none."""
    if len(samples) < 2:
        return samples[0] if samples else 0.0
    return statistics.quantiles(samples, n=20)[twentieth - 1]


def row(o: Outcome, floor: float) -> None:
    if not o.batch_ms:
        print(f"| {o.desks} | {o.workers} | did not run: {o.failures[0] if o.failures else '?'} |")
        return
    rate = o.events / o.seconds
    print(f"| {o.desks} | {o.workers} | {o.events:,} | {rate:,.0f} | {rate / floor:.2f} | "
          f"{statistics.median(o.batch_ms):.0f} | {quantile(o.batch_ms, 19):.0f} | "
          f"{len(o.failures)} | {o.pulled:,} | {o.skipped} | {o.cpu_busy:.0%} | {o.load:.1f} |")
    for failure in o.failures[:3]:
        print(f"    failure: {failure}")

if __name__ == "__main__":
    main()
