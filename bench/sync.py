"""Sync throughput: push and pull of about 100,000 events, and a sync with nothing to do,
against the central platform as a real process on SQLite and on PostgreSQL."""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = int(os.environ.get("BENCH_SYNC_CASES", "40000"))


def main() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["COMMUNITY_DESK_TOKEN_STORE"] = "file"
    from bench.case_list import build
    from tests.sync.pg import Cluster, binaries

    cache = ROOT / ".bench" / f"sync-desk-{CASES}.sqlite3"
    if not cache.exists():
        cache.parent.mkdir(exist_ok=True)
        print(f"building a desk with {CASES:,} cases waiting to be sent (once) ...")
        build(cache, CASES, origin="local")
    targets = [("SQLite", None)]
    cluster = Cluster().start() if binaries() else None
    if cluster is not None:
        targets.append(("PostgreSQL", cluster))
    try:
        for name, pg in targets:
            work = Path(tempfile.mkdtemp(prefix="bench-sync-"))
            url = pg.new_database() if pg else f"sqlite:///{work / 'server.sqlite3'}"
            run(name, url, cache, work)
            shutil.rmtree(work, ignore_errors=True)
    finally:
        if cluster is not None:
            cluster.stop()


def run(name: str, url: str, cache: Path, work: Path) -> None:
    from desk_app.config import calendar_file, catalogue_dir
    from desk_app.domain.catalogue import load_catalogue
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.store.database import open_database
    from desk_app.store.desk import Desk, read_identity, setup_desk
    from desk_app.store.eventlog import pending_count
    from sync.client import SyncClient, SyncReport, TokenStore, enrol, http_session
    from tests.sync.servers import ServerProcess

    catalogue, calendar = load_catalogue(catalogue_dir()), WorkCalendar.load(calendar_file())
    server = ServerProcess(url, work).start()
    try:
        shutil.copy(cache, work / "writer.sqlite3")
        db = open_database(work / "writer.sqlite3")
        writer = Desk(db, read_identity(db), catalogue, calendar)  # type: ignore[arg-type]
        tokens = TokenStore(work / "w")
        enrol(writer, server.url, server.issue_code("YT-HS"), tokens)
        with db.read() as conn:
            total = pending_count(conn)
        client = SyncClient(writer, server.url, tokens.load(writer.code) or "",
                            session=http_session(), batch=500)
        started = time.perf_counter()
        report = SyncReport()
        client.push(report)
        pushed = time.perf_counter() - started

        rdb = open_database(work / "reader.sqlite3")
        reader = Desk(rdb, setup_desk(rdb, "YT-HS-09", "reader", "YT-HS", catalogue), catalogue,
                      calendar)
        rtokens = TokenStore(work / "r")
        enrol(reader, server.url, server.issue_code("YT-HS"), rtokens)
        rclient = SyncClient(reader, server.url, rtokens.load(reader.code) or "",
                             session=http_session())
        started = time.perf_counter()
        pulled_report = SyncReport()
        rclient.pull(pulled_report)
        pulled = time.perf_counter() - started
        noop = []
        for _ in range(5):
            started = time.perf_counter()
            assert rclient.sync().ok
            noop.append(time.perf_counter() - started)
        print(f"\nsync against {name}: {total:,} events")
        print(f"  push   {pushed:7.1f} s   {total / pushed:8,.0f} events/s  (batches of 500, gzip)")
        print(f"  pull   {pulled:7.1f} s   {pulled_report.applied / pulled:8,.0f} events/s  "
              f"(pages of 1000, applied and projected)")
        print(f"  no-op sync (push nothing, pull nothing): {statistics.median(noop) * 1000:.1f} ms")
        db.close()
        rdb.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
