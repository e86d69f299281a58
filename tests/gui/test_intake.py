"""The intake form driven as a window worker drives it: keyboard first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.catalogue import Catalogue
from desk_app.store.case_queries import CaseQuery, count_cases, list_cases
from desk_app.store.users import User
from desk_app.ui.intake_form import IntakeForm
from desk_app.ui.receipt import receipt_document, save_receipt_pdf
from desk_app.workspace import Workspace
from tests.reading import READER, case_state

from .conftest import type_text


def make_form(qtbot: QtBot, workspace: Workspace, user: User) -> IntakeForm:
    from desk_app.domain.picker import CatalogueIndex

    assert workspace.desk is not None
    form = IntakeForm(workspace.desk, user, CatalogueIndex(workspace.catalogue))
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_a_request_typed_at_the_window_is_saved_with_a_receipt(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object]) -> None:
    earlier = add_case(phone="13912345678", category="020101", description="物业不作为，楼道垃圾无人清理。")
    form = make_form(qtbot, workspace, users["window"])
    assert form.focusWidget() is form.name  # the cursor starts at the resident's name
    type_text(form.name, "刘海燕")
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # Enter moves on to the next field
    assert form.focusWidget() is form.phone
    qtbot.keyClicks(form.phone, "139 1234 5678")
    qtbot.keyClick(form.phone, Qt.Key.Key_Tab)
    type_text(form.address, "鹏湾花园5栋2单元")
    type_text(form.description, "楼下工地夜间施工，凌晨一点还在打桩，吵得孩子睡不着。")

    qtbot.waitUntil(form.suggestion.isVisible)
    assert "夜间建筑施工噪音" in form.suggestion.text()
    qtbot.keyClick(form.description, Qt.Key.Key_F2)
    assert form.category.item is not None and form.category.item.code == "010101"
    assert "生态环境局" in form.routing.text()  # the department, before saving
    assert "24:00" in form.routing.text() or ":" in form.routing.text()

    qtbot.waitUntil(lambda: form.duplicates.count() == 1)
    assert form.duplicates_box.isVisible()
    assert earlier.number in form.duplicates.item(0).text()  # type: ignore[attr-defined]

    with qtbot.waitSignal(form.saved) as saved:
        qtbot.keyClick(form, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    case = saved.args[0]
    assert case.status == "dispatched" and case.lead == "D-ENV"
    assert case.phone == "13912345678" and case.name == "刘海燕"
    receipt = form.last_receipt
    assert receipt is not None and receipt.isVisible()
    text = receipt.preview.toPlainText()
    assert case.number in text and "受理回执" in text and "5678" in text
    assert "13912345678" not in text  # the receipt masks the phone
    assert form.description.toPlainText() == ""  # ready for the next resident


def test_pinyin_initials_pick_a_category(qtbot: QtBot, workspace: Workspace,
                                         users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    qtbot.keyClicks(form.category, "zy")
    popup = form.category._completer.popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert any("噪音" in text for text in shown[:10])
    noise_row = next(r for r, text in enumerate(shown) if "噪音" in text)
    popup.setCurrentIndex(popup.model().index(noise_row, 0))
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.category.item is not None and "噪音" in form.category.item.name_zh


def test_bad_input_is_shown_at_each_field_and_nothing_is_saved(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    qtbot.keyClicks(form.phone, "12345")
    qtbot.keyClicks(form.id_number, "440308199001011234")
    type_text(form.description, "灯")
    form.submit()
    for field in ("name", "phone", "id_number", "description", "category"):
        assert form.errors[field].isVisible(), field
    assert "11" in form.errors["phone"].text() or "电话" in form.errors["phone"].text()
    assert "最后一位" in form.errors["id_number"].text() or "X" in form.errors["id_number"].text()
    assert count_cases(workspace.db, READER, CaseQuery()) == 0
    assert form.description.toPlainText() == "灯"  # nothing the worker typed is lost


def test_id_number_is_checked_when_leaving_the_field(qtbot: QtBot, workspace: Workspace,
                                                     users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    qtbot.keyClicks(form.id_number, "11010519491231002x")
    qtbot.keyClick(form.id_number, Qt.Key.Key_Return)
    assert not form.errors["id_number"].isVisible()
    assert form.id_number.text() == "11010519491231002X"


def test_settled_on_the_spot_closes_the_case_in_one_step(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    form.anonymous.setChecked(True)
    type_text(form.description, "咨询社保卡补办需要带什么材料？")
    form.category.set_item(workspace.catalogue.items["990101"])
    form.settle.setChecked(True)
    assert form.answer.isVisible()
    type_text(form.answer, "已告知携带身份证到社保窗口办理，当天可取。")
    case = form.submit()
    assert case is not None and case.status == "resolved" and case.on_spot
    assert "当场办结" in form.last_receipt.preview.toPlainText()  # type: ignore[union-attr]


def test_a_repeat_is_counted_on_the_open_case_instead_of_a_new_one(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object], messages: list[tuple[str, str]]) -> None:
    first = add_case()
    form = make_form(qtbot, workspace, users["window"])
    type_text(form.name, "李秀英")
    qtbot.keyClicks(form.phone, "13812345678")
    type_text(form.description, "又来反映：工地昨晚还在施工。")
    qtbot.waitUntil(lambda: form.duplicates.count() == 1)
    qtbot.mouseClick(form.link, Qt.MouseButton.LeftButton)
    assert count_cases(workspace.db, READER, CaseQuery()) == 1
    assert workspace.desk is not None
    assert case_state(workspace.desk, first.id).repeats == 1  # type: ignore[attr-defined]
    assert messages and first.number in messages[-1][1]  # type: ignore[attr-defined]


def test_text_that_looks_like_html_is_kept_as_typed(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], tmp_path: Path) -> None:
    form = make_form(qtbot, workspace, users["window"])
    typed = "<b>粗体</b><script>alert(1)</script> 楼道灯坏了 &amp;"
    type_text(form.name, "<i>张三</i>")
    qtbot.keyClicks(form.phone, "13812345678")
    type_text(form.description, typed)
    form.category.set_item(workspace.catalogue.catch_all)
    case = form.submit()
    assert case is not None
    stored = list_cases(workspace.desk, READER, CaseQuery()).rows[0]
    assert stored.name == "<i>张三</i>" and typed.strip() in stored.title + case.description
    assert workspace.desk is not None
    document = receipt_document(workspace.desk, case)
    assert "<b>粗体</b><script>alert(1)</script>" in document.toPlainText()
    pdf = save_receipt_pdf(workspace.desk, case, tmp_path / "receipt.pdf")
    assert pdf.read_bytes()[:5] == b"%PDF-" and pdf.stat().st_size > 2000


def test_catalogue_is_never_offered_a_retired_item(qtbot: QtBot, workspace: Workspace,
                                                   users: dict[str, User],
                                                   catalogue: Catalogue) -> None:
    from dataclasses import replace

    item = workspace.catalogue.items["010101"]
    workspace.catalogue.items["010101"] = replace(item, retired=True)
    try:
        form = make_form(qtbot, workspace, users["window"])
        type_text(form.description, "夜间施工太吵")
        form.suggest()
        assert form._suggested is None or form._suggested.code != "010101"
    finally:
        workspace.catalogue.items["010101"] = item
