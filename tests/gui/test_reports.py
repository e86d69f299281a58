"""The Reports page and the dashboard on the demo workspace (two years of history)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import QTableWidget

from desk_app.reports.periods import Period
from desk_app.reports.report import build_report
from desk_app.ui.dashboard import DashboardPage
from desk_app.ui.reports_view import ReportsPage
from desk_app.workspace import Workspace, open_workspace


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """One demo workspace for the module: made once (it takes seconds), read by every test."""
    home = tmp_path_factory.mktemp("demo-home")
    old = os.environ.get("COMMUNITY_DESK_HOME")
    os.environ["COMMUNITY_DESK_HOME"] = str(home)
    workspace = open_workspace(demo=True)
    yield workspace
    workspace.close()
    if old is None:
        os.environ.pop("COMMUNITY_DESK_HOME", None)
    else:
        os.environ["COMMUNITY_DESK_HOME"] = old


@pytest.fixture
def supervisor_user(demo: Workspace):
    from desk_app.store.users import authenticate

    return authenticate(demo.db, "demo", "demo1234")


def screen_value(page: ReportsPage, key: str, label: str) -> str:
    view = page.findChild(QTableWidget, f"table_{key}")
    for row in range(view.rowCount()):
        if view.item(row, 0).text() == label:
            return view.item(row, 1).text()
    raise AssertionError(f"{label} not on screen")


def test_the_reports_page_shows_the_report_and_exports_the_same_figures(
        qtbot, demo: Workspace, supervisor_user, tmp_path: Path) -> None:
    page = ReportsPage(demo.desk, supervisor_user)
    qtbot.addWidget(page)
    page.show()
    week = page.chosen_period()
    assert week == Period.containing("week", page.today).previous()
    with qtbot.waitSignal(page.report_ready, timeout=30_000):
        page.make.click()
    report = build_report(demo.desk, week)
    assert page.tabs.count() >= 12
    assert "第" in page.heading.text() or "issue" in page.heading.text()
    registered = page.tables[0].rows[0][0]
    assert screen_value(page, "overview", registered) == str(report.total)
    completion = page.tables[0].rows[[r[0] for r in page.tables[0].rows].index(
        page.namer.tr("Completion rate"))]
    shown = screen_value(page, "overview", completion[0])
    page.export("xlsx", tmp_path / "week.xlsx")
    qtbot.waitUntil(lambda: (tmp_path / "week.xlsx").exists(), timeout=30_000)
    sheet = load_workbook(tmp_path / "week.xlsx").worksheets[0]
    cells = {r[0]: r[1] for r in sheet.iter_rows(min_row=3, values_only=True) if r and r[0]}
    assert cells[registered] == report.total
    assert f"{cells[completion[0]] * 100:.1f}%" == shown
    page.export("pdf", tmp_path / "week.pdf")
    assert (tmp_path / "week.pdf").stat().st_size > 5000
    # the command for scheduled sending writes the same figures as the screen
    from desk_app.main import main

    out = tmp_path / "command.xlsx"
    assert main(["report", "--period", week.code(), "--out", str(out), "--demo"]) == 0
    by_command = load_workbook(out).worksheets[0]
    rows = {r[0]: r[1] for r in by_command.iter_rows(min_row=3, values_only=True) if r and r[0]}
    assert rows[registered] == report.total
    assert f"{rows[completion[0]] * 100:.1f}%" == shown
    assert "预计上升" in [page.tabs.tabText(i) for i in range(page.tabs.count())]


def test_a_figure_opens_the_cases_behind_it(qtbot, demo: Workspace, supervisor_user) -> None:
    page = ReportsPage(demo.desk, supervisor_user)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.report_ready, timeout=30_000):
        page.make_report()
    opened: list[str] = []
    page.case_opened.connect(opened.append)
    page.open_figure(page.tables[0], 0)
    from desk_app.ui.reports_view import CasesDialog

    dialog = page.findChild(CasesDialog)
    assert dialog.table.rowCount() == len(page.tables[0].row_ids[0])
    dialog.table.cellDoubleClicked.emit(0, 0)
    assert opened == [dialog.ids[0]]


def test_the_dashboard_draws_trends_scores_map_and_foresight(
        qtbot, demo: Workspace, supervisor_user) -> None:
    page = DashboardPage(demo.desk, supervisor_user)
    qtbot.addWidget(page)
    page.resize(1300, 800)
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        page.show()
    board = page.board
    assert sum(board.totals) > 500 and len(board.weeks) == 26
    assert page.trend.series[0][1] == board.totals
    assert {s.department for s in board.scores} >= {"D-HOUSING", "D-TRANSPORT"}
    slow = {s.department: s.score for s in board.scores}
    assert slow["D-TRANSPORT"] < max(slow.values())  # a slow department shows as one
    assert len(page.map.drawn_areas()) == 4 and sum(board.areas.values()) > 0
    assert board.points  # patrol cases carry coordinates
    assert board.replay.flags > 0 and "%" in page.replay.text()
    image = page.grab()
    assert not image.isNull()


def test_a_supervisor_marks_a_model_case_and_the_report_lists_it(
        qtbot, demo: Workspace, supervisor_user) -> None:
    page = ReportsPage(demo.desk, supervisor_user)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.report_ready, timeout=30_000):
        page.make_report()
    page.open_figure(page.tables[0], 0)
    from desk_app.ui.reports_view import CasesDialog

    dialog = page.findChild(CasesDialog)
    dialog.table.selectRow(0)
    dialog.mark_selected("处置迅速，居民满意")
    with qtbot.waitSignal(page.report_ready, timeout=30_000):
        page.make_report()
    model = next(t for t in page.tables if t.key == "model_cases")
    assert model.row_ids[0] == (dialog.ids[0],)
    assert "处置迅速，居民满意" in model.rows[0][-1]


def test_cancel_stops_the_report_and_says_so(qtbot, demo: Workspace, supervisor_user) -> None:
    page = ReportsPage(demo.desk, supervisor_user)
    qtbot.addWidget(page)
    page.make_report()
    page.task.cancel()
    qtbot.waitUntil(lambda: page.make.isEnabled(), timeout=30_000)
    assert page.state.text() in ("已取消生成报告。", "双击任一行可查看其背后的诉求。")  # unless it won the race
