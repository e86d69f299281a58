"""The main window: roles, language, sign-in and the idle lock."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QKeyEvent
from pytestqt.qtbot import QtBot

from desk_app.store.users import User
from desk_app.ui.idle import IdleWatcher
from desk_app.ui.login import LoginDialog
from desk_app.ui.main_window import MainWindow
from desk_app.workspace import Workspace


def make_window(qtbot: QtBot, workspace: Workspace, user: User) -> MainWindow:
    window = MainWindow(workspace, user)
    qtbot.addWidget(window)
    window.show()
    return window


def test_switching_language_changes_the_whole_window(qtbot: QtBot, workspace: Workspace,
                                                     users: dict[str, User]) -> None:
    window = make_window(qtbot, workspace, users["window"])
    assert window.nav.item(0).text() == "受理登记"
    assert window.menuBar().actions()[0].text().startswith("工作台")
    window.switch_language("en")
    assert window.nav.item(0).text() == "Register"
    assert window.cases.model.headerData(0, Qt.Orientation.Horizontal) == "Case number"
    window.switch_language("zh_CN")
    assert window.nav.item(1).text() == "诉求台账"


def test_grid_staff_and_deputies_get_only_their_screens(qtbot: QtBot, workspace: Workspace,
                                                        users: dict[str, User]) -> None:
    window = make_window(qtbot, workspace, users["grid"])
    assert window.intake is not None  # grid staff register what they find
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == ["受理登记", "诉求台账", "网格巡查"]  # no council meetings, no opinion room
    assert "李强" in window.windowTitle() and "鹏湾社区党群服务中心" in window.windowTitle()


def menu_entries(window: MainWindow) -> dict[str, list[str]]:
    return {menu.text().split("(")[0]: [a.text().split("(")[0] for a in menu.menu().actions()
                                        if not a.isSeparator()]
            for menu in window.menuBar().actions()}


def test_each_role_reaches_what_it_may_from_the_menus(qtbot: QtBot, workspace: Workspace,
                                                      users: dict[str, User]) -> None:
    from desk_app.store.users import create_user

    admin = create_user(workspace.db, "admin1", "管理员", "admin", "password-123")
    worker = menu_entries(make_window(qtbot, workspace, users["window"]))
    assert list(worker) == ["工作台", "设置", "帮助"]
    assert "受理登记" in worker["工作台"][0] and "立即同步" in " ".join(worker["工作台"])
    for forbidden in ("恢复", "访问审计", "账户管理"):
        assert forbidden not in " ".join(worker["工作台"] + worker["设置"]), forbidden
    administrator = make_window(qtbot, workspace, admin)
    entries = menu_entries(administrator)
    desk_menu = " ".join(entries["工作台"])
    assert "恢复" in desk_menu and "访问审计" in desk_menu and "账户管理" in " ".join(entries["设置"])
    audit = [a for a in administrator.findChildren(QAction) if a.objectName() == "auditLog"]
    assert len(audit) == 1 and audit[0].shortcut().toString() == "Ctrl+Shift+A"
    lock = [a for a in administrator.findChildren(QAction) if a.shortcut().toString() == "Ctrl+L"]
    with qtbot.waitSignal(administrator.lock_requested, timeout=1000):
        lock[0].trigger()


def test_sign_in_refuses_a_wrong_password_at_the_field(qtbot: QtBot, workspace: Workspace,
                                                       users: dict[str, User]) -> None:
    dialog = LoginDialog(workspace.db, "鹏湾社区党群服务中心")
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "wangli")
    qtbot.keyClicks(dialog.password, "wrong-password")
    dialog.try_sign_in()  # the check runs on a worker; the button says so meanwhile
    assert not dialog.sign_in.isEnabled()
    qtbot.waitUntil(lambda: dialog.sign_in.isEnabled(), timeout=10_000)
    assert dialog.user is None and dialog.error.text() != ""
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "password-123")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        dialog.try_sign_in()
    assert dialog.user is not None and dialog.user.display_name == "王丽"


def test_idle_watcher_fires_after_quiet_time_and_not_while_busy(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    watcher = IdleWatcher(minutes=1)
    watcher.timer.setInterval(150)
    watcher.timer.start()
    key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    for _ in range(3):
        qtbot.wait(80)
        watcher.eventFilter(watcher, key)  # the worker is typing: no lock
    assert watcher.timer.isActive()
    with qtbot.waitSignal(watcher.idle, timeout=1000):
        pass
    watcher.set_minutes(0)
    assert not watcher.timer.isActive()
