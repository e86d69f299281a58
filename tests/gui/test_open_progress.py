"""Opening the desk's database runs on a worker with the event loop turning: a long upgrade or
encryption shows a progress window (in Chinese) instead of a start that looks frozen, and what
the opening raises still reaches the person (issue 14)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from desk_app.domain.text import DomainError
from desk_app.store.database import WrongKey
from desk_app.ui import app as app_module
from desk_app.ui.tasks import PROGRESS_DELAY_MS


def visible_progress() -> list[str]:
    return [w.labelText() for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


def test_a_slow_opening_shows_progress_then_gives_the_workspace(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    real = app_module.open_workspace

    def slow(**kwargs: object) -> object:  # as a migration building indexes for a while
        time.sleep(PROGRESS_DELAY_MS / 1000 + 0.8)
        return real(**kwargs)

    monkeypatch.setattr(app_module, "open_workspace", slow)
    seen: list[list[str]] = []
    QTimer.singleShot(PROGRESS_DELAY_MS + 400, lambda: seen.append(visible_progress()))
    workspace = app_module.open_with_recovery(demo=False)
    try:
        assert workspace is not None and workspace.db.path.exists()
        assert seen and len(seen[0]) == 1 and "正在打开" in seen[0][0], seen
        assert visible_progress() == []  # gone once the database is open
    finally:
        workspace.close()


def test_a_quick_opening_shows_no_progress_window(qtbot: QtBot) -> None:
    workspace = app_module.open_in_background(demo=False)
    try:
        assert workspace.desk is None and visible_progress() == []
    finally:
        workspace.close()


def test_what_the_opening_raises_is_raised_on_the_gui_thread(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(**_kwargs: object) -> object:
        raise DomainError("The database is newer than this program.")

    monkeypatch.setattr(app_module, "open_workspace", refused)
    with pytest.raises(DomainError, match="newer"):
        app_module.open_with_recovery(demo=False)


def test_a_wrong_key_still_asks_for_the_recovery_key(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def wrong(**_kwargs: object) -> object:
        raise WrongKey("wrong key")

    class Prompt:
        def __init__(self, text: str) -> None:
            asked.append(text)
            self.text = ""

        def exec(self) -> int:
            return 0  # the person gives up

    monkeypatch.setattr(app_module, "open_workspace", wrong)
    import desk_app.ui.recovery as recovery

    monkeypatch.setattr(recovery, "RecoveryKeyPrompt", Prompt)
    assert app_module.open_with_recovery(demo=False) is None
    assert len(asked) == 1
