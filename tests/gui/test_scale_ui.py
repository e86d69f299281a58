"""What a worker notices of a big desk: the first rows come before the count ("≥ N" until it is
known), short searches find what they should as they are typed, and start-up builds only the
first screen (the other pages appear when first opened)."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desk_app.domain.case import CaseState
from desk_app.store.users import User
from desk_app.ui.case_list import CaseList
from desk_app.ui.lazy_page import LazyPage
from desk_app.ui.main_window import MainWindow
from desk_app.ui.meetings_view import MeetingsPage
from desk_app.workspace import Workspace

from .conftest import type_text


def test_the_first_page_comes_first_and_the_count_after_it(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., CaseState]) -> None:
    for i in range(12):
        add_case(description=f"第{i}件：楼道漏水，墙皮脱落。", phone=f"1380000{i:04d}")
    assert workspace.desk is not None
    view = CaseList(workspace.desk, users["supervisor"], page_size=5)
    qtbot.addWidget(view)
    shown: list[str] = []
    view.model.loaded.connect(lambda _t: shown.append(view.count.text()))
    with qtbot.waitSignal(view.model.counted, timeout=5000) as counted:
        view.show()
    assert counted.args == [12]
    assert view.model.rowCount() >= 5  # (the table fetches more to fill itself)
    assert shown and "≥ 5" in shown[-1], "a lower bound while counting"
    assert "12" in view.count.text() and "≥" not in view.count.text()

    # Two characters, typed as a person would: one query after the typing stops.
    with qtbot.waitSignal(view.model.counted, timeout=5000) as counted:
        type_text(view.search, "漏水")
    assert counted.args == [12]
    with qtbot.waitSignal(view.model.counted, timeout=5000) as counted:
        view.search.clear()
        type_text(view.search, "第3")
    assert counted.args == [1] and view.model.rowCount() == 1
    assert "第3件" in view.model.case_at(0).title


def test_only_the_first_screen_is_built_at_start(qtbot: QtBot, workspace: Workspace,
                                                 users: dict[str, User]) -> None:
    window = MainWindow(workspace, users["supervisor"])
    qtbot.addWidget(window)
    window.show()
    assert window.meetings is None and window.opinion_room is None, "not built at start"
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    row = titles.index("党群议事会") if "党群议事会" in titles else 2
    window.nav.setCurrentRow(row)
    holder = window.pages.currentWidget()
    assert isinstance(holder, LazyPage)
    qtbot.waitUntil(lambda: window.meetings is not None, timeout=5000)
    assert isinstance(window.meetings, MeetingsPage)
    assert holder.page is window.meetings and window.meetings.isVisible()
