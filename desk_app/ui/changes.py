"""The change broadcast (after Anki's `operation_did_execute`): every committed write on the
desk, made here or pulled from the centre, reaches every screen as a `Changes` value, and each
screen decides what to redraw. No screen polls the store or refreshes another by hand.

Writes commit on any thread (the GUI, the database worker, the sync thread); the hub re-emits
their Changes as a Qt signal, so receivers on the GUI thread get them queued there. Connect
bound methods of QObjects (never lambdas that capture a widget): Qt drops the connection when the
widget is deleted, so no callback ever reaches a deleted screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desk_app.store.desk import Changes, Desk


class ChangeHub(QObject):
    changed = Signal(object)  # Changes

    def __init__(self, desk: Desk) -> None:
        super().__init__()
        self._stop = desk.listen(self._relay)

    def _relay(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def close(self) -> None:
        self._stop()


def hub(desk: Desk) -> ChangeHub:
    """The desk's one hub (made on first use, on the GUI thread)."""
    found = getattr(desk, "_change_hub", None)
    if found is None:
        found = ChangeHub(desk)
        desk._change_hub = found  # type: ignore[attr-defined]
    return found


class Coalesced(QObject):
    """Calls `redraw()` when a change concerns the screen (`wants(changes)`): at once for a
    write made here, once for a burst of pulled changes (a pull applies many pages), and, while
    the screen is hidden, only when it is shown again."""

    def __init__(self, parent: QWidget, desk: Desk, wants: Callable[[Changes], bool],
                 redraw: Callable[[], object], burst_ms: int = 150) -> None:
        super().__init__(parent)
        self._screen = parent
        self._wants, self._redraw = wants, redraw
        self._stale = False
        self._timer = QTimer(self, singleShot=True, interval=burst_ms)
        self._timer.timeout.connect(self._fire)
        parent.installEventFilter(self)
        hub(desk).changed.connect(self._changed)

    def _changed(self, changes: Changes) -> None:
        if not self._wants(changes):
            return
        if not self._screen.isVisible() and not self._screen.isWindow():
            self._stale = True
        elif changes.origin == "local":
            self._timer.stop()
            self._fire()
        elif not self._timer.isActive():
            self._timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self._stale:
            self._fire()
        return False

    def _fire(self) -> None:
        self._stale = False
        self._redraw()
