"""Dialogs of the council-meeting screen: calling a meeting, a resolution, progress, closing
a resolution, passing one up, and turning a finding into a case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.text import DomainError
from desk_app.domain.vocabulary import LEVEL_ORDER, LEVELS
from desk_app.store.desk import Desk

from .formatting import desk_now, desk_today
from .i18n import label, message


class FormDialog(QDialog):
    """A titled form whose OK runs `accept_with(values)`; a refusal stays at the form."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(480)
        self.form = QFormLayout()
        self.error = QLabel(objectName="formError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.accept_with: Callable[[], Any] = lambda: None
        self.result_value: Any = None

    def _ok(self) -> None:
        try:
            self.result_value = self.accept_with()
        except DomainError as error:
            self.error.setText(message(error))
            return
        self.accept()


def departments_list(desk: Desk, checked: set[str]) -> QListWidget:
    widget = QListWidget(objectName="departments")
    for dept in desk.catalogue.departments.values():
        item = QListWidgetItem(dept.name_zh)
        item.setData(Qt.ItemDataRole.UserRole, dept.code)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if dept.code in checked else Qt.CheckState.Unchecked)
        widget.addItem(item)
    widget.setMinimumHeight(160)
    return widget


def checked_codes(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


class CallMeetingDialog(FormDialog):
    """Blow the whistle (吹哨): the topic, when and where, who convenes, who must attend."""

    def __init__(self, desk: Desk, title: str, departments: set[str], level: str = "community",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Call a council meeting"), parent)
        self.level = QComboBox(objectName="level")
        for key in LEVEL_ORDER:
            self.level.addItem(label(LEVELS, key), key)
        self.level.setCurrentIndex(self.level.findData(level))
        self.title = QLineEdit(title, objectName="title")
        soon = desk_now() + timedelta(days=3)  # the desk's clock face, not the computer's zone
        self.when = QDateTimeEdit(QDateTime(QDate(soon.date()), QTime(soon.hour, soon.minute)),
                                  objectName="when")
        self.when.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.when.setCalendarPopup(True)
        self.place = QLineEdit(objectName="place")
        self.convener = QLineEdit(objectName="convener")
        self.departments = departments_list(desk, departments)
        self.agenda = QPlainTextEdit(objectName="agenda")
        self.agenda.setMaximumHeight(80)
        for caption, widget in ((self.tr("Level"), self.level), (self.tr("Topic"), self.title),
                                (self.tr("When"), self.when), (self.tr("Where"), self.place),
                                (self.tr("Convener"), self.convener),
                                (self.tr("Departments summoned"), self.departments),
                                (self.tr("Agenda"), self.agenda)):
            self.form.addRow(caption, widget)

    def values(self) -> dict[str, Any]:
        return {"level": self.level.currentData(), "title": self.title.text(),
                "scheduled_at": self.when.dateTime().toString("yyyy-MM-dd HH:mm"),
                "place": self.place.text(), "convener": self.convener.text(),
                "departments": checked_codes(self.departments),
                "agenda": self.agenda.toPlainText()}


class ResolutionDialog(FormDialog):
    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Agree a resolution"), parent)
        self.text = QPlainTextEdit(objectName="resolutionText")
        self.text.setMaximumHeight(80)
        self.owner = QComboBox(objectName="owner")
        self.owner.setEditable(True)
        self.owner.addItem("")
        for dept in desk.catalogue.departments.values():
            self.owner.addItem(dept.name_zh)
        self.due = QDateEdit(QDate(desk_today()).addDays(14), objectName="due")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.form.addRow(self.tr("What was agreed"), self.text)
        self.form.addRow(self.tr("Owner (department or person)"), self.owner)
        self.form.addRow(self.tr("Due by"), self.due)

    def values(self) -> tuple[str, str, date]:
        return self.text.toPlainText(), self.owner.currentText(), self.due.date().toPython()


class ProgressDialog(FormDialog):
    def __init__(self, current: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Record progress"), parent)
        self.percent = QSpinBox(objectName="percent")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(current)
        self.note = QPlainTextEdit(objectName="progressNote")
        self.note.setMaximumHeight(80)
        self.form.addRow(self.tr("Progress"), self.percent)
        self.form.addRow(self.tr("What was done"), self.note)


class CloseResolutionDialog(FormDialog):
    def __init__(self, case_count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Resolution done"), parent)
        self.answer = QPlainTextEdit(objectName="answer")
        self.answer.setMaximumHeight(90)
        self.resolve_cases = QCheckBox(
            self.tr("Also resolve the meeting's %n open case(s) with this answer", "", case_count),
            objectName="resolveCases")
        self.resolve_cases.setChecked(case_count > 0)
        self.resolve_cases.setEnabled(case_count > 0)
        self.form.addRow(self.tr("Result"), self.answer)
        self.form.addRow("", self.resolve_cases)
