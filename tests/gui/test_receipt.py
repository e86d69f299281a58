"""The receipt a resident takes home: the QR code and lookup code of the progress page (decoded
from the rendered receipt and from the PDF), the desk's telephone number, the worker's signature
line, and what it says when the desk has no public address; the settings that feed it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QPointF, QSize, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPdf import QPdfDocument
from pytestqt.qtbot import QtBot

from desk_app.domain.case import CaseState
from desk_app.domain.lookup import lookup_code, parse_lookup_code
from desk_app.domain.text import DomainError
from desk_app.settings import Settings
from desk_app.store.desk_contact import read_desk_contact, save_desk_contact
from desk_app.store.users import User, create_user
from desk_app.ui.intake_form import IntakeForm
from desk_app.ui.receipt import lookup_secret, receipt_document, save_receipt_pdf
from desk_app.ui.settings_dialog import SettingsDialog
from desk_app.workspace import Workspace
from tests.reading import case_state

from .conftest import type_text

CENTRE = "https://zhongxin.yantian.example.cn"


@pytest.fixture
def admin(workspace: Workspace) -> User:
    return create_user(workspace.db, "admin2", "管理员", "admin", "password-123")


def qr_texts(image: QImage) -> list[str]:
    """Every QR code zxing-cpp finds in the image (laid on white: a PDF page is transparent)."""
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    gray = paper.convertToFormat(QImage.Format.Format_Grayscale8)
    height, stride = gray.height(), gray.bytesPerLine()
    data = memoryview(bytes(gray.constBits())[: stride * height]).cast("B", (height, stride))
    return [r.text for r in zxingcpp.read_barcodes(data)]


def rendered(workspace: Workspace, case: CaseState) -> QImage:
    assert workspace.desk is not None
    document = receipt_document(workspace.desk, case)
    document.setTextWidth(560)
    size = document.size().toSize()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    document.drawContents(painter)
    painter.end()
    return image


def test_the_receipt_carries_a_qr_code_that_opens_the_progress_page(
        workspace: Workspace, admin: User, add_case: Callable[..., CaseState],
        tmp_path: Path) -> None:
    save_desk_contact(workspace.desk, admin, "0755 2555 1234", CENTRE + "/")
    case = add_case()
    secret = lookup_secret(case)
    assert len(secret) == 8 and parse_lookup_code(lookup_code(case.number, secret)) == (
        case.number, secret)
    address = f"{CENTRE}/p/{case.number}-{secret}"

    assert qr_texts(rendered(workspace, case)) == [address]
    assert workspace.desk is not None
    text = receipt_document(workspace.desk, case).toPlainText()
    assert lookup_code(case.number, secret) in text and "查询码" in text
    assert "0755-25551234" in text  # the desk's telephone, where to call
    assert "工作人员（签名）" in text and "____" in text

    pdf = save_receipt_pdf(workspace.desk, case, tmp_path / "receipt.pdf")
    document = QPdfDocument()
    assert document.load(str(pdf)) == QPdfDocument.Error.None_
    points = document.pagePointSize(0)
    page = document.render(0, QSize(int(points.width() * 3), int(points.height() * 3)))
    assert qr_texts(page) == [address]
    document.close()


def test_without_a_public_address_the_receipt_has_no_code_and_says_how_to_ask(
        workspace: Workspace, admin: User, add_case: Callable[..., CaseState]) -> None:
    save_desk_contact(workspace.desk, admin, "0755-25551234", "")
    case = add_case()
    assert qr_texts(rendered(workspace, case)) == []
    assert workspace.desk is not None
    text = receipt_document(workspace.desk, case).toPlainText()
    assert lookup_secret(case) not in text and "查询码" not in text
    assert "0755-25551234" in text and case.number in text
    assert "工作人员（签名）" in text


def test_a_case_registered_before_lookup_codes_prints_no_code(
        workspace: Workspace, admin: User, add_case: Callable[..., CaseState]) -> None:
    save_desk_contact(workspace.desk, admin, "", CENTRE)
    case = add_case()
    old = CaseState(**{**case.__dict__, "steps": [
        type(s)(s.at, s.type, s.actor, s.desk, {k: v for k, v in s.payload.items()
                                                if k != "lookup"}, s.event_id)
        for s in case.steps]})
    assert qr_texts(rendered(workspace, old)) == []
    assert workspace.desk is not None
    text = receipt_document(workspace.desk, old).toPlainText()
    assert "查询码" not in text and "致电本中心" in text  # no desk telephone set: the old words


def test_the_desk_settings_are_checked_and_only_an_administrator_changes_them(
        qtbot: QtBot, workspace: Workspace, admin: User, users: dict[str, User]) -> None:
    assert workspace.desk is not None
    with pytest.raises(DomainError):
        save_desk_contact(workspace.desk, users["window"], "0755-25551234", CENTRE)
    for phone, url in (("12345", CENTRE), ("0755-25551234", "http://centre.example.cn"),
                       ("0755-25551234", "centre.example.cn"), ("", "https://a b")):
        with pytest.raises(DomainError):
            save_desk_contact(workspace.desk, admin, phone, url)
    assert read_desk_contact(workspace.db).public_url == ""  # nothing was stored

    dialog = SettingsDialog(Settings(), None, desk=workspace.desk, user=admin)
    qtbot.addWidget(dialog)
    dialog.public_url.setText("http://centre.example.cn")
    dialog.save_and_accept()
    assert dialog.contact_error.isVisible() or not dialog.contact_error.isHidden()
    assert "https" in dialog.contact_error.text()
    assert dialog.result() == 0
    dialog.public_url.setText(CENTRE)
    dialog.desk_phone.setText("0755-25551234")
    dialog.save_and_accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert read_desk_contact(workspace.db).public_url == CENTRE

    worker = SettingsDialog(Settings(), None, desk=workspace.desk, user=users["window"])
    qtbot.addWidget(worker)
    assert worker.public_url.isReadOnly() and worker.public_url.text() == CENTRE


def test_the_publication_box_is_off_by_default_and_recorded_when_ticked(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    from desk_app.domain.picker import CatalogueIndex

    assert workspace.desk is not None
    form = IntakeForm(workspace.desk, users["window"], CatalogueIndex(workspace.catalogue))
    qtbot.addWidget(form)
    form.show_receipt = False
    form.show()
    assert not form.publish.isChecked() and form.publish.isVisible()

    def fill_and_save(publish: bool) -> CaseState:
        type_text(form.name, "刘海燕")
        qtbot.keyClicks(form.phone, "13912345678")
        type_text(form.description, "楼道灯坏了一个星期，晚上很危险。")
        form.category.set_item(workspace.catalogue.catch_all)
        if publish:
            qtbot.mouseClick(form.publish, Qt.MouseButton.LeftButton,
                             pos=QPointF(8, form.publish.height() / 2).toPoint())
        case = form.submit()
        assert case is not None
        return case_state(workspace.desk, case.id)  # type: ignore[arg-type]

    quiet = fill_and_save(False)
    assert "public" not in quiet.steps[0].payload
    assert not form.publish.isChecked()  # the next resident starts with the box off
    shared = fill_and_save(True)
    assert shared.steps[0].payload["public"] is True
    assert not form.publish.isChecked()
