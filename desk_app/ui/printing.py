"""Paper for the desk's printed documents (the receipt, the reminder letter): one page layout
and one way to save a document as PDF, so every printout sets its page the same way."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter


def set_page(printer: QPrinter, size: QPageSize.PageSizeId, margin_mm: float) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait,
                                      QMarginsF(margin_mm, margin_mm, margin_mm, margin_mm),
                                      QPageLayout.Unit.Millimeter))


def save_pdf(document: QTextDocument, path: Path, size: QPageSize.PageSizeId,
             margin_mm: float) -> Path:
    """The document laid out on the page and written to `path` as PDF (fonts embedded)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    set_page(printer, size, margin_mm)
    document.setPageSize(QSizeF(printer.pageRect(QPrinter.Unit.Point).size()))
    document.print_(printer)
    return path
