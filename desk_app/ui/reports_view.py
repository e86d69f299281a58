"""The Reports page (周报 / 月报) for supervisors: pick a period, read the report's tables, open
the cases behind any figure, export xlsx or PDF, print; and the department-score weights."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.roles import may
from desk_app.domain.text import DomainError
from desk_app.reports.labels import Namer
from desk_app.reports.periods import Period
from desk_app.reports.report import EMPTY, build_report
from desk_app.reports.scores import ScoreSettings
from desk_app.reports.tables import INT, NUM, PCT, Table, report_tables, report_title
from desk_app.store.desk import Desk
from desk_app.store.report_queries import mark_model_case, read_case_lines
from desk_app.store.users import User

from .case_detail import plain
from .changes import Coalesced
from .i18n import message, translate
from .report_print import cell_text, report_document
from .tasks import BackgroundOp


def period_choices(kind: str, today: date, count: int) -> list[Period]:
    """Recent periods, newest first (the current one, which is still filling, included)."""
    period = Period.containing(kind, today)
    found = []
    for _ in range(count):
        found.append(period)
        period = period.previous()
    return found


class CasesDialog(QDialog):
    """The cases behind one figure; double-click one to open it."""

    case_opened = Signal(str)

    def __init__(self, desk: Desk, namer: Namer, title: str, case_ids: tuple[str, ...],
                 parent: QWidget | None = None, user: User | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 500)
        lines = read_case_lines(desk.db, user, case_ids[:2000])
        self.table = QTableWidget(len(lines), 5, objectName="figureCases")
        self.table.setHorizontalHeaderLabels([self.tr("Case number"), self.tr("Registered"),
                                              self.tr("Title"), self.tr("Department"),
                                              self.tr("Status")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.ids = [line.id for line in lines]
        for r, line in enumerate(lines):
            for c, text in enumerate((line.number, namer.day(line.registered_at), line.title,
                                      namer.department(line.lead), namer.status(line.status))):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.cellDoubleClicked.connect(lambda row, _c: self.case_opened.emit(self.ids[row]))
        count = QLabel(self.tr("%n case(s)", "", len(case_ids)))
        layout = QVBoxLayout(self)
        layout.addWidget(count)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.desk, self.user = desk, user
        if user is not None and may(user.role, "reports"):
            mark = buttons.addButton(self.tr("Mark as a model case…"),
                                     QDialogButtonBox.ButtonRole.ActionRole)
            mark.setObjectName("markModel")
            mark.clicked.connect(self.mark_selected)
        layout.addWidget(buttons)

    def mark_selected(self, note: str | None = None) -> None:
        """典型案例: the selected case goes into the reports' model cases, with a note."""
        row = self.table.currentRow()
        if row < 0 or self.user is None:
            return
        if note is None:
            note, ok = QInputDialog.getText(self, self.tr("Model case"),
                                            self.tr("Why is this a model case?"))
            if not ok:
                return
        try:
            mark_model_case(self.desk.db, self.user, self.ids[row], note)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Model case"), message(error))


class ScoreSettingsDialog(QDialog):
    def __init__(self, settings: ScoreSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Department score settings"))
        form = QFormLayout(self)
        self.fields: dict[str, QDoubleSpinBox] = {}
        for name, text in (("sign_weight", self.tr("Weight of signing timeliness")),
                           ("completion_weight", self.tr("Weight of completion")),
                           ("satisfaction_weight", self.tr("Weight of satisfaction")),
                           ("excellent", self.tr("Excellent from (score)")),
                           ("good", self.tr("Good from (score)"))):
            box = QDoubleSpinBox(objectName=name)
            box.setRange(0, 100)
            box.setDecimals(0)
            box.setValue(getattr(settings, name))
            form.addRow(text, box)
            self.fields[name] = box
        self.error = plain(name="scoreError")
        self.error.setStyleSheet("color: #b00020;")
        form.addRow(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.settings = settings

    def check(self) -> None:
        try:
            self.settings = ScoreSettings(**{k: v.value() for k, v in self.fields.items()}).checked()
        except DomainError as error:
            self.error.setText(message(error))
            return
        self.accept()


class ReportsPage(QWidget):
    case_opened = Signal(str)
    report_ready = Signal()

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.settings = ScoreSettings()
        self.tables: list[Table] = []
        self.title = ""
        self.report = None
        self.task: object = None  # the TaskState of the report being made (Cancel sets it)
        self.namer = Namer(desk.catalogue, translate, self.locale().name().startswith("zh"))
        self.kind = QComboBox(objectName="periodKind")
        self.kind.addItem(self.tr("Weekly report"), "week")
        self.kind.addItem(self.tr("Monthly report"), "month")
        self.period = QComboBox(objectName="period")
        self.period.setEditable(True)
        self.period.setMinimumWidth(260)
        self.today = today or date.today()
        self.kind.currentIndexChanged.connect(self._fill_periods)
        self.make = QPushButton(self.tr("Make the report"), objectName="makeReport")
        self.make.clicked.connect(self.make_report)
        self.weights = QPushButton(self.tr("Score settings…"), objectName="scoreSettings")
        self.weights.clicked.connect(self.edit_settings)
        self.to_xlsx = QPushButton(self.tr("Export xlsx…"), objectName="exportXlsx")
        self.to_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.to_pdf = QPushButton(self.tr("Export PDF…"), objectName="exportPdf")
        self.to_pdf.clicked.connect(lambda: self.export("pdf"))
        self.print_button = QPushButton(self.tr("Print…"), objectName="printReport")
        self.print_button.clicked.connect(self.print_report)
        for button in (self.to_xlsx, self.to_pdf, self.print_button):
            button.setEnabled(False)
        bar = QHBoxLayout()
        for widget in (self.kind, self.period, self.make, self.weights):
            bar.addWidget(widget)
        bar.addStretch(1)
        for widget in (self.to_xlsx, self.to_pdf, self.print_button):
            bar.addWidget(widget)
        self.heading = plain(name="reportTitle")
        self.heading.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.state = plain(name="reportState")
        self.tabs = QTabWidget(objectName="reportTabs")
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.heading)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        self._fill_periods()
        self.state.setText(self.tr("Choose a period and make the report."))
        # a report on screen is made again when its cases change (once a burst, when shown)
        Coalesced(self, desk, self._concerns, self._remake)

    def _concerns(self, changes: object) -> bool:
        return self.report is not None and changes.touches("case")  # type: ignore[attr-defined]

    def _remake(self) -> None:
        if self.make.isEnabled():
            self.make_report()

    def _fill_periods(self) -> None:
        kind = self.kind.currentData() or "week"
        self.period.clear()
        for p in period_choices(kind, self.today, 104 if kind == "week" else 24):
            self.period.addItem(f"{p.code()}  ({p.first_day:%m-%d} – {p.last_day:%m-%d})", p.code())
        self.period.setCurrentIndex(1)  # the last complete one: what the supervisor reports on

    def chosen_period(self) -> Period:
        index = self.period.currentIndex()
        text = self.period.currentText().split()[0] if self.period.currentText().strip() else ""
        if index >= 0 and self.period.itemText(index) == self.period.currentText():
            text = self.period.itemData(index)
        return Period.parse(text)

    # Making ------------------------------------------------------------------------------
    def make_report(self) -> None:
        try:
            period = self.chosen_period()
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Reports"), message(error))
            return
        desk, namer, settings, user = self.desk, self.namer, self.settings, self.user

        def work(state: object) -> tuple[object, list[Table], str]:
            report = build_report(desk, period, settings=settings, progress=state)  # type: ignore[arg-type]
            tables = report_tables(report, namer, lambda ids: read_case_lines(desk.db, user, ids))
            return report, tables, report_title(report, namer, namer.org(report.scope))

        self.make.setEnabled(False)
        self.state.setText(self.tr("Making the report…"))
        self.task = BackgroundOp(self, work).success(self.show_report).failure(self._failed) \
            .with_progress(self.tr("Making the report…"), cancellable=True).run()

    def _failed(self, error: Exception) -> None:
        self.make.setEnabled(True)
        text = message(error) if isinstance(error, DomainError) else str(error)
        self.state.setText(text)
        if not isinstance(error, DomainError):
            QMessageBox.warning(self, self.tr("Reports"), text)

    def show_report(self, result: tuple[object, list[Table], str]) -> None:
        self.report, self.tables, self.title = result
        self.make.setEnabled(True)
        self.heading.setText(self.title)
        empty = self.report.empty  # type: ignore[attr-defined]
        self.state.setText(self.namer.tr(EMPTY) if empty else self.tr(
            "Double-click a row to see the cases behind it."))
        self.tabs.clear()
        for table in self.tables:
            self.tabs.addTab(self._table_widget(table), table.title)
        for button in (self.to_xlsx, self.to_pdf, self.print_button):
            button.setEnabled(True)
        self.report_ready.emit()

    def _table_widget(self, table: Table) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        view = QTableWidget(len(table.rows), len(table.columns), objectName=f"table_{table.key}")
        view.setHorizontalHeaderLabels([h for h, _f in table.columns])
        view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        view.verticalHeader().setVisible(False)
        for r, row in enumerate(table.rows[:5000]):
            for c, value in enumerate(row):
                fmt = table.format_of(r, c)
                item = QTableWidgetItem(cell_text(value, fmt))
                if fmt in (INT, PCT, NUM):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                view.setItem(r, c, item)
        view.resizeColumnsToContents()
        for c in range(view.columnCount()):
            view.setColumnWidth(c, min(view.columnWidth(c), 420))
        view.cellDoubleClicked.connect(lambda row, _c, t=table: self.open_figure(t, row))
        layout.addWidget(view)
        if table.note:
            note = plain(name=f"note_{table.key}")
            note.setWordWrap(True)
            note.setText(table.note)
            note.setStyleSheet("color: #444;")
            layout.addWidget(note)
        return box

    def open_figure(self, table: Table, row: int) -> None:
        ids = table.row_ids[row] if row < len(table.row_ids) else ()
        if not ids:
            return
        dialog = CasesDialog(self.desk, self.namer, f"{table.title} · {table.rows[row][0]}", ids,
                             self, self.user)
        dialog.case_opened.connect(self.case_opened)
        dialog.case_opened.connect(lambda _id: dialog.accept())
        dialog.open()

    def edit_settings(self) -> None:
        dialog = ScoreSettingsDialog(self.settings, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings = dialog.settings
            if self.report is not None:
                self.make_report()

    # Output ------------------------------------------------------------------------------
    def export(self, fmt: str, path: Path | None = None) -> None:
        if not self.tables:
            return
        if path is None:
            suggested = f"{self.title[:60]}.{fmt}".replace("/", "-")
            chosen, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export the report"), str(Path.home() / suggested),
                "Excel (*.xlsx)" if fmt == "xlsx" else "PDF (*.pdf)")
            if not chosen:
                return
            path = Path(chosen)
        tables, title = self.tables, self.title
        if fmt == "xlsx":
            from desk_app.reports.export import write_xlsx

            BackgroundOp(self, lambda state: write_xlsx(tables, path, title, state)) \
                .success(self._exported).failure(self._failed) \
                .with_progress(self.tr("Writing the xlsx…"), cancellable=True).run()
            return
        from .report_print import write_pdf

        try:  # QTextDocument lays out on the GUI thread; the print is capped at 3,000 rows a table
            self._exported(write_pdf(title, self.state.text(), tables, path))
        except DomainError as error:
            self._failed(error)

    def _exported(self, path: Path) -> None:
        self._audited("personal.exported", Path(path).name)
        self.state.setText(self.tr("Written to %1").replace("%1", str(path)))

    def _audited(self, action: str, where: str) -> None:
        """A report that lists cases line by line (titles as typed) is personal data: its
        exports and prints are in the access audit; one of counts only is not."""
        from .personal_audit import cases_listed, note_personal_output

        cases = cases_listed(self.tables)
        if cases:
            note_personal_output(self.desk, self.user, action, f"report {self.title}"[:200],
                                 cases, where)

    def print_report(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            report_document(self.title, self.state.text(), self.tables).print_(printer)
            self._audited("personal.printed", printer.printerName()
                          or Path(printer.outputFileName()).name)
