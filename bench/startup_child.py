"""One start of the desk (or of a bare QMainWindow, the floor), timed by bench/desk_scale.py.

    python -m bench.startup_child bare
    python -m bench.startup_child bare+sqlalchemy
    python -m bench.startup_child desk DATABASE
    python -m bench.startup_child memory DATABASE ROWS
    python -m bench.startup_child probe DATABASE
    COMMUNITY_DESK_HOME=HOME python -m bench.startup_child signin [--demo] [USER PASSWORD]

Prints `painted` when the main window is first painted (and, for the desk, `rows N` when the
case list's first page is on screen), then exits. The desk runs what `run_app` runs around
sign-in: the application object, the workspace on DATABASE (its own settings in a temporary
home), the language, the session and its main window of a supervisor (every page), as
`DeskSession.open_window` shows it after sign-in. `memory` loads ROWS rows
into the case list and prints the process's resident memory before and after. `probe` starts
like `desk` and says, at the first paint, what had been imported (`sqlalchemy 0|1`, `modules N`)
and how many rows the case list held (tests/gui/test_start_path.py). `signin` runs the real
program (`desk_app.main`, as `community-desk` does) on the workspace in COMMUNITY_DESK_HOME and
says the same (`signin sqlalchemy 0|1 …`) at its sign-in window's first paint; given USER and
PASSWORD it then signs in with them and says it again at the main window's first paint
(`window sqlalchemy 0|1 …`).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def bare(with_sqlalchemy: bool = False) -> None:
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QMainWindow

    if with_sqlalchemy:  # what the store's one library costs on any path that imports it
        import sqlalchemy  # noqa: F401

    app = QApplication(sys.argv)

    class Painted(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                say("painted")
                say(f"rss {rss_kb()}")
                os._exit(0)
            return False

    window = QMainWindow()
    window.resize(1280, 800)
    spy = Painted()
    window.installEventFilter(spy)
    window.show()
    app.exec()


def plain_workspace(paths: object, database: Path) -> object:
    """The workspace `open_workspace` builds, on the benchmark's plain database as it is.

    `open_workspace` would encrypt a plain database in place (after a backup): minutes at 1 M,
    and the cached file would be changed for every later run. SQLCipher's raw key costs a
    pooled connection no more than plain SQLite (desk_app/store/database.py), and
    bench/encryption.py measures what the cipher costs per page.
    """
    from desk_app.config import calendar_file
    from desk_app.domain.workcalendar import WorkCalendar
    from desk_app.settings import Settings
    from desk_app.store.database import open_database
    from desk_app.workspace import Workspace, _catalogue

    paths.ensure()  # type: ignore[attr-defined]
    workspace = Workspace(paths, Settings.load(paths.settings),  # type: ignore[arg-type, attr-defined]
                          _catalogue(paths), WorkCalendar.load(calendar_file()),  # type: ignore[arg-type]
                          open_database(database), None)
    workspace.attach_desk()
    return workspace


def desk(database: Path, rows_wanted: int = 0, probe: bool = False) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    from desk_app.config import Paths
    from desk_app.store.user_record import User
    from desk_app.ui.app import DeskSession, application
    from desk_app.ui.i18n import install_language

    app = application()
    home = Path(tempfile.mkdtemp(prefix="desk-bench-"))
    paths = Paths(home / "data", home / "logs", home / "config")
    workspace = plain_workspace(paths, database)
    install_language("zh_CN")
    user = User("bench", "bench", "测评", "supervisor")
    session = DeskSession(workspace)  # what run_app does after sign-in, as the person sees it
    if rows_wanted:  # what the rows cost, not sync and follow-through starting meanwhile
        session.start_background = lambda: None  # type: ignore[method-assign]
    window = session.open_window(user)
    cases = window.cases

    class Painted(QObject):
        def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not done["painted"]:
                done["painted"] = True
                if probe:  # what the first paint needed, seen at that moment
                    say(f"sqlalchemy {int('sqlalchemy' in sys.modules)}")
                    say(f"alembic {int('alembic' in sys.modules)}")
                    say(f"modules {len(sys.modules)}")
                    say(f"rows {cases.model.rowCount()}")
                    say(f"shown {type(window.pages.currentWidget()).__name__}")
                    os._exit(0)
                say("painted")
                finish()
            return False

    done = {"painted": False, "rows": False}

    def finish() -> None:
        if done["painted"] and done["rows"] and not rows_wanted:
            os._exit(0)

    def first_rows(_total: int) -> None:
        if done["rows"]:
            return
        done["rows"] = True
        say(f"rows {cases.model.rowCount()}")
        if rows_wanted:  # once the window is painted and settled (fonts, the count)
            QTimer.singleShot(1500, settle)
        finish()

    def settle(last: int = 0, tries: int = 0) -> None:
        """Wait until the start's background work is over (the count, the watch list, the
        suggester's warm-up: at 1 M cases a few seconds and ~100 MB, which a `before` taken
        meanwhile would count as the rows'): every worker idle and the resident memory steady
        for a second (at most 30 s)."""
        from desk_app.ui.tasks import busy_workers

        now = rss_kb()
        if tries < 30 and (busy_workers() or abs(now - last) > 512):
            QTimer.singleShot(1000, lambda: settle(now, tries + 1))
            return
        load_rows()

    def load_rows() -> None:
        from desk_app.ui.tasks import wait_for_pools

        wait_for_pools()
        app.processEvents()
        before = rss_kb()
        while cases.model.rowCount() < rows_wanted and cases.model.canFetchMore():
            cases.model.fetchMore()
        app.processEvents()
        after = rss_kb()
        say(f"memory {before} {after} {cases.model.rowCount()}")
        os._exit(0)

    cases.model.loaded.connect(first_rows)
    if cases.model.rows:  # the first page came with the window (read by the driver)
        first_rows(cases.model.total)
    spy = Painted()
    window.installEventFilter(spy)
    app.exec()


def imported(where: str) -> None:
    """What was imported by now (one line, `WHERE sqlalchemy 0|1 alembic 0|1 …`)."""
    heavy = " ".join(f"{name} {int(name in sys.modules)}"
                     for name in ("sqlalchemy", "alembic", "argon2"))
    say(f"{where} {heavy} modules {len(sys.modules)}")


def real_start(credentials: list[str], demo: bool = False) -> None:
    """`desk_app.main` as `community-desk` runs it, watched from its first dialog's `exec`."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QDialog, QWidget

    class Painted(QObject):
        def __init__(self, dialog: QDialog) -> None:
            super().__init__(dialog)
            self.dialog, self.signing_in = dialog, False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() != QEvent.Type.Paint:
                return False
            if watched is self.dialog and not self.signing_in:
                imported("signin")
                if not credentials:
                    os._exit(0)
                self.signing_in = True
                QApplication.instance().installEventFilter(self)  # the main window, next
                self.dialog.username.setText(credentials[0])  # type: ignore[attr-defined]
                self.dialog.password.setText(credentials[1])  # type: ignore[attr-defined]
                self.dialog.try_sign_in()  # type: ignore[attr-defined]
            elif (isinstance(watched, QWidget) and self.signing_in
                  and type(watched.window()).__name__ == "MainWindow"):
                imported("window")
                os._exit(0)
            return False

    shown = QDialog.exec

    def exec_watched(dialog: QDialog) -> int:
        if type(dialog).__name__ == "LoginDialog":
            dialog.installEventFilter(Painted(dialog))
        else:  # the set-up wizard or the recovery key's prompt: not the usual start
            say(f"dialog {type(dialog).__name__}")
            os._exit(1)
        return shown(dialog)

    QDialog.exec = exec_watched  # type: ignore[method-assign]
    from desk_app.main import main as desk_main

    sys.exit(desk_main(["--demo"] if demo else []))


def main() -> None:
    mode = sys.argv[1]
    if mode == "signin":
        demo = sys.argv[2:3] == ["--demo"]
        real_start(sys.argv[2 + demo:4 + demo], demo)
        return
    if mode == "bare":
        bare()
    elif mode == "bare+sqlalchemy":
        bare(with_sqlalchemy=True)
    elif mode == "desk":
        desk(Path(sys.argv[2]))
    elif mode == "memory":
        desk(Path(sys.argv[2]), int(sys.argv[3]))
    elif mode == "probe":
        desk(Path(sys.argv[2]), probe=True)


if __name__ == "__main__":
    main()
