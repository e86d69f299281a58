"""The recovery key on screen: shown once (a page of the set-up wizard, or a dialog after an
upgrade encrypted an existing desk) for the administrator to print and keep; typed in when
this computer lost the database key, or to open a backup another desk made.

Once the administrator confirms it is written down or printed, the desk forgets it
(`KeyStore.recovery_shown`). Where the key could only go to a private file (no credential
store), the same screen says so once: the data is then only as safe as this user account.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.text import DomainError
from desk_app.keys import KeyStore, key_from_recovery

from .i18n import message, translate
from .setup_form import ERROR_STYLE, HINT_STYLE, _Page

if TYPE_CHECKING:
    from .setup_wizard import SetupWizard


def _key_label(recovery: str) -> QLabel:
    label = QLabel(recovery, objectName="recoveryKey")
    font = QFont("monospace")
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(16)
    font.setBold(True)
    label.setFont(font)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def print_recovery_key(parent: QWidget, desk_name: str, recovery: str) -> bool:
    """Print the key on one page with what it is for; False when the person cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    document = QTextDocument()
    document.setPlainText("\n\n".join([
        translate("RecoveryKey", "Community Desk — recovery key"), desk_name,
        recovery,
        translate("RecoveryKey", "This key opens the desk's database and every backup of it, "
                  "on any computer. Keep it locked away, apart from the computer; whoever "
                  "holds it can read the residents' data.")]))
    document.print_(printer)
    return True


def _notice_texts(keys: KeyStore | None) -> str:
    """Said once, with the recovery key: where the key had to go when no store works."""
    if keys is not None and keys.where == "file":
        return translate("RecoveryKey", "This computer has no credential store that Community "
                         "Desk can use, so the database key is kept in a file only your user "
                         "account can read. The residents' data is then only as safe as this "
                         "account: give it a strong password and do not share it.")
    return ""


class RecoveryPanel(QWidget):
    """The key, what it is for, Print, and the tick that it is kept: shared by the wizard's
    page and the dialog shown after an upgrade."""

    def __init__(self, recovery: str, desk_name: str, keys: KeyStore | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recovery, self.desk_name = recovery, desk_name
        self.intro = QLabel(wordWrap=True)
        self.key = _key_label(recovery)
        self.print_button = QPushButton(objectName="printRecoveryKey")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(
            lambda: print_recovery_key(self, self.desk_name, self.recovery))
        self.keys = keys
        self.notice = QLabel(wordWrap=True, objectName="keyFileNotice")
        self.notice.setStyleSheet(HINT_STYLE)
        self.kept = QCheckBox(objectName="recoveryKeyKept")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.intro, self.key, self.print_button, self.notice, self.kept):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(translate(
            "RecoveryKey", "This is the desk's recovery key. The residents' data is encrypted; "
            "if this computer is lost or its key is damaged, only this key opens the database "
            "and its backups on another computer. It is shown only now: print it or write it "
            "down, and keep it locked away from the computer."))
        self.print_button.setText(translate("RecoveryKey", "&Print the recovery key…"))
        notice = _notice_texts(self.keys)
        self.notice.setText(notice)
        self.notice.setVisible(bool(notice))
        self.kept.setText(translate("RecoveryKey", "I have printed or written down the "
                                    "recovery key and will keep it safe."))


class RecoveryPage(_Page):
    """The set-up wizard's page for the recovery key; Next only once it is ticked as kept."""

    def __init__(self, wizard: SetupWizard, recovery: str) -> None:
        super().__init__(wizard)
        desk_name = ""
        self.panel = RecoveryPanel(recovery, desk_name, wizard.workspace.keys)
        self.panel.kept.toggled.connect(lambda _on: self.refresh_complete())
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.retranslate()

    def initializePage(self) -> None:
        self.panel.desk_name = self.setup.desk_page.values()[0]

    def retranslate(self) -> None:
        self.setTitle(self.tr("The recovery key"))
        self.setSubTitle(self.tr("Keep it somewhere safe: it is the only way back to the data "
                                 "if the key on this computer is lost."))
        self.panel.retranslate()

    def isComplete(self) -> bool:
        return self.panel.kept.isChecked()

    def nextId(self) -> int:
        return self.setup.ENROL


class RecoveryKeyDialog(QDialog):
    """After an upgrade encrypted the desk: the same panel, once, for the administrator."""

    def __init__(self, recovery: str, desk_name: str, keys: KeyStore | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyDialog")
        self.setWindowTitle(self.tr("The desk's data is now encrypted"))
        self.panel = RecoveryPanel(recovery, desk_name, keys)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Done"))
        self.ok.setEnabled(False)
        self.panel.kept.toggled.connect(self.ok.setEnabled)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        layout.addWidget(buttons)

    def reject(self) -> None:  # not without the tick: Escape does not skip it
        if self.panel.kept.isChecked():
            super().reject()


class RecoveryKeyPrompt(QDialog):
    """Asks for a recovery key; `key` is the database key it stands for once accepted."""

    def __init__(self, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryKeyPrompt")
        self.key: bytes | None = None
        self.text = ""
        self.setWindowTitle(self.tr("Enter the recovery key"))
        self.setMinimumWidth(520)
        why = QLabel(explanation, wordWrap=True)
        why.setTextFormat(Qt.TextFormat.PlainText)
        self.field = QLineEdit(objectName="recoveryKeyField")
        self.field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.error = QLabel(objectName="recoveryKeyError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        self.field.textChanged.connect(lambda _t: self.error.hide())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.try_key)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (why, self.field, self.error, buttons):
            layout.addWidget(widget)

    def try_key(self) -> None:
        try:
            self.key = key_from_recovery(self.field.text())
        except DomainError as error:
            self.show_error(message(error))
            return
        self.text = self.field.text()
        self.accept()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.field.setFocus()
        self.field.selectAll()
