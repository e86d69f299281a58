"""Unexpected errors: logged with their traceback, `on_crash` first, then the crash dialog on
the GUI thread, whatever thread raised; no loops, no storms, stderr when there is no GUI."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desk_app.config import app_paths
from desk_app.logs import setup_logging, stop_logging
from desk_app.ui import crash
from desk_app.ui.crash import CrashDialog, CrashHandler, install_crash_handler

pytestmark = pytest.mark.qt_no_exception_capture  # these tests raise in slots on purpose

ROOT = Path(__file__).resolve().parents[2]


class Recorder:
    """Stands in for CrashDialog.exec: notes what would have been shown, and on which thread."""

    def __init__(self) -> None:
        self.order: list[str] = []
        self.dialogs: list[CrashDialog] = []
        self.summaries: list[str] = []
        self.logs: list[str] = []
        self.details: list[str] = []
        self.on_gui_thread: list[bool] = []
        self.more: list[int] = []
        self.during: Callable[[CrashDialog], None] | None = None

    def on_crash(self) -> None:
        self.order.append("on_crash")

    def exec(self, dialog: CrashDialog) -> int:
        """The dialog is deleted once closed: keep its texts, not its widgets."""
        self.order.append("dialog")
        self.dialogs.append(dialog)
        self.summaries.append(dialog.summary.text())
        self.logs.append(dialog.log_label.text())
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread()
                                  and QThread.currentThread() is QApplication.instance().thread())
        if self.during is not None:
            self.during(dialog)
        self.details.append(dialog.details)
        return 0


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    recording = Recorder()
    monkeypatch.setattr(CrashDialog, "exec", lambda self: recording.exec(self))
    monkeypatch.setattr(CrashDialog, "open", lambda self: recording.exec(self))
    return recording


@pytest.fixture
def log_file() -> Iterator[Path]:
    path = setup_logging(app_paths())
    yield path
    stop_logging()


@pytest.fixture
def handler(recorder: Recorder, log_file: Path) -> Iterator[CrashHandler]:
    before = (sys.excepthook, threading.excepthook)
    installed = install_crash_handler(log_file, recorder.on_crash)
    assert sys.excepthook == installed.excepthook
    yield installed
    crash.uninstall_crash_handler()
    assert (sys.excepthook, threading.excepthook) == before


def divide_by_zero() -> None:
    print(1 / 0)


def test_an_exception_in_a_slot_is_logged_and_shown_after_on_crash(
        qtbot: QtBot, handler: CrashHandler, recorder: Recorder, log_file: Path) -> None:
    QTimer.singleShot(0, divide_by_zero)
    qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
    qtbot.wait(50)
    assert recorder.order == ["on_crash", "dialog"]
    assert recorder.on_gui_thread == [True]
    assert "ZeroDivisionError" in recorder.summaries[0]
    assert recorder.logs == [str(log_file)]
    assert "divide_by_zero" in recorder.details[0] and "Traceback" in recorder.details[0]
    written = log_file.read_text(encoding="utf-8")
    assert "CRITICAL" in written and "Traceback (most recent call last)" in written
    assert "divide_by_zero" in written and "ZeroDivisionError: division by zero" in written


def test_an_exception_on_a_worker_thread_reaches_the_dialog_on_the_gui_thread(
        qtbot: QtBot, handler: CrashHandler, recorder: Recorder, log_file: Path) -> None:
    def work() -> None:
        raise LookupError("no such case 鹏湾-0007")

    worker = threading.Thread(target=work, name="sync-worker")
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
    assert recorder.order == ["on_crash", "dialog"]
    assert recorder.on_gui_thread == [True]
    assert "鹏湾-0007" in recorder.summaries[0]
    assert "Thread: sync-worker" in recorder.details[0]
    assert "sync-worker" in log_file.read_text(encoding="utf-8")


def test_an_exception_in_a_qthread_reaches_the_dialog_too(
        qtbot: QtBot, handler: CrashHandler, recorder: Recorder) -> None:
    class Failing(QThread):
        def run(self) -> None:
            raise KeyError("attachment")

    thread = Failing()
    thread.start()
    thread.wait(3000)
    qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
    assert recorder.on_gui_thread == [True]
    assert "KeyError" in recorder.summaries[0]


def test_a_crash_inside_the_dialog_or_on_crash_does_not_loop(
        qtbot: QtBot, recorder: Recorder, log_file: Path) -> None:
    def failing_on_crash() -> None:
        recorder.order.append("on_crash")
        raise RuntimeError("could not save the draft")

    def crash_again(dialog: CrashDialog) -> None:
        QTimer.singleShot(0, inside_the_dialog)
        qtbot.wait(100)  # the dialog's own event loop, as exec() would run it
        recorder.more.append(dialog.more)

    def inside_the_dialog() -> None:
        raise ValueError("inside the dialog")

    recorder.during = crash_again
    install_crash_handler(log_file, failing_on_crash)
    try:
        QTimer.singleShot(0, divide_by_zero)
        qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
        qtbot.wait(100)
    finally:
        crash.uninstall_crash_handler()
    assert recorder.order == ["on_crash", "dialog"]
    assert recorder.more == [1] and "inside the dialog" in recorder.details[0]
    written = log_file.read_text(encoding="utf-8")
    assert "could not save the draft" in written and "inside the dialog" in written


def test_the_same_error_again_is_logged_but_not_shown_again(
        qtbot: QtBot, handler: CrashHandler, recorder: Recorder, log_file: Path) -> None:
    for _ in range(3):
        QTimer.singleShot(0, divide_by_zero)
    qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
    qtbot.wait(100)
    QTimer.singleShot(0, divide_by_zero)  # after Continue, within the window
    qtbot.wait(100)
    assert len(recorder.dialogs) == 1 and recorder.order.count("on_crash") == 1
    assert log_file.read_text(encoding="utf-8").count("the same unexpected error again") == 3


def test_quit_ends_the_event_loop(qtbot: QtBot, handler: CrashHandler, recorder: Recorder,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    codes: list[int] = []
    monkeypatch.setattr(QApplication, "exit", staticmethod(codes.append))
    recorder.during = lambda dialog: dialog.quit_button.click()
    QTimer.singleShot(0, divide_by_zero)
    qtbot.waitUntil(lambda: bool(codes), timeout=3000)
    assert codes == [1]


def test_the_dialog_copies_details_and_opens_the_log_folder(
        qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    log_path = tmp_path / "logs" / "desk.log"
    dialog = CrashDialog("ValueError: bad", "Traceback …\nValueError: bad", log_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details_view.isVisible()
    dialog.toggle.click()
    assert dialog.details_view.isVisible()
    dialog.copy.click()
    assert QGuiApplication.clipboard().text() == "Traceback …\nValueError: bad"
    dialog.open_folder.click()
    assert [url.toLocalFile() for url in opened] == [str(log_path.parent)]
    dialog.continue_button.click()
    assert not dialog.quit_chosen and not dialog.isVisible()


def test_without_a_log_handler_the_traceback_still_reaches_the_log_file(
        qtbot: QtBot, recorder: Recorder, tmp_path: Path) -> None:
    log_path = tmp_path / "elsewhere" / "desk.log"
    install_crash_handler(log_path)
    try:
        QTimer.singleShot(0, divide_by_zero)
        qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
    finally:
        crash.uninstall_crash_handler()
    assert "ZeroDivisionError" in log_path.read_text(encoding="utf-8")


def test_with_no_qapplication_the_report_goes_to_stderr(tmp_path: Path) -> None:
    log_path = tmp_path / "desk.log"
    script = (
        "from pathlib import Path\n"
        "from desk_app.ui.crash import install_crash_handler\n"
        f"install_crash_handler(Path({str(log_path)!r}))\n"
        "def fail():\n"
        "    raise ValueError('no window yet')\n"
        "fail()\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)
    assert done.returncode == 1
    assert "ValueError: no window yet" in done.stderr and "Traceback" in done.stderr
    assert "ValueError: no window yet" in log_path.read_text(encoding="utf-8")


def test_a_dialog_that_cannot_open_is_logged_and_does_not_loop(
        qtbot: QtBot, handler: CrashHandler, recorder: Recorder, log_file: Path) -> None:
    def broken(_dialog: CrashDialog) -> None:
        raise RuntimeError("the dialog is broken")

    recorder.during = broken
    QTimer.singleShot(0, divide_by_zero)
    qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
    qtbot.wait(200)
    assert len(recorder.dialogs) == 1
    written = log_file.read_text(encoding="utf-8")
    assert "the crash dialog could not be shown" in written and "the dialog is broken" in written


def test_this_pyside6_keeps_its_references_to_none_and_true() -> None:
    """Why crash.py no longer patches reference counts with ctypes: PySide6 6.12.0 lost one
    reference to None per void Qt call and one to True per `Signal.emit()`, and on Python 3.11
    the interpreter aborted ("none_dealloc") after some thousands of calls. pyproject pins
    PySide6 below 6.12; this fails if a PySide6 with that bug is ever installed again."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "class Probe(QObject):\n"
        "    ping = Signal()\n"
        "app = QApplication([])\n"
        "label, probe = QLabel(), Probe()\n"
        "probe.ping.connect(lambda: None)\n"
        "before = sys.getrefcount(None), sys.getrefcount(True)\n"
        "for _ in range(20_000):\n"
        "    label.setText('楼道灯坏了')\n"
        "    probe.ping.emit()\n"
        "after = sys.getrefcount(None), sys.getrefcount(True)\n"
        "print('lost', before[0] - after[0], before[1] - after[1])\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    lost_none, lost_true = (int(n) for n in done.stdout.split()[1:3])
    assert lost_none < 100 and lost_true < 100, done.stdout  # 20,000 each under 6.12.0


def test_a_crash_on_a_failed_statement_logs_no_personal_data(
        qtbot: QtBot, handler: CrashHandler, recorder: Recorder, log_file: Path,
        tmp_path: Path) -> None:
    """The issue's crash: a UNIQUE error whose SQL parameters were a name and a phone. Even
    from an engine that does not hide parameters, the log gets neither."""
    from sqlalchemy import create_engine

    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE people (name TEXT, phone TEXT UNIQUE)")

    def insert_twice() -> None:
        with engine.begin() as conn:
            for _ in range(2):
                conn.exec_driver_sql("INSERT INTO people VALUES (?, ?)",
                                     ("李秀英", "13812345678"))

    QTimer.singleShot(0, insert_twice)
    qtbot.waitUntil(lambda: bool(recorder.dialogs), timeout=3000)
    qtbot.wait(50)
    engine.dispose()
    written = log_file.read_text(encoding="utf-8")
    assert "IntegrityError" in written and "[parameters hidden]" in written
    assert "13812345678" not in written and "李秀英" not in written
