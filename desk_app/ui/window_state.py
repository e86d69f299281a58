"""The window's size and place and the case list's column widths, kept between runs.

Stored in `window.ini` in the desk's config folder (not the platform's QSettings store), so a
test's throwaway home and a demo workspace keep their own. A saved geometry that no longer
fits any screen (a laptop taken off its big monitor) is dropped for one that fits.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHeaderView, QMainWindow

FILE = "window.ini"
PREFERRED = (1280, 800)
TITLE_BAR = 32  # not known before the window manager has framed the window


def _settings(config: Path) -> QSettings:
    return QSettings(str(config / FILE), QSettings.Format.IniFormat)


def _available(window: QMainWindow) -> QRect:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, *PREFERRED)


def fitting_size(available: QRect) -> tuple[int, int]:
    """The preferred size, shrunk to fit the screen's free area with its title bar."""
    return (min(PREFERRED[0], available.width()),
            min(PREFERRED[1], available.height() - TITLE_BAR))


def restore_window(window: QMainWindow, config: Path) -> None:
    """Put the window back where it was, or give it a size that fits this screen.

    Size, place and maximized are kept as plain values rather than Qt's saveGeometry() blob,
    so that they are checked against the screen here, the same way on every platform.
    """
    settings = _settings(config)
    available = _available(window)
    width, height = fitting_size(available)
    left, top = available.left(), available.top()
    saved = [settings.value(f"main/{key}") for key in ("width", "height", "left", "top")]
    if all(isinstance(v, (int, str)) and str(v).lstrip("-").isdigit() for v in saved):
        w, h, x, y = (int(v) for v in saved)  # type: ignore[arg-type]
        place = QRect(x, y, w, h)
        if w <= available.width() and h <= available.height() and available.intersects(place):
            width, height, left, top = w, h, x, y
    window.resize(max(width, window.minimumWidth()), max(height, window.minimumHeight()))
    window.move(left, top)
    if str(settings.value("main/maximized", "false")).lower() == "true":
        window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    restore_header(window, settings)


def restore_header(window: QMainWindow, settings: QSettings | None = None,
                   config: Path | None = None) -> None:
    """The case list's column widths and order, as the worker left them."""
    header = _case_header(window)
    if header is None:
        return
    if settings is None:
        if config is None:
            return
        settings = _settings(config)
    state = settings.value("caseList/header")
    if isinstance(state, QByteArray):
        header.restoreState(state)


def remember_window(window: QMainWindow, config: Path) -> None:
    settings = _settings(config)
    maximized = window.isMaximized()
    place = window.normalGeometry() if maximized and window.normalGeometry().isValid() \
        else window.geometry()
    for key, value in (("width", place.width()), ("height", place.height()),
                       ("left", window.x() if not maximized else place.x()),
                       ("top", window.y() if not maximized else place.y())):
        settings.setValue(f"main/{key}", value)
    settings.setValue("main/maximized", maximized)
    header = _case_header(window)
    if header is not None:
        settings.setValue("caseList/header", header.saveState())
    settings.sync()


def _case_header(window: QMainWindow) -> QHeaderView | None:
    cases = getattr(window, "cases", None)
    table = getattr(cases, "table", None)
    return table.horizontalHeader() if table is not None else None
