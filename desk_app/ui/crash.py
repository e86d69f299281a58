"""Unexpected errors: logged with their traceback and shown to the person, never a silent exit.

    install_crash_handler(log_file, on_crash=save_the_intake_draft)

replaces `sys.excepthook` and `threading.excepthook`. An exception nobody caught (in a slot,
an event handler, a QThread or a Python thread) is written to the log at once, on the thread
where it happened; then, on the GUI thread, `on_crash()` runs (the intake form saves its
draft) and a `CrashDialog` says what happened, where the log is, and lets the person copy the
details, continue, or quit.

Guards: a crash while the dialog or `on_crash` is running is only logged (no loop of dialogs);
the same error again within `REPEAT_WINDOW_S` of the last one shown (a timer failing
every second) is logged in one line, a few times, and not shown again; no more than
`MAX_DIALOGS_PER_MINUTE` dialogs open in a minute, and a dialog that fails to open is logged; an exception on another thread reaches the dialog through a queued signal; with no
QApplication (before it exists, or after it is gone) the report goes to stderr.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QThread, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desk_app import __version__

log = logging.getLogger("desk_app.crash")

REPEAT_WINDOW_S = 30.0
MAX_LOGGED_REPEATS = 5
MAX_DIALOGS_PER_MINUTE = 3

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashDialog(QDialog):
    """What happened, where the log is; Copy details, Open log folder, Continue or Quit."""

    def __init__(self, summary: str, details: str, log_path: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.details = details
        self.log_path = Path(log_path)
        self.quit_chosen = False
        self.more = 0
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("Community Desk — unexpected error"))
        self.setMinimumWidth(520)
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        headline = QLabel(self.tr("Community Desk ran into an unexpected error and could not "
                                  "finish what it was doing."), objectName="crashHeadline")
        headline.setWordWrap(True)
        headline.setStyleSheet("font-weight: bold;")
        self.summary = QLabel(summary, objectName="crashSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setStyleSheet("font-family: monospace;")
        self.advice = QLabel(self.tr("The details were written to the log file below. If it "
                                     "happens again, send that file to whoever supports this "
                                     "desk. You can continue working, but save what you are "
                                     "doing first."), objectName="crashAdvice")
        self.advice.setWordWrap(True)
        advice = self.advice
        self.log_label = QLabel(str(self.log_path), objectName="crashLogPath")
        self.log_label.setWordWrap(True)
        self.log_label.setTextFormat(Qt.TextFormat.PlainText)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.more_label = QLabel(objectName="crashMore")
        self.more_label.hide()
        self.details_view = QPlainTextEdit(details, objectName="crashDetails")
        self.details_view.setReadOnly(True)
        self.details_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details_view.setMinimumHeight(180)
        self.details_view.hide()

        self.toggle = QPushButton(self.tr("Show &details"), objectName="showDetails")
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._toggle_details)
        self.copy = QPushButton(self.tr("&Copy details"), objectName="copyDetails")
        self.copy.clicked.connect(self.copy_details)
        self.open_folder = QPushButton(self.tr("&Open log folder"), objectName="openLogFolder")
        self.open_folder.clicked.connect(self.open_log_folder)
        self.continue_button = QPushButton(self.tr("C&ontinue"), objectName="continueButton")
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)
        self.quit_button = QPushButton(self.tr("&Quit"), objectName="quitButton")
        self.quit_button.clicked.connect(self.choose_quit)

        text = QVBoxLayout()
        text.addWidget(headline)
        text.addWidget(self.summary)
        text.addSpacing(6)
        text.addWidget(advice)
        text.addWidget(self.log_label)
        text.addWidget(self.more_label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(text, 1)
        tools = QHBoxLayout()
        for button in (self.open_folder, self.copy, self.toggle):
            tools.addWidget(button)
        tools.addStretch(1)
        choice = QHBoxLayout()
        choice.addStretch(1)
        choice.addWidget(self.quit_button)
        choice.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(self.details_view, 1)
        layout.addLayout(choice)
        # Never smaller than what its wrapped lines need: a line added after it opened ("2 more
        # errors since") used to squeeze the explanation into an unreadable strip.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)

    def _toggle_details(self, shown: bool) -> None:
        self.details_view.setVisible(shown)
        self.toggle.setText(self.tr("Hide &details") if shown else self.tr("Show &details"))
        self.adjustSize()

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy.setText(self.tr("Copied"))

    def open_log_folder(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.log_path.parent)))

    def choose_quit(self) -> None:
        self.quit_chosen = True
        self.reject()

    def note_another(self, summary: str, details: str) -> None:
        """Another error arrived while this dialog was open: count it, keep its details."""
        self.more += 1
        self.details += "\n\n" + details
        self.details_view.setPlainText(self.details)
        self.more_label.setText(self.tr("%1 more errors since; they are in the log too.")
                                .replace("%1", str(self.more)))
        self.more_label.setToolTip(summary)
        self.more_label.show()
        self.adjustSize()


class _CrashRelay(QObject):
    """Lives on the GUI thread; reports from other threads reach it through a queued signal."""

    reported = Signal(str, str, str)  # signature, summary, details

    def __init__(self, handler: CrashHandler) -> None:
        super().__init__()
        self.handler = handler
        self.reported.connect(self._on_reported, Qt.ConnectionType.QueuedConnection)

    @Slot(str, str, str)
    def _on_reported(self, signature: str, summary: str, details: str) -> None:
        self.handler.show(signature, summary, details)


class CrashHandler:
    """The installed hooks; `install_crash_handler` makes one and `uninstall` puts back the old."""

    def __init__(self, log_path: Path, on_crash: Callable[[], None] | None) -> None:
        self.log_path = Path(log_path)
        self.on_crash = on_crash
        self.busy = False
        self.dialog: CrashDialog | None = None
        self.shown: list[str] = []  # summaries of the dialogs shown, for tests and the log
        self._recent: dict[str, tuple[float, int]] = {}
        self._lock = threading.Lock()
        self._relay: _CrashRelay | None = None
        self._shown_at: list[float] = []
        self._previous = (sys.excepthook, threading.excepthook)

    # Hooks ---------------------------------------------------------------------------------
    def excepthook(self, kind: type[BaseException], error: BaseException,
                   trace: TracebackType | None) -> None:
        self.handle((kind, error, trace), threading.current_thread().name)

    def threading_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        value = args.exc_value if args.exc_value is not None else args.exc_type()
        name = args.thread.name if args.thread is not None else "?"
        self.handle((args.exc_type, value, args.exc_traceback), name)

    def handle(self, info: ExcInfo, thread_name: str) -> None:
        """Log now, on this thread; then show, on the GUI thread. Never raises."""
        kind, error, trace = info
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        try:
            text = "".join(traceback.format_exception(kind, error, trace))
            summary = _summary(kind, error)
            signature = _signature(kind, trace)
            if not self._write_log(signature, summary, text, thread_name):
                return
            details = self._details(text, thread_name)
            app = QApplication.instance()
            if app is None:
                _to_stderr(details)
                return
            if QThread.currentThread() is app.thread() and QThread.currentThread().loopLevel() == 0:
                # No event loop yet (or any more) to deliver a queued report: show it now.
                self.show(signature, summary, details)
            else:
                self._relay_for(app).reported.emit(signature, summary, details)
        except Exception:  # the crash handler itself must never crash the program
            _to_stderr("".join(traceback.format_exception(*info)))
            _to_stderr(traceback.format_exc())

    # Logging -------------------------------------------------------------------------------
    def _write_log(self, signature: str, summary: str, text: str, thread_name: str) -> bool:
        """Log the error; False when it repeats one just shown (then only a short line)."""
        now = time.monotonic()
        with self._lock:
            seen, repeats = self._recent.get(signature, (0.0, 0))
            repeating = bool(seen) and now - seen < REPEAT_WINDOW_S
            self._recent[signature] = (seen, repeats + 1) if repeating else (now, 0)
        if repeating:
            if repeats < MAX_LOGGED_REPEATS:
                log.critical("the same unexpected error again (thread %s): %s", thread_name,
                             summary)
            return False
        self._log_with_file(logging.CRITICAL, "unexpected error (thread %s):\n%s",
                            thread_name, text.rstrip())
        return True

    def _log_with_file(self, level: int, fmt: str, *args: object) -> None:
        """Log, making sure the record reaches the log file the dialog points to."""
        if _file_is_logged(self.log_path):
            log.log(level, fmt, *args)
            return
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            handler = logging.FileHandler(self.log_path, encoding="utf-8")
        except OSError:
            log.log(level, fmt, *args)
            return
        from desk_app.logs import FORMAT, ScrubbingFormatter

        handler.setFormatter(ScrubbingFormatter(FORMAT))
        log.addHandler(handler)
        try:
            log.log(level, fmt, *args)
        finally:
            log.removeHandler(handler)
            handler.close()

    def _details(self, text: str, thread_name: str) -> str:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        return "\n".join([
            f"Community Desk {__version__}",
            f"Time: {datetime.now().astimezone().isoformat(timespec='seconds')}",
            f"Python {platform.python_version()}, Qt {qVersion()}, PySide6 {pyside_version}, "
            f"{platform.platform()}",
            f"Thread: {thread_name}",
            f"Log: {self.log_path}",
            "",
            text.rstrip(),
        ])

    # Showing (GUI thread) ------------------------------------------------------------------
    def _relay_for(self, app: QApplication) -> _CrashRelay:
        with self._lock:
            if self._relay is None:
                relay = _CrashRelay(self)
                if relay.thread() is not app.thread():
                    relay.moveToThread(app.thread())
                self._relay = relay
            return self._relay

    def show(self, signature: str, summary: str, details: str) -> None:
        if self.busy:  # a crash inside on_crash or the dialog: logged already, never loop
            if self.dialog is not None:
                self.dialog.note_another(summary, details)
            return
        now = time.monotonic()
        self._shown_at = [t for t in self._shown_at if now - t < 60.0]
        if len(self._shown_at) >= MAX_DIALOGS_PER_MINUTE:
            log.critical("too many unexpected errors in a minute; not showing another dialog")
            return
        self._shown_at.append(now)
        self.busy = True
        quit_chosen = False
        try:
            if self.on_crash is not None:
                try:
                    self.on_crash()
                except Exception:
                    log.exception("on_crash failed while handling an unexpected error")
            self.shown.append(summary)
            try:
                parent = QApplication.activeModalWidget() or QApplication.activeWindow()
                self.dialog = CrashDialog(summary, details, self.log_path, parent)
                self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
                self.dialog.exec()
                quit_chosen = self.dialog.quit_chosen
                self.dialog.deleteLater()
            except Exception:  # the dialog itself failed: say so on stderr, and never loop
                log.exception("the crash dialog could not be shown")
                _to_stderr(details)
        finally:
            self.dialog = None
            self.busy = False
        with self._lock:
            # Continuing: the same error again soon is only logged, not shown again.
            self._recent[signature] = (time.monotonic(), 0)
        if quit_chosen:
            log.info("quitting after an unexpected error, as the person chose")
            app = QApplication.instance()
            if app is not None:
                app.exit(1)

    # Installing ----------------------------------------------------------------------------
    def install(self) -> CrashHandler:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self.threading_hook
        app = QApplication.instance()
        if app is not None and QThread.currentThread() is app.thread():
            self._relay_for(app)  # made now, on the GUI thread
        return self

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.threading_hook:
            threading.excepthook = self._previous[1]


_installed: CrashHandler | None = None


def install_crash_handler(log_path: Path,
                          on_crash: Callable[[], None] | None = None) -> CrashHandler:
    """Report every uncaught exception (see the module's docstring); replaces an earlier one.

    Call it on the GUI thread once the QApplication exists and logging is set up; `log_path`
    is the file `desk_app.logs.setup_logging` returned. `on_crash` runs on the GUI thread
    before the dialog opens; it must be quick and must not open windows.
    """
    global _installed
    uninstall_crash_handler()
    _installed = CrashHandler(log_path, on_crash).install()
    return _installed


def uninstall_crash_handler() -> None:
    """Put back the hooks that were there before (tests, and a clean shutdown)."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
        _installed = None


def _summary(kind: type[BaseException], error: BaseException) -> str:
    text = str(error).strip().splitlines()
    first = text[0] if text else ""
    line = f"{kind.__name__}: {first}" if first else kind.__name__
    return line if len(line) <= 300 else line[:299] + "…"


def _signature(kind: type[BaseException], trace: TracebackType | None) -> str:
    """The same error from the same place: its type and the innermost frame."""
    last = traceback.extract_tb(trace)[-1] if trace is not None else None
    where = f"{last.filename}:{last.lineno}" if last is not None else "?"
    return f"{kind.__module__}.{kind.__qualname__}@{where}"


def _file_is_logged(path: Path) -> bool:
    """Whether a handler on the root logger (or ours) already writes to `path`."""
    try:
        target = str(path.resolve())
    except OSError:
        target = str(path)
    for logger in (logging.getLogger(), log):
        for handler in logger.handlers:
            if isinstance(handler, logging.FileHandler) and handler.baseFilename == target:
                return True
    return False


def _to_stderr(text: str) -> None:
    stream = sys.stderr or sys.__stderr__
    if stream is None:  # a windowed build on Windows has no stderr at all
        return
    try:
        stream.write(text.rstrip() + "\n")
        stream.flush()
    except (OSError, ValueError):
        pass
