"""Prints and exports of residents' data are in the access audit: the receipt, the reminder
letter, and a report that lists cases line by line (one of counts only is not)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from desk_app.store.audit import AuditFilter, AuditLine, list_audit
from desk_app.store.desk import Desk
from desk_app.store.users import User, create_user
from desk_app.ui.receipt import ReceiptDialog
from desk_app.ui.reminder_letter import ReminderLetterDialog
from desk_app.ui.reports_view import ReportsPage
from desk_app.workspace import Workspace

HOUR = 3_600_000


@pytest.fixture
def admin(workspace: Workspace) -> User:
    return create_user(workspace.db, "admin", "管理员", "admin", "password-123")


@pytest.fixture
def printed_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """The print dialog, answered OK with the printer set to a PDF file (no printer here)."""
    out = tmp_path / "printed.pdf"

    def accept(self: QPrintDialog) -> int:
        printer = self.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    return out


def entries(workspace: Workspace, admin: User, action: str) -> list[AuditLine]:
    assert workspace.desk is not None
    return list_audit(workspace.desk, admin, AuditFilter(action=action))


def test_printing_and_saving_a_receipt_are_audited(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], admin: User,
        add_case: Callable[..., object], printed_to: Path, tmp_path: Path) -> None:
    case = add_case()
    assert workspace.desk is not None
    dialog = ReceiptDialog(workspace.desk, case, user=users["window"])  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.print_receipt()
    assert printed_to.read_bytes().startswith(b"%PDF")
    [printed] = entries(workspace, admin, "personal.printed")
    assert printed.actor == "wangli@YT-HS-01" and printed.case_number == case.number  # type: ignore[attr-defined]
    assert printed.case_id == case.id and printed.target == "printed.pdf"  # type: ignore[attr-defined]
    assert printed.detail == "receipt; cases=1"
    dialog.save_pdf(tmp_path / "回执.pdf")
    [saved] = entries(workspace, admin, "personal.exported")
    assert saved.target == "回执.pdf" and saved.case_number == case.number  # type: ignore[attr-defined]
    assert str(tmp_path) not in saved.target  # the file's name, never its folder
    from desk_app.ui.audit_view import AuditDialog

    shown = AuditDialog(workspace.desk, admin)  # what the administrator reads
    qtbot.addWidget(shown)
    qtbot.waitUntil(lambda: shown.model.rowCount() == 2)
    model = shown.model
    assert [model.data(model.index(r, 5)) for r in range(2)] == ["受理回执（共 1 件）"] * 2
    assert {model.data(model.index(r, 2)) for r in range(2)} == {"打印个人信息", "导出个人信息"}


def test_the_receipt_after_intake_is_the_workers(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User]) -> None:
    from desk_app.domain.picker import CatalogueIndex
    from desk_app.ui.intake_form import IntakeForm

    assert workspace.desk is not None
    form = IntakeForm(workspace.desk, users["window"], CatalogueIndex(workspace.catalogue))
    qtbot.addWidget(form)
    form.name.setText("刘海燕")
    form.phone.setText("13926543210")
    form.description.setPlainText("楼下工地凌晨还在打桩，吵得没法睡觉。")
    form.category.set_item(workspace.catalogue.items["010101"])
    assert form.submit() is not None
    assert form.last_receipt is not None and form.last_receipt.user == users["window"]
    form.last_receipt.close()


def test_every_copy_of_a_reminder_letter_is_audited(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], admin: User,
        add_case: Callable[..., object], printed_to: Path, tmp_path: Path) -> None:
    noise = [add_case(), add_case(description="鹏湾花园5栋夜里有工地在打桩，噪音很大。")]
    assert workspace.desk is not None
    later = int(time.time() * 1000) + 30 * HOUR
    desk = Desk(workspace.db, workspace.desk.identity, workspace.catalogue, workspace.calendar,
                wall=lambda: later)
    dialog = ReminderLetterDialog(desk, users["supervisor"], "D-ENV", later)
    qtbot.addWidget(dialog)
    dialog.print_letter()
    dialog.save_pdf(tmp_path / "letter.pdf")
    dialog.save_pdf(tmp_path / "copy.pdf")  # one letter, but three copies of its contents
    [printed] = entries(workspace, admin, "personal.printed")
    assert printed.actor == "chenjie@YT-HS-01" and printed.case_number == ""  # two cases
    assert printed.detail == f"reminder letter {dialog.letter.number}; cases=2"
    assert sorted(e.target for e in entries(workspace, admin, "personal.exported")) == [
        "copy.pdf", "letter.pdf"]
    assert len(noise) == 2


def test_a_report_listing_cases_is_audited_when_exported_or_printed(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User], admin: User,
        add_case: Callable[..., object], printed_to: Path, tmp_path: Path) -> None:
    case = add_case()
    assert workspace.desk is not None
    page = ReportsPage(workspace.desk, users["supervisor"])
    qtbot.addWidget(page)
    page.show()
    page.period.setCurrentIndex(0)  # this week: the one case
    with qtbot.waitSignal(page.report_ready, timeout=30_000):
        page.make.click()
    page.export("xlsx", tmp_path / "week.xlsx")  # written on a worker
    qtbot.waitUntil(lambda: len(entries(workspace, admin, "personal.exported")) == 1,
                    timeout=30_000)
    [xlsx] = entries(workspace, admin, "personal.exported")
    assert xlsx.target == "week.xlsx" and xlsx.case_number == case.number  # type: ignore[attr-defined]
    assert xlsx.actor == "chenjie@YT-HS-01" and xlsx.detail.endswith("; cases=1")
    page.export("pdf", tmp_path / "week.pdf")
    assert {e.target for e in entries(workspace, admin, "personal.exported")} == {
        "week.xlsx", "week.pdf"}
    page.print_report()
    [printed] = entries(workspace, admin, "personal.printed")
    assert printed.case_number == case.number and printed.target == "printed.pdf"  # type: ignore[attr-defined]

    # Last week had no cases: its report is counts only, and its export is not personal data.
    page.period.setCurrentIndex(1)
    with qtbot.waitSignal(page.report_ready, timeout=30_000):
        page.make.click()
    page.export("pdf", tmp_path / "last-week.pdf")
    assert (tmp_path / "last-week.pdf").exists()
    assert len(entries(workspace, admin, "personal.exported")) == 2

