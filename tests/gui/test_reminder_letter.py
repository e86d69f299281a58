"""A reminder letter for one department: its overdue and due-soon cases (not another
department's), saved as a PDF, and recorded once on each case it lists."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk_app.store.desk import Desk
from desk_app.store.users import User
from desk_app.ui.reminder_letter import ReminderLetterDialog, letter_html
from desk_app.workspace import Workspace
from tests.reading import case_state

HOUR = 3_600_000


def test_a_letter_lists_the_departments_late_cases_and_is_recorded_on_each(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object], tmp_path: Path) -> None:
    noise = [add_case(), add_case(description="鹏湾花园5栋夜里有工地在打桩，噪音很大。")]
    other = add_case(category="030201", description="鹏湾路的路灯坏了三盏，晚上一片漆黑。")
    assert workspace.desk is not None
    later = int(time.time() * 1000) + 30 * HOUR
    desk = Desk(workspace.db, workspace.desk.identity, workspace.catalogue, workspace.calendar,
                wall=lambda: later)
    dialog = ReminderLetterDialog(desk, users["supervisor"], "D-ENV", later)
    qtbot.addWidget(dialog)
    listed = {item.number for item in dialog.letter.items}
    assert listed == {c.number for c in noise}  # type: ignore[attr-defined]
    page = letter_html(desk, dialog.letter)
    assert "提醒函" in page and "超期" in page
    assert other.number not in page  # type: ignore[attr-defined]
    pdf = tmp_path / "letter.pdf"
    dialog.save_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
    dialog.save_pdf(tmp_path / "copy.pdf")  # a second copy is not a second letter
    for case in noise:
        state = case_state(desk, case.id)  # type: ignore[attr-defined]
        letters = [s for s in state.steps if s.type == "case.reminded"
                   and s.payload.get("kind") == "letter"]
        assert len(letters) == 1 and letters[0].payload["department"] == "D-ENV"
        assert letters[0].payload["letter"] == dialog.letter.number
    assert case_state(desk, other.id).reminders == 0  # type: ignore[attr-defined]
    assert "2" in dialog.state.text()
