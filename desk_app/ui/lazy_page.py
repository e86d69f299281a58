"""A page of the main window that is built the first time it is shown, not at start-up.

Start-up then costs the first screen only, whatever the size of the desk: the other pages read
their data when the worker first opens them, on a worker thread (`read`), and are built on the
GUI thread from what was read (`build`). Until then the page says it is loading.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .tasks import BackgroundOp


class LazyPage(QWidget):
    """Holds the place of a page; `page` is None until it has been built."""

    def __init__(self, build: Callable[[Any], QWidget],
                 read: Callable[[], Any] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build, self._read = build, read
        self.page: QWidget | None = None
        self._started = False
        self._waiting_for_page: list[Callable[[QWidget], None]] = []
        self.waiting = QLabel(self.tr("Loading…"), alignment=Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.waiting)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.load()

    def load(self) -> None:
        """Read and build the page now (once), if it has not been yet."""
        if self._started:
            return
        self._started = True
        if self._read is None:
            self._place(None)
            return
        read = self._read
        BackgroundOp(self, lambda _state: read()).success(self._place).failure(
            lambda _error: self._place(None)).run()  # the page reads again itself and says why

    def when_built(self, callback: Callable[[QWidget], None]) -> None:
        """Call back with the page: now if it is built, else once it is (it is loaded now)."""
        if self.page is not None:
            callback(self.page)
            return
        self._waiting_for_page.append(callback)
        self.load()

    def _place(self, data: Any) -> None:
        self.page = self._build(data)
        self.waiting.hide()
        layout = self.layout()
        assert layout is not None
        layout.addWidget(self.page)
        self.page.show()  # a child added to a widget already on screen stays hidden otherwise
        waiting, self._waiting_for_page = self._waiting_for_page, []
        for callback in waiting:
            callback(self.page)
