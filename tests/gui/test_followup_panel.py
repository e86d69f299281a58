"""The follow-through part of the case detail at a street desk: an escalated case is taken
over, listed for supervision with a named leader, claimed, handed over; the owner changes and
"mine" on the watch list follows the owner."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desk_app.store.cases import escalate_case
from desk_app.store.users import User
from desk_app.ui.main_window import MainWindow
from desk_app.workspace import Workspace
from tests.reading import case_state


def test_take_over_list_claim_and_hand_over_at_a_street_desk(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object]) -> None:
    case = add_case()
    assert workspace.desk is not None
    escalate_case(workspace.desk, users["supervisor"], case.id, "street",  # type: ignore[attr-defined]
                  "涉及多个部门")
    boss = users["supervisor"]
    window = MainWindow(workspace, boss)
    qtbot.addWidget(window)
    page = window.watch
    assert page is not None
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5_000)
    assert "已提级至本级" in page.table.item(0, 0).text()
    assert "涉及多个部门" in page.table.item(0, 5).text()  # with the reason
    page.table.cellDoubleClicked.emit(0, 1)
    panel = window.detail.followup
    facts = panel.facts.text()
    assert "首办负责人：陈洁" in facts and "街道" in facts and "涉及多个部门" in facts
    assert "生态环境" in facts or "D-ENV" in facts  # each department on its own clock
    assert panel.buttons["take_over"].isEnabled()
    panel.buttons["take_over"].click()
    assert case_state(workspace.desk, case.id).taken_over == "street"  # type: ignore[attr-defined]
    assert not panel.buttons["take_over"].isEnabled()
    panel.list_case("王副主任", "2026-12-31")
    panel.buttons["claim"].click()
    panel.hand_to(users["window"])
    state = case_state(workspace.desk, case.id)  # type: ignore[attr-defined]
    assert state.listed == {"leader": "王副主任", "due": "2026-12-31"}
    assert state.claimed_by == "陈洁" and state.owner == users["window"].actor("YT-HS-01")
    facts = panel.facts.text()
    assert "王副主任" in facts and "领办" in facts and "首办负责人：王丽" in facts
    steps = [window.detail.timeline.topLevelItem(i).text(3)
             for i in range(window.detail.timeline.topLevelItemCount())]
    assert any("挂牌督办" in s and "王副主任" in s for s in steps)
    # "Mine" is what the signed-in worker owns: the window worker now owns it.
    worker = MainWindow(workspace, users["window"])
    qtbot.addWidget(worker)
    mine = worker.watch
    assert mine is not None
    mine.mine.setChecked(True)
    qtbot.waitUntil(lambda: mine.table.rowCount() == 1, timeout=5_000)
    window.watch.mine.setChecked(True)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: window.watch.table.rowCount() == 0, timeout=5_000)  # type: ignore[union-attr]
