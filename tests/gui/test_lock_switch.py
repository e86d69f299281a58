"""Switching user at the lock screen (切换用户): the next person gets a window of their own role,
the locked person's unsaved request waits for them, and the switch is in the access audit."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.store.audit import AuditFilter, list_audit
from desk_app.store.users import User, create_user
from desk_app.ui.app import DeskSession
from desk_app.ui.login import LoginDialog
from desk_app.ui.main_window import MainWindow
from desk_app.workspace import Workspace

from .conftest import type_text


@pytest.fixture
def session(workspace: Workspace) -> Iterator[DeskSession]:
    desk_session = DeskSession(workspace)
    yield desk_session
    desk_session.sync.stop()
    if desk_session.followup is not None:
        desk_session.followup.stop()
    if desk_session.window is not None:
        desk_session.window.close()


def at_the_lock_screen(qtbot: QtBot, act: Callable[[LoginDialog], None]) -> list[str]:
    """Do `act` on the sign-in dialog once it is on screen (lock() waits in its exec())."""
    seen: list[str] = []

    def look() -> None:
        shown = [w for w in QApplication.topLevelWidgets()
                 if isinstance(w, LoginDialog) and w.isVisible()]
        if not shown:
            QTimer.singleShot(20, look)
            return
        dialog = shown[0]
        seen.append(dialog.username.text())
        try:
            act(dialog)
        except BaseException as error:  # the test fails with it, instead of waiting forever
            seen.append(f"failed: {error!r}")
            dialog.reject()
            raise

    QTimer.singleShot(20, look)
    return seen


def sign_in_as(qtbot: QtBot, username: str, switch: bool = True) -> Callable[[LoginDialog], None]:
    def act(dialog: LoginDialog) -> None:
        if switch:
            assert dialog.switch_button is not None and dialog.switch_button.isVisible()
            assert dialog.username.isReadOnly()
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            qtbot.keyClick(dialog.password, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # (&U)
            qtbot.waitUntil(lambda: not dialog.username.isReadOnly())  # an animated click
            assert dialog.username.text() == "" and dialog.switch_button.isHidden()
            qtbot.keyClicks(dialog.username, username)
        qtbot.keyClicks(dialog.password, "password-123")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    return act


def nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_a_supervisor_switches_in_and_the_window_workers_draft_waits_for_them(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], session: DeskSession,
        monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def question(_parent: object, title: str, *_a: object, **_k: object
                 ) -> QMessageBox.StandardButton:
        asked.append(title)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(question))
    admin = create_user(workspace.db, "admin", "管理员", "admin", "password-123")
    first = session.open_window(users["window"])
    qtbot.wait(20)  # the window is on screen (it offers a draft then: there is none)
    assert first.intake is not None and asked == []
    assert "报告" not in nav_titles(first)  # a window worker has no reports
    type_text(first.intake.name, "刘海燕")
    type_text(first.intake.description, "楼道灯坏了一个星期")

    seen = at_the_lock_screen(qtbot, sign_in_as(qtbot, "chenjie"))
    session.lock(idle=False)  # Ctrl+L; returns once someone has signed in
    assert seen == ["wangli"]  # the locked person's name, read-only, until 切换用户
    second = session.window
    assert second is not None and second is not first and second.user.username == "chenjie"
    assert not first.isVisible()
    assert "报告" in nav_titles(second) and "数据看板" in nav_titles(second)
    assert "陈洁" in second.user_label.text()
    qtbot.wait(50)
    assert asked == []  # the window worker's draft is not offered to the supervisor
    assert second.intake is not None and second.intake.name.text() == ""
    assert workspace.settings.last_user == "chenjie"
    switched = list_audit(workspace.desk, admin, AuditFilter(action="signin.switched"))
    assert [(line.actor, line.target) for line in switched] == [("chenjie@YT-HS-01", "wangli")]

    # The same person unlocks their own window as it was (no new window, no audit entry).
    at_the_lock_screen(qtbot, sign_in_as(qtbot, "chenjie", switch=False))
    session.lock(idle=True)
    assert session.window is second and second.isVisible()

    # The window worker comes back: their window, with what they had typed.
    at_the_lock_screen(qtbot, sign_in_as(qtbot, "wangli"))
    session.lock(idle=False)
    third = session.window
    assert third is not None and third.user.username == "wangli" and third is not second
    qtbot.waitUntil(lambda: asked == ["未保存的诉求"])
    assert third.intake is not None and third.intake.name.text() == "刘海燕"
    assert third.intake.description.toPlainText() == "楼道灯坏了一个星期"
    assert len(list_audit(workspace.desk, admin, AuditFilter(action="signin.switched"))) == 2


def test_a_wrong_password_after_switching_changes_nothing(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], session: DeskSession) -> None:
    first = session.open_window(users["window"])

    def wrong_then_right(dialog: LoginDialog) -> None:
        dialog.switch_user()
        qtbot.keyClicks(dialog.username, "chenjie")
        qtbot.keyClicks(dialog.password, "not-the-password")
        dialog.try_sign_in()
        qtbot.waitUntil(lambda: bool(dialog.error.text()))
        assert dialog.isVisible()
        assert session.window is first  # still the window worker's, hidden
        dialog.username.clear()
        qtbot.keyClicks(dialog.username, "wangli")
        dialog.password.clear()
        qtbot.keyClicks(dialog.password, "password-123")
        dialog.try_sign_in()

    at_the_lock_screen(qtbot, wrong_then_right)
    session.lock(idle=False)
    assert session.window is first and first.isVisible()  # the same person: just unlocked


def test_the_lock_hides_the_windows_own_windows_too(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], session: DeskSession,
        add_case: Callable[..., object]) -> None:
    """A receipt (a resident's name and address) or the audit left open must not show on a
    locked desk; the same person finds them again, the next person does not."""
    from desk_app.ui.receipt import ReceiptDialog

    admin = create_user(workspace.db, "admin", "管理员", "admin", "password-123")
    window = session.open_window(admin)
    audit = window.show_audit()
    receipt = ReceiptDialog(workspace.desk, add_case(), window, user=admin)  # type: ignore[arg-type]
    receipt.open()
    assert audit.isVisible() and receipt.isVisible()
    while_locked: list[bool] = []

    def look_then_unlock(dialog: LoginDialog) -> None:
        while_locked.extend([audit.isVisible(), receipt.isVisible(), window.isVisible()])
        sign_in_as(qtbot, "admin", switch=False)(dialog)

    at_the_lock_screen(qtbot, look_then_unlock)
    session.lock(idle=True)
    assert while_locked == [False, False, False]
    assert audit.isVisible() and receipt.isVisible()  # the same person: as they were

    at_the_lock_screen(qtbot, sign_in_as(qtbot, "chenjie"))
    session.lock(idle=True)
    assert session.window is not window
    assert not audit.isVisible() and not receipt.isVisible()
    assert session.window.findChild(ReceiptDialog) is None  # type: ignore[union-attr]


def test_a_switch_while_a_dialog_waits_cancels_it(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], session: DeskSession) -> None:
    """The desk locks itself while a dialog of the window worker's is open (its exec() waits
    under the lock); the supervisor switches in: the dialog is cancelled, nothing crashes."""
    from PySide6.QtWidgets import QDialog

    first = session.open_window(users["window"])
    asking = QDialog(first)
    asking.setModal(True)
    at_the_lock_screen(qtbot, sign_in_as(qtbot, "chenjie"))
    QTimer.singleShot(50, lambda: session.lock(idle=True))  # the idle lock, during exec()
    assert asking.exec() == QDialog.DialogCode.Rejected
    assert session.window is not None and session.window.user.username == "chenjie"
    assert session.window.isVisible()
