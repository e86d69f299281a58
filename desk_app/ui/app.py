"""Starting the GUI: the application object, one instance per data folder, the language, the
workspace (asking for the recovery key when the database key is missing or wrong), sign-in
(with a password change when an administrator reset it, and the recovery key shown once after
an upgrade encrypted the desk), the window, and locking when idle (30 minutes at most)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from desk_app.config import app_paths, resources_dir
from desk_app.domain.text import DomainError
from desk_app.store.database import WrongKey
from desk_app.store.user_record import User
from desk_app.workspace import Workspace, demo_paths, open_workspace

from .first_paint import after_first_paint
from .i18n import install_language, message, translate
from .idle import IdleWatcher
from .tasks import BackgroundOp, wait_for_pools

log = logging.getLogger(__name__)

# Sign-in, set-up, sync, backups and the audit are imported where they are used: the start to
# the main window's first paint imports no more than that window's first screen (issue 14).
if TYPE_CHECKING:
    from .main_window import MainWindow
    from .sync_ui import SyncBridge
    from .watch_view import FollowupBridge

MAX_AUTO_LOCK = 30  # minutes; 等保 2.0 wants an idle session locked, so "never" is not offered


def auto_lock_minutes(minutes: int) -> int:
    """The idle time before the desk locks: what the settings say, within 1..30 minutes."""
    return MAX_AUTO_LOCK if minutes <= 0 else min(minutes, MAX_AUTO_LOCK)


def application() -> QApplication:
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
        # Its timer runs from now; it hears keys and clicks from the first window's paint on
        # (as the application's event filter it would see every event of the window's build).
        self.watcher = IdleWatcher(auto_lock_minutes(workspace.settings.auto_lock_minutes))
        self.watcher.idle.connect(lambda: self.lock(idle=True))
        self._watching = False
        self._sync: SyncBridge | None = None  # made when first needed, after the first paint
        self.followup: FollowupBridge | None = None
        self.background_started = False

    @property
    def sync(self) -> SyncBridge:
        """The sync bridge; its scheduler starts once the window is painted."""
        if self._sync is None:
            from .sync_ui import SyncBridge

            self._sync = SyncBridge(self.workspace)
        return self._sync

    def sign_in(self) -> bool:
        from .login import LoginDialog

        desk = self.workspace.desk
        assert desk is not None
        settings = self.workspace.settings
        dialog = LoginDialog(self.workspace.db, desk.identity.name,
                             settings.last_user or ("demo" if settings.demo else ""),
                             demo=settings.demo, desk=desk)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
            return False
        user = self.after_sign_in(dialog.user)
        if user is None:
            return False
        self.open_window(user)
        return True

    def open_window(self, user: User) -> MainWindow:
        """The main window of the person signed in (their role's menus, pages and masking).
        Sync, the daily backup and follow-through start once it has been painted, so that their
        imports and threads never delay the first screen."""
        from .main_window import MainWindow

        self.workspace.settings.last_user = user.username  # saved once the window is painted
        self.window = MainWindow(self.workspace, user, sync=self._sync, followup=self.followup,
                                 sync_factory=lambda: self.sync)
        self.window.restore_requested.connect(self.restore)
        self.window.lock_requested.connect(lambda: self.lock(idle=False))  # Ctrl+L
        after_first_paint(self.window, self._window_painted)
        self.window.show()
        return self.window

    def _window_painted(self) -> None:
        """After the window's first paint: who signed in last is saved (a write and two
        fsyncs), the idle watcher listens, and the background work starts."""
        self.workspace.settings.save(self.workspace.paths.settings)
        if not self._watching:
            self._watching = True
            QApplication.instance().installEventFilter(self.watcher)
        self.start_background()

    def start_background(self) -> None:
        """Once per session: the sync schedule with the daily backup, and follow-through."""
        if self.background_started:
            return
        self.background_started = True
        from desk_app.store.backup import scheduled_backup

        paths, key = self.workspace.paths, self.workspace.key
        self.sync.scheduler.add_daily(lambda: scheduled_backup(paths, key=key), "daily-backup")
        self.seal_photos()
        self.sync.start()
        if self.window is not None:
            self.window.attach_sync(self.sync)
        bridge = self.followup_bridge()
        if self.window is not None and self.window.followup is None:
            self.window.followup = bridge  # the settings dialog passes its rules on

    def seal_photos(self) -> None:
        """Photos an earlier version kept in clear are sealed, on the file pool."""
        desk = self.workspace.desk
        if desk is None:
            return
        from desk_app.store.attachments import seal_clear_attachments

        db = desk.db
        BackgroundOp(None, lambda _s: seal_clear_attachments(db), pool_name="files").failure(
            lambda error: log.warning("photos not sealed this time: %s", error)).run()

    def followup_bridge(self) -> FollowupBridge | None:
        """The follow-through job, started once per session (on its own thread)."""
        if self.followup is None and self.workspace.desk is not None:
            from .watch_view import followup_for

            self.followup = followup_for(self.workspace)
            self.followup.start()
        return self.followup

    def after_sign_in(self, user: User) -> User | None:
        """A password an administrator reset is changed first (None: the person quit); an
        administrator is shown a recovery key still waiting (after an upgrade encrypted the
        desk) until it is ticked as kept."""
        if user.must_change_password:
            from .accounts import ChangePasswordDialog  # these dialogs are rare: imported then

            change = ChangePasswordDialog(self.workspace.desk, user, forced=True)  # type: ignore[arg-type]
            if change.exec() != QDialog.DialogCode.Accepted or change.changed is None:
                return None
            user = change.changed
        keys = self.workspace.keys
        recovery = keys.pending_recovery() if keys is not None else None
        if recovery and user.role == "admin":
            desk = self.workspace.desk
            from .recovery import RecoveryKeyDialog

            RecoveryKeyDialog(recovery, desk.identity.name if desk else "", keys).exec()
            keys.recovery_shown()  # type: ignore[union-attr]
        return user

    def raise_window(self) -> None:
        """Another start on this data folder asked for this desk's window."""
        if self.window is not None and self.window.isVisible():
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def save_draft(self) -> None:
        """Keep the unsaved intake form before anything else happens after a crash."""
        if self.window is not None and self.window.intake is not None:
            self.window.intake.save_draft_now()

    def restore(self, path: Path) -> None:
        """Replace the desk's data with a backup: close everything first, then swap, then
        ask the worker to start again (accounts may have changed with the data)."""
        from desk_app.store.backup import restore_backup

        self.stop_sync()
        if self.followup is not None:
            self.followup.stop()
        wait_for_pools()
        self.workspace.close()
        paths = self.workspace.paths
        from .backup_ui import recovery_for

        try:
            restored = restore_backup(self.window.user if self.window else None,  # type: ignore[arg-type]
                                      path, paths.database, paths.attachments,
                                      key=self.workspace.key, recovery=recovery_for(path))
        except DomainError as error:
            QMessageBox.critical(None, translate("DeskSession", "Not restored"), message(error))
        else:
            QMessageBox.information(None, translate("DeskSession", "Restored"), translate(
                "DeskSession", "The backup was restored. The data it replaced is kept in %1. "
                "Community Desk will now close; please start it again.").replace(
                "%1", str(restored.undo)))
        QApplication.instance().exit(0)

    def stop_sync(self) -> None:
        """Stop the sync schedule, if it was ever made."""
        if self._sync is not None:
            self._sync.stop()

    def lock(self, idle: bool = True) -> None:
        """Hide the window behind the sign-in. The same person unlocks it as it was; another
        person (切换用户) gets a window of their own and the locked one closes, its unsaved
        intake form kept as its owner's draft."""
        window = self.window
        if window is None or not window.isVisible():
            return
        window.hide()
        covered = open_windows(window)
        for shown in covered:
            shown.hide()
        if window.intake is not None:
            window.intake.save_draft_now()  # whoever comes next, nothing typed is lost
        before = window.user
        desk = self.workspace.desk
        assert desk is not None
        from .login import LoginDialog

        while True:
            dialog = LoginDialog(self.workspace.db, desk.identity.name, before.username,
                                 locked=True, idle=idle, desk=desk)
            if dialog.exec() != QDialog.DialogCode.Accepted or dialog.user is None:
                window.close()
                QApplication.instance().quit()
                return
            if dialog.user.id == before.id:
                break
            user = self.after_sign_in(dialog.user)
            if user is not None:
                self.switch_to(window, user)
                return
        window.show()
        for shown in covered:
            shown.show()
        self.watcher.set_minutes(auto_lock_minutes(self.workspace.settings.auto_lock_minutes))

    def switch_to(self, old: MainWindow, user: User) -> None:
        """Close the locked person's window and open the next person's; recorded in the audit
        (signin.switched, target: who was signed in before)."""
        from desk_app.store.audit import Audited, record_audit

        desk = self.workspace.desk
        assert desk is not None
        record_audit(desk, user, Audited("signin.switched", target=old.user.username))
        self.open_window(user)  # first: closing the last window would end the application
        for dialog in old.findChildren(QDialog):
            if dialog.isVisible():  # one waiting in exec() under the lock: cancelled, so that
                dialog.reject()  # its exec() returns before its window is deleted
        old.close()
        old.deleteLater()
        self.watcher.set_minutes(auto_lock_minutes(self.workspace.settings.auto_lock_minutes))


def open_windows(window: QWidget) -> list[QWidget]:
    """The window's own windows on screen (the audit, a receipt, a case's dialog): hiding the
    main window leaves them showing, so the lock hides them too and shows them again on
    unlocking. A dialog waiting in exec() (application-modal) is left alone: hiding it would
    end it and lose what was typed in it."""
    return [w for w in window.findChildren(QWidget)
            if w.isWindow() and w.isVisible()
            and w.windowType() in (Qt.WindowType.Window, Qt.WindowType.Dialog)
            and w.windowModality() != Qt.WindowModality.ApplicationModal]


def open_with_recovery(demo: bool) -> Workspace | None:
    """The workspace; when its key is missing or wrong, ask for the recovery key until it opens
    the database or the person gives up (None). Nothing is changed by a failed attempt."""
    recovery: str | None = None
    while True:
        try:
            return open_in_background(demo, recovery)
        except WrongKey as error:
            from .recovery import RecoveryKeyPrompt

            prompt = RecoveryKeyPrompt(message(error))
            if recovery is not None:
                prompt.show_error(translate(
                    "DeskSession", "This recovery key does not open the database. Check it and "
                    "try again."))
            if prompt.exec() != QDialog.DialogCode.Accepted:
                return None
            recovery = prompt.text


def open_in_background(demo: bool, recovery: str | None = None) -> Workspace:
    """`open_workspace` on a worker while the event loop turns. Upgrading a large database
    (migrations that build indexes: minutes at a million cases) or encrypting one in place
    takes long; past a moment a progress window says so, instead of a start that looks frozen.
    What the opening raises is raised here, on the GUI thread."""
    loop = QEventLoop()
    outcome: dict[str, object] = {}

    def finished(key: str, value: object) -> None:
        outcome[key] = value
        loop.quit()

    BackgroundOp(None, lambda _s: open_workspace(demo=demo, recovery=recovery),
                 pool_name="open").with_progress(translate(
                     "DeskSession", "Opening the desk's database…\nUpgrading or encrypting a "
                     "large database can take a few minutes. Please wait.")).success(
        lambda workspace: finished("workspace", workspace)).failure(
        lambda error: finished("error", error)).run()
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["workspace"]  # type: ignore[return-value]


def run_app(demo: bool = False, language: str | None = None) -> int:
    from .crash import install_crash_handler
    from .single_instance import SingleInstance  # QtNetwork: only a real start needs it

    app = application()
    install_language(language or "zh_CN")  # messages before the workspace's own setting
    paths = app_paths()
    instance = SingleInstance((demo_paths(paths) if demo else paths).data)
    if not instance.acquire():
        install_language(language or "zh_CN")
        QMessageBox.information(None, "Community Desk", translate(
            "DeskSession", "Community Desk is already open on this computer for this data. "
            "Its window was brought to the front; use that one."))
        return 1
    try:
        workspace = open_with_recovery(demo)
    except DomainError as error:
        install_language(language or "zh_CN")
        QMessageBox.critical(None, "Community Desk", message(error))
        return 1
    if workspace is None:
        return 0
    install_language(language or workspace.settings.language)
    if workspace.needs_setup():
        from .setup_wizard import SetupWizard  # the first run only (it makes accounts: SQLAlchemy)

        if SetupWizard(workspace).exec() != QDialog.DialogCode.Accepted:
            return 0
    if workspace.settings.language != (language or workspace.settings.language):
        install_language(workspace.settings.language)
    session = DeskSession(workspace)
    instance.raise_requested.connect(session.raise_window)
    install_crash_handler(workspace.paths.logs / "desk.log", on_crash=session.save_draft)
    if not session.sign_in():
        return 0
    code = app.exec()
    session.stop_sync()
    if session.followup is not None:
        session.followup.stop()
    workspace.close()
    instance.release()
    return code
