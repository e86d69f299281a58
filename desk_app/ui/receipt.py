"""The receipt (受理回执) given to the resident: preview, print, save as PDF.

Everything the resident or worker typed is escaped before it goes into the document, so text
that looks like HTML prints exactly as typed.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
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
from desk_app.domain.validation import mask_phone
from desk_app.domain.vocabulary import CHANNELS, KINDS
from desk_app.store.desk import Desk

from .formatting import deadline_time, local_time
from .i18n import label, translate


def receipt_html(desk: Desk, case: CaseState) -> str:
    """The receipt as HTML, in the current language."""
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
        (translate("Receipt", "Request"), case.description),
    ]
    if case.on_spot:
        rows.append((translate("Receipt", "Answer given"), case.resolution))
    body = "".join(
        f"<tr><td style='padding:4px 10px 4px 0; color:#444; white-space:nowrap;'>"
        f"{escape(name)}</td><td style='padding:4px 0;'>{escape(value or '—')}</td></tr>"
        for name, value in rows
    )
    how = translate("Receipt", "To ask about progress, call the centre or come to the window with this case "
             "number, or give the last four digits of your phone number.")
    heading = translate("Receipt", "Receipt of request")
    return (
        f"<h2 style='text-align:center; margin-bottom:2px;'>{escape(heading)}</h2>"
        f"<p style='text-align:center; margin-top:0;'>{escape(desk.identity.name)}</p>"
        f"<table cellspacing='0' style='font-size:11pt;'>{body}</table>"
        f"<p style='margin-top:14px;'>{escape(how)}</p>"
        f"<p style='text-align:right;'>{escape(desk.identity.name)}<br/>"
        f"{escape(local_time(case.registered_at))}</p>"
    )


def receipt_document(desk: Desk, case: CaseState) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(12)
    document.setHtml(receipt_html(desk, case))
    return document


def _a5_printer(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A5),
                                      QPageLayout.Orientation.Portrait, QMarginsF(12, 12, 12, 12),
                                      QPageLayout.Unit.Millimeter))


def save_receipt_pdf(desk: Desk, case: CaseState, path: Path) -> Path:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    _a5_printer(printer)
    document = receipt_document(desk, case)
    document.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.Point).size()))
    document.print_(printer)
    return path


class ReceiptDialog(QDialog):
    def __init__(self, desk: Desk, case: CaseState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.case = desk, case
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

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save receipt as PDF"), f"{self.case.number}.pdf", "PDF (*.pdf)")
        if path:
            save_receipt_pdf(self.desk, self.case, Path(path))
