"""The unsaved intake form survives a killed process and is offered again on the next start."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desk_app.domain.picker import CatalogueIndex
from desk_app.store.case_queries import CaseQuery, count_cases
from desk_app.store.users import User
from desk_app.ui.drafts import DRAFT_FILE
from desk_app.ui.intake_form import IntakeForm
from desk_app.workspace import Workspace
from tests.reading import READER

ROOT = Path(__file__).resolve().parents[2]


def test_a_request_typed_before_a_kill_is_offered_back(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        monkeypatch: pytest.MonkeyPatch) -> None:
    home = Path(os.environ["COMMUNITY_DESK_HOME"])
    worker = subprocess.Popen([sys.executable, "-m", "tests.gui.draft_worker", str(home)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert worker.stdout is not None and worker.stdout.readline().strip() == "typed"
    finally:
        os.kill(worker.pid, signal.SIGKILL)
        worker.wait()
    draft = workspace.paths.data / DRAFT_FILE
    assert draft.exists()

    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    assert workspace.desk is not None
    form = IntakeForm(workspace.desk, users["window"], CatalogueIndex(workspace.catalogue),
                      draft=draft)
    qtbot.addWidget(form)
    assert form.name.text() == "刘海燕" and form.phone.text() == "13926543210"
    assert form.description.toPlainText() == "楼下工地凌晨还在打桩，吵得没法睡觉。"
    form.category.set_item(workspace.catalogue.items["010101"])
    form.show_receipt = False
    assert form.submit() is not None
    assert not draft.exists()  # saved for real: the draft is gone
    assert count_cases(workspace.db, READER, CaseQuery()) == 1


def test_a_declined_draft_is_dropped(qtbot: QtBot, workspace: Workspace, users: dict[str, User],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_app.ui.drafts import save_draft

    draft = workspace.paths.data / DRAFT_FILE
    save_draft(draft, {"name": "张三", "description": "路灯不亮已经一周了"})
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.No))
    assert workspace.desk is not None
    form = IntakeForm(workspace.desk, users["window"], CatalogueIndex(workspace.catalogue),
                      draft=draft)
    qtbot.addWidget(form)
    assert form.name.text() == "" and not draft.exists()
