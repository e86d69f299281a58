"""Accounts, auto-lock, the recovery key and one instance per data folder, with real widgets
(and a real second process for the instance test)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk_app.keys import key_from_recovery, new_recovery_key
from desk_app.settings import Settings
from desk_app.store.backup import write_backup
from desk_app.store.users import User, authenticate, create_first_admin, list_users
from desk_app.ui.accounts import AccountsDialog, AddUserDialog, ChangePasswordDialog
from desk_app.ui.app import DeskSession, auto_lock_minutes
from desk_app.ui.backup_ui import RestoreDialog, recovery_for
from desk_app.ui.recovery import RecoveryKeyPrompt
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.ui.single_instance import SingleInstance
from desk_app.workspace import Workspace, open_workspace


@pytest.fixture
def admin(workspace: Workspace) -> User:
    return create_first_admin(workspace.db, "admin", "管理员", "admin-pass-1")


def test_the_administrator_adds_disables_and_resets_from_the_accounts_screen(
        qtbot: QtBot, workspace: Workspace, admin: User,
        monkeypatch: pytest.MonkeyPatch) -> None:
    dialog = AccountsDialog(workspace.desk, admin)
    qtbot.addWidget(dialog)

    def fill_add(self: AddUserDialog) -> int:
        self.name.setText("王丽")
        self.username.setText("wangli")
        self.role.setCurrentIndex(self.role.findData("window"))
        self.password.setText("12345678")
        self._ok()
        assert not self.error.isHidden() and self.error.text()
        self.password.setText("first-pass-1")
        self._ok()
        return self.result()

    monkeypatch.setattr(AddUserDialog, "exec", fill_add)
    dialog.add_button.click()
    assert dialog.table.rowCount() == 2
    added = dialog.selected()
    assert added is not None and added.username == "wangli" and added.must_change_password

    dialog.active_button.click()
    assert not next(u for u in list_users(workspace.db, admin) if u.username == "wangli").active
    assert dialog.active_button.text() == dialog.tr("&Enable")

    dialog.table.selectRow(0)  # the administrator: not their own account
    assert dialog.selected() == admin or dialog.selected().username == "admin"  # type: ignore[union-attr]
    dialog.active_button.click()
    assert not dialog.error.isHidden() and dialog.error.text()
    assert next(u for u in list_users(workspace.db, admin) if u.username == "admin").active


def test_a_reset_password_is_changed_at_sign_in(qtbot: QtBot, workspace: Workspace,
                                                admin: User,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_app.store.users import add_user

    add_user(workspace.desk, admin, "wangli", "王丽", "window", "first-pass-1")
    user = authenticate(workspace.db, "wangli", "first-pass-1")
    assert user.must_change_password
    session = DeskSession.__new__(DeskSession)
    session.workspace = workspace

    def change(self: ChangePasswordDialog) -> int:
        assert self.forced
        self.current.setText("first-pass-1")
        self.new.setText("my-own-pass")
        self.again.setText("my-own-pas")
        self._ok()
        assert not self.error.isHidden()
        self.again.setText("my-own-pass")
        self._ok()
        return self.result()

    monkeypatch.setattr(ChangePasswordDialog, "exec", change)
    signed = session.after_sign_in(user)
    assert signed is not None and not signed.must_change_password
    assert not authenticate(workspace.db, "wangli", "my-own-pass").must_change_password


def test_auto_lock_is_at_most_thirty_minutes(qtbot: QtBot) -> None:
    dialog = SettingsDialog(Settings(auto_lock_minutes=0))
    qtbot.addWidget(dialog)
    assert dialog.auto_lock.value() == 30 and dialog.auto_lock.minimum() == 1
    assert dialog.auto_lock.maximum() == 30
    dialog.auto_lock.setValue(240)
    assert dialog.apply_to(Settings()).auto_lock_minutes == 30
    assert [auto_lock_minutes(m) for m in (0, -1, 5, 30, 240)] == [30, 30, 5, 30, 30]


def test_a_backup_of_another_desk_asks_for_its_recovery_key(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    recovery = new_recovery_key()
    other_key = key_from_recovery(recovery)
    other = tmp_path / "other.sqlite3"
    from desk_app.store.database import open_database
    from desk_app.store.desk import setup_desk

    db = open_database(other, key=other_key)
    setup_desk(db, "YT-HS-02", "另一个社区", "YT-HS", workspace.catalogue)
    db.close()
    backup = write_backup(other, None, tmp_path / "other.cdbackup", key=other_key)
    typed: list[str] = []

    def enter(self: RecoveryKeyPrompt) -> int:
        typed.append(self.windowTitle())
        self.field.setText(recovery)
        self.try_key()
        return self.result()

    monkeypatch.setattr(RecoveryKeyPrompt, "exec", enter)
    confirmed: list[Path] = []
    dialog = RestoreDialog(workspace, confirmed.append, path=backup)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.manifest is not None, timeout=20_000)
    assert typed, "the recovery key was asked for"
    assert dialog.manifest.desk_code == "YT-HS-02"  # type: ignore[union-attr]
    dialog.confirm.setChecked(True)
    dialog.restore_button.click()
    assert confirmed == [backup] and recovery_for(backup) == other_key


CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from desk_app.ui.single_instance import SingleInstance
    app = QApplication([])
    print("second" if not SingleInstance(Path(sys.argv[1])).acquire() else "acquired")
""")


@pytest.mark.skipif(sys.platform == "win32", reason="the child needs the offscreen platform")
def test_a_second_instance_on_the_same_data_is_refused_and_raises_the_first(
        qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "data"
    first = SingleInstance(folder)
    assert first.acquire()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
           "QT_QPA_PLATFORM": "offscreen"}
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=20_000):
            child = subprocess.Popen([sys.executable, "-c", CHILD, str(folder)], env=env,
                                     stdout=subprocess.PIPE, text=True)
            out = ""
            while child.poll() is None:
                qtbot.wait(50)
            out = child.stdout.read() if child.stdout else ""
        assert out.strip() == "second"
        other = subprocess.run([sys.executable, "-c", CHILD, str(tmp_path / "elsewhere")],
                               env=env, capture_output=True, text=True, timeout=60)
        assert other.stdout.strip() == "acquired", "another data folder is another desk"
    finally:
        first.release()
    again = subprocess.run([sys.executable, "-c", CHILD, str(folder)], env=env,
                           capture_output=True, text=True, timeout=60)
    assert again.stdout.strip() == "acquired", "released (or its process gone): free again"


def test_the_recovery_key_dialog_after_an_upgrade_needs_the_tick(qtbot: QtBot,
                                                                  workspace: Workspace) -> None:
    from desk_app.ui.recovery import RecoveryKeyDialog

    dialog = RecoveryKeyDialog("ABCD-EFGH", "鹏湾", workspace.keys)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok.isEnabled()
    dialog.reject()
    assert dialog.isVisible(), "Escape does not skip the recovery key"
    dialog.panel.kept.setChecked(True)
    assert dialog.ok.isEnabled()
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.panel.notice.isHidden() is (workspace.keys.where != "file")  # type: ignore[union-attr]


def test_open_workspace_of_the_app_is_encrypted(workspace: Workspace) -> None:
    assert workspace.key is not None
    assert workspace.db.path.read_bytes()[:6] != b"SQLite"
    reopened = open_workspace(workspace.paths, database=workspace.db.path)
    reopened.close()
