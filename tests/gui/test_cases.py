"""The case list and the case detail, as a worker finds and follows a request."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from desk_app.domain.case import CaseState
from desk_app.domain.intake import Intake
from desk_app.store.cases import record_case_event, record_reply, register_case, resolve_case
from desk_app.store.desk import Desk
from desk_app.store.users import User
from desk_app.ui.case_detail import CaseDetail
from desk_app.ui.case_list import CaseList
from desk_app.ui.case_model import OVERDUE
from desk_app.workspace import Workspace

from .conftest import type_text

DAY_MS = 86_400_000


def make_list(qtbot: QtBot, workspace: Workspace, user: User, page_size: int = 200) -> CaseList:
    assert workspace.desk is not None
    view = CaseList(workspace.desk, user, page_size=page_size)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.count.text() != "" and "…" not in view.count.text())
    return view


def wait_loaded(qtbot: QtBot, view: CaseList, action: Callable[[], None]) -> int:
    with qtbot.waitSignal(view.model.loaded, timeout=5000) as loaded:
        action()
    return loaded.args[0]


def test_found_by_the_last_four_digits_of_the_phone(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., CaseState]) -> None:
    wanted = add_case(phone="13812345678")
    add_case(phone="13900001111", description="小区路灯不亮，晚上出行不便。", category="030201")
    view = make_list(qtbot, workspace, users["window"])
    assert view.model.rowCount() == 2
    total = wait_loaded(qtbot, view, lambda: qtbot.keyClicks(view.search, "5678"))
    assert total == 1
    assert view.model.case_at(0).number == wanted.number
    assert view.model.data(view.model.index(0, 7)) == "13812345678"


def test_chinese_search_and_case_number(qtbot: QtBot, workspace: Workspace,
                                        users: dict[str, User],
                                        add_case: Callable[..., CaseState]) -> None:
    wanted = add_case(description="海涛花园门口井盖缺失，晚上有人差点掉下去。", category="030201",
                      address="海涛花园南门")
    add_case()
    view = make_list(qtbot, workspace, users["window"])
    total = wait_loaded(qtbot, view, lambda: type_text(view.search, "井盖缺失"))
    assert total == 1 and view.model.case_at(0).id == wanted.id
    view.search.clear()
    total = wait_loaded(qtbot, view, lambda: qtbot.keyClicks(view.search, wanted.number[-8:]))
    assert total >= 0
    total = wait_loaded(qtbot, view, lambda: view.search.setText(wanted.number))
    assert total == 1


def test_overdue_filter_shows_overdue_cases_in_red(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., CaseState]) -> None:
    assert workspace.desk is not None
    ten_days_ago = int(time.time() * 1000) - 10 * DAY_MS
    past = Desk(workspace.db, workspace.desk.identity, workspace.catalogue, workspace.calendar,
                wall=lambda: ten_days_ago)
    late = register_case(past, users["supervisor"], Intake(
        description="楼道堆放杂物，存在消防隐患，物业一直不处理。", category="020101",
        community="YT-HS-PW", name="周强", phone="13600001111"))
    fresh = add_case()
    workspace.desk.clock.observe(past.clock.last)
    view = make_list(qtbot, workspace, users["supervisor"])
    assert view.model.rowCount() == 2
    combo: QComboBox = view.deadline
    total = wait_loaded(qtbot, view, lambda: combo.setCurrentIndex(combo.findData("overdue")))
    assert total == 1
    assert view.model.case_at(0).id == late.id and late.id != fresh.id
    brush = view.model.data(view.model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
    assert brush is not None and brush.color() == OVERDUE
    assert "超期" in view.model.data(view.model.index(0, 9))


def test_long_lists_load_page_by_page(qtbot: QtBot, workspace: Workspace,
                                      users: dict[str, User]) -> None:
    assert workspace.desk is not None
    desk, user = workspace.desk, users["supervisor"]
    for i in range(230):
        register_case(desk, user, Intake(description=f"第{i}号测试诉求：路灯不亮。",
                                         category="030201", community="YT-HS-HT", anonymous=True,
                                         phone=f"1380000{i:04d}"))
    view = make_list(qtbot, workspace, user, page_size=100)
    assert view.model.total == 230 and view.model.rowCount() == 100
    assert view.model.canFetchMore()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() > 100)
    while view.model.canFetchMore():
        view.model.fetchMore()
    numbers = [row.number for row in view.model.rows]
    assert len(numbers) == 230 == len(set(numbers))
    assert "230" in view.count.text()


def test_deputies_see_masked_phone_numbers(qtbot: QtBot, workspace: Workspace,
                                           users: dict[str, User],
                                           add_case: Callable[..., CaseState]) -> None:
    case = add_case(phone="13812345678")
    view = make_list(qtbot, workspace, users["deputy"])
    assert view.model.data(view.model.index(0, 7)) == "138****5678"
    assert workspace.desk is not None
    detail = CaseDetail(workspace.desk, users["deputy"])
    qtbot.addWidget(detail)
    detail.show_case(case.id)
    assert detail.fields["phone"].text() == "138****5678"
    assert not detail.buttons["case.voided"].isVisible()
    assert not detail.buttons["case.dispatched"].isVisible()


def resolved_case(workspace: Workspace, users: dict[str, User],
                  add_case: Callable[..., CaseState]) -> CaseState:
    assert workspace.desk is not None
    desk, boss = workspace.desk, users["supervisor"]
    case = add_case()
    record_case_event(desk, boss, case.id, "case.signed", {"department": "D-ENV"})
    record_reply(desk, boss, case.id, "D-ENV", "已责令工地夜间停工。")
    return resolve_case(desk, boss, case.id, "工地已停止夜间施工。")


def test_unsatisfied_evaluation_sends_the_case_back(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., CaseState]) -> None:
    case = resolved_case(workspace, users, add_case)
    assert workspace.desk is not None
    detail = CaseDetail(workspace.desk, users["window"])
    qtbot.addWidget(detail)
    detail.show()
    detail.show_case(case.id)
    button = detail.buttons["case.evaluated"]
    assert button.isVisible() and button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = detail.last_dialog
    assert dialog is not None
    effect: QComboBox = dialog.fields["effect"]  # type: ignore[assignment]
    effect.setCurrentIndex(effect.findData("unsatisfied"))
    for other in ("speed", "service", "feedback"):  # nothing is pre-selected (issue 15)
        combo: QComboBox = dialog.fields[other]  # type: ignore[assignment]
        combo.setCurrentIndex(combo.findData("satisfied"))
    outcome = dialog.findChild(object, "evaluationOutcome")
    assert "回退" in outcome.text() or "back" in outcome.text()
    note: QPlainTextEdit = dialog.fields["note"]  # type: ignore[assignment]
    type_text(note, "居民说晚上还在施工。")
    with qtbot.waitSignal(detail.changed):
        dialog._accept()
    assert detail.case is not None and detail.case.status == "returned"
    assert "回退重办" in detail.header.text()
    last = detail.timeline.topLevelItem(detail.timeline.topLevelItemCount() - 1)
    assert "不满意" in last.text(3)


def test_a_refused_step_keeps_the_dialog_open_with_the_reason(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., CaseState]) -> None:
    case = add_case()
    assert workspace.desk is not None
    detail = CaseDetail(workspace.desk, users["supervisor"])
    qtbot.addWidget(detail)
    detail.show_case(case.id)
    detail.open_step("case.voided")
    dialog = detail.last_dialog
    dialog._accept()  # no reason given
    assert dialog.isVisible() and dialog.error.text() != ""
    assert detail.show_case(case.id).status == "dispatched"


def test_typed_html_is_shown_as_plain_text(qtbot: QtBot, workspace: Workspace,
                                           users: dict[str, User],
                                           add_case: Callable[..., CaseState]) -> None:
    case = add_case(name="<b>王五</b>", description="<script>alert('x')</script>楼下吵闹")
    assert workspace.desk is not None
    detail = CaseDetail(workspace.desk, users["supervisor"])
    qtbot.addWidget(detail)
    detail.show_case(case.id)
    assert detail.fields["resident"].text() == "<b>王五</b>"
    assert detail.fields["resident"].textFormat() == Qt.TextFormat.PlainText
    assert detail.description.toPlainText() == "<script>alert('x')</script>楼下吵闹"


def test_conflicts_are_shown_to_people(qtbot: QtBot, workspace: Workspace,
                                       users: dict[str, User],
                                       add_case: Callable[..., CaseState]) -> None:
    assert workspace.desk is not None
    case = add_case()
    boss = users["supervisor"]
    record_case_event(workspace.desk, boss, case.id, "case.voided", {"reason": "重复登记"})
    record_case_event(workspace.desk, boss, case.id, "case.resolved", {"text": "已处理"})
    detail = CaseDetail(workspace.desk, boss)
    qtbot.addWidget(detail)
    detail.show()
    detail.show_case(case.id)
    assert detail.conflicts_box.isVisible() and detail.conflicts.count() == 1
    assert "已作废" in detail.conflicts.item(0).text()
