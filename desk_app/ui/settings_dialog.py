"""Preferences: language, auto-lock, sync interval."""

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


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.language = QComboBox(objectName="language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.auto_lock = QSpinBox(objectName="autoLock")
        self.auto_lock.setRange(0, 240)
        self.auto_lock.setSuffix(self.tr(" min"))
        self.auto_lock.setSpecialValueText(self.tr("never"))
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.sync_interval = QSpinBox(objectName="syncInterval")
        self.sync_interval.setRange(1, 720)
        self.sync_interval.setSuffix(self.tr(" min"))
        self.sync_interval.setValue(settings.sync_interval_minutes)
        # Follow-through (issue 10): how long a resolved case may wait for its call-back, and
        # the working hours in which the watch list may pop up a notification.
        self.evaluate_days = QSpinBox(objectName="evaluateDays")
        self.evaluate_days.setRange(1, 30)
        self.evaluate_days.setSuffix(self.tr(" days"))
        self.evaluate_days.setValue(settings.evaluate_within_days)
        self.notify_from = QSpinBox(objectName="notifyFrom")
        self.notify_until = QSpinBox(objectName="notifyUntil")
        for box, value in ((self.notify_from, settings.notify_from_hour),
                           (self.notify_until, settings.notify_until_hour)):
            box.setRange(0, 24)
            box.setSuffix(self.tr(":00"))
            box.setValue(value)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Lock the desk when idle for"), self.auto_lock)
        form.addRow(self.tr("Sync with the centre every"), self.sync_interval)
        form.addRow(self.tr("Warn when not evaluated after"), self.evaluate_days)
        form.addRow(self.tr("Notify from"), self.notify_from)
        form.addRow(self.tr("Notify until"), self.notify_until)
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
        settings.evaluate_within_days = self.evaluate_days.value()
        settings.notify_from_hour = self.notify_from.value()
        settings.notify_until_hour = max(self.notify_from.value(), self.notify_until.value())
        return settings
