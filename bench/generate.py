"""Desk databases of 10 k, 100 k and 1 M cases for the benchmarks, built once and reused.

They live outside the repository (BENCH_DATA, default /work/benchdata or ~/.cache/community-desk
-bench) because the largest is over 2 GB. Each is built into a temporary file that is renamed
only when complete, so an interrupted build is never mistaken for a finished one.

The events are the ones the desk itself would write (registration payloads from the domain,
dispatch, resolution for most older cases) and each case row is the domain's own fold of them;
only the writing is the bulk path (`exec_driver_sql` with tuples, as fast as raw sqlite3), so a
million cases take minutes rather than the hour that `Desk.record` in batches would.

`python -m bench.generate 10000 100000 1000000` builds what is missing.
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = (10_000, 100_000, 1_000_000)
WORDS = ["楼道", "路灯", "噪音", "漏水", "停车", "垃圾", "施工", "电梯", "井盖", "占道"]
CHUNK = 20_000


def data_dir() -> Path:
    chosen = os.environ.get("BENCH_DATA")
    if chosen:
        return Path(chosen)
    shared = Path("/work/benchdata")
    if shared.parent.exists():
        return shared
    return Path.home() / ".cache" / "community-desk-bench"


def database_path(cases: int) -> Path:
    return data_dir() / f"desk-{cases}.sqlite3"


def ensure(cases: int) -> Path:
    """The path of a finished desk database of `cases` cases, building it if missing."""
    path = database_path(cases)
    if not path.exists():
        print(f"building a desk database of {cases:,} cases (once, into {path}) ...", flush=True)
        build(path, cases)
    return path


def with_bench_user(path: Path) -> Path:
    """The database, with an account to sign in with (bench / bench-password), so that the
    program starts to its sign-in window rather than the set-up wizard."""
    from desk_app.store.database import open_database
    from desk_app.store.users import create_user, has_users

    db = open_database(path)
    try:
        if not has_users(db):
            create_user(db, "bench", "测评", "supervisor", "bench-password")
    finally:
        db.close()
    return path


def build(path: Path, cases: int, org: str = "YT-HS", code: str = "YT-HS-01") -> None:
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.case import fold
    from desk_app.domain.case_numbers import case_number
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.events import Event
    from desk_app.domain.hlc import HybridClock
    from desk_app.domain.ids import uuid7
    from desk_app.domain.intake import Intake, registration_payload
    from desk_app.domain.sla import CHINA, utc_from_ms
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.database import open_database
    from desk_app.store.desk import setup_desk, write_meta
    from desk_app.store.projection import case_row
    from desk_app.store.report_facts import bulk_insert, facts_row
    from desk_app.store.schema import cases as cases_table

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        leftover.unlink(missing_ok=True)
    catalogue = load_catalogue(catalogue_dir())
    calendar = WorkCalendar.load(calendar_file())
    db = open_database(partial)
    identity = setup_desk(db, code, "bench", org, catalogue)
    rng = random.Random(7)
    items = list(catalogue.active_items())
    communities = catalogue.org_children(org, "community")
    now = int(time.time() * 1000)
    span = 3 * 365 * 86_400_000
    starts = sorted(now - rng.randrange(span) for _ in range(cases))
    actor = f"bench@{code}"
    columns = [c.name for c in cases_table.c if c.name != "pk"]
    insert_case = (f"INSERT INTO cases ({', '.join(columns)}) "
                   f"VALUES ({', '.join('?' * len(columns))})")
    insert_event = ("INSERT INTO events (id, entity, entity_id, type, payload, actor, desk, hlc,"
                    " org, origin, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pulled', ?)")
    sequence: dict[str, int] = {}
    last = ""
    started = time.perf_counter()
    event_rows: list[tuple[object, ...]] = []
    case_rows: list[tuple[object, ...]] = []
    fact_rows: list[dict[str, object]] = []

    def flush() -> None:
        with db.begin() as conn:
            conn.exec_driver_sql(insert_event, event_rows)  # type: ignore[arg-type]
            conn.exec_driver_sql(insert_case, case_rows)  # type: ignore[arg-type]
            bulk_insert(conn, "case_facts", fact_rows)  # the reports' facts and weekly rollup
        event_rows.clear()
        case_rows.clear()
        fact_rows.clear()

    for n, start in enumerate(starts):
        wall = [start]
        clock = HybridClock(identity.code, wall=lambda w=wall: w[0])
        item = rng.choice(items)
        community = rng.choice(communities)
        day = utc_from_ms(start).astimezone(CHINA).date()
        sequence[str(day)] = sequence.get(str(day), 0) + 1
        intake = Intake(
            description=f"{community.name_zh}{rng.randint(1, 30)}栋{rng.choice(WORDS)}问题，"
                        f"{rng.choice(item.keywords)}，请尽快处理（{n}）。",
            category=item.code, community=community.code, address=f"{community.name_zh}{n % 97}号",
            name=f"居民{n % 5000}", phone=f"13{rng.randint(0, 999_999_999):09d}")
        case_id = uuid7(start)
        payload = registration_payload(intake, catalogue,
                                       case_number(identity.code, day, sequence[str(day)]))
        batch = [Event(uuid7(start), "case", case_id, "case.registered", payload, actor,
                       identity.code, clock.now(), community.code)]
        wall[0] += 60_000
        batch.append(Event(uuid7(wall[0]), "case", case_id, "case.dispatched",
                           {"lead": item.lead, "co": list(item.co), "mode": "auto"},
                           actor, identity.code, clock.now(), community.code))
        if start < now - 10 * 86_400_000 and rng.random() < 0.9:
            wall[0] += 86_400_000
            batch.append(Event(uuid7(wall[0]), "case", case_id, "case.resolved",
                               {"text": "已办结"}, actor, identity.code, clock.now(),
                               community.code))
        for event in batch:
            event_rows.append((event.id, event.entity, event.entity_id, event.type,
                               event.payload_json(), event.actor, event.desk, event.hlc,
                               event.org, now))
        last = max(last, batch[-1].hlc)
        state = fold(case_id, batch)
        row = case_row(state, calendar)
        case_rows.append(tuple(row[c] for c in columns))
        facts = facts_row(state, calendar)
        if facts is not None:
            fact_rows.append(facts)
        if len(case_rows) >= CHUNK:
            flush()
            if (n + 1) % 100_000 == 0:
                print(f"  {n + 1:,} cases in {time.perf_counter() - started:.0f} s", flush=True)
    if case_rows:
        flush()
    with db.begin() as conn:
        conn.exec_driver_sql("INSERT OR REPLACE INTO case_number_seq (day, last) VALUES (?, ?)",
                             [(d.replace("-", ""), k) for d, k in sequence.items()])
        write_meta(conn, "hlc.last", last)
    with db.read() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.commit()
    db.close()
    partial.rename(path)
    print(f"  built {cases:,} cases in {time.perf_counter() - started:.0f} s "
          f"({path.stat().st_size / 1e6:.0f} MB)", flush=True)


def main() -> None:
    sys.path.insert(0, str(ROOT))
    sizes = [int(a) for a in sys.argv[1:]] or list(SIZES)
    for size in sizes:
        ensure(size)


if __name__ == "__main__":
    main()
