"""Work that the first screen does not need waits until that screen is on the display.

Sync's scheduler (and the imports behind it), the follow-through job and the suggester's
warm-up all hold the interpreter for a while; started before the main window's first paint,
they delay it, and started beside it they make its first show stutter.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer


class _FirstPaint(QObject):
    """Calls back once, on an event-loop turn after `widget`'s first paint (or after
    `at_most_ms` if it is never painted, e.g. started minimised)."""

    def __init__(self, widget: QObject, callback: Callable[[], None], delay_ms: int,
                 at_most_ms: int) -> None:
        super().__init__(widget)
        self.widget, self.callback, self.delay_ms, self.done = widget, callback, delay_ms, False
        widget.installEventFilter(self)
        QTimer.singleShot(at_most_ms, self, self.fire)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Paint and not self.done:
            self.widget.removeEventFilter(self)
            QTimer.singleShot(self.delay_ms, self, self.fire)  # after this paint is shown
        return False

    def fire(self) -> None:
        if self.done:
            return
        self.done = True
        self.widget.removeEventFilter(self)
        self.callback()


def after_first_paint(widget: QObject, callback: Callable[[], None], delay_ms: int = 0,
                      at_most_ms: int = 3000) -> None:
    """Run `callback` (on the GUI thread) `delay_ms` after `widget` is first painted."""
    _FirstPaint(widget, callback, delay_ms, at_most_ms)
