"""A whole council meeting as a community secretary runs it, and the opinion room and patrols."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.domain.picker import CatalogueIndex
from desk_app.store.case_queries import CaseQuery, list_cases
from desk_app.store.meetings import get_meeting, list_meetings, meeting_chain
from desk_app.store.users import User
from desk_app.ui.meetings_view import MeetingsPage
from desk_app.ui.outreach_view import OpinionRoomPage, PatrolsPage
from desk_app.workspace import Workspace
from tests.reading import READER, case_state

from .conftest import type_text


def photo(folder: Path, name: str = "sign-in.png", size: tuple[int, int] = (320, 240)) -> Path:
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(QColor("#c0392b"))
    path = folder / name
    image.save(str(path))
    return path


@pytest.fixture
def corridor_cases(add_case: Callable[..., object]) -> list[object]:
    """Three complaints of the same kind in one community: a hot topic."""
    return [add_case(category="020101", description=f"楼道堆满杂物，物业不清理（第{i}次反映）。",
                     phone=f"1390000000{i}") for i in range(3)]


def test_a_secretary_runs_a_whole_meeting(qtbot: QtBot, workspace: Workspace,
                                          users: dict[str, User], corridor_cases: list[object],
                                          messages: list[tuple[str, str]], tmp_path: Path) -> None:
    assert workspace.desk is not None
    page = MeetingsPage(workspace.desk, users["supervisor"])
    qtbot.addWidget(page)
    page.show()
    hot = [i for i, t in enumerate(page.hot) if t.source == "category" and len(t.case_ids) == 3]
    assert hot, "three cases of one kind in one community make a hot topic"
    page.topics.setCurrentRow(hot[0])

    page.call_meeting()  # blow the whistle
    dialog = page.last_dialog
    assert "物业" in dialog.title.text()  # the topic is the title
    dialog.place.setText("鹏湾社区党群服务中心二楼会议室")
    type_text(dialog.convener, "社区党委书记 陈洁")
    assert dialog.values()["departments"]  # the item's departments are summoned already
    dialog._ok()
    meeting = page.detail.meeting
    assert meeting is not None and meeting.level == "community" and len(meeting.case_ids) == 3

    detail = page.detail
    boxes = [detail.attendance.cellWidget(r, 1) for r in range(detail.attendance.rowCount())]
    assert boxes and all(isinstance(b, QCheckBox) for b in boxes)
    boxes[0].setChecked(True)
    detail.residents.setText("12")
    detail.close_meeting()  # no minutes yet
    assert messages and "纪要" in messages[-1][1]
    assert get_meeting(workspace.desk, meeting.id).status == "called"

    type_text(detail.minutes, "与会各方同意：物业一周内清理楼道；加装电梯需街道协调。")
    detail.save()
    assert detail.meeting.minutes.startswith("与会各方同意")
    assert detail.meeting.attended(meeting.departments[0]) is True
    assert detail.meeting.fields.get("residents") == "12"
    detail.attach(photo(tmp_path))  # on the database worker: the list shows it when kept
    qtbot.waitUntil(lambda: detail.photos.count() == 1)

    for text, owner, days in (("一周内清理楼道杂物", "物业服务中心", 7),
                              ("研究加装电梯方案", "社区工作站", 30)):
        detail.new_resolution()
        form = detail.last_dialog
        type_text(form.text, text)
        form.owner.setEditText(owner)
        form.due.setDate(date.today() + timedelta(days=days))
        form._ok()
    assert len(detail.meeting.resolutions) == 2

    detail.new_resolution()  # a resolution with no owner is refused at the form
    form = detail.last_dialog
    type_text(form.text, "没有责任人的事项")
    form._ok()
    assert form.isVisible() and form.error.text()
    form.reject()
    assert len(get_meeting(workspace.desk, meeting.id).resolutions) == 2

    detail.resolutions.selectRow(0)
    detail.new_progress()
    detail.last_dialog.percent.setValue(60)
    type_text(detail.last_dialog.note, "已清理三层")
    detail.last_dialog._ok()
    assert detail.meeting.progress == 30  # rolled up: (60 + 0) / 2

    detail.resolutions.selectRow(0)
    detail.finish_resolution()
    type_text(detail.last_dialog.answer, "楼道杂物已全部清理")
    assert detail.last_dialog.resolve_cases.isChecked()
    detail.last_dialog._ok()
    for case in corridor_cases:
        assert case_state(workspace.desk, case.id).status == "resolved"  # type: ignore[attr-defined]

    detail.resolutions.selectRow(1)
    detail.escalate()
    street = detail.last_dialog
    assert street.level.currentData() == "street"
    street.place.setText("海山街道会议室")
    street.convener.setText("海山街道党工委")
    street._ok()
    chain = meeting_chain(workspace.desk, meeting.id)
    assert [m.level for m in chain] == ["community", "street"]
    assert "→" in detail.chain.text()

    detail.close_meeting()
    closed = get_meeting(workspace.desk, meeting.id)
    assert closed.status == "closed" and closed.progress == 100  # the escalated one is not counted
    assert not detail.minutes.isEnabled()
    assert len(list_meetings(workspace.desk)) == 2


def test_a_photo_that_is_not_an_image_or_too_large_changes_nothing(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        corridor_cases: list[object], messages: list[tuple[str, str]], tmp_path: Path) -> None:
    assert workspace.desk is not None
    page = MeetingsPage(workspace.desk, users["supervisor"])
    qtbot.addWidget(page)
    page.call_meeting()
    type_text(page.last_dialog.title, "楼道杂物堆放")
    page.last_dialog.place.setText("会议室")
    page.last_dialog.convener.setText("书记")
    page.last_dialog._ok()
    detail = page.detail
    text = tmp_path / "minutes.png"
    text.write_text("这不是图片")
    huge = tmp_path / "huge.png"
    huge.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * (11 * 1024 * 1024))
    detail.attach(text)
    qtbot.waitUntil(lambda: bool(messages) and "不是照片" in messages[-1][1])
    detail.attach(huge)
    qtbot.waitUntil(lambda: "太大" in messages[-1][1])
    assert get_meeting(workspace.desk, detail.meeting.id).attachments == []


def test_a_deputy_turns_a_finding_into_a_case(qtbot: QtBot, workspace: Workspace,
                                              users: dict[str, User],
                                              messages: list[tuple[str, str]]) -> None:
    assert workspace.desk is not None
    room = OpinionRoomPage(workspace.desk, users["deputy"], CatalogueIndex(workspace.catalogue))
    qtbot.addWidget(room)
    roster = room.roster
    type_text(roster.deputy, "赵敏")
    type_text(roster.place, "鹏湾社区民意表达工作室")
    roster.add()
    assert roster.rows.count() == 1
    page = room.receptions
    type_text(page.deputy, "赵敏")
    type_text(page.place, "民意表达工作室")
    page.people.setValue(5)
    type_text(page.topics, "居民反映小区停车难、路灯不亮等问题。")
    page.log()
    assert page.record is not None and page.records.count() == 1
    type_text(page.finding_text, "鹏湾花园门口路灯不亮，晚上出行不便")
    page.note_finding()
    page.findings.setCurrentRow(0)
    page.convert()
    dialog = page.last_dialog
    assert dialog.category.item is not None  # suggested from the finding's words
    dialog._ok()
    case = list_cases(workspace.desk, READER, CaseQuery()).rows[0]
    assert case.channel == "deputy"
    assert page.record.findings[next(iter(page.record.findings))].case_id == case.id
    assert "✔" in page.findings.item(0).text()
    assert messages and case.number in messages[-1][1]


def test_grid_staff_log_a_patrol_with_a_photo(qtbot: QtBot, workspace: Workspace,
                                              users: dict[str, User], tmp_path: Path,
                                              messages: list[tuple[str, str]]) -> None:
    assert workspace.desk is not None
    page = PatrolsPage(workspace.desk, users["grid"], CatalogueIndex(workspace.catalogue))
    qtbot.addWidget(page)
    page.grid.setCurrentIndex(page.grid.findData("YT-HS-PW-G01"))
    type_text(page.route, "鹏湾一村—鹏湾花园")
    page.start()
    page.pending_photos = [photo(tmp_path, "manhole.png")]
    type_text(page.finding_text, "鹏湾一村3栋旁井盖缺失，有安全隐患")
    page.note_finding()
    # a thumbnail of the photo, decoded off the GUI thread
    qtbot.waitUntil(lambda: not page.findings.item(0).icon().isNull(), timeout=5_000)
    page.findings.setCurrentRow(0)
    page.convert()
    page.last_dialog._ok()
    case = list_cases(workspace.desk, READER, CaseQuery()).rows[0]
    assert case.channel == "patrol" and case.community == "YT-HS-PW"
    page.end()
    assert page.record is not None
    assert QMessageBox is not None and Qt is not None
