"""The reminder letter (提醒函, Pingshan's 提醒函预警制度): one per department, listing its overdue
and due-soon cases with numbers, dates and days over; previewed, printed or saved as PDF, and
recorded on every case it lists (as a reminder of kind "letter") once it has gone out."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtGui import QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.followup import Warn
from desk_app.domain.sla import CHINA, utc_from_ms
from desk_app.domain.text import DomainError
from desk_app.followup_job import desk_level
from desk_app.store.desk import Desk
from desk_app.store.followup_actions import record_reminder_letter
from desk_app.store.users import User
from desk_app.store.watchlist import WatchFilter, WatchItem, watch_list

from .formatting import deadline_time, local_time
from .i18n import message, pick, translate
from .personal_audit import note_personal_output
from .printing import save_pdf, set_page

LETTER_KINDS = (Warn.OVERDUE, Warn.SIGN_OVERDUE, Warn.DUE_SOON)
DAY_MS = 86_400_000


@dataclass(frozen=True)
class Letter:
    number: str
    department: str
    department_name: str
    items: tuple[WatchItem, ...]
    at: int  # ms

    @property
    def case_ids(self) -> list[str]:
        return [item.id for item in self.items]


def letter_for(desk: Desk, user: User, department: str, now: int) -> Letter:
    """The department's cases that are overdue, unsigned past 24 hours or due soon."""
    with desk.db.read() as conn:
        listing = watch_list(conn, user, now, desk.calendar, desk_level=desk_level(desk),
                             flt=WatchFilter(department=department), resolutions_too=False)
    items = tuple(i for i in listing.items if any(k in LETTER_KINDS for k in i.kinds))
    dept = desk.catalogue.departments.get(department)
    zh = translate("ReminderLetter", "Reminder letter") != "Reminder letter"
    name = pick("zh_CN" if zh else "en", dept.name_zh, dept.name_en) if dept else department
    day = utc_from_ms(now).astimezone(CHINA)
    number = f"{desk.code}-{day:%Y%m%d%H%M}-{department}"[:60]
    return Letter(number, department, name, items, now)


def days_over(item: WatchItem, now: int) -> str:
    if item.due_at is None:
        return ""
    if now <= item.due_at:
        hours = max(0, (item.due_at - now) // 3_600_000)
        return translate("ReminderLetter", "%1 h left").replace("%1", str(hours))
    days = -(-(now - item.due_at) // DAY_MS)  # a day begun counts as a day over
    return translate("ReminderLetter", "%1 day(s) over").replace("%1", str(days))


def letter_html(desk: Desk, letter: Letter) -> str:
    e = html.escape
    rows = "".join(
        f"<tr><td>{e(i.number)}</td><td>{e(i.title)}</td>"
        f"<td>{e(deadline_time(i.due_at) if i.due_at else '')}</td>"
        f"<td>{e(days_over(i, letter.at))}</td></tr>" for i in letter.items)
    title = translate("ReminderLetter", "Reminder letter")
    intro = translate("ReminderLetter", "The following requests dispatched to your department "
                      "are overdue or about to fall due. Please sign for them, handle them and "
                      "answer within the time limits, and report back to this centre.")
    heads = (translate("ReminderLetter", "Case number"), translate("ReminderLetter", "Request"),
             translate("ReminderLetter", "Deadline"), translate("ReminderLetter", "Time over"))
    total = translate("ReminderLetter", "Cases listed: %1").replace("%1", str(len(letter.items)))
    head = "".join(f"<th>{e(h)}</th>" for h in heads)
    return (
        f"<h2 align='center'>{e(title)}</h2>"
        f"<p align='center'>{e(letter.number)}</p>"
        f"<p>{e(letter.department_name)}：</p><p>{e(intro)}</p>"
        f"<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<tr>{head}</tr>{rows}</table>"
        f"<p>{e(total)}</p>"
        f"<p align='right'>{e(desk.identity.name)}<br>{e(local_time(letter.at))}</p>")


def letter_document(desk: Desk, letter: Letter) -> QTextDocument:
    document = QTextDocument()
    document.setHtml(letter_html(desk, letter))
    return document


def _a4(printer: QPrinter) -> None:
    set_page(printer, QPageSize.PageSizeId.A4, 20)


def save_letter_pdf(desk: Desk, letter: Letter, path: Path) -> Path:
    return save_pdf(letter_document(desk, letter), path, QPageSize.PageSizeId.A4, 20)


class ReminderLetterDialog(QDialog):
    """Preview; printing or saving the PDF sends the letter and records it on each case."""

    def __init__(self, desk: Desk, user: User, department: str, now: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.letter = letter_for(desk, user, department,
                                 now if now is not None else desk.clock.wall_ms())
        self.recorded = 0
        self.setWindowTitle(self.tr("Reminder letter — %1").replace(
            "%1", self.letter.department_name))
        self.resize(720, 680)
        self.preview = QTextBrowser(objectName="letterPreview")
        self.preview.setDocument(letter_document(desk, self.letter))
        self.state = QLabel(objectName="letterState")
        buttons = QDialogButtonBox()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.pdf_button = QPushButton(self.tr("Save as P&DF…"))
        for button in (self.print_button, self.pdf_button):
            button.setEnabled(bool(self.letter.items))
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_letter)
        self.pdf_button.clicked.connect(self.ask_pdf)
        if not self.letter.items:
            self.state.setText(self.tr("This department has no overdue or due-soon cases."))
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview)
        layout.addWidget(self.state)
        layout.addWidget(buttons)

    def print_letter(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        _a4(printer)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            letter_document(self.desk, self.letter).print_(printer)
            self._audited("personal.printed", printer.printerName() or printer.outputFileName())
            self.record()

    def ask_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save reminder letter as PDF"),
                                              f"{self.letter.number}.pdf", "PDF (*.pdf)")
        if path:
            self.save_pdf(Path(path))

    def save_pdf(self, path: Path) -> None:
        save_letter_pdf(self.desk, self.letter, path)
        self._audited("personal.exported", str(path))
        self.record()

    def _audited(self, action: str, where: str) -> None:
        """Every copy is in the access audit (the letter lists requests as residents told them)."""
        cases = [(item.id, item.number) for item in self.letter.items]
        note_personal_output(self.desk, self.user, action,
                             f"reminder letter {self.letter.number}", cases,
                             Path(where).name if where else "")

    def record(self) -> None:
        """Once per letter, however many copies are printed or saved."""
        if self.recorded:
            return
        try:
            self.recorded = record_reminder_letter(self.desk, self.user, self.letter.department,
                                                   self.letter.case_ids, self.letter.number)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
            return
        self.state.setText(self.tr("Recorded on %1 case(s).").replace("%1", str(self.recorded)))
