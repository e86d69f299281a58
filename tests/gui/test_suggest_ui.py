"""The category picker and the intake form's suggestion, as a window worker sees them."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.picker import CatalogueIndex
from desk_app.store.learned import list_learned
from desk_app.store.users import User
from desk_app.ui.category_picker import CategoryPicker
from desk_app.ui.intake_form import IntakeForm
from desk_app.workspace import Workspace

from .conftest import type_text


def shown(picker: CategoryPicker) -> list[str]:
    model = picker._completer.model()
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def test_typing_zy_offers_noise_first(qtbot: QtBot, catalogue: Catalogue) -> None:
    picker = CategoryPicker(catalogue, CatalogueIndex(catalogue))
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker, "zy")
    rows = shown(picker)
    assert rows and "噪音" in rows[0].split("›")[-1]
    assert all("噪音" in r for r in rows[:5]), "the common noise items before 占用毁坏绿地"
    assert picker.choose_first()  # Enter when the list is closed
    assert picker.item is not None and "噪音" in picker.item.name_zh


def test_the_items_a_desk_uses_most_rise_in_the_list(qtbot: QtBot, catalogue: Catalogue) -> None:
    index = CatalogueIndex(catalogue)
    index.set_usage({"010204": 120, "010201": 3})
    picker = CategoryPicker(catalogue, index)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker, "zy")
    assert "宠物扰民" in shown(picker)[0]


def make_form(qtbot: QtBot, workspace: Workspace, user: User) -> IntakeForm:
    assert workspace.desk is not None
    form = IntakeForm(workspace.desk, user, CatalogueIndex(workspace.catalogue))
    form.show_receipt = False
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_a_request_in_residents_words_gets_a_suggestion_with_its_reason(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    type_text(form.description, "楼道灯坏了一个月没人修")
    qtbot.waitUntil(form.suggestion.isVisible)
    assert "小区共用设施损坏" in form.suggestion.text()
    assert form.suggestion.toolTip(), "the reason: matched words or the nearest example"
    qtbot.keyClick(form.description, Qt.Key.Key_F2)
    if form.category.item is None:  # unsure: F2 opened the choices, the best one first
        assert form.category._results[0].code == "020303"
        assert form.category._results[-1] is workspace.catalogue.catch_all
        form.category.choose_first()
    assert form.category.item is not None and form.category.item.code == "020303"
    department = workspace.catalogue.departments[form.category.item.lead].name_zh
    assert department in form.routing.text(), "the department follows from the item"


def test_an_unclear_request_is_shown_as_unsure_and_f2_opens_the_choices(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    type_text(form.description, "那个事情还是没有弄好")
    form.suggest()
    assert form._found and not form._found[0].confident
    assert form.suggestion.isVisible() and any(q in form.suggestion.text() for q in "?？")
    form.accept_suggestion()  # what F2 does
    assert form.category.item is None, "nothing chosen silently"
    offered = form.category._results
    assert len(offered) >= 2 and offered[-1] is workspace.catalogue.catch_all


TWO_PROBLEMS = "楼下广场舞每晚吵到十点，而且那边的路灯坏了，晚上黑乎乎的"


def fill_resident(qtbot: QtBot, form: IntakeForm, description: str) -> None:
    type_text(form.name, "刘海燕")
    type_text(form.phone, "13912345678")
    type_text(form.address, "鹏湾花园5栋")
    type_text(form.description, description)


def test_two_problems_get_two_suggestions_and_are_split_into_two_cases(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["supervisor"])
    fill_resident(qtbot, form, TWO_PROBLEMS)
    qtbot.waitUntil(form.split_offer.isVisible)
    codes = [s.item.code for s in form._found[:2]]
    assert set(codes) == {"010202", "030203"}
    assert "广场舞与娱乐健身噪音" in form.split_offer.text()
    assert "路灯不亮与损坏" in form.split_offer.text()
    form.split_offer.click()
    assert [p.item.code for p in form.split_parts()] == ["010202", "030203"], "as told"
    assert form.split_offer.text().startswith("将保存为 2 件诉求：")
    qtbot.keyClick(form.description, Qt.Key.Key_F2)
    if form.category.item is None:
        form.category.choose_first()
    with qtbot.waitSignal(form.saved) as saved:
        form.submit()
    original = saved.args[0]
    assert original.status == "split"
    assert sorted(c.category for c in form.last_split) == sorted(codes)
    assert {c.id for c in form.last_split} == set(original.split_into)
    assert any("路灯" in c.description for c in form.last_split)


def test_a_window_worker_is_told_a_supervisor_can_split(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    type_text(form.description, TWO_PROBLEMS)
    qtbot.waitUntil(form.split_offer.isVisible)
    assert not form.split_offer.isCheckable()
    assert form.split_parts() == []


def test_saving_teaches_the_desk(qtbot: QtBot, workspace: Workspace,
                                 users: dict[str, User]) -> None:
    form = make_form(qtbot, workspace, users["window"])
    fill_resident(qtbot, form, "后山的猴子又跑下来抢东西")
    form.category.set_item(workspace.catalogue.items["030303"])
    with qtbot.waitSignal(form.saved):
        form.submit()
    assert workspace.desk is not None
    rows = list_learned(workspace.desk.db)
    assert [(r.text, r.item) for r in rows] == [("后山的猴子又跑下来抢东西", "030303")]


def test_the_same_problem_in_other_words_is_listed_and_follows_new_cases(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object]) -> None:
    earlier = add_case(description="楼下广场舞音响太吵了，每天晚上跳到十点", category="010202",
                       address="鹏湾花园5栋", phone="13700000001")
    form = make_form(qtbot, workspace, users["window"])
    form.community.setCurrentIndex(form.community.findData("YT-HS-PW"))
    type_text(form.address, "鹏湾 5号楼")
    type_text(form.description, "晚上有人在楼下跳舞，音箱震得睡不着")
    qtbot.waitUntil(lambda: form.duplicates.count() == 1)
    assert earlier.number in form.duplicates.item(0).text()  # type: ignore[attr-defined]

    # Another worker registers the same problem meanwhile: the list follows, untouched.
    later = add_case(description="跳广场舞的音乐声吵得孩子睡不着", category="010203",
                     address="鹏湾花园5栋", phone="13700000002")
    qtbot.waitUntil(lambda: form.duplicates.count() == 2)
    assert any(later.number in form.duplicates.item(i).text()  # type: ignore[attr-defined]
               for i in range(2))
