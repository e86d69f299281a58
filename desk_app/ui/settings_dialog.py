"""Preferences: language, auto-lock (1 to 30 minutes: an idle desk always locks), sync
interval; and the desk's own settings printed on the receipt (its telephone number, the
centre's public address for residents), which only an administrator may change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import may
from desk_app.domain.text import DomainError
from desk_app.settings import Settings
from desk_app.store.desk import Desk
from desk_app.store.desk_contact import read_desk_contact, save_desk_contact
from desk_app.store.users import User

from .i18n import LANGUAGES, message

MAX_AUTO_LOCK = 30  # minutes (等保 2.0: an idle session is locked); also in app.auto_lock_minutes


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None, *,
                 desk: Desk | None = None, user: User | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
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
        self.desk_phone = QLineEdit(objectName="deskPhone")
        self.desk_phone.setPlaceholderText(self.tr("Printed on the receipt, e.g. 0755-25551234"))
        self.public_url = QLineEdit(objectName="publicUrl")
        self.public_url.setPlaceholderText(self.tr("e.g. https://centre.example.cn (blank: no QR code)"))
        self.contact_error = QLabel(objectName="contactError")
        self.contact_error.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_error.setWordWrap(True)
        self.contact_error.setStyleSheet("color: #b00020;")
        self.contact_error.hide()
        if desk is not None:
            contact = read_desk_contact(desk.db)
            self.desk_phone.setText(contact.phone)
            self.public_url.setText(contact.public_url)
            editable = user is not None and may(user.role, "settings")
            for field in (self.desk_phone, self.public_url):
                field.setReadOnly(not editable)
                if not editable:
                    field.setToolTip(self.tr("Only an administrator may change this."))
            form.addRow(self.tr("Desk telephone"), self.desk_phone)
            form.addRow(self.tr("Centre's address for residents"), self.public_url)
            form.addRow("", self.contact_error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save_and_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def save_and_accept(self) -> None:
        """The desk's settings are checked and stored first; a bad value keeps the dialog open
        with the reason under the fields, and nothing is stored."""
        if self.desk is not None and self.user is not None and not self.desk_phone.isReadOnly():
            try:
                save_desk_contact(self.desk, self.user, self.desk_phone.text(),
                                  self.public_url.text())
            except DomainError as error:
                self.contact_error.setText(message(error))
                self.contact_error.show()
                return
        self.accept()

    def apply_to(self, settings: Settings) -> Settings:
        settings.language = self.language.currentData()
        settings.auto_lock_minutes = self.auto_lock.value()
        settings.sync_interval_minutes = self.sync_interval.value()
        settings.evaluate_within_days = self.evaluate_days.value()
        settings.notify_from_hour = self.notify_from.value()
        settings.notify_until_hour = max(self.notify_from.value(), self.notify_until.value())
        return settings
