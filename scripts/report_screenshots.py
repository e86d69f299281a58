"""The README's screenshots of reports, scores, dashboard and map on the demo workspace:
`xvfb-run -a -s "-screen 0 1366x768x24" python scripts/report_screenshots.py`."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

ROOT = Path(__file__).resolve().parent.parent
os.environ.setdefault("COMMUNITY_DESK_HOME", tempfile.mkdtemp(prefix="desk-shots-"))
sys.path.insert(0, str(ROOT))

from desk_app.store.users import authenticate  # noqa: E402
from desk_app.ui.app import application  # noqa: E402
from desk_app.ui.i18n import install_language  # noqa: E402
from desk_app.ui.main_window import MainWindow  # noqa: E402
from desk_app.workspace import open_workspace  # noqa: E402


def settle(ms: int = 400) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def wait_for(signal: object, ms: int = 60_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main() -> None:
    application()
    install_language(sys.argv[1] if len(sys.argv) > 1 else "zh_CN")
    workspace = open_workspace(demo=True)
    user = authenticate(workspace.db, "demo", "demo1234")
    window = MainWindow(workspace, user)
    window.resize(1366, 768)
    window.show()
    settle()
    out = ROOT / "docs"
    reports, dashboard = window.reports, window.dashboard
    assert reports is not None and dashboard is not None
    window.show_page(reports)
    reports.make_report()
    wait_for(reports.report_ready)
    settle()
    window.grab().save(str(out / "report.png"))
    keys = [t.key for t in reports.tables]
    reports.tabs.setCurrentIndex(keys.index("scores"))
    settle()
    window.grab().save(str(out / "report-scores.png"))
    window.show_page(dashboard)
    wait_for(dashboard.refreshed)
    settle(800)
    window.grab().save(str(out / "dashboard.png"))
    dashboard.level.setCurrentIndex(1)
    settle()
    dashboard.map.resize(700, 520)
    dashboard.map.grab().save(str(out / "hot-spot-map.png"))
    window.close()
    workspace.close()


if __name__ == "__main__":
    main()
