"""What encryption at rest costs: registering and listing on the SQLCipher database against the
same database in plain SQLite, in the same run (target: at most 1.3× slower).

One desk database of BENCH_ENCRYPTION_CASES cases (default 50,000) is built once under
/work/benchdata/encryption/ (or BENCH_DATA) and encrypted into a second file, so both hold the
same pages; each run works on fresh copies of the two. Every figure is the median of several
runs, alternating plain and encrypted, through the same service functions the screens use
(`register_case`, `list_cases`, `count_cases`); the raw floor is sqlite3's `executemany` on each.
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("BENCH_DATA", "/work/benchdata")) / "encryption"
CASES = int(os.environ.get("BENCH_ENCRYPTION_CASES", "50000"))
KEY = bytes(range(32))


def _base() -> tuple[Path, Path]:
    from bench.generate import build
    from desk_app.store.database import encrypt_in_place

    DATA.mkdir(parents=True, exist_ok=True)
    plain, encrypted = DATA / f"plain-{CASES}.sqlite3", DATA / f"encrypted-{CASES}.sqlite3"
    if not plain.exists() or not encrypted.exists():
        print(f"building a desk database of {CASES:,} cases (once) ...", flush=True)
        work = DATA / "building.sqlite3"
        for stale in DATA.glob("building.sqlite3*"):
            stale.unlink()
        build(work, CASES)
        shutil.copy(work, plain)
        encrypt_in_place(work, KEY)
        os.replace(work, encrypted)
    return plain, encrypted


def _timed(work: Callable[[], object], runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples) * 1000


def _raw_floor(folder: Path, key: bytes | None, rows: int = 100_000) -> float:
    """sqlite3's executemany of event-shaped rows in one transaction (ms)."""
    from contextlib import closing

    from desk_app.store.database import connect_file

    path = folder / f"raw-{'encrypted' if key else 'plain'}.sqlite3"
    for stale in folder.glob(f"{path.name}*"):
        stale.unlink()
    data = [(f"0190{i:032x}", "case.registered", '{"description":"楼道灯坏了","phone":"13800138000"}')
            for i in range(rows)]
    with closing(connect_file(path, key)) as con:
        con.execute("PRAGMA journal_mode=WAL")
        con.execute("CREATE TABLE events (id TEXT PRIMARY KEY, type TEXT, payload TEXT)")
        started = time.perf_counter()
        con.executemany("INSERT INTO events VALUES (?, ?, ?)", data)
        con.commit()
        return (time.perf_counter() - started) * 1000


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.ids import uuid7
    from desk_app.domain.intake import Intake
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.case_queries import CaseQuery, count_cases, list_cases
    from desk_app.store.cases import register_case
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, read_identity
    from desk_app.store.users import User

    plain_base, encrypted_base = _base()
    work = DATA / "run"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    catalogue = load_catalogue(catalogue_dir())
    calendar = WorkCalendar.load(calendar_file())
    user = User(uuid7(), "bench", "测试", "window")
    item = next(iter(catalogue.active_items()))
    community = catalogue.org_children("YT-HS", "community")[0]
    desks: dict[str, Desk] = {}
    sides = (("plain", plain_base, None), ("encrypted", encrypted_base, KEY))
    for name, source, _key in sides:
        shutil.copy(source, work / f"{name}.sqlite3")
    samples: dict[str, list[float]] = {"plain": [], "encrypted": []}
    for _ in range(6):  # alternating; the first round also pays for importing Alembic
        for name, _source, key in sides:
            started = time.perf_counter()
            db = open_database(work / f"{name}.sqlite3", key=key)
            samples[name].append((time.perf_counter() - started) * 1000)
            db.close()
    opened = {name: statistics.median(values[1:]) for name, values in samples.items()}
    for name, _source, key in sides:
        db = open_database(work / f"{name}.sqlite3", key=key)
        identity = read_identity(db)
        assert identity is not None
        desks[name] = Desk(db, identity, catalogue, calendar)

    counter = [0]

    def register(desk: Desk) -> Callable[[], object]:
        def run() -> None:
            for _ in range(20):
                counter[0] += 1
                register_case(desk, user, Intake(
                    description=f"鹏湾花园{counter[0] % 30}栋楼道灯坏了，晚上出入不便（{counter[0]}）。",
                    category=item.code, community=community.code, address="鹏湾花园3栋",
                    name="李秀英", phone=f"138{counter[0]:08d}"))
        return run

    base = CaseQuery()
    sample = list_cases(desks["plain"], user, base).rows[17]
    figures: list[tuple[str, Callable[[Desk], Callable[[], object]], int, float]] = [
        ("register 20 cases (register_case)", register, 9, 20.0),
        ("case list: first page of 200", lambda d: lambda: list_cases(d, user, base), 9, 1.0),
        ("case list: filter still open", lambda d: lambda: list_cases(
            d, user, replace(base, statuses=frozenset({"dispatched", "signed"}))), 9, 1.0),
        ("search 3+ chars (FTS trigram)", lambda d: lambda: list_cases(
            d, user, replace(base, text="楼道问题")), 9, 1.0),
        ("search whole phone", lambda d: lambda: list_cases(
            d, user, replace(base, text=sample.phone)), 9, 1.0),
        ("total count for the status bar", lambda d: lambda: count_cases(d.db, user, base), 5, 1.0),
    ]
    print(f"\nencryption at rest on {CASES:,} cases "
          f"({plain_base.stat().st_size / 1e6:.0f} MB), median ms (plain SQLite is the floor):")
    print(f"  {'':<40} {'plain':>9} {'SQLCipher':>10} {'ratio':>7}")
    print(f"  {'open database (checks, no migration)':<40} {opened['plain']:9.1f} "
          f"{opened['encrypted']:10.1f} {opened['encrypted'] / opened['plain']:6.2f}×")
    worst = 0.0
    for label, make, runs, per in figures:
        results = {"plain": [], "encrypted": []}  # type: dict[str, list[float]]
        for _ in range(runs):  # alternate, so neither side gets a warmer machine
            for name in ("plain", "encrypted"):
                results[name].append(_timed(make(desks[name]), 1))
        plain = statistics.median(results["plain"]) / per
        encrypted = statistics.median(results["encrypted"]) / per
        ratio = encrypted / plain
        worst = max(worst, ratio)
        unit = " per case" if per > 1 else ""
        print(f"  {label + unit:<40} {plain:9.2f} {encrypted:10.2f} {ratio:6.2f}×")
    raw_plain, raw_encrypted = _raw_floor(work, None), _raw_floor(work, KEY)
    print(f"  {'raw executemany of 100,000 rows':<40} {raw_plain:9.1f} {raw_encrypted:10.1f} "
          f"{raw_encrypted / raw_plain:6.2f}×")
    print(f"  worst ratio of the desk's own work: {worst:.2f}× (target ≤ 1.30×)")
    for desk in desks.values():
        desk.db.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
