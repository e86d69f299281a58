"""Backups in the window: Back up now, Restore (checked first, confirmed, done by the caller),
and the About dialog with the folders where the desk keeps its data, logs and backups.

    backup_now(window, workspace, user)                 # Desk → Back up now…
    RestoreDialog(workspace, on_confirmed, window).open()   # Desk → Restore from a backup…
    AboutDialog(workspace.paths, window).exec()         # Help → About

The restore itself is not done here: the application must first close its database and stop
sync, so `RestoreDialog` only checks the file, shows what it holds, and when the person has
ticked the confirmation hands the path to `on_confirmed(path)`. Backups are sealed with the
desk's key; one another desk made asks for that desk's recovery key, which is kept for the
restore that follows (`recovery_for(path)`), never written anywhere.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app import __version__
from desk_app.config import Paths, resources_dir
from desk_app.domain.text import DomainError
from desk_app.store.backup import (
    EXTENSION,
    Manifest,
    NeedsRecoveryKey,
    check_backup,
    make_backup,
)
from desk_app.store.users import User
from desk_app.workspace import Workspace

from .formatting import local_time
from .i18n import message, translate
from .tasks import BackgroundOp, TaskState

log = logging.getLogger(__name__)

BACKUP_POOL = "backup"  # reads with its own connection: it must not hold up the "db" pool
ERROR_STYLE = "color: #b00020;"
WARNING_STYLE = "color: #8a4b00;"
_RECOVERY: dict[str, bytes] = {}  # backup path → the key of the recovery key typed for it


def recovery_for(path: Path) -> bytes | None:
    """The key of the recovery key the person typed to open this backup, if one was needed."""
    return _RECOVERY.get(str(Path(path)))


def size_text(size: int) -> str:
    """12.3 MB, in the interface's locale."""
    return QLocale().formattedDataSize(size, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat)


def default_backup_path(paths: Paths, now: datetime | None = None) -> Path:
    """desk-YYYYMMDD-HHMM.cdbackup in the backups folder (the daily schedule never deletes it)."""
    moment = now or datetime.now().astimezone()
    return paths.backups / f"desk-{moment:%Y%m%d-%H%M}{EXTENSION}"


def _file_filter() -> str:
    return translate("Backup", "Community Desk backups (*%1)").replace("%1", EXTENSION)


class BackupCancelled(Exception):
    """Raised from make_backup's progress callback when the person presses Cancel."""


def backup_now(parent: QWidget | None, workspace: Workspace, user: User,
               on_done: Callable[[Path | None], None] | None = None) -> bool:
    """Ask where to save, then back up in the background with a progress dialog.

    Returns False if the person cancelled the file dialog. When the backup is made (or fails,
    or is cancelled) a message says so, then `on_done(path or None)` runs.
    """
    paths = workspace.paths
    suggested = default_backup_path(paths)
    try:
        paths.backups.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        log.warning("cannot create the backups folder %s: %s", paths.backups, error)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent, translate("Backup", "Back up the desk"), str(suggested), _file_filter())
    if not chosen:
        return False
    target = Path(chosen)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)

    def work(state: TaskState) -> Path:
        shown = [-1]

        def progress(done: int, total: int) -> None:
            if state.cancelled:
                raise BackupCancelled
            # In percent, and only when it moves: byte counts overflow Qt's int, and a report
            # per block would flood the GUI thread's queue with progress it cannot show.
            percent = done * 100 // max(total, 1)
            if percent != shown[0]:
                shown[0] = percent
                state.report(percent, 100)

        return make_backup(workspace.desk, user, target, progress,  # type: ignore[arg-type]
                           key=workspace.key)

    def done(made: Path) -> None:
        size = made.stat().st_size if made.exists() else 0
        log.info("backup made: %s (%d bytes)", made, size)
        QMessageBox.information(parent, translate("Backup", "Backup made"), translate(
            "Backup", "The desk was backed up to\n%1\n\nSize: %2")
            .replace("%1", str(made)).replace("%2", size_text(size)))
        if on_done is not None:
            on_done(made)

    def failed(error: Exception) -> None:
        if isinstance(error, BackupCancelled):
            QMessageBox.information(parent, translate("Backup", "Backup cancelled"), translate(
                "Backup", "The backup was cancelled; no file was written."))
        else:
            log.warning("backup to %s failed: %s", target, error)
            text = message(error) if isinstance(error, DomainError) else translate(
                "Backup", "The backup could not be made: %1").replace("%1", str(error))
            QMessageBox.warning(parent, translate("Backup", "Backup failed"), text)
        if on_done is not None:
            on_done(None)

    BackgroundOp(parent, work, pool_name=BACKUP_POOL).success(done).failure(failed) \
        .with_progress(translate("Backup", "Backing up the desk…"), cancellable=True).run()
    return True


class RestoreDialog(QDialog):
    """Choose a backup, see what it holds, confirm; `on_confirmed(path)` does the restore."""

    def __init__(self, workspace: Workspace, on_confirmed: Callable[[Path], None],
                 parent: QWidget | None = None, path: Path | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.on_confirmed = on_confirmed
        self.manifest: Manifest | None = None
        self.checked_path: Path | None = None
        self.recovery: bytes | None = None  # for a backup of another desk
        self._generation = 0  # answers of checks that were overtaken are ignored
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from a backup"))

        intro = QLabel(self.tr("Choose a backup file. It is checked first; nothing changes "
                               "until you confirm."))
        intro.setWordWrap(True)
        self.file = QLineEdit(objectName="backupFile")
        self.file.setMinimumWidth(460)
        self.file.setPlaceholderText(self.tr("No file chosen"))
        self.file.returnPressed.connect(lambda: self.check(Path(self.file.text().strip())))
        self.browse = QPushButton(self.tr("&Choose…"), objectName="chooseBackup")
        self.browse.setAutoDefault(False)  # Enter in the file field checks that file
        self.browse.clicked.connect(self.choose)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.browse)

        self.state = QLabel(objectName="restoreState")
        self.state.setWordWrap(True)
        self.error = QLabel(objectName="restoreError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.hide()

        self.contents = QGroupBox(self.tr("What the backup holds"), objectName="backupContents")
        self.desk_label = QLabel(objectName="backupDesk")
        self.created_label = QLabel(objectName="backupCreated")
        self.version_label = QLabel(objectName="backupVersion")
        self.size_label = QLabel(objectName="backupSize")
        self.attachments_label = QLabel(objectName="backupAttachments")
        form = QFormLayout(self.contents)
        for text, value in ((self.tr("Desk"), self.desk_label),
                            (self.tr("Made on"), self.created_label),
                            (self.tr("Made by version"), self.version_label),
                            (self.tr("Size"), self.size_label),
                            (self.tr("Attachments"), self.attachments_label)):
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(text, value)
        self.contents.hide()

        self.other_desk = QLabel(objectName="otherDeskWarning")
        self.other_desk.setWordWrap(True)
        self.other_desk.setStyleSheet(ERROR_STYLE + " font-weight: bold;")
        self.other_desk.hide()
        self.warning = QLabel(objectName="restoreWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet(WARNING_STYLE)
        self.warning.hide()
        self.confirm = QCheckBox(self.tr("I understand that the desk's current data will be "
                                         "replaced by this backup."), objectName="confirmRestore")
        self.confirm.setEnabled(False)
        self.confirm.toggled.connect(self._update_buttons)

        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(self.tr("&Restore"),
                                                     QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.setDefault(True)  # and does nothing until confirmed
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelButton")
        cancel.setAutoDefault(False)
        self.buttons.accepted.connect(self.confirmed)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.state)
        layout.addWidget(self.error)
        layout.addWidget(self.contents)
        layout.addWidget(self.other_desk)
        layout.addWidget(self.warning)
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        # The window grows as the backup's contents and the warning appear.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        if path is not None:
            self.check(Path(path))

    # Choosing and checking ----------------------------------------------------------------
    def choose(self) -> None:
        folder = self.workspace.paths.backups
        start = str(folder if folder.is_dir() else Path.home())
        every_file = self.tr("All files (*)")  # its own statement: lupdate skips `"…" + tr()`
        chosen, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup"), start, f"{_file_filter()};;{every_file}")
        if chosen:
            self.check(Path(chosen))

    def check(self, path: Path) -> None:
        """Check the file in the background; show what it holds, or why it cannot be used."""
        self._generation += 1
        generation = self._generation
        self.manifest, self.checked_path = None, None
        self.file.setText(str(path))
        self._show_error("")
        self.contents.hide()
        self.other_desk.hide()
        self.warning.hide()
        self.confirm.setChecked(False)
        self.confirm.setEnabled(False)
        self.browse.setEnabled(False)
        self.state.setText(self.tr("Checking the backup…"))
        self._update_buttons()
        workdir = self.workspace.paths.data

        def done(manifest: Manifest) -> None:
            if generation == self._generation:
                self._show_manifest(path, manifest)

        def failed(error: Exception) -> None:
            if generation != self._generation:
                return
            if isinstance(error, NeedsRecoveryKey) and self._ask_recovery(message(error)):
                self.check(path)
                return
            if isinstance(error, DomainError):
                text = message(error)
            else:
                log.warning("checking the backup %s failed: %s", path, error)
                text = self.tr("The file could not be checked: %1").replace("%1", str(error))
            self._show_error(text)

        key, recovery = self.workspace.key, self.recovery
        BackgroundOp(self, lambda _s: check_backup(path, workdir if workdir.is_dir() else None,
                                                   key=key, recovery=recovery),
                     pool_name=BACKUP_POOL).success(done).failure(failed) \
            .with_progress(self.tr("Checking the backup…")).run()

    def _ask_recovery(self, explanation: str) -> bool:
        from .recovery import RecoveryKeyPrompt

        prompt = RecoveryKeyPrompt(explanation, self)
        if self.recovery is not None:
            prompt.show_error(self.tr("That recovery key is not the one of this backup."))
        if prompt.exec() != QDialog.DialogCode.Accepted or prompt.key is None:
            return False
        if prompt.key == self.recovery:
            return False
        self.recovery = prompt.key
        return True

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))
        if text:
            self.state.setText("")
            self.browse.setEnabled(True)
            self._fit()

    def _show_manifest(self, path: Path, manifest: Manifest) -> None:
        self.manifest, self.checked_path = manifest, path
        self.browse.setEnabled(True)
        self.state.setText(self.tr("The backup is whole and can be restored."))
        name = manifest.desk_name or self.tr("(no name)")
        code = manifest.desk_code or "—"
        self.desk_label.setText(self.tr("%1 (%2)").replace("%1", name).replace("%2", code))
        self.created_label.setText(local_time(manifest.created))
        self.version_label.setText(manifest.app_version)
        try:
            on_disk = path.stat().st_size
        except OSError:
            on_disk = manifest.total_size
        self.size_label.setText(self.tr("%1 (database %2)").replace("%1", size_text(on_disk))
                                .replace("%2", size_text(manifest.database_size)))
        self.attachments_label.setText(str(manifest.attachment_count))
        self.contents.show()
        desk = self.workspace.desk
        if desk is not None and manifest.desk_code and manifest.desk_code != desk.code:
            self.other_desk.setText(self.tr(
                "This backup is of another desk (%1), not of this one (%2). Restoring it makes "
                "this computer that desk.").replace("%1", manifest.desk_code)
                .replace("%2", desk.code))
            self.other_desk.show()
        self.warning.setText(self.tr(
            "Restoring replaces all of this desk's current data — cases, accounts and "
            "attachments — with the backup's, as it was on %1. Anything recorded since then "
            "and not yet sent to the centre will no longer be in the desk. The current data "
            "is not deleted: it is moved to a folder named “restore-undo-…” in %2. The desk "
            "closes its database while restoring.")
            .replace("%1", local_time(manifest.created)).replace("%2", str(self.workspace.paths.data)))
        self.warning.show()
        self.confirm.setEnabled(True)
        self._update_buttons()
        self._fit()

    def _fit(self) -> None:
        """Grow to show what appeared (word-wrapped labels are not counted by the minimum)."""
        layout = self.layout()
        layout.activate()
        width = max(self.width(), layout.minimumSize().width())
        height = (layout.totalHeightForWidth(width) if layout.hasHeightForWidth()
                  else layout.sizeHint().height())
        if height > self.height() or width > self.width():
            self.resize(width, max(height, self.height()))

    def _update_buttons(self, _checked: bool = False) -> None:
        self.restore_button.setEnabled(self.manifest is not None and self.confirm.isChecked())

    # Finishing ----------------------------------------------------------------------------
    def confirmed(self) -> None:
        if self.manifest is None or self.checked_path is None or not self.confirm.isChecked():
            return
        path = self.checked_path
        if self.recovery is not None:
            _RECOVERY[str(path)] = self.recovery
        self.accept()
        self.on_confirmed(path)

    def done(self, result: int) -> None:
        self._generation += 1  # a check still running answers to nobody
        super().done(result)


def build_info() -> dict[str, str]:
    """resources/build_info.json as written by the release build; {} in a development tree."""
    path = resources_dir() / "build_info.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("cannot read %s: %s", path, error)
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str | int | float)}


class AboutDialog(QDialog):
    """Name, version, build, and the folders of data, logs, backups and settings."""

    def __init__(self, paths: Paths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Community Desk"))
        self.setMinimumWidth(560)
        title = QLabel("社区诉求工作台", objectName="aboutTitle")
        title.setStyleSheet("font-size: 20px; font-weight: bold;")
        subtitle = QLabel("Community Desk", objectName="aboutSubtitle")
        subtitle.setStyleSheet("font-size: 14px;")
        info = build_info()
        built = info.get("build_date") or info.get("date")
        if built and info.get("commit"):
            built = f"{built} ({info['commit'][:12]})"
        self.version = QLabel(self.tr("Version %1").replace("%1", __version__),
                              objectName="aboutVersion")
        self.build = QLabel(self.tr("Built %1").replace("%1", built) if built
                            else self.tr("development build"), objectName="aboutBuild")
        for label in (self.version, self.build):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        folders = QGroupBox(self.tr("Where this desk keeps its files"))
        grid = QGridLayout(folders)
        self.folder_labels: dict[str, QLabel] = {}
        self.open_buttons: dict[str, QPushButton] = {}
        rows = (("data", self.tr("Data"), paths.data),
                ("logs", self.tr("Logs"), paths.logs),
                ("backups", self.tr("Backups"), paths.backups),
                ("settings", self.tr("Settings"), paths.settings.parent))
        for row, (key, text, folder) in enumerate(rows):
            name = QLabel(text)
            where = QLabel(str(folder), objectName=f"{key}Folder")
            where.setTextFormat(Qt.TextFormat.PlainText)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            where.setWordWrap(True)
            button = QPushButton(self.tr("Open folder"), objectName=f"open_{key}")
            button.clicked.connect(lambda _c=False, f=folder: self.open_folder(f))
            grid.addWidget(name, row, 0)
            grid.addWidget(where, row, 1)
            grid.addWidget(button, row, 2)
            self.folder_labels[key] = where
            self.open_buttons[key] = button
        grid.setColumnStretch(1, 1)

        buttons = QDialogButtonBox()
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(6)
        layout.addWidget(self.version)
        layout.addWidget(self.build)
        layout.addSpacing(6)
        layout.addWidget(folders)
        layout.addWidget(buttons)

    def open_folder(self, folder: Path) -> None:
        try:
            folder.mkdir(parents=True, exist_ok=True)  # backups/ exists only after a backup
        except OSError as error:
            QMessageBox.warning(self, self.tr("Cannot open the folder"), str(error))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(self, self.tr("Cannot open the folder"), self.tr(
                "This computer has no program to show folders. The folder is:\n%1")
                .replace("%1", str(folder)))
