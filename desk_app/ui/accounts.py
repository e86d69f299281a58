"""Accounts on screen: the administrator's list (add, disable or enable, set the role, reset a
password), and changing one's own password (also forced at sign-in after a reset).

Every change goes through the store (`desk_app.store.users`), which checks the acting user and
the rules again (the last administrator stays, nobody disables themselves, the password rule);
its messages are shown as they are. Nothing here writes SQL.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import ROLES
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.store.desk import Desk
from desk_app.store.users import (
    MIN_PASSWORD,
    AccountError,
    User,
    add_user,
    change_password,
    check_password_strength,
    list_users,
    reset_password,
    set_active,
    set_role,
)

from .i18n import message, translate

ERROR_STYLE = "color: #b00020;"


def _error_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setStyleSheet(ERROR_STYLE)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.hide()
    return label


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _role_box(current: str = "window") -> QComboBox:
    box = QComboBox(objectName="role")
    for code, text in ROLES.items():
        box.addItem(translate("vocabulary", text), code)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class _Form(QDialog):
    """A small form with an error line and OK/Cancel; `attempt` does the work or raises."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(380)
        self.form = QFormLayout()
        self.error = _error_label("formError")
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet("color: #5f6368;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            translate("AccountsDialog", "OK"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            translate("AccountsDialog", "Cancel"))
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def attempt(self) -> None:  # pragma: no cover - every form overrides it
        raise NotImplementedError

    def _ok(self) -> None:
        try:
            self.attempt()
        except DomainError as error:
            self.error.setText(message(error))
            self.error.show()
            return
        self.accept()


def _password_hint() -> str:
    return translate("AccountsDialog", "At least %1 characters, not only digits.").replace(
        "%1", str(MIN_PASSWORD))


class ChangePasswordDialog(_Form):
    """One's own password; `forced` after an administrator reset it (no Cancel then)."""

    def __init__(self, desk: Desk, user: User, forced: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("ChangePasswordDialog", "Change your password"), parent)
        self.setObjectName("changePasswordDialog")
        self.desk, self.user, self.forced = desk, user, forced
        self.changed: User | None = None
        self.current = _password_field("currentPassword")
        self.new = _password_field("newPassword")
        self.again = _password_field("newPasswordAgain")
        self.form.addRow(self.tr("Current password"), self.current)
        self.form.addRow(self.tr("New password"), self.new)
        self.form.addRow(self.tr("New password again"), self.again)
        text = _password_hint()
        if forced:
            text = self.tr("Your password was reset by an administrator: choose your own "
                           "before you continue.") + "\n" + text
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        self.hint.setText(text)

    def attempt(self) -> None:
        if self.new.text() != self.again.text():
            check_password_strength(self.new.text())
            raise AccountError(_t("domain", "The two new passwords are not the same."),
                               field="again")
        self.changed = change_password(self.desk, self.user, self.current.text(), self.new.text())


class AddUserDialog(_Form):
    def __init__(self, desk: Desk, admin: User, parent: QWidget | None = None) -> None:
        super().__init__(translate("AddUserDialog", "Add an account"), parent)
        self.setObjectName("addUserDialog")
        self.desk, self.admin = desk, admin
        self.added: User | None = None
        self.name = QLineEdit(objectName="displayName")
        self.username = QLineEdit(objectName="username")
        self.role = _role_box()
        self.password = _password_field("password")
        self.form.addRow(self.tr("Full name"), self.name)
        self.form.addRow(self.tr("User name"), self.username)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("First password"), self.password)
        self.hint.setText(_password_hint() + "\n" + self.tr(
            "Give the password to the person; they choose their own at their first sign-in."))

    def attempt(self) -> None:
        self.added = add_user(self.desk, self.admin, self.username.text(), self.name.text(),
                              self.role.currentData(), self.password.text())


class ResetPasswordDialog(_Form):
    def __init__(self, desk: Desk, admin: User, target: User,
                 parent: QWidget | None = None) -> None:
        super().__init__(translate("ResetPasswordDialog", "Reset a password"), parent)
        self.setObjectName("resetPasswordDialog")
        self.desk, self.admin, self.target = desk, admin, target
        who = QLabel(f"{target.display_name} ({target.username})")
        who.setTextFormat(Qt.TextFormat.PlainText)
        self.password = _password_field("temporaryPassword")
        self.form.addRow(self.tr("Account"), who)
        self.form.addRow(self.tr("Temporary password"), self.password)
        self.hint.setText(_password_hint() + "\n" + self.tr(
            "The person must change it at their next sign-in. A locked account is unlocked."))

    def attempt(self) -> None:
        reset_password(self.desk, self.admin, self.target.id, self.password.text())


class AccountsDialog(QDialog):
    """The administrator's list of the desk's accounts."""

    def __init__(self, desk: Desk, admin: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.admin = desk, admin
        self.users: list[User] = []
        self.setObjectName("accountsDialog")
        self.setWindowTitle(self.tr("Accounts"))
        self.resize(640, 420)
        self.table = QTableWidget(0, 4, objectName="accounts")
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("User name"),
                                              self.tr("Role"), self.tr("State")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton(self.tr("&Add…"), objectName="addUser")
        self.add_button.clicked.connect(self.add)
        self.role = _role_box()
        self.role.setObjectName("setRole")
        self.role.activated.connect(self._role_chosen)
        self.active_button = QPushButton(objectName="toggleActive")
        self.active_button.clicked.connect(self.toggle_active)
        self.reset_button = QPushButton(self.tr("&Reset password…"), objectName="resetPassword")
        self.reset_button.clicked.connect(self.reset)
        self.error = _error_label("accountsError")
        actions = QHBoxLayout()
        actions.addWidget(self.add_button)
        actions.addWidget(self.role)
        actions.addWidget(self.active_button)
        actions.addWidget(self.reset_button)
        actions.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(actions)
        layout.addWidget(self.error)
        layout.addWidget(close)
        self.reload()

    def reload(self, select: str | None = None) -> None:
        self.users = list_users(self.desk.db, self.admin)
        self.table.setRowCount(len(self.users))
        for row, user in enumerate(self.users):
            state = self.tr("active") if user.active else self.tr("disabled")
            if user.must_change_password and user.active:
                state = self.tr("must change password")
            for column, text in enumerate((user.display_name, user.username,
                                           translate("vocabulary", ROLES.get(user.role, "")),
                                           state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if user.id == select:
                self.table.selectRow(row)
        self._update_buttons()

    def selected(self) -> User | None:
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        user = self.selected()
        for widget in (self.role, self.active_button, self.reset_button):
            widget.setEnabled(user is not None)
        self.active_button.setText(self.tr("&Enable") if user is not None and not user.active
                                   else self.tr("&Disable"))
        if user is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(user.role)))

    def _run(self, action: object, user: User) -> None:
        self.error.hide()
        try:
            action()  # type: ignore[operator]
        except DomainError as error:
            self.error.setText(message(error))
            self.error.show()
        self.reload(select=user.id)

    def add(self) -> None:
        dialog = AddUserDialog(self.desk, self.admin, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.added is not None:
            self.reload(select=dialog.added.id)

    def _role_chosen(self, _index: int) -> None:
        user = self.selected()
        if user is not None and self.role.currentData() != user.role:
            self._run(lambda: set_role(self.desk, self.admin, user.id, self.role.currentData()),
                      user)

    def toggle_active(self) -> None:
        user = self.selected()
        if user is not None:
            self._run(lambda: set_active(self.desk, self.admin, user.id, not user.active), user)

    def reset(self) -> None:
        user = self.selected()
        if user is not None:
            ResetPasswordDialog(self.desk, self.admin, user, self).exec()
            self.reload(select=user.id)
