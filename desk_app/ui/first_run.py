"""First run of a real (non-demo) desk: the desk's name, code and community, and the admin."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.text import DomainError
from desk_app.store.desk import setup_desk
from desk_app.store.users import check_password_strength, create_first_admin
from desk_app.workspace import Workspace

from .i18n import message


class FirstRunDialog(QDialog):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(self.tr("Set up this desk"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("This desk has no data yet. Name it, choose its community or "
                               "street, and create the administrator's account."))
        intro.setWordWrap(True)
        self.desk_name = QLineEdit(objectName="deskName")
        self.desk_code = QLineEdit(objectName="deskCode")
        self.desk_code.setPlaceholderText("YT-HS-01")
        self.org = QComboBox(objectName="deskOrg")
        for unit in workspace.catalogue.orgs.values():
            if unit.level in ("street", "community"):
                indent = "    " if unit.level == "community" else ""
                self.org.addItem(indent + unit.name_zh, unit.code)
        self.admin_name = QLineEdit(objectName="adminName")
        self.admin_user = QLineEdit("admin", objectName="adminUser")
        self.password = QLineEdit(objectName="adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel(objectName="setupError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Desk name"), self.desk_name)
        form.addRow(self.tr("Desk code"), self.desk_code)
        form.addRow(self.tr("Community or street"), self.org)
        form.addRow(self.tr("Administrator's name"), self.admin_name)
        form.addRow(self.tr("Administrator's user name"), self.admin_user)
        form.addRow(self.tr("Password (8+ characters)"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def create(self) -> None:
        try:
            check_password_strength(self.password.text())
            if not self.admin_name.text().strip():
                raise DomainError(self.tr("Enter the administrator's name."))
            setup_desk(self.workspace.db, self.desk_code.text().strip().upper(),
                       self.desk_name.text(), self.org.currentData(), self.workspace.catalogue)
            create_first_admin(self.workspace.db, self.admin_user.text(), self.admin_name.text(),
                               self.password.text())
        except DomainError as error:
            self.error.setText(message(error))
            return
        self.workspace.attach_desk()
        self.accept()
