"""What a deputy sees of residents' numbers on the screens (masked by the store, not by the
widgets), what a phone search tells them, and the desk's settings changed in the access audit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from desk_app.domain.case import CaseState
from desk_app.store.audit import AuditFilter, list_audit
from desk_app.store.users import User, create_user
from desk_app.ui.case_detail import CaseDetail
from desk_app.ui.case_list import CaseList
from desk_app.ui.main_window import MainWindow
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.workspace import Workspace


def test_a_deputy_sees_masked_numbers_and_is_told_why_a_phone_search_finds_nothing(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., CaseState]) -> None:
    assert workspace.desk is not None
    case = add_case(phone="13812345678", id_number="440308199001011239",
                    description="鹏湾花园3栋工地夜间施工，请回电13812345678。")
    view = CaseList(workspace.desk, users["deputy"])
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.data(view.model.index(0, 7)) == "138****5678"
    with qtbot.waitSignal(view.model.failed, timeout=5000):
        qtbot.keyClicks(view.search, "13812345678")
        view.apply()
    assert "电话号码或身份证号" in view.count.text()
    assert view.model.rowCount() == 0, "nothing that matched the number is shown"

    detail = CaseDetail(workspace.desk, users["deputy"])
    qtbot.addWidget(detail)
    detail.show_case(case.id)
    assert detail.fields["phone"].text() == "138****5678"
    assert detail.fields["id_number"].text() == "4403**********1239"
    assert "13812345678" not in repr(detail.case), "not in the state the widget holds either"


def test_changing_the_desk_settings_is_in_the_access_audit(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        monkeypatch: pytest.MonkeyPatch) -> None:
    assert workspace.desk is not None
    admin = create_user(workspace.db, "admin1", "管理员", "admin", "password-123")
    window = MainWindow(workspace, users["supervisor"])
    qtbot.addWidget(window)

    def accept(dialog: SettingsDialog) -> int:
        dialog.auto_lock.setValue(5 if dialog.auto_lock.value() != 5 else 10)
        return SettingsDialog.DialogCode.Accepted

    monkeypatch.setattr(SettingsDialog, "exec", accept)
    window.edit_settings()
    [line] = list_audit(workspace.desk, admin, AuditFilter(action="settings.changed"))
    assert line.target == "auto_lock_minutes" and line.actor == "chenjie@YT-HS-01"
