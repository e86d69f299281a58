"""Takes the README's screenshots of the demo workspace: `xvfb-run -a python scripts/screenshots.py`.

Signs in as the demo supervisor, fills the intake form as a worker would, and saves PNGs of the
intake form, the case list (at 1366×768), a case's detail, the evaluation dialog and the crash
dialog under docs/.
"""

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
    """Let Qt run for a while. (Not a processEvents() loop: in PySide6 6.12 every call of the
    static QCoreApplication.processEvents() drops one reference to None, and a busy loop of
    them aborts the interpreter.)"""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def evaluation_dialog(window: MainWindow, workspace: object, out: Path, suffix: str) -> None:
    """The evaluation dialog as it opens: nothing chosen for the resident."""
    from desk_app.store.case_queries import CaseQuery, list_cases

    resolved = list_cases(workspace.desk, window.user,  # type: ignore[attr-defined]
                          CaseQuery(statuses=frozenset({"resolved"}))).rows
    if not resolved:
        return
    window.open_case(resolved[0].id)
    settle()
    window.detail.buttons["case.evaluated"].click()
    dialog = window.detail.last_dialog
    if dialog is None:
        return
    settle()
    dialog.grab().save(str(out / f"evaluation{suffix}.png"))
    dialog.reject()


def crash_dialog(window: MainWindow, out: Path, suffix: str) -> None:
    """The crash dialog with two more errors noted after it opened (its text must stay readable)."""
    from desk_app.ui.crash import CrashDialog

    dialog = CrashDialog("AttributeError: 'CaseDetail' object has no attribute 'timeline'",
                         "Traceback (most recent call last): …",
                         Path.home() / ".local/state/CommunityDesk/log/desk.log", window)
    dialog.show()
    settle()
    dialog.note_another("AttributeError: again", "…")
    dialog.note_another("AttributeError: again", "…")
    settle()
    dialog.grab().save(str(out / f"crash{suffix}.png"))
    dialog.reject()


def main() -> None:
    app = application()
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    install_language(language)
    workspace = open_workspace(demo=True)
    user = authenticate(workspace.db, "demo", "demo1234")
    window = MainWindow(workspace, user)
    window.resize(1366, 768 - 32)  # a 1366×768 screen less the title bar
    window.show()
    settle()
    out = ROOT / "docs"
    out.mkdir(exist_ok=True)
    suffix = "" if language == "zh_CN" else f"-{language}"

    form = window.intake
    assert form is not None
    form.name.setText("刘海燕")
    from desk_app.store.case_queries import CaseQuery, list_cases

    recent = list_cases(workspace.desk, window.user, CaseQuery(community="YT-HS-PW",  # type: ignore[attr-defined]
                                                statuses=frozenset({"dispatched", "signed"})))
    form.phone.setText(recent.rows[0].phone if recent.rows else "13926543210")
    form.address.setText("鹏湾花园5栋2单元")
    form.description.setPlainText("鹏湾花园5栋旁边的工地夜间施工，凌晨一点多还在打桩，噪音很大，"
                                  "老人孩子都睡不着，希望尽快处理。")
    settle(800)
    window.grab().save(str(out / f"intake{suffix}.png"))
    form.accept_suggestion()
    form.check_duplicates()
    settle()
    window.grab().save(str(out / f"intake-suggested{suffix}.png"))

    window.show_page(window.cases)
    settle(1200)
    window.grab().save(str(out / f"cases{suffix}.png"))
    window.show_overdue()
    settle(1200)
    window.grab().save(str(out / f"cases-overdue{suffix}.png"))
    model = window.cases.model
    row = next((r for r in model.rows if r.status in ("returned", "replied", "closed")), model.rows[0])
    window.open_case(row.id)
    settle()
    window.grab().save(str(out / f"case-detail{suffix}.png"))
    evaluation_dialog(window, workspace, out, suffix)
    crash_dialog(window, out, suffix)
    if window.meetings is not None:
        window.show_page(window.meetings)
        window.meetings.meetings.setCurrentRow(window.meetings.meetings.count() - 1)
        window.meetings.detail.resolutions.selectRow(0)
        settle()
        window.grab().save(str(out / f"meeting{suffix}.png"))
    if window.opinion_room is not None:
        window.show_page(window.opinion_room)
        window.opinion_room.receptions.records.setCurrentRow(0)
        settle()
        window.grab().save(str(out / f"opinion-room{suffix}.png"))
    if window.patrols is not None:
        window.show_page(window.patrols)
        window.patrols.records.setCurrentRow(0)
        settle()
        window.grab().save(str(out / f"patrol{suffix}.png"))
    print("saved to", out)
    window.close()
    workspace.close()
    app.quit()


if __name__ == "__main__":
    main()
