"""The pages of the first-run wizard: language, the desk, its administrator, and enrolment.

Each page builds its form, sets its texts in `retranslate` (again whenever the language
changes) and checks its fields in `validatePage`, showing what is wrong under the field it is
about. Pages only read and check: every write happens in `SetupWizard` (setup_wizard.py) on
Finish, and the pages reach the wizard's state (workspace, language, what already exists)
through `self.setup`. Kept apart from the wizard so that each module stays a readable size;
the parts the pages share are in setup_form.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.case_numbers import check_desk_code
from desk_app.domain.text import DomainError
from desk_app.store.desk import DeskIdentity
from desk_app.store.users import MIN_PASSWORD, USERNAME, check_password_strength

from .i18n import LANGUAGES, message, pick, translate
from .setup_form import HINT_STYLE, FieldError, _Page, _report

if TYPE_CHECKING:
    from .setup_wizard import SetupWizard

__all__ = ["AdminPage", "DeskPage", "EnrolPage", "FieldError", "LanguagePage"]


class LanguagePage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.choices = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        self.intro = QLabel(wordWrap=True)
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        for code, name in LANGUAGES.items():
            # Each language is named in itself, so that anyone can find their own.
            button = QRadioButton(name, objectName=f"language_{code}")
            button.setChecked(code == wizard.language)
            button.toggled.connect(lambda on, c=code: on and wizard.set_language(c))
            self.choices.addButton(button)
            self.buttons[code] = button
            layout.addWidget(button)
        layout.addSpacing(8)
        self.later = QLabel(wordWrap=True)
        self.later.setStyleSheet(HINT_STYLE)
        layout.addWidget(self.later)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome to Community Desk"))
        self.setSubTitle(self.tr("This computer has no desk yet. A few questions set it up; "
                                 "nothing is saved until the last page."))
        self.intro.setText(self.tr("Choose the language of the interface."))
        self.later.setText(self.tr("You can change it later under Settings → Preferences."))


class DeskPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        existing = wizard.existing_identity
        self.desk_name = QLineEdit(objectName="deskName")
        self.desk_name.setMaxLength(100)
        self.desk_code = QLineEdit(objectName="deskCode")
        self.desk_code.setPlaceholderText("YT-HS-01")
        self.desk_code.setMaxLength(44)
        self.desk_code.textEdited.connect(self._upper_case)
        self.org = QComboBox(objectName="deskOrg")
        self.org.setMinimumContentsLength(16)
        self.name_error = FieldError("deskNameError")
        self.code_error = FieldError("deskCodeError")
        self.org_error = FieldError("deskOrgError")
        self.add_row("name", self.desk_name, self.name_error)
        self.add_row("code", self.desk_code, self.code_error)
        self.add_row("org", self.org, self.org_error)
        self.note = QLabel(wordWrap=True, objectName="deskNote")
        self.note.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addStretch(1)
        self.fill_orgs()
        self.org_chosen = False  # by the person; until then it follows the desk code
        self.desk_name.textChanged.connect(lambda _t: self._edited(self.name_error))
        self.desk_code.textChanged.connect(self._code_changed)
        self.org.currentIndexChanged.connect(lambda _i: self._edited(self.org_error))
        self.org.activated.connect(self._org_activated)
        if existing is not None:
            self.lock(existing)
        self.retranslate()

    def lock(self, identity: DeskIdentity) -> None:
        """Set up before, but cut off before its administrator was made: keep it as it is."""
        self.desk_name.setText(identity.name)
        self.desk_code.setText(identity.code)
        self.org.setCurrentIndex(max(0, self.org.findData(identity.org)))
        for field in (self.desk_name, self.desk_code, self.org):
            field.setEnabled(False)
        self.retranslate()

    def fill_orgs(self) -> None:
        """Streets and their communities, named in the interface's language."""
        chosen = self.org.currentData()
        self.org.blockSignals(True)
        self.org.clear()
        for unit in self.setup.workspace.catalogue.orgs.values():
            if unit.level in ("street", "community"):
                indent = "    " if unit.level == "community" else ""
                self.org.addItem(indent + pick(self.setup.language, unit.name_zh, unit.name_en),
                                 unit.code)
        self.org.setCurrentIndex(max(0, self.org.findData(chosen)) if chosen else -1)
        self.org.blockSignals(False)

    def retranslate(self) -> None:
        self.setTitle(self.tr("This desk"))
        self.setSubTitle(self.tr("Name the desk, give it the code the centre assigned, and "
                                 "choose the community or street it serves."))
        self.labels["name"].setText(self.tr("Desk &name"))
        self.labels["code"].setText(self.tr("Desk &code"))
        self.labels["org"].setText(self.tr("Community or &street"))
        self.desk_name.setPlaceholderText(self.tr("e.g. Pengwan Community Service Centre"))
        self.org.setPlaceholderText(self.tr("Choose…"))
        if self.setup.existing_identity is not None:
            self.note.setText(self.tr("This desk was set up before, but it has no "
                                      "administrator yet; only the administrator is left to "
                                      "create."))
        else:
            self.note.setText(self.tr("The desk code begins every case number this desk "
                                      "issues, and it cannot be changed later."))
        self.fill_orgs()

    def _upper_case(self, text: str) -> None:
        if text != text.upper() and text.isascii():
            position = self.desk_code.cursorPosition()
            self.desk_code.setText(text.upper())
            self.desk_code.setCursorPosition(position)

    def _edited(self, error: FieldError) -> None:
        error.clear_error()
        self.refresh_complete()

    def _org_activated(self, _index: int) -> None:
        self.org_chosen = True

    def _code_changed(self, text: str) -> None:
        """YT-HS-01 belongs to YT-HS: choose the longest unit whose code begins the desk code."""
        self._edited(self.code_error)
        if self.org_chosen or not self.org.isEnabled():
            return
        code = text.strip().upper()
        best = max((self.org.itemData(i) for i in range(self.org.count())
                    if code.startswith(self.org.itemData(i) + "-")), key=len, default=None)
        if best is not None:
            self.org.setCurrentIndex(self.org.findData(best))

    def values(self) -> tuple[str, str, str | None]:
        return (self.desk_name.text().strip(), self.desk_code.text().strip().upper(),
                self.org.currentData())

    def isComplete(self) -> bool:
        name, code, org = self.values()
        return bool(name and code and org)

    def validatePage(self) -> bool:
        name, code, org = self.values()
        problems: list[tuple[FieldError, QWidget, str]] = []
        if not name:
            problems.append((self.name_error, self.desk_name,
                             translate("domain", "Give the desk a name.")))
        try:
            check_desk_code(code)
        except DomainError as error:
            problems.append((self.code_error, self.desk_code, message(error)))
        if org not in self.setup.workspace.catalogue.orgs:
            problems.append((self.org_error, self.org, translate(
                "domain", "Choose the community or street this desk belongs to.")))
        return _report(problems, (self.name_error, self.code_error, self.org_error))


class AdminPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.admin_name = QLineEdit(objectName="adminName")
        self.admin_name.setMaxLength(60)
        self.admin_user = QLineEdit("admin", objectName="adminUser")
        self.admin_user.setMaxLength(40)
        self.password = QLineEdit(objectName="adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_again = QLineEdit(objectName="adminPasswordAgain")
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.name_error = FieldError("adminNameError")
        self.user_error = FieldError("adminUserError")
        self.password_error = FieldError("adminPasswordError")
        self.again_error = FieldError("adminPasswordAgainError")
        self.add_row("name", self.admin_name, self.name_error)
        self.add_row("user", self.admin_user, self.user_error)
        self.add_row("password", self.password, self.password_error)
        self.add_row("again", self.password_again, self.again_error)
        pairs = ((self.admin_name, self.name_error), (self.admin_user, self.user_error),
                 (self.password, self.password_error), (self.password_again, self.again_error))
        for field, error in pairs:
            field.textChanged.connect(lambda _t, e=error: self._edited(e))
        self.password.textChanged.connect(lambda _t: self.again_error.clear_error())
        self.hint = QLabel(wordWrap=True, objectName="passwordHint")
        self.hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        if wizard.accounts_exist:
            for field, _error in pairs:
                field.setEnabled(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The administrator"))
        self.setSubTitle(self.tr("The administrator adds the other workers' accounts and "
                                 "changes the desk's settings."))
        self.labels["name"].setText(self.tr("Full &name"))
        self.labels["user"].setText(self.tr("&User name"))
        self.labels["password"].setText(self.tr("&Password"))
        self.labels["again"].setText(self.tr("Password &again"))
        if self.setup.accounts_exist:
            self.hint.setText(self.tr("This desk already has accounts: sign in with one of them "
                                      "once it is set up."))
        else:
            self.hint.setText(self.tr("At least %1 characters, not only digits. Choose one that "
                                      "others cannot guess, and keep it safe.")
                              .replace("%1", str(MIN_PASSWORD)))

    def _edited(self, error: FieldError) -> None:
        error.clear_error()
        self.refresh_complete()

    def values(self) -> tuple[str, str, str]:
        return (self.admin_name.text().strip(), self.admin_user.text().strip().lower(),
                self.password.text())

    def nextId(self) -> int:
        return self.setup.RECOVERY if self.setup.recovery_page is not None else self.setup.ENROL

    def isComplete(self) -> bool:
        if self.setup.accounts_exist:
            return True
        name, user, password = self.values()
        return bool(name and user and password and self.password_again.text())

    def validatePage(self) -> bool:
        if self.setup.accounts_exist:
            return True
        name, user, password = self.values()
        problems: list[tuple[FieldError, QWidget, str]] = []
        if not name:
            problems.append((self.name_error, self.admin_name,
                             translate("domain", "Enter the person's name.")))
        if not USERNAME.match(user):
            problems.append((self.user_error, self.admin_user, translate(
                "domain", "A user name is 2 to 40 lower-case letters, digits, “_” or “.”, "
                          "starting with a letter.")))
        try:
            check_password_strength(password)
        except DomainError as error:
            problems.append((self.password_error, self.password, message(error)))
        else:
            if self.password_again.text() != password:
                problems.append((self.again_error, self.password_again,
                                 self.tr("The two passwords are not the same.")))
        return _report(problems, (self.name_error, self.user_error, self.password_error,
                                  self.again_error))


class EnrolPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard)
        self.enrol_now = QRadioButton(objectName="enrolNow")
        self.offline = QRadioButton(objectName="workOffline")
        group = QButtonGroup(self)
        group.addButton(self.enrol_now)
        group.addButton(self.offline)
        preset = wizard.workspace.settings.server_url
        (self.enrol_now if preset else self.offline).setChecked(True)
        self.url = QLineEdit(preset or "https://", objectName="serverUrl")
        self.code = QLineEdit(objectName="enrolCode")
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        self.url_error = FieldError("serverUrlError")
        self.code_error = FieldError("enrolCodeError")
        self.add_row("url", self.url, self.url_error)
        self.add_row("code", self.code, self.code_error)
        self.form.setContentsMargins(24, 0, 0, 0)
        self.enrol_error = FieldError("enrolError")
        self.state = QLabel(wordWrap=True, objectName="enrolState")
        self.summary = QLabel(wordWrap=True, objectName="summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enrol_now)
        layout.addLayout(self.form)
        layout.addWidget(self.enrol_error)
        layout.addSpacing(6)
        layout.addWidget(self.offline)
        layout.addSpacing(12)
        layout.addWidget(self.state)
        layout.addStretch(1)
        layout.addWidget(self.summary)
        self.enrol_now.toggled.connect(self._choice_changed)
        self.url.textChanged.connect(lambda _t: self._edited(self.url_error))
        self.code.textChanged.connect(lambda _t: self._edited(self.code_error))
        self._choice_changed()
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The central platform"))
        self.setSubTitle(self.tr("An enrolled desk sends its cases to the centre and receives "
                                 "the centre's assignments. Until it is enrolled, it works "
                                 "alone on this computer."))
        self.enrol_now.setText(self.tr("&Enrol with the central platform now"))
        self.offline.setText(self.tr("&Work offline for now (enrol later from the Desk menu)"))
        self.labels["url"].setText(self.tr("Centre &address"))
        self.labels["code"].setText(self.tr("One-time &code"))
        if self.setup.created:
            self.state.setText(self.tr("The desk has been set up and works offline. Correct the "
                                       "address or the code and try again, or continue "
                                       "offline and enrol later from the Desk menu."))
        self.update_summary()

    def initializePage(self) -> None:
        self.update_summary()

    def update_summary(self) -> None:
        self.summary.setVisible(not self.setup.created)  # then `state` says what was done
        desk, admin = self.setup.desk_page, self.setup.admin_page
        name, code, _org = desk.values()
        if self.setup.existing_identity is not None:
            text = self.tr("Finish creates the administrator account “%4” for the desk “%1” (%2).")
        elif self.setup.accounts_exist:
            text = self.tr("Finish creates the desk “%1” (%2) in %3.")
        else:
            text = self.tr("Finish creates the desk “%1” (%2) in %3 and the administrator "
                           "account “%4”.")
        self.summary.setText(text.replace("%1", name).replace("%2", code)
                             .replace("%3", desk.org.currentText().strip())
                             .replace("%4", admin.values()[1]))

    def _choice_changed(self, _on: bool = False) -> None:
        enrol = self.enrol_now.isChecked()
        for field in (self.url, self.code):
            field.setEnabled(enrol and not self.setup.busy)
        if not enrol:
            for error in (self.url_error, self.code_error, self.enrol_error):
                error.clear_error()
        self.labels_enabled()
        self.refresh_complete()

    def labels_enabled(self) -> None:
        for key in ("url", "code"):
            self.labels[key].setEnabled(self.enrol_now.isChecked())

    def _edited(self, error: FieldError) -> None:
        error.clear_error()
        self.refresh_complete()

    def nextId(self) -> int:
        return -1  # the last page, though the recovery page has a higher id

    def wants_enrolment(self) -> bool:
        return self.enrol_now.isChecked()

    def values(self) -> tuple[str, str]:
        return self.url.text().strip(), self.code.text().strip()

    def isComplete(self) -> bool:
        if self.setup.busy:
            return False
        if not self.wants_enrolment():
            return True
        url, code = self.values()
        return bool(url and code)

    def validatePage(self) -> bool:
        if not self.wants_enrolment():
            return True
        url, code = self.values()
        problems: list[tuple[FieldError, QWidget, str]] = []
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append((self.url_error, self.url, self.tr(
                "Enter the centre's address, beginning with https://")))
        elif parts.scheme == "http" and parts.hostname not in ("localhost", "127.0.0.1", "::1"):
            problems.append((self.url_error, self.url, self.tr(
                "Plain http:// would send the desk's token and the residents' data "
                "unencrypted: enter the centre's https:// address.")))
        if not code:
            problems.append((self.code_error, self.code,
                             self.tr("Enter the one-time code the centre gave you.")))
        return _report(problems, (self.url_error, self.code_error))

    def set_busy(self, busy: bool) -> None:
        for widget in (self.enrol_now, self.offline):
            widget.setEnabled(not busy)
        self._choice_changed()
        self.state.setText(self.tr("Contacting the centre…") if busy else "")
