"""The centre restored from a backup goes back in time; desks notice (a new epoch, or a cursor
ahead of its log), offer again every event they hold and pull again from the start, so every
event ends on the centre and on every desk. Real server processes, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from sqlalchemy import select

from desk_app.store.schema import events
from sync.server import schema as t
from sync.server.database import ServerDatabase

from .conftest import SyncDesk
from .servers import ServerProcess, admin


def log_of(desk: SyncDesk) -> set[str]:
    with desk.desk.db.read() as conn:
        return set(conn.execute(select(events.c.id)).scalars())


def centre_log(server: ServerProcess) -> set[str]:
    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            return set(conn.execute(select(t.events.c.id)).scalars())
    finally:
        db.dispose()


def restore(server: ServerProcess, backup: Path) -> None:
    server.stop()
    admin(server.database, "restore", "--from", str(backup))
    server.start()


@pytest.fixture
def backup_file(tmp_path: Path) -> Path:
    return tmp_path / "centre.backup"


def test_events_pushed_after_the_backup_come_back_from_their_desk(
        server: ServerProcess, make_desk: Callable[..., SyncDesk], backup_file: Path) -> None:
    """Case 1: A pushed after the backup; after the restore it got "reset required", re-pulled
    and never re-sent: A had 14, the centre and B 4."""
    a, b = make_desk("YT-HS-01", "YT-HS", server), make_desk("YT-HS-02", "YT-HS", server)
    a.register(), a.register()
    assert a.client().sync().ok and b.client().sync().ok
    epoch = requests.get(server.url + "/healthz", timeout=5).headers["X-Centre-Epoch"]
    admin(server.database, "backup", "--to", str(backup_file))
    for _ in range(5):
        a.register()
    assert a.client().sync().ok
    before = log_of(a)
    assert len(before) > len(log_of(b))

    restore(server, backup_file)
    answer = requests.get(server.url + "/healthz", timeout=5)
    assert answer.headers["X-Centre-Epoch"] != epoch  # a restore starts a new epoch
    assert len(centre_log(server)) < len(before)  # the centre went back in time

    report = a.client(batch=3).sync()  # small batches: the re-offer goes in several steps
    assert report.ok and report.reoffered == len(before) and report.resets == 1
    assert b.client().sync().ok
    assert centre_log(server) == log_of(a) == log_of(b) == before
    assert a.client().sync().reoffered == 0  # done once, not at every sync


def test_a_desk_whose_cursor_the_centre_passed_again_misses_nothing(
        server: ServerProcess, make_desk: Callable[..., SyncDesk], backup_file: Path) -> None:
    """Case 2: after the restore B synced new events first, so the centre's sequence passed A's
    cursor, no reset came, and A silently missed B's events while its own stayed missing."""
    a, b = make_desk("YT-HS-01", "YT-HS", server), make_desk("YT-HS-02", "YT-HS", server)
    a.register(), a.register()
    assert a.client().sync().ok and b.client().sync().ok
    admin(server.database, "backup", "--to", str(backup_file))
    for _ in range(5):
        a.register()
    assert a.client().sync().ok
    restore(server, backup_file)
    for _ in range(10):
        b.register(community="YT-HS-TD")
    assert b.client().sync().ok
    assert a.client().sync().ok
    assert b.client().sync().ok
    assert centre_log(server) == log_of(a) == log_of(b)
    assert len(log_of(a)) == 2 * 2 + 5 * 2 + 10 * 2  # registered and dispatched, each


def test_a_lost_desks_events_come_back_from_a_desk_that_pulled_them(
        server: ServerProcess, make_desk: Callable[..., SyncDesk], backup_file: Path) -> None:
    """C's laptop is gone after the restore; A had pulled C's events, and offers them again:
    the centre takes them because they were stamped before the restore."""
    a, c = make_desk("YT-HS-01", "YT-HS", server), make_desk("YT-HS-03", "YT-HS", server)
    assert a.client().sync().ok
    admin(server.database, "backup", "--to", str(backup_file))
    c.register(), c.register()
    assert c.client().sync().ok and a.client().sync().ok
    from desk_app.store.eventlog import row_to_event

    with a.desk.db.read() as conn:
        pulled = [row_to_event(r).to_dict() for r in conn.execute(
            select(events).where(events.c.desk == "YT-HS-03"))]
    answer = requests.post(server.url + "/v1/push", timeout=10, json={
        "events": pulled, "reoffer": True}, headers={"Authorization": f"Bearer {a.token}"})
    # Never restored: nothing can be missing, so another desk's events are not taken from A.
    assert {r["code"] for r in answer.json()["results"]} == {"foreign_actor"}
    restore(server, backup_file)
    assert a.client().sync().ok
    assert centre_log(server) == log_of(a) == log_of(c)
    # Events stamped after the restore are taken only from their own desk.
    c.register()
    late = log_of(c) - log_of(a)
    with c.desk.db.read() as conn:
        row = conn.execute(select(events).where(events.c.id.in_(late),
                                                events.c.type == "case.registered")).one()

    forged = row_to_event(row).to_dict()  # stamped after the restore
    answer = requests.post(server.url + "/v1/push", timeout=10,
                           headers={"Authorization": f"Bearer {a.token}"},
                           json={"events": [forged], "reoffer": True})
    assert answer.status_code == 200
    assert answer.json()["results"][0]["code"] == "foreign_actor"


def test_a_re_offer_cut_off_goes_on_where_it_stopped(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk], backup_file: Path) -> None:
    import os
    import subprocess
    import sys

    from desk_app.store.sync_state import reoffer_position

    from .servers import ROOT

    a = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    assert a.client().sync().ok
    admin(sqlite_server.database, "backup", "--to", str(backup_file))
    for i in range(40):
        a.register(description=f"第{i}件：楼道杂物堆放。")
    assert a.client().sync().ok
    restore(sqlite_server, backup_file)
    command = [sys.executable, "-m", "tests.sync.desk_worker", str(a.desk.db.path),
               sqlite_server.url, a.token]
    killed = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120,
                            env={**os.environ, "COMMUNITY_DESK_FAILPOINT": "reoffer.recorded"})
    assert killed.returncode == -9  # died after its first batch of 50 was answered
    with a.desk.db.read() as conn:
        assert reoffer_position(conn) == 50
    report = a.client(batch=50).sync()
    assert report.ok and report.reoffered == 80 - 50
    assert centre_log(sqlite_server) == log_of(a)
