"""Layout of the intake form (受理登记): fields in the order a worker asks, errors under each."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .category_picker import CategoryPicker


def error_label(name: str) -> QLabel:
    error = QLabel(objectName=f"{name}Error")
    error.setStyleSheet("color: #b00020; font-size: 12px;")
    error.setTextFormat(Qt.TextFormat.PlainText)
    error.setWordWrap(True)
    error.hide()
    return error


class IntakeView(QWidget):
    """Widgets and layout only; IntakeForm adds the behaviour."""

    FIELDS = ("channel", "kind", "urgency", "name", "phone", "id_number", "community", "grid",
              "address", "description", "category", "answer")

    def __init__(self, picker: CategoryPicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = QComboBox(objectName="channel")
        self.kind = QComboBox(objectName="kind")
        self.urgency = QComboBox(objectName="urgency")
        self.name = QLineEdit(objectName="name")
        self.name.setMaxLength(50)
        self.anonymous = QCheckBox(self.tr("&Anonymous"), objectName="anonymous")
        self.anonymous.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # Alt+A; not a Tab stop
        self.phone = QLineEdit(objectName="phone")
        self.phone.setPlaceholderText(self.tr("Mobile or landline, e.g. 13812345678 or 0755-12345678"))
        self.id_number = QLineEdit(objectName="id_number")
        self.id_number.setPlaceholderText(self.tr("Optional, 18 characters"))
        self.id_number.setMaxLength(22)
        self.community = QComboBox(objectName="community")
        self.grid = QComboBox(objectName="grid")
        self.address = QLineEdit(objectName="address")
        self.address.setMaxLength(200)
        self.description = QPlainTextEdit(objectName="description")
        self.description.setTabChangesFocus(True)
        self.description.setPlaceholderText(self.tr("What the resident says, in their words"))
        self.description.setMinimumHeight(110)
        self.category = picker
        self.category.setObjectName("category")
        self.suggestion = QPushButton(objectName="suggestion")
        self.suggestion.setFlat(True)
        self.suggestion.setStyleSheet("text-align: left; color: #1a5fb4;")
        self.suggestion.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.suggestion.hide()
        self.routing = QLabel(objectName="routing")
        self.routing.setTextFormat(Qt.TextFormat.PlainText)
        self.routing.setWordWrap(True)
        self.routing.setStyleSheet("color: #333; background: #f1f5fb; padding: 6px;")
        self.settle = QCheckBox(self.tr("Settled on the spot (answered at the window)"),
                                objectName="settle")
        self.answer = QPlainTextEdit(objectName="answer")
        self.answer.setTabChangesFocus(True)
        self.answer.setPlaceholderText(self.tr("The answer given to the resident"))
        self.answer.setMaximumHeight(70)
        self.answer.hide()
        self.save = QPushButton(self.tr("Save and print receipt (Ctrl+S)"), objectName="save")
        self.save.setDefault(True)
        self.clear = QPushButton(self.tr("Clear"), objectName="clear")
        self.errors = {name: error_label(name) for name in self.FIELDS}
        for name in ("phone", "id_number"):
            # Checked as the worker leaves the field: keep the line's room, so that the
            # message coming and going never makes the form below it jump.
            self.errors[name].setWordWrap(False)
            font = QFont(self.errors[name].font())
            font.setPixelSize(12)  # as its style sheet says; an empty label would be shorter
            self.errors[name].setFixedHeight(QFontMetrics(font).lineSpacing() + 2)
            policy = self.errors[name].sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.errors[name].setSizePolicy(policy)

        self.duplicates_box = QGroupBox(self.tr("Possible duplicates"), objectName="duplicates")
        self.duplicates = QListWidget(objectName="duplicateList")
        self.link = QPushButton(self.tr("Count it on the selected case instead"),
                                objectName="linkDuplicate")
        box = QVBoxLayout(self.duplicates_box)
        hint = QLabel(self.tr("Open cases with the same phone, or the same category in this "
                              "community, in the last 30 days."))
        hint.setWordWrap(True)
        self.no_duplicates = QLabel(self.tr("None found so far. They are looked for as you "
                                            "type the phone and choose the category."))
        self.no_duplicates.setWordWrap(True)
        self.no_duplicates.setStyleSheet("color: #666;")
        box.addWidget(hint)
        box.addWidget(self.no_duplicates)
        box.addWidget(self.duplicates)
        box.addWidget(self.link)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        row = QHBoxLayout()
        for widget in (self.channel, self.kind, self.urgency):
            row.addWidget(widget)
        form.addRow(self.tr("Channel / kind / urgency"), row)
        person = QHBoxLayout()
        person.addWidget(self.name, 1)
        person.addWidget(self.anonymous)
        self._add(form, self.tr("Resident's name"), person, "name")
        self._add(form, self.tr("Phone"), self.phone, "phone")
        self._add(form, self.tr("ID number"), self.id_number, "id_number")
        place = QHBoxLayout()
        place.addWidget(self.community, 1)
        place.addWidget(self.grid, 1)
        self._add(form, self.tr("Community / grid"), place, "community", "grid")
        self._add(form, self.tr("Address"), self.address, "address")
        self._add(form, self.tr("Request"), self.description, "description")
        self._add(form, self.tr("Category"), self.category, "category")
        form.addRow("", self.suggestion)
        form.addRow("", self.routing)
        form.addRow("", self.settle)
        self._add(form, "", self.answer, "answer")

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.clear)
        buttons.addWidget(self.save)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        left.addLayout(buttons)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.VLine)
        right = QVBoxLayout()
        right.addWidget(self.duplicates_box)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addWidget(line)
        layout.addLayout(right, 2)

    def _add(self, form: QFormLayout, text: str, field: QWidget | QHBoxLayout,
             *names: str) -> None:
        column = QVBoxLayout()
        column.setSpacing(1)
        if isinstance(field, QHBoxLayout):
            column.addLayout(field)
        else:
            column.addWidget(field)
        for name in names:
            column.addWidget(self.errors[name])
        form.addRow(text, column)
