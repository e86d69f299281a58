"""Back up now, the restore dialog (checked in the background, confirmed by a tick, done by the
caller) and the About dialog's folders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desk_app.store.backup import check_backup, write_backup
from desk_app.store.desk import read_identity
from desk_app.store.schema import meta
from desk_app.ui.backup_ui import AboutDialog, RestoreDialog, backup_now, default_backup_path
from desk_app.workspace import Workspace
from tests.reading import READER


def snapshot(workspace: Workspace) -> tuple[object, ...]:
    """What a restore would change: the identity, the meta rows, the files in the data folder."""
    with workspace.db.read() as conn:
        rows = conn.execute(select(func.count()).select_from(meta)).scalar_one()
    files = sorted(p.name for p in workspace.paths.data.iterdir())
    return read_identity(workspace.db), rows, files


@pytest.fixture
def good_backup(workspace: Workspace, tmp_path: Path) -> Path:
    attachment = workspace.paths.attachments / "2026" / "现场照片.jpg"
    attachment.parent.mkdir(parents=True, exist_ok=True)
    attachment.write_bytes(b"\xff\xd8 not really a photo")
    return write_backup(workspace.paths.database, workspace.paths.attachments,
                       tmp_path / "made" / "desk-20261121-0930.cdbackup", key=workspace.key)


def open_restore(qtbot: QtBot, workspace: Workspace, path: Path,
                 confirmed: list[Path]) -> RestoreDialog:
    dialog = RestoreDialog(workspace, confirmed.append, path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_good_backup_shows_what_it_holds_and_needs_the_tick(
        qtbot: QtBot, workspace: Workspace, good_backup: Path) -> None:
    before = snapshot(workspace)
    confirmed: list[Path] = []
    dialog = open_restore(qtbot, workspace, good_backup, confirmed)
    assert not dialog.restore_button.isEnabled() and not dialog.confirm.isEnabled()
    qtbot.waitUntil(lambda: dialog.contents.isVisible(), timeout=10_000)

    assert "鹏湾社区党群服务中心" in dialog.desk_label.text()
    assert "YT-HS-01" in dialog.desk_label.text()
    assert dialog.attachments_label.text() == "1"
    assert dialog.version_label.text() and dialog.size_label.text()
    assert dialog.created_label.text().startswith("20")  # local date and time
    assert dialog.warning.isVisible() and str(workspace.paths.data) in dialog.warning.text()
    assert not dialog.other_desk.isVisible()
    assert not dialog.error.isVisible()

    assert dialog.confirm.isEnabled() and not dialog.restore_button.isEnabled()
    dialog.restore_button.click()
    assert confirmed == []
    dialog.confirm.click()
    assert dialog.restore_button.isEnabled()
    dialog.confirm.click()
    assert not dialog.restore_button.isEnabled()
    dialog.confirm.click()
    dialog.restore_button.click()
    assert confirmed == [good_backup]
    assert dialog.result() == RestoreDialog.DialogCode.Accepted
    assert snapshot(workspace) == before  # the dialog itself never restores


@pytest.mark.parametrize("damage", ["truncated", "not a zip", "missing"])
def test_a_damaged_file_shows_the_error_and_cannot_be_restored(
        qtbot: QtBot, workspace: Workspace, good_backup: Path, tmp_path: Path,
        damage: str) -> None:
    bad = tmp_path / "bad.cdbackup"
    if damage == "truncated":
        data = good_backup.read_bytes()
        bad.write_bytes(data[: len(data) // 2])
    elif damage == "not a zip":
        bad.write_bytes("这不是备份文件".encode() * 100)
    before = snapshot(workspace)
    confirmed: list[Path] = []
    dialog = open_restore(qtbot, workspace, bad, confirmed)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)

    assert str(bad) in dialog.error.text()  # the domain message, translated, names the file
    assert not dialog.contents.isVisible() and not dialog.warning.isVisible()
    assert not dialog.confirm.isEnabled() and not dialog.restore_button.isEnabled()
    dialog.confirm.setChecked(True)  # even forced, there is nothing to restore
    assert not dialog.restore_button.isEnabled()
    dialog.confirmed()
    assert confirmed == [] and dialog.isVisible()
    assert snapshot(workspace) == before
    assert not list(workspace.paths.data.glob(".desk-check-*"))


def test_choosing_another_file_starts_over(qtbot: QtBot, workspace: Workspace,
                                           good_backup: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "bad.cdbackup"
    bad.write_bytes(b"PK\x03\x04 broken")
    dialog = open_restore(qtbot, workspace, good_backup, [])
    qtbot.waitUntil(lambda: dialog.confirm.isEnabled(), timeout=10_000)
    dialog.confirm.click()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *_a, **_k: (str(bad), "")))
    dialog.browse.click()
    assert not dialog.restore_button.isEnabled() and not dialog.confirm.isChecked()
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10_000)
    assert dialog.manifest is None and not dialog.contents.isVisible()


def test_back_up_now_saves_where_asked_and_says_where_and_how_big(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    asked: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(tmp_path / "usb" / "鹏湾备份"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    made: list[Path | None] = []
    assert backup_now(None, workspace, READER, made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)

    target = tmp_path / "usb" / "鹏湾备份.cdbackup"
    assert made == [target] and target.exists()
    assert check_backup(target, key=workspace.key).desk_code == "YT-HS-01"
    suggested = Path(asked[0])
    assert suggested.parent == workspace.paths.backups and workspace.paths.backups.is_dir()
    assert suggested.name.startswith("desk-") and suggested.suffix == ".cdbackup"
    assert len(suggested.stem) == len("desk-20261121-0930")
    assert [kind for kind, _text in messages] == ["information"]
    assert str(target) in messages[0][1]


def test_back_up_now_reports_a_failure_and_a_cancel(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(blocker / "x.cdbackup"), "")))
    made: list[Path | None] = []
    assert backup_now(None, workspace, READER, made.append)
    qtbot.waitUntil(lambda: bool(made), timeout=20_000)
    assert made == [None]
    assert messages[0][0] == "warning" and "x.cdbackup" in messages[0][1]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *_a, **_k: ("", "")))
    assert not backup_now(None, workspace, READER, made.append)


def test_default_backup_name_is_not_one_the_daily_schedule_deletes(
        workspace: Workspace) -> None:
    from datetime import datetime

    from desk_app.store.backup import DAILY

    path = default_backup_path(workspace.paths, datetime(2026, 11, 21, 9, 30))
    assert path.name == "desk-20261121-0930.cdbackup"
    assert not DAILY.match(path.name)


def test_about_shows_the_version_and_opens_each_folder(
        qtbot: QtBot, workspace: Workspace, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_app import __version__

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url) or True))
    dialog = AboutDialog(workspace.paths)
    qtbot.addWidget(dialog)
    assert __version__ in dialog.version.text()
    assert dialog.build.text() == dialog.tr("development build")
    paths = workspace.paths
    expected = {"data": paths.data, "logs": paths.logs, "backups": paths.backups,
                "settings": paths.settings.parent}
    for key, folder in expected.items():
        assert dialog.folder_labels[key].text() == str(folder)
        dialog.open_buttons[key].click()
    assert [Path(url.toLocalFile()) for url in opened] == list(expected.values())
    assert paths.backups.is_dir()


def test_about_shows_the_build_date_of_a_release(qtbot: QtBot, workspace: Workspace,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    resources = tmp_path / "resources"
    resources.mkdir()
    (resources / "build_info.json").write_text(
        json.dumps({"build_date": "2026-11-20", "commit": "e06c84f0123456789"}), encoding="utf-8")
    monkeypatch.setenv("COMMUNITY_DESK_RESOURCES", str(resources))
    dialog = AboutDialog(workspace.paths)
    qtbot.addWidget(dialog)
    assert "2026-11-20" in dialog.build.text() and "e06c84f01234" in dialog.build.text()
