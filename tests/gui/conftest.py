"""GUI fixtures: a real workspace on a temp SQLite file, real widgets, the zh_CN translation.

Modal message boxes are replaced by a recorder (as in Vorta's tests) so that a test never
blocks on a dialog and can assert what the worker would have been told.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desk_app.config import app_paths, translations_dir
from desk_app.domain.intake import Intake
from desk_app.store.cases import register_case
from desk_app.store.desk import setup_desk
from desk_app.store.users import User, create_user
from desk_app.ui.i18n import install_language
from desk_app.ui.tasks import wait_for_pools
from desk_app.workspace import Workspace, open_workspace


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> None:
    """`make test` compiles the .qm files; compile them here too when pytest runs alone."""
    folder = translations_dir()
    tool = Path(sys.executable).with_name("pyside6-lrelease")
    for ts in folder.glob("*.ts"):
        qm = ts.with_suffix(".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            subprocess.run([str(tool), "-silent", str(ts), "-qm", str(qm)], check=True)


@pytest.fixture(autouse=True)
def chinese(qapp: QApplication) -> Iterator[None]:
    install_language("zh_CN")
    yield
    install_language("zh_CN")


@pytest.fixture(autouse=True)
def finish_background_work() -> Iterator[None]:
    yield
    wait_for_pools()


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """What QMessageBox would have shown, as (kind, text); the box itself never opens."""
    shown: list[tuple[str, str]] = []

    def recorder(kind: str) -> Callable[..., QMessageBox.StandardButton]:
        def show(_parent: QWidget | None, _title: str, text: str, *args: object,
                 **kwargs: object) -> QMessageBox.StandardButton:
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(recorder(kind)))
    return shown


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = open_workspace(app_paths())
    setup_desk(ws.db, "YT-HS-01", "鹏湾社区党群服务中心", "YT-HS", ws.catalogue)
    ws.attach_desk()
    yield ws
    wait_for_pools()
    ws.close()


@pytest.fixture
def users(workspace: Workspace) -> dict[str, User]:
    people = {"window": ("wangli", "王丽"), "supervisor": ("chenjie", "陈洁"),
              "deputy": ("zhaomin", "赵敏"), "grid": ("liqiang", "李强")}
    return {role: create_user(workspace.db, name, display, role, "password-123")
            for role, (name, display) in people.items()}


@pytest.fixture
def add_case(workspace: Workspace, users: dict[str, User]) -> Callable[..., object]:
    """Register a case through the store, as another worker would have done earlier."""
    def add(**changes: object) -> object:
        intake = Intake(
            description="鹏湾花园3栋楼下工地夜间施工，凌晨还在打桩，吵得无法休息。",
            category="010101", urgency="urgent", community="YT-HS-PW", address="鹏湾花园3栋",
            name="李秀英", phone="13812345678")
        for key, value in changes.items():
            setattr(intake, key, value)
        assert workspace.desk is not None
        return register_case(workspace.desk, users["supervisor"], intake)
    return add


def type_text(widget: QWidget, text: str) -> None:
    """Type as a person would: Chinese through an input-method commit (qtbot.keyClicks aborts
    on non-ASCII text), ASCII as key presses."""
    widget.setFocus()
    if text.isascii():
        for char in text:
            QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))
            QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyRelease, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, char))
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)
