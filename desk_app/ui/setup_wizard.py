"""First run of a real desk: language, the desk itself, its administrator, the recovery key of
its encrypted database (shown once, to print; see recovery.py), and enrolment.

    if SetupWizard.needed(workspace) and SetupWizard(workspace).exec() != QDialog.Accepted:
        return 0

Every page is checked before it can be left (errors appear under the field they are about),
and nothing is written until Finish: then the desk identity, the administrator, the settings
(language, last user) and, if chosen, the enrolment with the centre. Each write is skipped
when the database already has it, so a Finish that failed half-way (a full disk) can be
pressed again, and a desk whose set-up was cut off after the identity but before the
administrator (a power cut) opens this wizard again with the desk fixed and only the
administrator to create.

An enrolment that fails leaves the desk set up and working offline; the wizard then says why
and offers to try again or to continue offline (enrol later from the Desk menu).

This module holds the wizard itself: the order of the pages, the language switch, and every
write on Finish. The pages, which only read and check their fields, are in setup_pages.py and
what they share in setup_form.py, so that no module outgrows the project's size limit; the
page classes and FieldError are re-exported here.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from desk_app.domain.text import DomainError
from desk_app.store.desk import DeskIdentity, read_identity, setup_desk
from desk_app.store.users import User, create_first_admin, has_users
from desk_app.workspace import Workspace

from .i18n import LANGUAGES, install_language, message, translate
from .recovery import RecoveryPage
from .setup_pages import AdminPage, DeskPage, EnrolPage, FieldError, LanguagePage
from .tasks import BackgroundOp

__all__ = ["AdminPage", "DeskPage", "EnrolPage", "FieldError", "LanguagePage", "SetupWizard"]

log = logging.getLogger(__name__)


def _error_text(error: Exception) -> str:
    if isinstance(error, DomainError):
        return message(error)
    return translate("SetupWizard", "The desk could not be set up: %1").replace(
        "%1", str(error) or error.__class__.__name__)


class SetupWizard(QWizard):
    """The first run of a real desk; see the module's docstring."""

    LANGUAGE, DESK, ADMIN, ENROL, RECOVERY = range(5)  # RECOVERY comes between ADMIN and ENROL
    enrolled = Signal(object)  # the Enrolment the centre gave

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.language = workspace.settings.language if workspace.settings.language in LANGUAGES \
            else "zh_CN"
        self._original_language = self.language
        self.existing_identity: DeskIdentity | None = read_identity(workspace.db)
        self.accounts_exist = has_users(workspace.db)  # then no administrator is made here
        self.created = False  # the desk and its administrator are in the database
        self.busy = False  # enrolment is running
        self.admin: User | None = None
        self.enrolment: object | None = None
        self.setObjectName("setupWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(640, 500)
        self.language_page = LanguagePage(self)
        self.desk_page = DeskPage(self)
        self.admin_page = AdminPage(self)
        self.enrol_page = EnrolPage(self)
        for number, page in enumerate((self.language_page, self.desk_page, self.admin_page,
                                       self.enrol_page)):
            self.setPage(number, page)
        # The recovery key of a new desk's database, until the administrator has kept it.
        self.recovery = workspace.keys.pending_recovery() if workspace.keys else None
        self.recovery_page = RecoveryPage(self, self.recovery) if self.recovery else None
        if self.recovery_page is not None:
            self.setPage(self.RECOVERY, self.recovery_page)
        self.setStartId(self.LANGUAGE)
        self.customButtonClicked.connect(self._custom_button)
        self.retranslate()

    @staticmethod
    def needed(workspace: Workspace) -> bool:
        """Whether this desk still needs setting up (see Workspace.needs_setup)."""
        return workspace.needs_setup()

    # Language -----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the whole interface now; the choice is saved only when the desk is created."""
        if language == self.language:
            return
        self.language = language
        install_language(language)
        self.retranslate_all()

    def retranslate_all(self) -> None:
        self.retranslate()
        for page in (self.language_page, self.desk_page, self.admin_page, self.enrol_page,
                     self.recovery_page):
            if page is not None:
                page.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Set up Community Desk"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("&Quit"))
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Continue &offline"))
        self.setButtonText(QWizard.WizardButton.FinishButton,
                           self.tr("&Try again") if self.created else self.tr("&Create the desk"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # Finishing ----------------------------------------------------------------------------
    def accept(self) -> None:
        """Finish (or Try again): validate, write what is not written yet, then enrol."""
        if self.busy or not self.validateCurrentPage():
            return
        if not self.created and not self._create():
            return
        if self.enrol_page.wants_enrolment():
            self._enrol()
        else:
            super().accept()

    def reject(self) -> None:
        if self.busy:
            return
        if self.created:  # the desk exists: closing the wizard means working offline
            super().accept()
            return
        if self.language != self._original_language:
            install_language(self._original_language)
        super().reject()

    def _create(self) -> bool:
        """Every write of the set-up, each skipped when it is already done."""
        workspace = self.workspace
        name, code, org = self.desk_page.values()
        admin_name, admin_user, password = self.admin_page.values()
        try:
            if read_identity(workspace.db) is None:
                setup_desk(workspace.db, code, name, org or "", workspace.catalogue)
            if not has_users(workspace.db):
                self.admin = create_first_admin(workspace.db, admin_user, admin_name, password)
            workspace.settings.language = self.language
            if self.admin is not None:
                workspace.settings.last_user = self.admin.username
            workspace.settings.save(workspace.paths.settings)
        except Exception as error:  # DomainError, or the disk or database refusing
            if isinstance(error, DomainError):
                log.warning("setting up the desk failed: %s", error)
            else:
                log.exception("setting up the desk failed")
            if self.existing_identity is None:
                # The identity may be written and the administrator not: keep the desk as it is.
                self.existing_identity = read_identity(workspace.db)
                if self.existing_identity is not None:
                    self.desk_page.lock(self.existing_identity)
            self._show_failure(error)
            return False
        workspace.attach_desk()
        if self.recovery_page is not None and workspace.keys is not None:
            workspace.keys.recovery_shown()  # ticked as kept on its page: now forgotten
        self.created = True
        log.info("desk %s set up with administrator %s", code, admin_user)
        self.setButtonLayout([QWizard.WizardButton.Stretch, QWizard.WizardButton.CustomButton1,
                              QWizard.WizardButton.FinishButton])
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        for field in (*self.desk_page.findChildren(QWidget),
                      *self.admin_page.findChildren(QWidget)):
            field.setEnabled(False)
        return True

    def _show_failure(self, error: Exception) -> None:
        """At the field it is about when the store names one, else on the last page."""
        fields = {
            "name": (self.DESK, self.desk_page.name_error),
            "desk_code": (self.DESK, self.desk_page.code_error),
            "org": (self.DESK, self.desk_page.org_error),
            "display_name": (self.ADMIN, self.admin_page.name_error),
            "username": (self.ADMIN, self.admin_page.user_error),
            "password": (self.ADMIN, self.admin_page.password_error),
        }
        text = _error_text(error)
        page_id, label = fields.get(getattr(error, "field", None) or "",
                                    (self.ENROL, self.enrol_page.enrol_error))
        if self.currentId() != page_id:
            self.setCurrentId(page_id)
        label.show_error(text)

    def _enrol(self) -> None:
        from sync.client import SyncError, TokenStore, enrol

        desk = self.workspace.desk
        assert desk is not None
        url, code = self.enrol_page.values()
        tokens = TokenStore(self.workspace.paths.config)
        self._set_busy(True)
        self.enrol_page.enrol_error.clear_error()

        def done(enrolment: object) -> None:
            self._set_busy(False)
            self.enrolment = enrolment
            self.workspace.settings.server_url = url
            try:
                self.workspace.settings.save(self.workspace.paths.settings)
            except OSError as error:  # enrolled all the same: the address is in the database
                log.warning("could not save the server address in the settings: %s", error)
            log.info("desk %s enrolled with %s", desk.code, url)
            self.enrolled.emit(enrolment)
            super(SetupWizard, self).accept()

        def failed(error: Exception) -> None:
            self._set_busy(False)
            log.warning("enrolment during set-up failed: %s", error)
            reason = str(error) if isinstance(error, SyncError) else _error_text(error)
            self.enrol_page.enrol_error.show_error(
                self.tr("Enrolment failed: %1").replace("%1", reason))
            self.retranslate()
            self.enrol_page.retranslate()
            self.enrol_page.code.setFocus()
            self.enrol_page.code.selectAll()

        BackgroundOp(self, lambda _state: enrol(desk, url, code, tokens), pool_name="net") \
            .success(done).failure(failed) \
            .with_progress(self.tr("Contacting the centre…")).run()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.enrol_page.set_busy(busy)
        self.button(QWizard.WizardButton.CustomButton1).setEnabled(not busy)

    def _custom_button(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value and self.created and not self.busy:
            super().accept()  # continue offline; enrol later from the Desk menu
