"""The administrator's access audit: filters, paging, opening a case, export, and who sees it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.qtbot import QtBot

from desk_app.store.audit import Audited, AuditFilter, list_audit, record_audit
from desk_app.store.users import User, create_user
from desk_app.ui.audit_view import AuditDialog
from desk_app.ui.main_window import MainWindow
from desk_app.workspace import Workspace


@pytest.fixture
def admin(workspace: Workspace) -> User:
    return create_user(workspace.db, "admin", "管理员", "admin", "password-123")


def column(dialog: AuditDialog, col: int) -> list[str]:
    model = dialog.model
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def opened(qtbot: QtBot, dialog: AuditDialog, rows: int) -> None:
    qtbot.waitUntil(lambda: dialog.model.rowCount() == rows and not dialog.model.loading)


def choose(combo: object, data: str) -> None:
    combo.setCurrentIndex(combo.findData(data))  # type: ignore[attr-defined]


def test_the_administrator_filters_by_person_action_and_case(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], admin: User,
        add_case: Callable[..., object]) -> None:
    desk = workspace.desk
    assert desk is not None
    case = add_case()
    record_audit(desk, users["window"], Audited("personal.viewed", case.id, case.number))  # type: ignore[attr-defined]
    record_audit(desk, users["window"], Audited("personal.searched", detail="139****3210"))
    record_audit(desk, users["supervisor"], Audited("personal.printed", case.id, case.number))  # type: ignore[attr-defined]
    record_audit(desk, admin, Audited("user.added", target="liqiang"))
    dialog = AuditDialog(desk, admin)
    qtbot.addWidget(dialog)
    dialog.show()
    opened(qtbot, dialog, 4)
    assert column(dialog, 2)[0] == "新增用户" and column(dialog, 1)[0] == "管理员"
    assert column(dialog, 4)[0] == "liqiang"
    assert column(dialog, 0)[0].count(":") == 2  # local time, to the second

    choose(dialog.person, "wangli")
    opened(qtbot, dialog, 2)
    assert set(column(dialog, 1)) == {"王丽"}
    assert "139****3210" in column(dialog, 5)

    choose(dialog.action, "personal.viewed")
    opened(qtbot, dialog, 1)
    assert column(dialog, 3) == [case.number]  # type: ignore[attr-defined]

    choose(dialog.person, "")
    choose(dialog.action, "")
    opened(qtbot, dialog, 4)
    qtbot.keyClicks(dialog.case_number, case.number.lower())  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.case_number, Qt.Key.Key_Return)
    opened(qtbot, dialog, 2)
    assert set(column(dialog, 2)) == {"查看居民完整电话和身份证号", "打印个人信息"}

    # Double-click opens the case when this desk has it.
    with qtbot.waitSignal(dialog.case_opened) as blocker:
        dialog.open_entry(dialog.model.index(0, 0))
    assert blocker.args == [case.id]  # type: ignore[attr-defined]

    # A range that ends yesterday has none of today's entries.
    dialog.case_number.clear()
    dialog.until.setDate(dialog.until.date().addDays(-1))
    opened(qtbot, dialog, 0)
    assert "0" in dialog.state.text()


def test_an_entry_of_a_case_this_desk_lacks_says_so(
        qtbot: QtBot, workspace: Workspace, admin: User, messages: list[tuple[str, str]]) -> None:
    assert workspace.desk is not None
    record_audit(workspace.desk, admin, Audited("personal.viewed", "x", "YT-HS-01-20261201-9999"))
    dialog = AuditDialog(workspace.desk, admin)
    qtbot.addWidget(dialog)
    opened(qtbot, dialog, 1)
    with qtbot.assertNotEmitted(dialog.case_opened):
        dialog.open_entry(dialog.model.index(0, 0))
    assert messages and "YT-HS-01-20261201-9999" in messages[0][1]


def test_a_long_history_is_read_a_page_at_a_time(qtbot: QtBot, workspace: Workspace,
                                                 admin: User) -> None:
    assert workspace.desk is not None
    for i in range(40):
        record_audit(workspace.desk, admin, Audited("settings.changed", target=f"s{i}"))
    dialog = AuditDialog(workspace.desk, admin, page_size=3)
    qtbot.addWidget(dialog)
    dialog.resize(900, 300)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 3 and not dialog.model.loading)
    qtbot.wait(100)  # the view reads pages while it has room to show them, then stops
    assert dialog.model.rowCount() < 40 and dialog.model.canFetchMore(QModelIndex())
    assert "滚动" in dialog.state.text()
    for _ in range(500):
        if not (dialog.model.canFetchMore(QModelIndex()) or dialog.model.loading):
            break
        dialog.table.scrollToBottom()  # as the administrator scrolls down
        qtbot.wait(10)
    assert column(dialog, 4) == [f"s{i}" for i in reversed(range(40))]  # newest first, none twice
    assert "滚动" not in dialog.state.text()


def test_the_export_holds_every_matching_entry_and_is_itself_audited(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], admin: User,
        tmp_path: Path) -> None:
    desk = workspace.desk
    assert desk is not None
    for i in range(5):
        record_audit(desk, users["window"], Audited("personal.searched", detail=f"138****000{i}"))
    record_audit(desk, users["supervisor"], Audited("personal.exported", detail="report"))
    dialog = AuditDialog(desk, admin, page_size=2)
    qtbot.addWidget(dialog)
    choose(dialog.person, "wangli")
    qtbot.waitUntil(lambda: dialog.model.rowCount() >= 2 and not dialog.model.loading)
    target = tmp_path / "audit.xlsx"
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        dialog.export(target)
    sheet = load_workbook(target).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[1][:3] == ["时间", "人员", "操作"]
    body = rows[2:]
    assert len(body) == 5  # all of them, not only the pages read; only wangli's
    assert {r[1] for r in body} == {"王丽"} and {r[2] for r in body} == {"按电话或身份证号查询"}
    assert sorted(r[5] for r in body) == [f"138****000{i}" for i in range(5)]
    exported = list_audit(desk, admin, AuditFilter(action="audit.exported"))
    assert len(exported) == 1 and exported[0].target == "audit.xlsx"
    assert exported[0].actor == "admin@YT-HS-01" and "entries=5" in exported[0].detail
    # The table hears of the new entry (the change broadcast) once its filter shows it.
    choose(dialog.person, "admin")
    qtbot.waitUntil(lambda: "导出访问审计" in column(dialog, 2))


def test_only_the_administrator_has_the_audit_menu(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], admin: User,
        add_case: Callable[..., object]) -> None:
    case = add_case()
    assert workspace.desk is not None
    record_audit(workspace.desk, users["window"], Audited("personal.viewed", case.id, case.number))  # type: ignore[attr-defined]
    for user in [*users.values(), admin]:
        window = MainWindow(workspace, user)
        qtbot.addWidget(window)
        actions = [a for a in window.findChildren(object) if getattr(a, "objectName", None)
                   and a.objectName() == "auditLog"]
        assert bool(actions) == (user.role == "admin"), user.role
        if actions:
            assert actions[0].shortcut().toString() == "Ctrl+Shift+A"
            actions[0].trigger()
            dialog = window.findChild(AuditDialog)
            assert dialog is not None and dialog.isVisible()
            opened(qtbot, dialog, 1)
            actions[0].trigger()  # a second time: the same window, raised
            assert len(window.findChildren(AuditDialog)) == 1
            dialog.table.doubleClicked.emit(dialog.model.index(0, 3))
            assert window.pages.currentWidget() is window.detail  # the case, in the main window
            assert window.detail.case is not None and window.detail.case.id == case.id  # type: ignore[attr-defined]
            dialog.close()
        window.close()
