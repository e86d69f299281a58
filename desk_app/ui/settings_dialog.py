"""Preferences: language, auto-lock (1 to 30 minutes: an idle desk always locks), sync interval."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.settings import Settings

from .i18n import LANGUAGES

MAX_AUTO_LOCK = 30  # minutes (等保 2.0: an idle session is locked); also in app.auto_lock_minutes


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.auto_lock = QSpinBox(objectName="autoLock")
        self.auto_lock.setRange(1, MAX_AUTO_LOCK)
        self.auto_lock.setSuffix(self.tr(" min"))
        minutes = settings.auto_lock_minutes
        self.auto_lock.setValue(MAX_AUTO_LOCK if minutes <= 0 else min(minutes, MAX_AUTO_LOCK))
        self.sync_interval = QSpinBox(objectName="syncInterval")
        self.sync_interval.setRange(1, 720)
        self.sync_interval.setSuffix(self.tr(" min"))
        self.sync_interval.setValue(settings.sync_interval_minutes)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock the desk when idle for"), self.auto_lock)
        form.addRow(self.tr("Sync with the centre every"), self.sync_interval)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def apply_to(self, settings: Settings) -> Settings:
        settings.language = self.language.currentData()
        settings.auto_lock_minutes = self.auto_lock.value()
        settings.sync_interval_minutes = self.sync_interval.value()
        return settings
