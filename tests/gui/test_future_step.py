"""A step recorded by a newer version of the app, pulled from the centre, is shown in the
case's timeline as needing a newer version (not hidden, not an error), and the case goes on."""

from __future__ import annotations

from collections.abc import Callable

from pytestqt.qtbot import QtBot

from desk_app.domain.case import CaseState
from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.store.users import User
from desk_app.ui.case_detail import CaseDetail
from desk_app.workspace import Workspace


def test_a_newer_versions_step_shows_as_needing_a_newer_version(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., CaseState]) -> None:
    desk = workspace.desk
    assert desk is not None
    case = add_case()
    future = Event.from_dict({
        "id": uuid7(), "entity": "case", "entity_id": case.id, "type": "case.photo_requested",
        "payload": {"note": "请补拍一张照片"}, "actor": "worker@YT-HS-02", "desk": "YT-HS-02",
        "hlc": HybridClock("YT-HS-02").now(), "org": case.org})
    assert desk.record([future], origin="pulled").added == [future]  # as a pull applies it
    detail = CaseDetail(desk, users["supervisor"])
    qtbot.addWidget(detail)
    detail.show()
    shown = detail.show_case(case.id)
    assert not shown.conflicts and shown.status == case.status
    last = detail.timeline.topLevelItem(detail.timeline.topLevelItemCount() - 1)
    assert "需要新版本才能显示" in last.text(3)
