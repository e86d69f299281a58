"""The first-run wizard, driven page by page with real widgets: errors at the field, nothing
written before Finish, the offline path, and enrolment against the central platform as a real
process (a good code, a wrong one, and trying again)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QRadioButton, QWizard
from pytestqt.qtbot import QtBot

from desk_app.config import app_paths
from desk_app.settings import Settings
from desk_app.store.desk import read_identity, setup_desk
from desk_app.store.sync_state import sync_fact
from desk_app.store.users import authenticate, has_users
from desk_app.ui.setup_wizard import SetupWizard
from desk_app.ui.tasks import wait_for_pools
from desk_app.workspace import Workspace, open_workspace
from tests.sync.servers import ServerProcess

from .conftest import type_text

Button = QWizard.WizardButton



@pytest.fixture
def blank(monkeypatch: pytest.MonkeyPatch) -> Iterator[Workspace]:
    """A workspace on a new database: what a desk looks like the first time it starts."""
    monkeypatch.setenv("COMMUNITY_DESK_TOKEN_STORE", "file")
    workspace = open_workspace(app_paths())
    assert workspace.desk is None
    yield workspace
    wait_for_pools()
    workspace.close()


@pytest.fixture(scope="module")
def central(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder = tmp_path_factory.mktemp("central")
    server = ServerProcess(f"sqlite:///{folder / 's.sqlite3'}", folder).start()
    yield server
    server.stop()


def open_wizard(qtbot: QtBot, workspace: Workspace) -> SetupWizard:
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def click(qtbot: QtBot, wizard: SetupWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), f"{which} cannot be pressed"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def choose(qtbot: QtBot, radio: QRadioButton) -> None:
    """Click a radio button on its circle, as a person would."""
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(8, radio.height() // 2))
    assert radio.isChecked()


def press_enter(qtbot: QtBot, widget: object) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def fill_desk(qtbot: QtBot, wizard: SetupWizard, code: str = "YT-HS-01") -> None:
    page = wizard.desk_page
    type_text(page.desk_name, "鹏湾社区党群服务中心")
    qtbot.keyClicks(page.desk_code, code)


def fill_admin(qtbot: QtBot, wizard: SetupWizard, password: str = "password-123",
               again: str | None = None) -> None:
    page = wizard.admin_page
    type_text(page.admin_name, "陈洁")
    page.admin_user.clear()
    qtbot.keyClicks(page.admin_user, "chenjie")
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.password_again, password if again is None else again)


def past_the_recovery_key(qtbot: QtBot, wizard: SetupWizard) -> None:
    """The recovery key page of a new desk: Next only once the key is ticked as kept."""
    assert wizard.currentId() == SetupWizard.RECOVERY
    panel = wizard.recovery_page.panel  # type: ignore[union-attr]
    assert panel.key.text() == wizard.recovery and len(panel.key.text()) == 44
    assert not wizard.button(Button.NextButton).isEnabled()
    panel.kept.click()
    click(qtbot, wizard, Button.NextButton)


def to_last_page(qtbot: QtBot, wizard: SetupWizard, code: str = "YT-HS-01") -> None:
    click(qtbot, wizard, Button.NextButton)
    fill_desk(qtbot, wizard, code)
    click(qtbot, wizard, Button.NextButton)
    fill_admin(qtbot, wizard)
    click(qtbot, wizard, Button.NextButton)
    if wizard.recovery_page is not None:
        past_the_recovery_key(qtbot, wizard)
    assert wizard.currentId() == SetupWizard.ENROL


def nothing_written(workspace: Workspace) -> bool:
    return (read_identity(workspace.db) is None and not has_users(workspace.db)
            and not workspace.paths.settings.exists())


def test_each_page_refuses_bad_input_at_the_field_and_writes_nothing(
        qtbot: QtBot, blank: Workspace) -> None:
    wizard = open_wizard(qtbot, blank)
    assert wizard.currentId() == SetupWizard.LANGUAGE
    press_enter(qtbot, wizard.language_page.buttons["zh_CN"])  # Enter advances
    assert wizard.currentId() == SetupWizard.DESK
    page = wizard.desk_page
    assert not wizard.button(Button.NextButton).isEnabled()  # nothing filled in yet

    fill_desk(qtbot, wizard, code="yt hs 01")
    assert page.desk_code.text() == "YT HS 01"  # typed in capitals whatever the keyboard
    page.org.setCurrentIndex(page.org.findData("YT-HS-PW"))
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == SetupWizard.DESK
    assert page.code_error.isVisible() and page.code_error.text()
    assert not page.name_error.isVisible() and not page.org_error.isVisible()

    page.desk_code.clear()
    assert not page.code_error.isVisible()  # editing the field clears its error
    qtbot.keyClicks(page.desk_code, "YT-HS-01")
    press_enter(qtbot, page.desk_code)
    assert wizard.currentId() == SetupWizard.ADMIN

    admin = wizard.admin_page
    fill_admin(qtbot, wizard, password="short")
    press_enter(qtbot, admin.password_again)
    assert wizard.currentId() == SetupWizard.ADMIN
    assert admin.password_error.isVisible() and admin.password_error.text()
    assert "8" in admin.password_error.text()
    assert not admin.again_error.isVisible()

    admin.password.clear()
    admin.password_again.clear()
    qtbot.keyClicks(admin.password, "password-123")
    qtbot.keyClicks(admin.password_again, "password-124")
    click(qtbot, wizard, Button.NextButton)
    assert wizard.currentId() == SetupWizard.ADMIN
    assert admin.again_error.isVisible() and admin.again_error.text()
    assert not admin.password_error.isVisible()

    admin.password_again.clear()
    qtbot.keyClicks(admin.password_again, "password-123")
    press_enter(qtbot, admin.password_again)
    past_the_recovery_key(qtbot, wizard)
    assert wizard.currentId() == SetupWizard.ENROL

    enrol = wizard.enrol_page
    choose(qtbot, enrol.enrol_now)
    enrol.url.setText("ftp://centre")
    assert not wizard.button(Button.FinishButton).isEnabled()  # no code yet
    qtbot.keyClicks(enrol.code, "ABCD-EFGH")
    click(qtbot, wizard, Button.FinishButton)
    assert enrol.url_error.isVisible() and wizard.isVisible()
    assert nothing_written(blank)

    click(qtbot, wizard, Button.CancelButton)
    assert wizard.result() == QDialog.DialogCode.Rejected
    assert nothing_written(blank)


def test_the_desk_code_suggests_its_community(qtbot: QtBot, blank: Workspace) -> None:
    wizard = open_wizard(qtbot, blank)
    click(qtbot, wizard, Button.NextButton)
    qtbot.keyClicks(wizard.desk_page.desk_code, "YT-HS-PW-01")
    assert wizard.desk_page.org.currentData() == "YT-HS-PW"
    wizard.desk_page.desk_code.clear()
    qtbot.keyClicks(wizard.desk_page.desk_code, "YT-YT-02")
    assert wizard.desk_page.org.currentData() == "YT-YT"


def test_switching_language_retranslates_the_wizard_at_once(qtbot: QtBot,
                                                            blank: Workspace) -> None:
    wizard = open_wizard(qtbot, blank)
    org = wizard.desk_page.org
    assert "海山街道" in [org.itemText(i).strip() for i in range(org.count())]
    choose(qtbot, wizard.language_page.buttons["en"])
    assert wizard.language == "en"
    assert "Haishan Subdistrict" in [org.itemText(i).strip() for i in range(org.count())]
    assert wizard.windowTitle() == "Set up Community Desk"
    assert wizard.button(Button.NextButton).text() == "&Next >"
    choose(qtbot, wizard.language_page.buttons["zh_CN"])
    assert "海山街道" in [org.itemText(i).strip() for i in range(org.count())]
    assert wizard.button(Button.NextButton).text() != "&Next >"  # Qt's own Chinese


def test_working_offline_creates_the_desk_the_admin_and_the_language(
        qtbot: QtBot, blank: Workspace) -> None:
    wizard = open_wizard(qtbot, blank)
    choose(qtbot, wizard.language_page.buttons["en"])
    to_last_page(qtbot, wizard)
    choose(qtbot, wizard.enrol_page.offline)
    assert "YT-HS-01" in wizard.enrol_page.summary.text()
    assert nothing_written(blank)
    click(qtbot, wizard, Button.FinishButton)

    assert wizard.result() == QDialog.DialogCode.Accepted
    identity = read_identity(blank.db)
    assert identity is not None
    assert (identity.code, identity.name, identity.org) == ("YT-HS-01", "鹏湾社区党群服务中心",
                                                            "YT-HS")
    assert blank.desk is not None and blank.desk.code == "YT-HS-01"
    admin = authenticate(blank.db, "chenjie", "password-123")
    assert (admin.role, admin.display_name) == ("admin", "陈洁")
    saved = Settings.load(blank.paths.settings)
    assert (saved.language, saved.last_user, saved.server_url) == ("en", "chenjie", "")
    assert sync_fact(blank.db, "server_url") is None
    assert not SetupWizard.needed(blank)


def test_cancelling_puts_the_language_back(qtbot: QtBot, blank: Workspace) -> None:
    from PySide6.QtCore import QLocale

    wizard = open_wizard(qtbot, blank)
    choose(qtbot, wizard.language_page.buttons["en"])
    assert QLocale().language() == QLocale.Language.English
    wizard.reject()
    assert QLocale().language() == QLocale.Language.Chinese
    assert nothing_written(blank)


def test_a_desk_cut_off_before_its_admin_only_asks_for_the_admin(
        qtbot: QtBot, blank: Workspace) -> None:
    setup_desk(blank.db, "YT-HS-09", "海山街道党群服务中心", "YT-HS", blank.catalogue)
    blank.attach_desk()
    assert SetupWizard.needed(blank)
    wizard = open_wizard(qtbot, blank)
    click(qtbot, wizard, Button.NextButton)
    page = wizard.desk_page
    assert page.desk_code.text() == "YT-HS-09" and not page.desk_code.isEnabled()
    assert page.org.currentData() == "YT-HS"
    click(qtbot, wizard, Button.NextButton)
    fill_admin(qtbot, wizard)
    click(qtbot, wizard, Button.NextButton)
    past_the_recovery_key(qtbot, wizard)
    click(qtbot, wizard, Button.FinishButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert blank.keys is not None and blank.keys.pending_recovery() is None, \
        "the recovery key, once kept, is forgotten by the desk"
    assert read_identity(blank.db).code == "YT-HS-09"  # type: ignore[union-attr]
    assert authenticate(blank.db, "chenjie", "password-123").role == "admin"


def enrol_with(qtbot: QtBot, wizard: SetupWizard, url: str, code: str) -> None:
    enrol = wizard.enrol_page
    choose(qtbot, enrol.enrol_now)
    enrol.url.clear()
    qtbot.keyClicks(enrol.url, url)
    enrol.code.clear()
    qtbot.keyClicks(enrol.code, code)
    click(qtbot, wizard, Button.FinishButton)


def test_enrolling_with_the_centre_during_set_up(qtbot: QtBot, blank: Workspace,
                                                 central: ServerProcess) -> None:
    wizard = open_wizard(qtbot, blank)
    to_last_page(qtbot, wizard)
    with qtbot.waitSignal(wizard.enrolled, timeout=20_000):
        enrol_with(qtbot, wizard, central.url, central.issue_code("YT-HS"))
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert sync_fact(blank.db, "server_url") == central.url
    assert (blank.paths.config / "desk-token").exists()
    assert Settings.load(blank.paths.settings).server_url == central.url
    assert blank.desk is not None and blank.desk.identity.org == "YT-HS"


def test_a_wrong_code_leaves_the_desk_usable_offline(qtbot: QtBot, blank: Workspace,
                                                     central: ServerProcess) -> None:
    wizard = open_wizard(qtbot, blank)
    to_last_page(qtbot, wizard, code="YT-HS-02")
    enrol_with(qtbot, wizard, central.url, "WRONG-CODE-0000")
    error = wizard.enrol_page.enrol_error
    qtbot.waitUntil(lambda: error.isVisible() and not wizard.busy, timeout=20_000)
    assert error.text()
    assert wizard.isVisible() and wizard.result() != QDialog.DialogCode.Accepted
    # The desk is set up all the same, and works offline.
    assert read_identity(blank.db) is not None and blank.desk is not None
    assert authenticate(blank.db, "chenjie", "password-123").role == "admin"
    assert sync_fact(blank.db, "server_url") is None
    assert not wizard.button(Button.BackButton).isVisible()  # the desk cannot be edited now
    assert wizard.button(Button.FinishButton).text() != wizard.tr("&Create the desk")
    click(qtbot, wizard, Button.CustomButton1)  # continue offline
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.enrolment is None
    assert Settings.load(blank.paths.settings).last_user == "chenjie"


def test_trying_again_with_the_right_code_enrols(qtbot: QtBot, blank: Workspace,
                                                 central: ServerProcess) -> None:
    wizard = open_wizard(qtbot, blank)
    to_last_page(qtbot, wizard, code="YT-HS-03")
    enrol_with(qtbot, wizard, central.url, "WRONG-CODE-0000")
    qtbot.waitUntil(lambda: wizard.enrol_page.enrol_error.isVisible() and not wizard.busy,
                    timeout=20_000)
    with qtbot.waitSignal(wizard.enrolled, timeout=20_000):
        enrol_with(qtbot, wizard, central.url, central.issue_code("YT-HS"))
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert sync_fact(blank.db, "server_url") == central.url
    assert has_users(blank.db)


def test_an_unreachable_centre_is_explained(qtbot: QtBot, blank: Workspace,
                                            tmp_path: Path) -> None:
    from tests.sync.pg import free_port

    wizard = open_wizard(qtbot, blank)
    to_last_page(qtbot, wizard)
    enrol_with(qtbot, wizard, f"http://127.0.0.1:{free_port()}", "ABCD-EFGH")
    error = wizard.enrol_page.enrol_error
    qtbot.waitUntil(lambda: error.isVisible() and not wizard.busy, timeout=20_000)
    assert "127.0.0.1" in error.text()
    wizard.reject()  # closing the window after the desk exists means working offline
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert QApplication.instance() is not None


def test_a_failing_disk_at_finish_is_shown_and_finish_can_be_pressed_again(
        qtbot: QtBot, blank: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    from desk_app.settings import Settings as SettingsClass

    wizard = open_wizard(qtbot, blank)
    to_last_page(qtbot, wizard)
    real_save = SettingsClass.save

    def disk_full(_self: SettingsClass, _path: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(SettingsClass, "save", disk_full)
    click(qtbot, wizard, Button.FinishButton)
    error = wizard.enrol_page.enrol_error
    assert error.isVisible() and "No space left" in error.text()
    assert wizard.isVisible() and not wizard.created
    monkeypatch.setattr(SettingsClass, "save", real_save)
    click(qtbot, wizard, Button.FinishButton)  # the identity and the admin are not made twice
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert authenticate(blank.db, "chenjie", "password-123").role == "admin"
    assert Settings.load(blank.paths.settings).last_user == "chenjie"
