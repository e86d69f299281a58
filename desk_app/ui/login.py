"""Sign-in, also used to unlock the desk after it locked itself when idle, and to switch to
another person at the lock screen (切换用户: the next worker at the window signs in without the
first one's work being lost or shown)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import ROLES, may
from desk_app.store.database import Database
from desk_app.store.desk import Desk
from desk_app.store.signin import AccountError, authenticate
from desk_app.store.user_record import User

from .i18n import label, message, translate
from .tasks import BackgroundOp


def demo_accounts_text() -> str:
    """Every demo account with its role and what only it may do, so nobody hunts for admin."""
    from desk_app.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD

    lines = [translate("LoginDialog", "Demo workspace, password %1 for every account:")
             .replace("%1", DEMO_PASSWORD)]
    for username, _name, role in DEMO_ACCOUNTS:
        line = f"  {username} — {label(ROLES, role)}"
        if may(role, "settings"):
            line += translate("LoginDialog", " (enrols the desk with the centre, users, settings)")
        lines.append(line)
    return "\n".join(lines)


class LoginDialog(QDialog):
    def __init__(self, db: Database, desk_name: str, username: str = "",
                 locked: bool = False, parent: QWidget | None = None, demo: bool = False,
                 idle: bool = True, desk: Desk | None = None) -> None:
        """`locked`: unlocking a locked desk; `idle`: it locked itself when idle (else the
        worker locked it, Ctrl+L, and is not told it was idle); `desk`: where wrong passwords
        and lockouts are recorded in the access audit."""
        super().__init__(parent)
        self.db, self.desk = db, desk
        self.user: User | None = None
        self.setWindowTitle(self.tr("Community Desk — sign in"))
        self.setMinimumWidth(360)
        heading = QLabel(desk_name)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setStyleSheet("font-size: 16px; font-weight: bold;")
        if not locked:
            why = self.tr("Sign in with your account on this desk.")
        elif idle:
            why = self.tr("The desk was locked because it was idle. Sign in again.")
        else:
            why = self.tr("The desk is locked. Sign in again to go on.")
        self.note = note = QLabel(why, objectName="loginNote")
        note.setWordWrap(True)
        if demo and not locked:
            note.setText(note.text() + "\n" + demo_accounts_text())
        self.username = QLineEdit(username)
        self.username.setObjectName("username")
        self.username.setReadOnly(locked and bool(username))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.sign_in = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.sign_in.setText(self.tr("Sign in"))
        self.busy = False
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("Quit") if not locked else self.tr("Cancel"))
        self.switch_button: QPushButton | None = None
        if locked and username:  # someone else may take over the window from the lock screen
            self.switch_button = buttons.addButton(self.tr("Switch &user"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
            self.switch_button.setObjectName("switchUser")
            self.switch_button.setAutoDefault(False)
            self.switch_button.setToolTip(self.tr("Sign in as another person (Alt+U)"))
            self.switch_button.clicked.connect(self.switch_user)
        buttons.accepted.connect(self.try_sign_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def switch_user(self) -> None:
        """The user name becomes editable for the next person; whoever signs in gets a window of
        their own (the locked person's work waits for them)."""
        self.username.setReadOnly(False)
        self.username.clear()
        self.password.clear()
        self.error.clear()
        self.note.setText(self.tr("Sign in as another person. The work of the person who "
                                  "locked the desk is kept until they sign in again."))
        if self.switch_button is not None:
            self.switch_button.hide()
        self.username.setFocus()

    def try_sign_in(self) -> None:
        """The password check (Argon2, deliberately slow) runs on a worker; the button says so
        and a second press meanwhile does nothing."""
        if self.busy:
            return
        self.busy = True
        self.sign_in.setEnabled(False)
        self.sign_in.setText(self.tr("Signing in…"))
        username, password = self.username.text(), self.password.text()
        BackgroundOp(self, lambda _s: authenticate(self.db, username, password,
                                                   desk=self.desk),
                     pool_name="auth").success(self._signed_in).failure(self._refused).run()

    def _signed_in(self, user: User) -> None:
        self._idle()
        self.user = user
        self.accept()

    def _refused(self, error: Exception) -> None:
        self._idle()
        if not isinstance(error, AccountError):
            raise error
        self.error.setText(message(error))
        self.password.selectAll()
        self.password.setFocus()

    def _idle(self) -> None:
        self.busy = False
        self.sign_in.setEnabled(True)
        self.sign_in.setText(self.tr("Sign in"))
