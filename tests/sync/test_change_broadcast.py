"""Screens that refresh themselves: a pull and a local write reach every screen showing what
they changed, without a click; and a split travels to another desk whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import requests
from pytestqt.qtbot import QtBot

from desk_app.store.cases import SplitPart, remind_case, split_case
from tests.reading import case_state

from .conftest import SyncDesk
from .servers import ServerProcess
from .test_sync_ui import desk_window, enrol_from_the_window  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("chinese_screen")


def test_a_pulled_reply_updates_the_open_case_and_the_pending_count(
        qtbot: QtBot, sqlite_server: ServerProcess, desk_window: tuple) -> None:  # noqa: F811
    workspace, _user, bridge, window = desk_window
    window.intake.category.set_item(workspace.catalogue.items["030201"])
    window.intake.anonymous.setChecked(True)
    window.intake.description.setPlainText("楼道灯坏了一个星期，晚上上下楼很危险。")
    window.intake.show_receipt = False
    case = window.intake.submit()
    assert case is not None
    assert "待上传 2" in window.sync_label.text(), "the pending count moved with the write"
    enrol_from_the_window(qtbot, window, bridge, sqlite_server, "YT-HS")
    assert "待上传" not in window.sync_label.text()

    window.open_case(case.id)
    assert window.pages.currentWidget() is window.detail
    rows_before = window.detail.timeline.topLevelItemCount()
    key = sqlite_server.department_key(case.lead or "")
    for action, text in (("sign", ""), ("reply", "已派电工更换灯泡")):
        answer = requests.post(f"{sqlite_server.url}/v1/cases/{case.id}/actions", timeout=10,
                               headers={"Authorization": f"Bearer {key}"},
                               json={"action": action, "text": text, "person": "张工"})
        assert answer.status_code == 200, answer.text
    with qtbot.waitSignal(bridge.finished, timeout=20_000):
        bridge.sync_now()  # the schedule's sync: nobody clicks anything on the case

    def shows_reply() -> None:
        timeline = window.detail.timeline
        assert timeline.topLevelItemCount() == rows_before + 2
        assert "已派电工更换灯泡" in timeline.topLevelItem(timeline.topLevelItemCount() - 1).text(3)
        assert "已答复" in window.detail.header.text()
    qtbot.waitUntil(shows_reply, timeout=5_000)
    with qtbot.waitSignal(window.cases.model.loaded, timeout=5_000):
        window.show_page(window.cases)  # hidden while the case was open: redrawn when shown
    row = next(r for r in window.cases.model.rows if r.id == case.id)
    assert row.status == "replied", "the list heard of the pull too"


def test_a_local_write_updates_every_screen_that_shows_it(
        qtbot: QtBot, desk_window: tuple) -> None:  # noqa: F811
    workspace, user, _bridge, window = desk_window
    window.intake.category.set_item(workspace.catalogue.items["030201"])
    window.intake.anonymous.setChecked(True)
    window.intake.description.setPlainText("楼道灯坏了一个星期，晚上上下楼很危险。")
    window.intake.show_receipt = False
    window.show_page(window.cases)
    case = window.intake.submit()
    assert case is not None
    qtbot.waitUntil(lambda: any(r.id == case.id for r in window.cases.model.rows), timeout=5_000)
    window.open_case(case.id)
    before = window.detail.timeline.topLevelItemCount()
    remind_case(workspace.desk, user, case.id, "请尽快处理")  # e.g. from another screen
    assert window.detail.timeline.topLevelItemCount() == before + 1
    assert "待上传 3" in window.sync_label.text()
    with qtbot.waitSignal(window.cases.model.loaded, timeout=5_000):
        window.show_page(window.cases)
    assert window.cases.model.rows[0].id == case.id


def test_a_split_made_on_the_screen_reaches_the_other_desk(
        qtbot: QtBot, server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    from PySide6.QtWidgets import QComboBox, QPlainTextEdit

    from desk_app.ui.case_detail import CaseDetail

    a = make_desk("YT-HS-01", "YT-HS", server)
    b = make_desk("YT-HS-02", "YT-HS", server)
    original = a.register(description="楼上深夜噪音扰民，另外楼道灯也坏了。")
    detail = CaseDetail(a.desk, a.user)
    qtbot.addWidget(detail)
    detail.show()
    detail.show_case(original)
    button = detail.buttons["case.split"]
    assert button.isVisible() and button.isEnabled()
    detail.open_step("case.split")
    dialog = detail.last_dialog
    assert dialog is not None
    fields = dialog.fields
    first, second = fields["description1"], fields["description2"]
    assert isinstance(first, QPlainTextEdit) and isinstance(second, QPlainTextEdit)
    first.setPlainText("楼上深夜噪音扰民。")
    second.setPlainText("楼道灯坏了。")
    for name, code in (("category1", "010101"), ("category2", "030201")):
        combo = fields[name]
        assert isinstance(combo, QComboBox)
        combo.setCurrentIndex(combo.findData(code))
    with qtbot.waitSignal(detail.changed):
        dialog._accept()
    assert detail.case is not None and detail.case.status == "split"
    assert "拆分" in detail.timeline.topLevelItem(detail.timeline.topLevelItemCount() - 1).text(3)

    assert a.client().sync().ok and b.client().sync().ok
    split = case_state(b.desk, original)
    assert split.status == "split" and len(split.split_into) == 2
    parts = [case_state(b.desk, i) for i in split.split_into]
    assert {p.category for p in parts} == {"010101", "030201"}
    items = a.desk.catalogue.items
    assert {p.lead for p in parts} == {items["010101"].lead, items["030201"].lead}
    assert all(p.split_from == original and p.status == "dispatched" for p in parts)
    assert all(p == case_state(a.desk, p.id) for p in parts)
    assert parts[0].steps[0].payload["split_from_number"] == split.number


def test_a_split_needs_two_parts_each_described_and_categorised(
        make_desk: Callable[..., SyncDesk]) -> None:
    from desk_app.domain.text import DomainError
    from desk_app.store.cases import IntakeError

    a = make_desk("YT-HS-01", "YT-HS")
    original = a.register()
    for parts, field in (([SplitPart("噪音", "010101")], "parts"),
                         ([SplitPart("噪音", "010101"), SplitPart(" ", "030201")], "description2"),
                         ([SplitPart("噪音", "010101"), SplitPart("灯", "nope")], "category2")):
        try:
            split_case(a.desk, a.user, original, parts)
        except IntakeError as error:
            assert field in error.errors
        else:
            raise AssertionError("refused")
    assert case_state(a.desk, original).status == "dispatched", "nothing changed"
    split_case(a.desk, a.user, original, [SplitPart("噪音", "010101"),
                                          SplitPart("灯", "030201")])
    try:
        split_case(a.desk, a.user, original, [SplitPart("噪音", "010101"),
                                              SplitPart("灯", "030201")])
    except DomainError as error:
        assert "split" in error.render(), "the message names the status the case is in"
    else:
        raise AssertionError("a split case cannot be split again")
