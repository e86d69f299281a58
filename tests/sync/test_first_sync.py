"""A desk's first sync of a big area: killed half-way it goes on from its cursor (nothing
fetched twice, nothing missed), and while it runs the desk stays usable: its pull runs off the
GUI thread, page by page, each page one short write, so a window worker registers a case
between two pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from collections.abc import Callable

from sqlalchemy import func, select

from desk_app.domain.intake import Intake
from desk_app.store.case_queries import CaseQuery, count_cases
from desk_app.store.cases import register_case
from desk_app.store.schema import events
from desk_app.store.sync_state import cursor
from tests.reading import READER

from .conftest import SyncDesk
from .servers import ROOT, ServerProcess


def event_count(desk: SyncDesk) -> int:
    with desk.desk.db.read() as conn:
        return conn.execute(select(func.count()).select_from(events)).scalar_one()


def fill(desk: SyncDesk, cases: int) -> None:
    for i in range(cases):
        desk.register(description=f"邻近社区第{i}件：井盖缺失。", community="YT-HS-HT")
    assert desk.client(batch=500).sync().ok


def test_a_first_sync_killed_half_way_goes_on_from_its_cursor(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    other = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    fill(other, 300)  # 600 events: six pages of 100 for the desk worker
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    command = [sys.executable, "-m", "tests.sync.desk_worker", str(desk.desk.db.path),
               sqlite_server.url, desk.token]
    killed = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120,
                            env={**os.environ, "COMMUNITY_DESK_FAILPOINT": "pull.applied@3"})
    assert killed.returncode == -9, killed.stderr.decode()[-1000:]
    with desk.desk.db.read() as conn:
        assert cursor(conn) == 300  # three pages applied, their cursor with them
    assert event_count(desk) == 300
    again = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120)
    assert again.returncode == 0, again.stdout.decode() + again.stderr.decode()
    pulled = int(re.search(r"pulled=(\d+)", again.stdout.decode()).group(1))  # type: ignore[union-attr]
    assert pulled == 300  # only what was left: nothing fetched twice
    assert event_count(desk) == 600
    assert count_cases(desk.desk.db, READER, CaseQuery()) == 300


def test_a_window_worker_registers_a_case_while_the_first_sync_runs(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    other = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    fill(other, 250)  # 500 events: five pages of 100
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    second_page, registered = threading.Event(), threading.Event()
    seen: list[tuple[str, int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        seen.append((stage, done, total))
        if stage == "pull" and done == 200:  # half-way: let the window work, then go on
            second_page.set()
            assert registered.wait(30)

    outcome: dict[str, object] = {}
    worker = threading.Thread(target=lambda: outcome.update(
        report=desk.client(page=100).sync(progress)), name="sync")  # off the GUI thread
    worker.start()
    assert second_page.wait(60)
    intake = Intake(description="窗口登记：楼道灯坏了。", category="030201",
                    community="YT-HS-PW", name="李秀英", phone="13812345678")
    case = register_case(desk.desk, desk.user, intake)  # while the pull is half-way
    registered.set()
    worker.join(60)
    assert not worker.is_alive()
    report = outcome["report"]
    assert report.ok and report.applied == 500  # type: ignore[attr-defined]
    assert ("pull", 200, 300) in seen and seen[-1][1] == 500
    assert count_cases(desk.desk.db, READER, CaseQuery()) == 251
    assert case.number  # registered with its number, offline-style, mid-sync
    assert desk.client().sync().ok  # and sent at the next sync
    assert event_count(other) == 500 and other.client().sync().ok
    assert count_cases(other.desk.db, READER, CaseQuery()) == 251
