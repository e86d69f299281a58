"""The desk's background work starts once its main window is on screen, and still works.

Sync's scheduler (with the daily backup) and the follow-through job are started by the session
after the window's first paint, so their imports and threads never delay the first screen
(issue 14). These tests check that nothing was lost by waiting: the jobs are scheduled, the
window has the follow-through bridge its settings dialog needs, and the desk enrols and syncs.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.config import app_paths
from desk_app.store.desk import setup_desk
from desk_app.store.users import create_user
from desk_app.ui.app import DeskSession
from desk_app.ui.i18n import install_language
from desk_app.ui.tasks import wait_for_pools
from desk_app.workspace import open_workspace

from .servers import ServerProcess
from .test_sync_ui import enrol_from_the_window

pytestmark = pytest.mark.usefixtures("chinese_screen")

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def session(qtbot: QtBot) -> Iterator[DeskSession]:
    install_language("zh_CN")
    workspace = open_workspace(app_paths())
    setup_desk(workspace.db, "YT-HS-07", "海山街道党群服务中心", "YT-HS", workspace.catalogue)
    workspace.attach_desk()
    desk_session = DeskSession(workspace)
    yield desk_session
    desk_session.sync.stop()
    if desk_session.followup is not None:
        desk_session.followup.stop()
    QApplication.instance().removeEventFilter(desk_session.watcher)
    wait_for_pools()
    workspace.close()


def test_sync_and_follow_through_start_once_the_window_is_painted_and_the_desk_syncs(
        qtbot: QtBot, sqlite_server: ServerProcess, session: DeskSession) -> None:
    user = create_user(session.workspace.db, "chenjie", "陈洁", "admin", "password-123")
    window = session.open_window(user)
    qtbot.addWidget(window)
    # Nothing in the background yet: the window has not been painted.
    assert not session.background_started and session.followup is None
    assert not session.sync.scheduler.scheduler.running
    qtbot.waitUntil(lambda: session.background_started, timeout=10_000)
    assert session.sync.scheduler.scheduler.running
    jobs = {job.id for job in session.sync.scheduler.scheduler.get_jobs()}
    assert jobs == {"sync", "daily-backup"}
    assert session.followup is not None and session.followup.job.scheduler.running
    assert window.followup is session.followup  # the settings dialog passes its rules on

    window.intake.category.set_item(session.workspace.catalogue.catch_all)
    window.intake.anonymous.setChecked(True)
    window.intake.description.setPlainText("海涛社区路边垃圾没人清运，已经三天了。")
    window.intake.show_receipt = False
    assert window.intake.submit() is not None
    enrol_from_the_window(qtbot, window, session.sync, sqlite_server, "YT-HS")
    assert window.last_report is not None and window.last_report.ok
    assert window.last_report.accepted == 2
    with qtbot.waitSignal(session.sync.finished, timeout=20_000):
        window.sync_now()
    assert window.last_report.ok and "上次同步" in window.sync_label.text()


def test_a_window_never_painted_still_starts_its_background_work(
        qtbot: QtBot, session: DeskSession) -> None:
    """Started minimised (or on a screen that never paints it), the jobs start anyway."""
    user = create_user(session.workspace.db, "chenjie", "陈洁", "admin", "password-123")
    window = session.open_window(user)
    qtbot.addWidget(window)
    window.hide()
    qtbot.waitUntil(lambda: session.background_started, timeout=10_000)
    assert session.sync.scheduler.scheduler.running and session.followup is not None


def test_the_path_to_the_main_window_imports_no_network_or_scheduler_library() -> None:
    """requests, urllib3 and APScheduler are imported when sync or follow-through first runs."""
    code = ("import sys; import desk_app.ui.app, desk_app.ui.main_window; "
            "late = sorted(m for m in ('requests', 'urllib3', 'apscheduler', 'truststore') "
            "if m in sys.modules); print(','.join(late))")
    found = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                           text=True, timeout=120, env={"PYTHONPATH": str(ROOT),
                                                        "QT_QPA_PLATFORM": "offscreen",
                                                        "PATH": "/usr/bin:/bin"})
    assert found.returncode == 0, found.stderr
    assert found.stdout.strip() == ""
