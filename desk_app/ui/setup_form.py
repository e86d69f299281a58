"""What the set-up wizard's pages share: the red error line under a field, the base page with
its form and its `retranslate` on a language change, and showing a page's problems at once.

Kept apart from the pages themselves (setup_pages.py) so that neither module grows past the
project's size limit; nothing here knows about any particular page or writes anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget, QWizardPage

if TYPE_CHECKING:
    from .setup_wizard import SetupWizard

ERROR_STYLE = "color: #b00020;"
HINT_STYLE = "color: #5f6368;"


class FieldError(QLabel):
    """The red line under a field that says what is wrong with it; takes no room when empty."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName=object_name)
        self.setStyleSheet(ERROR_STYLE)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.show_error("")


def _with_error(field: QWidget, error: FieldError) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(error)
    return box


class _Page(QWizardPage):
    """A page whose texts are set in `retranslate`, again whenever the language changes."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.setup = wizard
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self.labels: dict[str, QLabel] = {}

    def add_row(self, key: str, field: QWidget, error: FieldError | None = None) -> None:
        label = QLabel()
        label.setBuddy(field)
        self.labels[key] = label
        self.form.addRow(label, _with_error(field, error) if error is not None else field)

    def retranslate(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def refresh_complete(self) -> None:
        """Tell the wizard to look again at whether Next/Finish may be pressed."""
        self.completeChanged.emit()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _report(problems: list[tuple[FieldError, QWidget, str]],
            errors: tuple[FieldError, ...]) -> bool:
    """Show each problem under its field, clear the others, and put the cursor on the first."""
    for error in errors:
        error.clear_error()
    for error, _field, text in problems:
        error.show_error(text)
    if problems:
        problems[0][1].setFocus()
    return not problems
