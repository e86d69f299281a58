"""Concurrent writers: a reader pulling all the while never skips an event that commits late.

With a bare sequence column, a transaction that took number N but commits after N+1 is visible
would be skipped by a reader whose cursor already passed N+1. The centre numbers events under
one lock (see sync/server/database.py); this test would fail without it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import select

from desk_app.store.schema import events
from sync.client import SyncReport

from .conftest import SyncDesk
from .servers import ServerProcess


def ids_of(desk: SyncDesk) -> set[str]:
    with desk.desk.db.read() as conn:
        return set(conn.execute(select(events.c.id)).scalars())


def test_a_reader_never_skips_an_event_while_four_desks_push(
        server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    writers = [make_desk(f"YT-HS-{n:02d}", "YT-HS", server) for n in range(1, 5)]
    reader = make_desk("YT-01", "YT", server)
    for n, writer in enumerate(writers):
        for i in range(40):
            writer.register(description=f"工作台{n}第{i}件：楼道杂物堆积。")
    written = set().union(*(ids_of(w) for w in writers))
    failures: list[str] = []

    def push(writer: SyncDesk) -> None:
        report = SyncReport()
        try:
            writer.client(batch=5).push(report)
        except Exception as error:  # reported below, not swallowed
            failures.append(repr(error))

    threads = [threading.Thread(target=push, args=(w,)) for w in writers]
    for thread in threads:
        thread.start()
    client = reader.client(page=7)
    while any(t.is_alive() for t in threads):
        client.pull(SyncReport())
    for thread in threads:
        thread.join()
    client.pull(SyncReport())
    assert not failures
    assert ids_of(reader) == written
