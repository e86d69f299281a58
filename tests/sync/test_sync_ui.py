"""Sync as the worker sees it: enrol from the window, sync now, the status bar, the clock
warning, and the list of events the centre refused."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from desk_app.config import app_paths
from desk_app.store.case_queries import CaseQuery, count_cases
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.users import User, create_user
from desk_app.ui.i18n import install_language
from desk_app.ui.main_window import MainWindow
from desk_app.ui.sync_ui import EnrolDialog, RejectionsDialog, SyncBridge
from desk_app.ui.tasks import wait_for_pools
from desk_app.workspace import Workspace, open_workspace
from tests.reading import READER

from .servers import ServerProcess

pytestmark = pytest.mark.usefixtures("chinese_screen")

DAY_MS = 86_400_000


@pytest.fixture
def desk_window(qtbot: QtBot) -> Iterator[tuple[Workspace, User, SyncBridge, MainWindow]]:
    install_language("zh_CN")
    workspace = open_workspace(app_paths())
    setup_desk(workspace.db, "YT-HS-07", "海山街道党群服务中心", "YT-HS", workspace.catalogue)
    workspace.attach_desk()
    user = create_user(workspace.db, "chenjie", "陈洁", "admin", "password-123")
    bridge = SyncBridge(workspace)
    window = MainWindow(workspace, user, sync=bridge)
    qtbot.addWidget(window)
    window.show()
    bridge.scheduler.start(first_in_seconds=3600)
    yield workspace, user, bridge, window
    bridge.stop()
    wait_for_pools()
    workspace.close()


def enrol_from_the_window(qtbot: QtBot, window: MainWindow, bridge: SyncBridge,
                          server: ServerProcess, org: str) -> None:
    dialog = EnrolDialog(bridge, window)
    qtbot.addWidget(dialog)
    dialog.url.setText(server.url)
    dialog.code.setText(server.issue_code(org))
    with qtbot.waitSignal(bridge.finished, timeout=20_000):
        dialog.try_enrol()
    assert dialog.result() == EnrolDialog.DialogCode.Accepted


def test_enrol_then_sync_from_the_window(qtbot: QtBot, sqlite_server: ServerProcess,
                                         desk_window: tuple) -> None:
    workspace, _user, bridge, window = desk_window
    # The sync state is read right after the window's first paint (issue 14's start path).
    qtbot.waitUntil(lambda: "离线" in window.sync_label.text(), timeout=10_000)
    window.intake.category.set_item(workspace.catalogue.catch_all)
    window.intake.anonymous.setChecked(True)
    window.intake.description.setPlainText("海涛社区路边垃圾没人清运，已经三天了。")
    window.intake.show_receipt = False
    assert window.intake.submit() is not None
    window.update_status()
    assert "待上传" in window.sync_label.text() or "2" in window.sync_label.text()

    enrol_from_the_window(qtbot, window, bridge, sqlite_server, "YT-HS")
    assert window.last_report is not None and window.last_report.ok
    assert window.last_report.accepted == 2
    assert "上次同步" in window.sync_label.text() and "待上传" not in window.sync_label.text()
    with qtbot.waitSignal(bridge.finished, timeout=20_000):
        window.sync_now()
    assert window.last_report.ok and not window.clock_warning.isVisible()


def test_a_fast_clock_is_shown_and_refusals_are_listed(
        qtbot: QtBot, sqlite_server: ServerProcess, desk_window: tuple,
        monkeypatch: pytest.MonkeyPatch) -> None:
    workspace, user, bridge, window = desk_window
    desk: Desk = workspace.desk
    offset = [DAY_MS]
    desk.clock._wall = lambda: int(time.time() * 1000) + offset[0]
    window.intake.category.set_item(workspace.catalogue.catch_all)
    window.intake.anonymous.setChecked(True)
    window.intake.description.setPlainText("桥东社区电梯经常停运，老人上下楼困难。")
    window.intake.show_receipt = False
    case = window.intake.submit()
    assert case is not None
    enrol_from_the_window(qtbot, window, bridge, sqlite_server, "YT-HS")
    assert window.clock_warning.isVisible() and "时钟" in window.clock_warning.text()
    assert "被中心拒收" in window.sync_label.text()

    dialog = RejectionsDialog(desk, user, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    assert "本机时钟偏快" in dialog.table.item(0, 3).text()
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: ("误登记，已电话告知居民", True)))
    dialog.table.selectRow(1)
    dialog._act("discard")
    assert dialog.table.rowCount() == 1
    offset[0] = 0
    dialog.table.selectRow(0)
    dialog._act("again")  # the registration, recorded again with a true clock
    assert dialog.table.rowCount() == 0
    with qtbot.waitSignal(bridge.finished, timeout=20_000):
        window.sync_now()
    # The registration and the access audit's entry of recording it again; the entry of the
    # discard was stamped while the clock was still fast, so the centre refuses it like any
    # other event stamped then, and it waits in the list (issue 11).
    assert window.last_report.ok and window.last_report.accepted == 2
    assert window.last_report.refused == 1
    assert count_cases(workspace.db, READER, CaseQuery()) == 1
