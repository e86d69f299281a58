"""The longest GUI-thread stall while the main screens are driven over the demo workspace.

A heartbeat timer on the GUI thread notes how long each turn of the event loop took; the
screens are driven as a worker would (every page of the sidebar, the case list scrolled and
searched, a case opened, a step recorded, a meeting opened and saved, a patrol opened), each
action queued on the event loop like a click. The floor is the same heartbeat over a bare
QMainWindow in the same run. Goal: no stall over 50 ms.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def _heartbeat(app: object) -> tuple[Callable[[], None], Callable[[], float]]:
    from PySide6.QtCore import QTimer

    last = [time.perf_counter()]
    worst = [0.0]
    timer = QTimer()
    timer.setInterval(1)

    def beat() -> None:
        now = time.perf_counter()
        worst[0] = max(worst[0], now - last[0])
        last[0] = now

    timer.timeout.connect(beat)

    def start() -> None:
        last[0] = time.perf_counter()
        worst[0] = 0.0
        timer.start()

    def stop() -> float:
        timer.stop()
        return worst[0] * 1000
    _heartbeat.keep = timer  # type: ignore[attr-defined]
    return start, stop


def _settle(app: object, seconds: float = 0.3, at_most: float = 5.0) -> None:
    """Let queued work (background loads and their redraws) finish, with the event loop
    turning all the while: blocking in `wait_for_pools` here would itself be the longest
    "stall" the heartbeat sees, and hide what the GUI thread really did meanwhile."""
    from desk_app.ui.tasks import _pools

    started = time.perf_counter()
    end = started + seconds
    while time.perf_counter() < end or (
            any(p.activeThreadCount() for p in _pools.values())
            and time.perf_counter() < started + at_most):
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.002)
    app.processEvents()  # type: ignore[attr-defined]


def _measure(app: object, action: Callable[[], object]) -> float:
    """The longest event-loop turn while `action` runs as a queued click and its work settles."""
    from PySide6.QtCore import QTimer

    start, stop = _heartbeat(app)
    start()
    QTimer.singleShot(5, action)
    _settle(app, 0.4)
    return stop()


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="stalls-"))
    os.environ["COMMUNITY_DESK_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication, QMainWindow

    from desk_app.config import app_paths
    from desk_app.store.cases import get_case, remind_case
    from desk_app.store.users import authenticate
    from desk_app.ui.i18n import install_language
    from desk_app.ui.main_window import MainWindow
    from desk_app.workspace import open_workspace

    app = QApplication.instance() or QApplication([])
    install_language("zh_CN")
    bare = QMainWindow()
    bare.resize(1366, 768)
    floor = _measure(app, bare.show)
    floor_idle = _measure(app, lambda: None)
    bare.close()

    workspace = open_workspace(app_paths(), demo=True)
    user = authenticate(workspace.db, "demo", "demo1234")
    window = MainWindow(workspace, user)
    window.resize(1366, 768)
    figures: list[tuple[str, float]] = [("show the main window", _measure(app, window.show))]
    for row in range(window.nav.count()):
        name = window.nav.item(row).text()
        figures.append((f"sidebar: {name}", _measure(app, lambda r=row: window.nav.setCurrentRow(r))))
    window.show_page(window.cases)
    _settle(app)
    figures.append(("case list: scroll to the end", _measure(
        app, lambda: window.cases.table.scrollToBottom())))
    figures.append(("case list: search 楼道", _measure(
        app, lambda: (window.cases.search.setText("楼道"), window.cases.apply()))))
    window.cases.search.clear()
    figures.append(("case list: overdue view", _measure(app, window.show_overdue)))
    first = window.cases.model.rows[0].id if window.cases.model.rows else None
    if first:
        figures.append(("open a case", _measure(app, lambda: window.open_case(first))))
        figures.append(("record a reminder (redraws list, detail, status)", _measure(
            app, lambda: remind_case(workspace.desk, user, first, "请尽快办理"))))
        assert get_case(workspace.desk, user, first).reminders >= 1
    if window.meetings is not None and window.meetings.meetings.count():
        window.show_page(window.meetings)
        _settle(app)
        figures.append(("open a meeting", _measure(
            app, lambda: window.meetings.meetings.setCurrentRow(0))))
        figures.append(("save the meeting record", _measure(app, window.meetings.detail.save)))
    if window.patrols is not None and window.patrols.records.count():
        window.show_page(window.patrols)
        _settle(app)
        figures.append(("open a patrol with photos", _measure(
            app, lambda: window.patrols.records.setCurrentRow(0))))

    print("\nGUI-thread stalls over the demo workspace (longest event-loop turn, ms)")
    print(f"{'action':52} {'stall':>8} {'floor':>8} {'ratio':>7}")
    print(f"{'(bare QMainWindow shown / idle loop)':52} {floor:8.1f} {floor_idle:8.1f}")
    for name, stall in figures:
        flag = "  > 50 ms" if stall > 50 else ""
        print(f"{name[:52]:52} {stall:8.1f} {floor:8.1f} {stall / max(floor, 0.1):6.1f}×{flag}")
    worst = max(figures, key=lambda f: f[1])
    print(f"longest: {worst[1]:.1f} ms ({worst[0]})")
    window.close()
    workspace.close()


if __name__ == "__main__":
    main()
