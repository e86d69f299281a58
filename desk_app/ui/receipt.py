"""The receipt (受理回执) given to the resident: preview, print, save as PDF.

Everything the resident or worker typed is escaped before it goes into the document, so text
that looks like HTML prints exactly as typed.

When the desk knows the centre's public address for residents, the receipt carries a QR code
(made with segno, pure Python) and the lookup code of the progress page; without one it says
how to ask instead. It prints the desk's telephone number and a line for the worker's signature.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.case import CaseState
from desk_app.domain.lookup import lookup_code, progress_address
from desk_app.domain.personal import known_numbers, masked_text
from desk_app.domain.validation import mask_phone
from desk_app.domain.vocabulary import CHANNELS, KINDS
from desk_app.store.desk import Desk
from desk_app.store.desk_contact import DeskContact, read_desk_contact
from desk_app.store.users import User

from .formatting import deadline_time, local_time
from .i18n import label, translate
from .personal_audit import note_personal_output
from .printing import save_pdf, set_page

QR_RESOURCE = "receipt-qr.png"


def lookup_secret(case: CaseState) -> str:
    """The secret part of the case's lookup code ("" for cases registered before codes)."""
    for step in case.steps:
        if step.type == "case.registered":
            return str(step.payload.get("lookup", ""))
    return ""


def receipt_address(contact: DeskContact, case: CaseState) -> str:
    """The progress page's address the QR code holds, or "" when there is none to print."""
    secret = lookup_secret(case)
    if not contact.public_url or not secret:
        return ""
    return progress_address(contact.public_url, case.number, secret)


def qr_image(text: str, scale: int = 4) -> QImage:
    """The QR code of `text` as an image (segno writes the PNG; no Pillow)."""
    import io

    import segno

    buffer = io.BytesIO()
    segno.make(text, error="m", micro=False).save(buffer, kind="png", scale=scale, border=4)
    return QImage.fromData(buffer.getvalue())


def receipt_html(desk: Desk, case: CaseState, contact: DeskContact | None = None) -> str:
    """The receipt as HTML, in the current language."""
    contact = contact or read_desk_contact(desk.db)
    catalogue = desk.catalogue
    item = catalogue.items.get(case.category)
    dept = catalogue.departments.get(case.lead or (item.lead if item else ""))
    clock = case.finish_clock(desk.calendar)
    if case.status == "resolved" and case.on_spot:
        promise = translate("Receipt", "Settled at the window")
    else:
        promise = deadline_time(clock.due) if clock else ""
    rows = [
        (translate("Receipt", "Case number"), case.number),
        (translate("Receipt", "Registered"), local_time(case.registered_at)),
        (translate("Receipt", "Channel"), label(CHANNELS, case.channel)),
        (translate("Receipt", "Kind"), label(KINDS, case.kind)),
        (translate("Receipt", "Resident"), translate("Receipt", "Anonymous") if case.anonymous else case.name),
        (translate("Receipt", "Phone"), mask_phone(case.phone) if case.phone else ""),
        (translate("Receipt", "Address"), case.address),
        (translate("Receipt", "Category"), item.name_zh if item else case.category),
        (translate("Receipt", "Responsible department"), dept.name_zh if dept else ""),
        (translate("Receipt", "Due by"), promise),
        # Paper leaves the desk with the resident: numbers typed into the request are masked
        # on it whoever prints it (the phone row above is, too).
        (translate("Receipt", "Request"), masked_text(case.description, known_numbers(case))),
    ]
    if case.on_spot:
        rows.append((translate("Receipt", "Answer given"), case.resolution))
    if contact.phone:
        rows.append((translate("Receipt", "Desk telephone"), contact.phone))
    body = "".join(
        f"<tr><td style='padding-right:10px; color:#444; white-space:nowrap;'>"
        f"{escape(name)}</td><td>{escape(value or '—')}</td></tr>"
        for name, value in rows
    )
    address = receipt_address(contact, case)
    if address:
        follow = translate("Receipt", "Scan the code with your phone, or open %1 and enter the "
                           "lookup code, to follow your request and evaluate it when it is done."
                           ).replace("%1", contact.public_url + "/p")
        code = lookup_code(case.number, lookup_secret(case))
        code_label = translate("Receipt", "Lookup code")
        follow_html = (
            "<table cellspacing='0' width='100%' style='margin-top:8px;'><tr>"
            f"<td width='96' style='padding-right:8px;'>"
            f"<img src='{QR_RESOURCE}' width='92' height='92'/></td>"
            f"<td style='vertical-align:middle; font-size:8pt;'>{escape(code_label)}<br/>"
            f"<span style='font-size:9pt; font-weight:bold;'>"
            f"{escape(code)}</span><br/>{escape(follow)}</td></tr></table>")
    else:
        follow_html = ""
    if contact.phone:
        how = translate("Receipt", "To ask about progress, call %1 or come to the window with this "
                        "case number, or give the last four digits of your phone number."
                        ).replace("%1", contact.phone)
    else:
        how = translate("Receipt", "To ask about progress, call the centre or come to the window with this case "
                 "number, or give the last four digits of your phone number.")
    heading = translate("Receipt", "Receipt of request")
    signature = translate("Receipt", "Worker (signature):")
    return (
        f"<p style='text-align:center; font-size:15pt; font-weight:bold; margin:0;'>"
        f"{escape(heading)}</p>"
        f"<p style='text-align:center; margin-top:0; font-size:9pt;'>{escape(desk.identity.name)}</p>"
        f"<table cellspacing='0' cellpadding='0' style='font-size:9pt;'>{body}</table>"
        f"{follow_html}"
        f"<p style='margin-top:6px; font-size:8pt;'>{escape(how)}</p>"
        f"<table width='100%' cellspacing='0' style='margin-top:8px; font-size:9pt;'><tr>"
        f"<td>{escape(signature)} ______________</td>"
        f"<td align='right'>{escape(desk.identity.name)}<br/>"
        f"{escape(local_time(case.registered_at))}</td></tr></table>"
    )


def receipt_document(desk: Desk, case: CaseState) -> QTextDocument:
    contact = read_desk_contact(desk.db)
    document = QTextDocument()
    document.setDocumentMargin(12)
    font = document.defaultFont()
    font.setPointSizeF(9)  # one A5 page, QR code included
    document.setDefaultFont(font)
    address = receipt_address(contact, case)
    if address:
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE),
                             qr_image(address, scale=8))
    document.setHtml(receipt_html(desk, case, contact))
    return document


def _a5_printer(printer: QPrinter) -> None:
    set_page(printer, QPageSize.PageSizeId.A5, 12)


def save_receipt_pdf(desk: Desk, case: CaseState, path: Path) -> Path:
    return save_pdf(receipt_document(desk, case), path, QPageSize.PageSizeId.A5, 12)


class ReceiptDialog(QDialog):
    """Preview; printing it or saving the PDF is recorded in the access audit (it carries the
    resident's name and address) as done by `user`."""

    def __init__(self, desk: Desk, case: CaseState, parent: QWidget | None = None,
                 user: User | None = None) -> None:
        super().__init__(parent)
        self.desk, self.case, self.user = desk, case, user
        self.setWindowTitle(self.tr("Receipt — %1").replace("%1", case.number))
        self.resize(520, 620)
        self.preview = QTextBrowser(objectName="receiptPreview")
        self.preview.setDocument(receipt_document(desk, case))
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.pdf_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button.clicked.connect(self.ask_pdf)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.print_button.setDefault(True)

    def print_receipt(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _a5_printer(printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            receipt_document(self.desk, self.case).print_(printer)
            self._audited("personal.printed", printer.printerName() or printer.outputFileName())

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt as PDF"), f"{self.case.number}.pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> Path:
        save_receipt_pdf(self.desk, self.case, path)
        self._audited("personal.exported", path.name)
        return path

    def _audited(self, action: str, where: str) -> None:
        note_personal_output(self.desk, self.user, action, "receipt",
                             [(self.case.id, self.case.number)], Path(where).name if where else "")
