"""Faults, each its own test: nothing a person recorded is lost, nothing is stored twice."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
from sqlalchemy import func, select

from desk_app.store.case_queries import CaseQuery, count_cases
from desk_app.store.eventlog import pending_count
from desk_app.store.schema import events
from desk_app.store.sync_state import list_rejections, record_again
from tests.reading import READER, case_state

from .conftest import SyncDesk
from .servers import ROOT, FaultProxy, ServerProcess

DAY_MS = 86_400_000


def server_events(server: ServerProcess) -> int:
    return requests.get(server.url + "/healthz", timeout=5).json()["events"]


def pending(desk: SyncDesk) -> int:
    with desk.desk.db.read() as conn:
        return pending_count(conn)


def local_events(desk: SyncDesk) -> int:
    with desk.desk.db.read() as conn:
        return conn.execute(select(func.count()).select_from(events)).scalar_one()


def test_the_server_dies_mid_push(sqlite_server: ServerProcess,
                                  make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    for i in range(120):
        desk.register(description=f"第{i}件：楼道灯不亮。")
    total = local_events(desk)

    def kill_after_first_batch(stage: str, done: int, _total: int) -> None:
        if stage == "push" and done >= 50:
            sqlite_server.kill()

    report = desk.client(retries=0, batch=50).sync(kill_after_first_batch)
    assert not report.ok and "reached" in (report.error or "")
    assert 0 < pending(desk) < total  # the answered batch left the outbox, the rest waits
    sqlite_server.start()
    assert desk.client().sync().ok
    assert pending(desk) == 0 and server_events(sqlite_server) == total


@pytest.mark.parametrize("retries", [0, 2])
def test_the_answer_is_lost_after_the_server_committed(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        proxy_for: Callable[[ServerProcess], FaultProxy], retries: int) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    desk.register()
    proxy = proxy_for(sqlite_server)
    proxy.set("drop_response", times=1)
    report = desk.client(proxy.url, retries=retries).sync()
    assert server_events(sqlite_server) == 2  # the server did store the push
    if retries == 0:
        assert not report.ok and pending(desk) == 2  # unanswered, so still queued
        report = desk.client(proxy.url).sync()
    assert report.ok and report.already == 2 and pending(desk) == 0
    assert server_events(sqlite_server) == 2  # and stored once


@pytest.mark.parametrize("point", ["push.answered", "push.recorded", "pull.received", "pull.applied"])
def test_the_desk_is_killed_between_two_steps(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk], point: str) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    other = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    for i in range(60):
        other.register(description=f"邻近社区第{i}件：井盖缺失。", community="YT-HS-HT")
    assert other.client().sync().ok
    for i in range(70):
        desk.register(description=f"本工作台第{i}件：路灯不亮。")
    expected = local_events(desk) + local_events(other)
    command = [sys.executable, "-m", "tests.sync.desk_worker", str(desk.desk.db.path),
               sqlite_server.url, desk.token]
    killed = subprocess.run(command, cwd=ROOT, env={**os.environ, "COMMUNITY_DESK_FAILPOINT": point},
                            capture_output=True, timeout=120)
    assert killed.returncode == -9, killed.stderr.decode()[-1000:]
    again = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120)
    assert again.returncode == 0, again.stdout.decode() + again.stderr.decode()
    assert pending(desk) == 0
    assert local_events(desk) == expected == server_events(sqlite_server)
    assert count_cases(desk.desk.db, READER, CaseQuery()) == 130


def test_duplicate_and_out_of_order_batches(sqlite_server: ServerProcess,
                                            make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    case_id = desk.register()
    from desk_app.store.cases import comment_case, void_case

    comment_case(desk.desk, desk.user, case_id, "已联系诉求人")
    void_case(desk.desk, desk.user, case_id, "重复登记")
    with desk.desk.db.read() as conn:
        from desk_app.store.sync_state import outbox_batch

        batch = [e.to_dict() for e in outbox_batch(conn, 100)]
    headers = {"Authorization": f"Bearer {desk.token}"}
    backwards = requests.post(sqlite_server.url + "/v1/push", json={"events": batch[::-1]},
                              headers=headers, timeout=10).json()["results"]
    assert [r["status"] for r in backwards] == ["accepted"] * 4
    again = requests.post(sqlite_server.url + "/v1/push", json={"events": batch + batch},
                          headers=headers, timeout=10).json()["results"]
    assert {r["status"] for r in again} == {"already"}
    other = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    assert other.client().sync().ok

    assert case_state(other.desk, case_id) == case_state(desk.desk, case_id)
    assert case_state(other.desk, case_id).status == "voided"


def test_a_truncated_page_is_fetched_again(sqlite_server: ServerProcess,
                                           make_desk: Callable[..., SyncDesk],
                                           proxy_for: Callable[[ServerProcess], FaultProxy]) -> None:
    writer = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    for i in range(30):
        writer.register(description=f"第{i}件：小区门口垃圾堆积。")
    assert writer.client().sync().ok
    reader = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    proxy = proxy_for(sqlite_server)
    proxy.set("truncate", times=1)
    report = reader.client(proxy.url, retries=0).sync()
    assert not report.ok and "cut off" in (report.error or "")
    assert local_events(reader) == 0
    assert reader.client(proxy.url).sync().ok
    assert local_events(reader) == local_events(writer)


def test_a_desk_clock_a_day_fast(sqlite_server: ServerProcess,
                                 make_desk: Callable[..., SyncDesk]) -> None:
    offset = [DAY_MS]
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server,
                     wall=lambda: int(time.time() * 1000) + offset[0])
    case_id = desk.register()
    report = desk.client().sync()
    assert report.clock_skew_ms is not None and report.clock_skew_ms > DAY_MS - 60_000
    assert report.refused == 2 and server_events(sqlite_server) == 0
    refused = list_rejections(desk.desk.db, READER)
    assert len(refused) == 2 and "clock is wrong" in refused[0].reason
    offset[0] = 0  # the worker sets the computer's date right
    for rejection in refused:
        record_again(desk.desk, desk.user, rejection.event.id)
    report = desk.client().sync()
    # The two steps again, and the access audit's entry of each "record again" (issue 11).
    assert report.ok and report.accepted == 4 and not list_rejections(desk.desk.db, READER)

    assert case_state(desk.desk, case_id).status == "dispatched"


@pytest.mark.parametrize("mode", ["error500", "hang"])
def test_a_server_that_fails_or_hangs(sqlite_server: ServerProcess,
                                      make_desk: Callable[..., SyncDesk],
                                      proxy_for: Callable[[ServerProcess], FaultProxy],
                                      mode: str) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    desk.register()
    proxy = proxy_for(sqlite_server)
    proxy.set(mode)
    report = desk.client(proxy.url, retries=1, timeout=(1, 1)).sync()
    assert not report.ok and report.error
    assert pending(desk) == 2 and server_events(sqlite_server) == 0
    with desk.desk.db.read() as conn:
        from desk_app.store.schema import outbox

        attempts = conn.execute(select(outbox.c.attempts)).scalars().all()
    assert attempts and all(a >= 1 for a in attempts)
    proxy.set("pass")
    assert desk.client(proxy.url).sync().ok and pending(desk) == 0


def test_a_cursor_the_centre_no_longer_knows_means_a_reset(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk], tmp_path: Path) -> None:
    writer = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    reader = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    for _ in range(3):
        writer.register()
    assert writer.client().sync().ok and reader.client().sync().ok
    before = local_events(reader)
    from .servers import admin

    admin(sqlite_server.database, "retain-from", "--seq", "5")
    from desk_app.store.sync_state import set_cursor

    with reader.desk.db.begin() as conn:
        set_cursor(conn, 1)
    report = reader.client().sync()
    assert report.ok and report.resets == 1 and report.applied == 0
    assert local_events(reader) == before


def test_the_catalogue_snapshot_is_kept_and_a_damaged_copy_is_ignored(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    from dataclasses import replace

    from desk_app.config import app_paths
    from desk_app.workspace import _catalogue, synced_catalogue_dir

    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    paths = app_paths()
    folder = synced_catalogue_dir(paths)
    client = desk.client()
    assert client.fetch_catalogue(folder) is False  # the same version as shipped: 304
    shipped = desk.desk.catalogue
    desk.desk.catalogue = replace(shipped, version="older")
    assert client.fetch_catalogue(folder) is True
    items = folder / "items.csv"
    items.write_text(items.read_text(encoding="utf-8").replace("夜间建筑施工噪音", "夜间施工噪音（新）"),
                     encoding="utf-8")
    assert _catalogue(paths).items["010101"].name_zh == "夜间施工噪音（新）"  # from the next start
    items.write_text("code\nbroken", encoding="utf-8")
    assert _catalogue(paths).items["010101"].name_zh == "夜间建筑施工噪音"  # damaged: shipped one


def test_the_desk_stays_usable_during_a_long_first_sync(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    """A big first pull goes page by page, each in its own short transaction, so the worker
    can register a request at the window while it runs."""
    import threading

    from desk_app.store.sync_state import cursor

    writer = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    for i in range(150):
        writer.register(description=f"第{i}件：楼道杂物堆放。")
    assert writer.client().sync().ok
    newcomer = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    cursors: list[int] = []

    def watch(stage: str, _done: int, _total: int) -> None:
        with newcomer.desk.db.read() as conn:
            cursors.append(cursor(conn))

    reports: list[object] = []
    thread = threading.Thread(target=lambda: reports.append(
        newcomer.client(page=20).sync(watch)))
    thread.start()
    registered = [newcomer.register(description=f"窗口登记第{i}件：路灯不亮。") for i in range(5)]
    thread.join(60)
    assert reports and reports[0].ok  # type: ignore[attr-defined]
    assert len(set(cursors)) > 5  # the cursor moved forward page by page
    assert len(registered) == 5
    assert count_cases(newcomer.desk.db, READER, CaseQuery()) == 155
