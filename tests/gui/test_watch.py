"""The watch list in the window: an overdue case shows on the page and its badge, the tray
notification fires once, clicking opens the case, quiet hours keep it quiet."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.domain.followup import QuietHours
from desk_app.store.desk import Desk
from desk_app.store.schema import events
from desk_app.store.users import User
from desk_app.ui.main_window import MainWindow
from desk_app.ui.watch_view import FollowupBridge
from desk_app.workspace import Workspace

HOUR = 3_600_000


def later_desk(workspace: Workspace, hours: float) -> Desk:
    """The same desk seen a day later: its clock (and so the job's and the page's) runs ahead."""
    assert workspace.desk is not None
    moment = int(time.time() * 1000 + hours * HOUR)
    workspace.desk = Desk(workspace.db, workspace.desk.identity, workspace.catalogue,
                          workspace.calendar, wall=lambda: moment)
    return workspace.desk


def warnings_recorded(workspace: Workspace) -> int:
    with workspace.db.read() as conn:
        return conn.execute(select(func.count()).select_from(events).where(
            events.c.type == "case.warned")).scalar_one()


def test_an_overdue_case_shows_with_its_badge_and_is_notified_once(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object]) -> None:
    case = add_case()  # a 24-hour item, dispatched to D-ENV with D-HOUSING
    desk = later_desk(workspace, 26)
    bridge = FollowupBridge(desk, quiet=QuietHours(0, 24, weekdays_only=False),
                            interval_minutes=60)
    window = MainWindow(workspace, users["supervisor"], followup=bridge)
    qtbot.addWidget(window)
    window.show()
    page = window.watch
    assert page is not None
    row = window.pages.indexOf(page)
    bridge.start(first_in_seconds=0.05)
    try:
        qtbot.waitUntil(lambda: len(bridge.shown) == 1, timeout=10_000)
        qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5_000)
        assert case.number in bridge.shown[0][1]  # type: ignore[attr-defined]
        assert "已超期" in bridge.shown[0][1]
        assert window.nav.item(row).text().endswith("(1)")
        assert page.badge is not None and "1" in page.badge.text()
        assert page.table.item(0, 1).text() == case.number  # type: ignore[attr-defined]
        first = warnings_recorded(workspace)
        assert first == 3  # overdue, not signed within 24 h, co-department not signed
        bridge.run_now()  # the next tick: nothing new, so nothing shown again
        qtbot.waitUntil(lambda: bridge.job.runs >= 2, timeout=10_000)
        qtbot.wait(100)
        assert len(bridge.shown) == 1 and warnings_recorded(workspace) == first
    finally:
        bridge.stop()
    page.table.cellDoubleClicked.emit(0, 1)
    assert window.pages.currentWidget() is window.detail
    assert window.detail.case is not None and window.detail.case.id == case.id  # type: ignore[attr-defined]


def test_outside_working_hours_the_badge_counts_but_nothing_pops_up(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object]) -> None:
    add_case()
    desk = later_desk(workspace, 26)
    bridge = FollowupBridge(desk, quiet=QuietHours(0, 0), interval_minutes=60)
    window = MainWindow(workspace, users["supervisor"], followup=bridge)
    qtbot.addWidget(window)
    page = window.watch
    assert page is not None
    bridge.start(first_in_seconds=0.05)
    try:
        qtbot.waitUntil(lambda: bridge.job.runs >= 1, timeout=10_000)
        qtbot.waitUntil(lambda: page.count == 1, timeout=5_000)
    finally:
        bridge.stop()
    assert bridge.shown == [] and warnings_recorded(workspace) == 3


def test_filters_by_department_and_kind(qtbot: QtBot, workspace: Workspace,
                                        users: dict[str, User],
                                        add_case: Callable[..., object]) -> None:
    add_case()
    later_desk(workspace, 20)  # 80 % of the 24 hours used: due soon, not yet overdue
    window = MainWindow(workspace, users["supervisor"])
    qtbot.addWidget(window)
    page = window.watch
    assert page is not None
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5_000)
    page.kind.setCurrentIndex(page.kind.findData("overdue"))
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5_000)
    page.kind.setCurrentIndex(page.kind.findData("due_soon"))
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5_000)
    page.department.setCurrentIndex(page.department.findData("D-POLICE"))
    qtbot.waitUntil(lambda: page.table.rowCount() == 0, timeout=5_000)
    assert page.count == 1  # the badge counts the whole list, not the filtered view


def test_a_window_worker_sees_the_list_and_a_deputy_does_not(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    window = MainWindow(workspace, users["window"])
    qtbot.addWidget(window)
    assert window.watch is not None
    deputy = MainWindow(workspace, users["deputy"])
    qtbot.addWidget(deputy)
    assert deputy.watch is None


def test_the_badge_follows_a_change_while_the_page_is_hidden(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object]) -> None:
    from desk_app.store.cases import record_case_event

    case = add_case()
    desk = later_desk(workspace, 20)
    window = MainWindow(workspace, users["supervisor"])
    qtbot.addWidget(window)
    window.show()
    page = window.watch
    assert page is not None
    window.show_page(window.cases)
    qtbot.waitUntil(lambda: page.count == 1, timeout=5_000)
    for dept in ("D-ENV", "D-HOUSING"):
        record_case_event(desk, users["supervisor"], case.id, "case.signed",  # type: ignore[attr-defined]
                          {"department": dept})
    record_case_event(desk, users["supervisor"], case.id, "case.resolved",  # type: ignore[attr-defined]
                      {"text": "已处理"})
    qtbot.waitUntil(lambda: page.count == 0, timeout=5_000)
    assert page.badge is not None and not page.badge.text()


def test_an_administrator_imports_a_calendar_and_a_bad_file_is_refused(
        qtbot: QtBot, workspace: Workspace, messages: list[tuple[str, str]],
        tmp_path: Path) -> None:
    from desk_app.store.users import create_user

    admin = create_user(workspace.db, "admin1", "管理员", "admin", "password-123")
    window = MainWindow(workspace, admin)
    qtbot.addWidget(window)
    page = window.watch
    assert page is not None and page.calendar_button.isVisibleTo(page)
    bad = tmp_path / "2027.csv"
    bad.write_text("date,kind,name\n2027-01-01,holiday,元旦\n2027-01-xx,holiday,?\n",
                   encoding="utf-8")
    page.import_calendar(bad)
    qtbot.waitUntil(lambda: bool(messages), timeout=10_000)
    kind, text = messages[-1]
    assert kind == "warning" and "2027.csv" in text and "3" in text
    assert 2027 not in workspace.desk.calendar.years  # type: ignore[union-attr]
    bad.write_text("date,kind,name\n2027-01-01,holiday,元旦\n", encoding="utf-8")
    page.import_calendar(bad)
    qtbot.waitUntil(lambda: len(messages) == 2, timeout=10_000)
    assert messages[-1][0] == "information" and "2027" in messages[-1][1]
    assert 2027 in workspace.desk.calendar.years  # type: ignore[union-attr]


def test_the_follow_through_settings_are_kept(qtbot: QtBot, workspace: Workspace) -> None:
    from desk_app.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(workspace.settings)
    qtbot.addWidget(dialog)
    dialog.evaluate_days.setValue(5)
    dialog.notify_from.setValue(9)
    dialog.notify_until.setValue(17)
    settings = dialog.apply_to(workspace.settings)
    assert (settings.evaluate_within_days, settings.notify_from_hour,
            settings.notify_until_hour) == (5, 9, 17)
    bridge = FollowupBridge(workspace.desk)  # type: ignore[arg-type]
    bridge.apply_settings(settings)
    assert bridge.rules.evaluate_within_days == 5 and bridge.quiet.start_hour == 9


def test_an_overdue_resolution_opens_its_meeting_even_before_that_page_was_shown(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    from datetime import date, timedelta

    from desk_app.store import meetings as meeting_service

    assert workspace.desk is not None
    meeting = meeting_service.call_meeting(
        workspace.desk, users["supervisor"], level="community", title="楼道杂物堆放",
        scheduled_at="2026-11-20 15:00", place="会议室", convener="社区党委书记",
        departments=["D-HOUSING"])
    meeting_service.add_resolution(workspace.desk, users["supervisor"], meeting.id,
                                   "一周内清理楼道杂物", "物业服务中心",
                                   date.today() + timedelta(days=1))
    later_desk(workspace, 24 * 3)  # the resolution's date has passed
    window = MainWindow(workspace, users["supervisor"])
    qtbot.addWidget(window)
    window.show()
    page = window.watch
    assert page is not None and window.meetings is None  # the meetings page is not built yet
    qtbot.waitUntil(lambda: page.table.rowCount() == 1, timeout=5_000)
    assert "一周内清理楼道杂物" in " ".join(
        page.table.item(0, c).text() for c in range(page.table.columnCount())
        if page.table.item(0, c) is not None)
    page.table.cellDoubleClicked.emit(0, 1)
    qtbot.waitUntil(lambda: window.meetings is not None
                    and window.meetings.detail.meeting is not None, timeout=5_000)
    assert window.pages.currentIndex() == window.nav.currentRow()
    assert window.pages.currentWidget().page is window.meetings  # type: ignore[attr-defined]
    assert window.meetings.detail.meeting.id == meeting.id

    window.show_page(window.cases)
    page.table.cellDoubleClicked.emit(0, 1)  # again, with the page built: shown at once
    assert window.pages.currentWidget().page is window.meetings  # type: ignore[attr-defined]
