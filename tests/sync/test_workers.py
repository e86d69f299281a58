"""Several server processes on one database (`serve --workers N`): desks pushing at once
through all of them, a reader pulling all the while never skips a sequence number, every
event is stored once, and the case projection matches a fold of the stored events."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from desk_app.domain.case import fold
from desk_app.store.cases import comment_case
from desk_app.store.schema import events
from sync.client import SyncReport
from sync.server import schema as t
from sync.server.database import ServerDatabase
from sync.server.store import _case_values, _row_event

from .conftest import SyncDesk
from .servers import ServerProcess


@pytest.fixture
def three_workers(server_url_for_db: str, tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(server_url_for_db, tmp_path, workers=3).start()
    yield process
    process.stop()


def ids_of(desk: SyncDesk) -> set[str]:
    with desk.desk.db.read() as conn:
        return set(conn.execute(select(events.c.id)).scalars())


def test_three_processes_store_every_event_once_and_in_order(
        three_workers: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    server = three_workers
    writers = [make_desk(f"YT-HS-{n:02d}", "YT-HS", server) for n in range(1, 5)]
    reader = make_desk("YT-01", "YT", server)
    shared = writers[0].register(description="共同跟进的一件：电梯加装。")
    assert writers[0].client().sync().ok
    for writer in writers[1:]:
        assert writer.client().sync().ok  # everyone holds the shared case
    for n, writer in enumerate(writers):
        for i in range(30):
            writer.register(description=f"工作台{n}第{i}件：楼道杂物堆积。")
            if i % 5 == 0:
                comment_case(writer.desk, writer.user, shared, f"工作台{n}第{i}次跟进")
    written = set().union(*(ids_of(w) for w in writers))
    failures: list[str] = []

    def push(writer: SyncDesk) -> None:
        try:
            writer.client(batch=7).push(SyncReport())
        except Exception as error:  # reported below, not swallowed
            failures.append(repr(error))

    threads = [threading.Thread(target=push, args=(w,)) for w in writers]
    for thread in threads:
        thread.start()
    client = reader.client(page=9)
    while any(thread.is_alive() for thread in threads):
        client.pull(SyncReport())
    for thread in threads:
        thread.join()
    client.pull(SyncReport())
    assert not failures
    assert ids_of(reader) == written

    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            seqs = list(conn.execute(select(t.events.c.seq).order_by(t.events.c.seq)).scalars())
            assert seqs == list(range(1, len(written) + 1))  # no gap, no repeat
            assert conn.execute(select(func.count()).select_from(t.cases)).scalar_one() \
                == 1 + 4 * 30
            stored = [_row_event(r) for r in conn.execute(
                select(t.events).where(t.events.c.entity_id == shared))]
            row = conn.execute(select(t.cases).where(t.cases.c.id == shared)).one()
    finally:
        db.dispose()
    expected = _case_values(fold(shared, stored))
    assert expected is not None and row.updated_at == expected["updated_at"]
    assert requests.get(server.url + "/healthz", timeout=5).json()["events"] == len(written)
