"""Starting the GUI: the application object, the language, the workspace, sign-in, the window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from desk_app.config import resources_dir
from desk_app.domain.text import DomainError
from desk_app.store.backup import restore_backup, scheduled_backup
from desk_app.workspace import Workspace, open_workspace

from .crash import guard_refcount_bug, install_crash_handler
from .i18n import install_language, message, translate
from .idle import IdleWatcher
from .login import LoginDialog
from .main_window import MainWindow
from .setup_wizard import SetupWizard
from .sync_ui import SyncBridge
from .tasks import wait_for_pools
from .watch_view import FollowupBridge, followup_for


def application() -> QApplication:
    guard_refcount_bug()  # a no-op unless this PySide6 has the reference bug of 6.12.0
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Community Desk")
    icon = resources_dir() / "icons" / "community-desk.png"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    app.setOrganizationName("CommunityDesk")
    font = QFont(app.font())
    font.setFamilies(["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", *font.families()])
    font.setPointSize(max(font.pointSize(), 10))
    app.setFont(font)
    return app  # type: ignore[return-value]


class DeskSession:
    """Sign-in, the main window, and locking when idle."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self.window: MainWindow | None = None
        self.watcher = IdleWatcher(workspace.settings.auto_lock_minutes)
        QApplication.instance().installEventFilter(self.watcher)
        self.watcher.idle.connect(self.lock)
        self.sync = SyncBridge(workspace)
        self.sync.start()
        self.followup: FollowupBridge | None = None
        paths = workspace.paths
        self.sync.scheduler.add_daily(lambda: scheduled_backup(paths), "daily-backup")

    def sign_in(self) -> bool:
        desk = self.workspace.desk
        assert desk is not None
        settings = self.workspace.settings
        dialog = LoginDialog(self.workspace.db, desk.identity.name,
                             settings.last_user or ("demo" if settings.demo else ""),
                             demo=settings.demo)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return False
        self.workspace.settings.last_user = dialog.user.username
        self.workspace.settings.save(self.workspace.paths.settings)
        self.window = MainWindow(self.workspace, dialog.user, sync=self.sync,
                                 followup=self.followup_bridge())
        self.window.restore_requested.connect(self.restore)
        self.window.lock_requested.connect(self.lock)
        self.window.show()
        return True

    def followup_bridge(self) -> FollowupBridge | None:
        """The follow-through job, started once per session (on its own thread)."""
        if self.followup is None and self.workspace.desk is not None:
            self.followup = followup_for(self.workspace)
            self.followup.start()
        return self.followup

    def save_draft(self) -> None:
        """Keep the unsaved intake form before anything else happens after a crash."""
        if self.window is not None and self.window.intake is not None:
            self.window.intake.save_draft_now()

    def restore(self, path: Path) -> None:
        """Replace the desk's data with a backup: close everything first, then swap, then
        ask the worker to start again (accounts may have changed with the data)."""
        self.sync.stop()
        if self.followup is not None:
            self.followup.stop()
        wait_for_pools()
        self.workspace.close()
        paths = self.workspace.paths
        try:
            restored = restore_backup(path, paths.database, paths.attachments)
        except DomainError as error:
            QMessageBox.critical(None, translate("DeskSession", "Not restored"), message(error))
        else:
            QMessageBox.information(None, translate("DeskSession", "Restored"), translate(
                "DeskSession", "The backup was restored. The data it replaced is kept in %1. "
                "Community Desk will now close; please start it again.").replace(
                "%1", str(restored.undo)))
        QApplication.instance().exit(0)

    def lock(self) -> None:
        if self.window is None or not self.window.isVisible():
            return
        self.window.hide()
        user = self.window.user
        dialog = LoginDialog(self.workspace.db, self.workspace.desk.identity.name,  # type: ignore[union-attr]
                             user.username, locked=True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            self.window.close()
            QApplication.instance().quit()
            return
        self.window.show()
        self.watcher.set_minutes(self.workspace.settings.auto_lock_minutes)


def run_app(demo: bool = False, language: str | None = None) -> int:
    app = application()
    try:
        workspace = open_workspace(demo=demo)
    except DomainError as error:
        install_language(language or "zh_CN")
        QMessageBox.critical(None, "Community Desk", message(error))
        return 1
    install_language(language or workspace.settings.language)
    if SetupWizard.needed(workspace) and SetupWizard(workspace).exec() != QDialog.DialogCode.Accepted:
        return 0
    if workspace.settings.language != (language or workspace.settings.language):
        install_language(workspace.settings.language)
    session = DeskSession(workspace)
    install_crash_handler(workspace.paths.logs / "desk.log", on_crash=session.save_draft)
    if not session.sign_in():
        return 0
    code = app.exec()
    session.sync.stop()
    if session.followup is not None:
        session.followup.stop()
    workspace.close()
    return code
