"""Background work, one builder for all of it (after Anki's QueryOp).

    BackgroundOp(parent, work).success(on_done).failure(on_error).with_progress(text).run()

`work(state)` runs on a worker thread; `state.report(done, total)` moves the progress bar and
`state.cancelled` tells it to stop. Database work runs on a single-worker pool (SQLite has one
writer), network work on another. The progress dialog appears only if the work takes more
than 600 ms, so quick work never flashes a dialog.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

log = logging.getLogger(__name__)
T = TypeVar("T")
PROGRESS_DELAY_MS = 600

_pools: dict[str, QThreadPool] = {}


def pool(name: str) -> QThreadPool:
    if name not in _pools:
        created = QThreadPool()
        created.setMaxThreadCount(1 if name == "db" else 2)
        _pools[name] = created
    return _pools[name]


def wait_for_pools(msecs: int = 10_000) -> None:
    for created in _pools.values():
        created.waitForDone(msecs)


def busy_workers() -> int:
    """How many workers of every pool are running now (0: the background is idle)."""
    return sum(created.activeThreadCount() for created in _pools.values())


class TaskState:
    """What the worker sees: report progress, check for cancellation. Thread-safe."""

    def __init__(self, notify: Callable[[int, int], None] | None = None) -> None:
        self._cancel = threading.Event()
        self._notify = notify

    def report(self, done: int, total: int) -> None:
        if self._notify:
            self._notify(done, total)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted by a worker reach its slots there (queued)."""

    done = Signal(object)
    failed = Signal(object, str)
    progress = Signal(int, int)

    def __init__(self) -> None:
        super().__init__()
        self.on_done: Callable[[object], None] = lambda _r: None
        self.on_failed: Callable[[Exception, str], None] = lambda _e, _t: None
        self.on_progress: Callable[[int, int], None] = lambda _d, _t: None
        self.done.connect(self._done)
        self.failed.connect(self._failed)
        self.progress.connect(self._progress)

    @Slot(object)
    def _done(self, result: object) -> None:
        self.on_done(result)

    @Slot(object, str)
    def _failed(self, error: Exception, trace: str) -> None:
        self.on_failed(error, trace)

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.on_progress(done, total)


_running: set[BackgroundOp[Any]] = set()


class _Runner(QRunnable):
    def __init__(self, work: Callable[[TaskState], Any], signals: _Relay,
                 state: TaskState) -> None:
        super().__init__()
        self.work, self.signals, self.state = work, signals, state

    def run(self) -> None:
        try:
            result = self.work(self.state)
        except Exception as error:  # handed to the failure callback on the GUI thread
            self.signals.failed.emit(error, traceback.format_exc())
        else:
            self.signals.done.emit(result)


class BackgroundOp(Generic[T]):
    def __init__(self, parent: QWidget | None, work: Callable[[TaskState], T],
                 pool_name: str = "db") -> None:
        self.parent = parent
        self.work = work
        self.pool_name = pool_name
        self._success: Callable[[T], None] = lambda _r: None
        self._failure: Callable[[Exception], None] | None = None
        self._label: str | None = None
        self._cancellable = False
        self.signals = _Relay()
        self.state = TaskState(self.signals.progress.emit)

    def success(self, callback: Callable[[T], None]) -> BackgroundOp[T]:
        self._success = callback
        return self

    def failure(self, callback: Callable[[Exception], None]) -> BackgroundOp[T]:
        self._failure = callback
        return self

    def with_progress(self, label: str, cancellable: bool = False) -> BackgroundOp[T]:
        self._label, self._cancellable = label, cancellable
        return self

    def run(self) -> TaskState:
        dialog: QProgressDialog | None = None
        timer = QTimer(self.signals)
        timer.setSingleShot(True)
        last = [0, 0]

        def show_dialog() -> None:
            nonlocal dialog
            dialog = QProgressDialog(self._label or "", None, 0, 0, self.parent)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
            dialog.setMinimumDuration(0)
            if self._cancellable:
                dialog.setCancelButtonText(dialog.tr("Cancel"))
                dialog.canceled.connect(self.state.cancel)
            else:
                dialog.setCancelButton(None)
            if last[1]:
                dialog.setRange(0, last[1])
                dialog.setValue(last[0])
            dialog.show()

        def on_progress(done: int, total: int) -> None:
            last[:] = [done, total]
            if dialog is not None and total:
                dialog.setRange(0, total)
                dialog.setValue(done)

        def finish() -> None:
            timer.stop()
            _running.discard(self)
            if dialog is not None and isValid(dialog):  # gone with its window, maybe
                dialog.reset()
                dialog.deleteLater()

        def gone() -> bool:
            """The widget that asked was deleted meanwhile (a window closed when another
            person signed in): its callbacks would reach a dead C++ object."""
            return self.parent is not None and not isValid(self.parent)

        def on_done(result: object) -> None:
            finish()
            if not gone():
                self._success(result)  # type: ignore[arg-type]

        def on_failed(error: Exception, trace: str) -> None:
            finish()
            if gone():
                log.info("background work of a closed window failed:\n%s", trace)
            elif self._failure is not None:
                self._failure(error)
            else:
                log.error("background work failed:\n%s", trace)
                raise error

        self.signals.on_progress = on_progress
        self.signals.on_done = on_done
        self.signals.on_failed = on_failed
        _running.add(self)
        if self._label is not None:
            timer.timeout.connect(show_dialog)
            timer.start(PROGRESS_DELAY_MS)
        pool(self.pool_name).start(_Runner(self.work, self.signals, self.state))
        return self.state
