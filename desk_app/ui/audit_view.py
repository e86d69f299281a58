"""The access audit for the administrator (个人信息保护法 Art. 51; 等保 2.0 安全审计): who looked
at, searched for, printed or exported residents' data, and every administrative act.

A window of its own (Desk → Access audit…, Ctrl+Shift+A), so the administrator can keep it open
beside a case. The filters default to the last 30 days; entries are read a page at a time on a
worker (`list_audit(before=…)` as the table is scrolled), so a history of years opens as fast as
a week's. New entries appear by themselves (the change broadcast's "audit" fact). The export
writes every entry the filters match, not only the pages read, and is itself audited.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.audit import ACTIONS, KEEP_DAYS
from desk_app.domain.sla import CHINA, ms_from_utc
from desk_app.domain.text import DomainError
from desk_app.reports.tables import TEXT, Table
from desk_app.store.audit import (
    SYSTEM_ACTOR,
    Audited,
    AuditFilter,
    AuditLine,
    list_audit,
    record_audit,
)
from desk_app.store.cases import find_case_id
from desk_app.store.desk import Changes, Desk
from desk_app.store.users import User, list_users

from .changes import Coalesced
from .formatting import actor_name, desk_today, local_time
from .i18n import message, translate
from .personal_audit import output_detail
from .tasks import BackgroundOp

PAGE = 200  # entries read at a time as the table is scrolled
EXPORT_PAGE = 5000
DEFAULT_DAYS = 30
NO_PARENT = QModelIndex()  # the table's root (a flat list)


def action_label(key: str) -> str:
    """An audited action in words; a key a newer version added is shown as the key."""
    text = ACTIONS.get(key)
    return translate("audit", text) if text else key


def day_start_ms(day: date) -> int:
    """Midnight at the desk (China time) as a UTC timestamp: date filters are the desk's days."""
    return ms_from_utc(datetime.combine(day, time(), CHINA))


def every_entry(desk: Desk, user: User, where: AuditFilter, page: int = EXPORT_PAGE
                ) -> list[AuditLine]:
    """All the entries the filter matches, newest first, read a page at a time."""
    found: list[AuditLine] = []
    before: tuple[int, str] | None = None
    while True:
        lines = list_audit(desk, user, where, limit=page, before=before)
        found += lines
        if len(lines) < page:
            return found
        before = (lines[-1].at_ms, lines[-1].id)


@dataclass(frozen=True)
class AuditWords:
    """How entries are shown, looked up on the GUI thread (the export writes on a worker)."""

    people: Mapping[str, str]
    actions: Mapping[str, str]
    nobody: str
    documents: dict[str, str]  # receipt, reminder letter, report → their words
    shape: str  # "%1 (cases: %2)"

    def person(self, actor: str) -> str:
        if actor.partition("@")[0] == SYSTEM_ACTOR:
            return self.nobody
        return actor_name(actor, dict(self.people))

    def row(self, line: AuditLine) -> list[str]:
        return [local_time(line.at_ms, with_seconds=True), self.person(line.actor),
                self.actions.get(line.action, line.action), line.case_number, line.target,
                output_detail(line.detail, self.documents, self.shape)]


class AuditModel(QAbstractTableModel):
    """The entries read so far; asks `more()` for the next page when the view scrolls to the
    end (Qt's canFetchMore/fetchMore)."""

    def __init__(self, headers: list[str], words: AuditWords, more: Callable[[], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.headers, self.words, self._more = headers, words, more
        self.lines: list[AuditLine] = []
        self.has_more = False
        self.loading = False

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self.lines[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.words.row(line)[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return line
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def replace(self, lines: list[AuditLine], has_more: bool) -> None:
        self.beginResetModel()
        self.lines, self.has_more, self.loading = list(lines), has_more, False
        self.endResetModel()

    def append(self, lines: list[AuditLine], has_more: bool) -> None:
        self.loading, self.has_more = False, has_more
        if lines:
            start = len(self.lines)
            self.beginInsertRows(QModelIndex(), start, start + len(lines) - 1)  # last inclusive
            self.lines += lines
            self.endInsertRows()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> bool:
        return not parent.isValid() and self.has_more and not self.loading

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = NO_PARENT) -> None:
        if self.canFetchMore(parent):
            self.loading = True
            self._more()


class AuditDialog(QDialog):
    """Filters, the table of entries, export. Double-click an entry to open its case."""

    case_opened = Signal(str)
    loaded = Signal()  # a page of entries is on screen (tests wait for it)
    exported = Signal(object)  # the Path written

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None,
                 page_size: int = PAGE, today: date | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)  # a window of its own, beside the main one
        self.setWindowTitle(self.tr("Access audit — %1").replace("%1", desk.identity.name))
        self.resize(1100, 640)
        self.desk, self.user, self.page_size = desk, user, page_size
        self._generation = 0
        today = today or desk_today()
        self.since = self._date_edit("auditSince", today - timedelta(days=DEFAULT_DAYS))
        self.until = self._date_edit("auditUntil", today)
        self.person = QComboBox(objectName="auditPerson")
        self.person.addItem(self.tr("Everyone"), "")
        people = list_users(desk.db, user)
        for person in people:
            self.person.addItem(f"{person.display_name}（{person.username}）", person.username)
        self.person.addItem(self.tr("The desk (nobody signed in)"), SYSTEM_ACTOR)
        self.action = QComboBox(objectName="auditAction")
        self.action.addItem(self.tr("Every action"), "")
        for key in ACTIONS:
            self.action.addItem(action_label(key), key)
        self.case_number = QLineEdit(objectName="auditCase")
        self.case_number.setPlaceholderText(self.tr("All cases"))
        self.case_number.setClearButtonEnabled(True)
        self.search = QPushButton(self.tr("&Search"), objectName="auditSearch")
        self.search.setDefault(True)
        self.export_button = QPushButton(self.tr("&Export xlsx…"), objectName="auditExport")
        self.export_button.setToolTip(self.tr("Every entry the filters match (Ctrl+E)"))
        QShortcut(QKeySequence("Ctrl+E"), self, activated=self.export)
        self.words = AuditWords({p.actor(desk.code): p.display_name for p in people},
                                {key: action_label(key) for key in ACTIONS},
                                self.tr("The desk (nobody signed in)"),
                                {"receipt": self.tr("Receipt"),
                                 "reminder letter": self.tr("Reminder letter"),
                                 "report": self.tr("Report")}, self.tr("%1 (cases: %2)"))
        self.headers = [self.tr("Time"), self.tr("Person"), self.tr("Action"),
                        self.tr("Case number"), self.tr("Concerning"), self.tr("Detail")]
        self.model = AuditModel(self.headers, self.words, self._read_more, self)
        self.table = QTableView(objectName="auditTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column, width in enumerate((150, 150, 230, 215, 200)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self.open_entry)
        self.state = QLabel(objectName="auditState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        keep = QLabel(self.tr("Entries are kept at least %1 days and cannot be changed.")
                      .replace("%1", str(KEEP_DAYS)))
        keep.setStyleSheet("color: #555;")
        self._layout(keep)
        for box in (self.since, self.until):
            box.dateChanged.connect(self.refresh)
        self.person.currentIndexChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.search.clicked.connect(self.refresh)
        self.export_button.clicked.connect(self.export)
        Coalesced(self, desk, self._concerns, self.refresh)
        self.refresh()

    def _date_edit(self, name: str, day: date) -> QDateEdit:
        edit = QDateEdit(QDate(day.year, day.month, day.day), objectName=name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _layout(self, keep: QLabel) -> None:
        """One row of filters above the table, each with its Alt key."""
        bar = QHBoxLayout()
        fields = ((self.tr("&Dates"), self.since), (None, QLabel("—")), (None, self.until),
                  (self.tr("&Person"), self.person), (self.tr("&Action"), self.action),
                  (self.tr("Case &number"), self.case_number))
        for text, field in fields:
            if text is not None:
                title = QLabel(text)
                title.setBuddy(field)
                bar.addSpacing(8)
                bar.addWidget(title)
            bar.addWidget(field)
        self.person.setMinimumWidth(150)
        self.action.setMinimumWidth(230)
        self.case_number.setMinimumWidth(170)
        bar.addWidget(self.search)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addWidget(keep)

    # Reading -----------------------------------------------------------------------------
    @staticmethod
    def _concerns(changes: Changes) -> bool:
        return changes.moved("audit")

    def current_filter(self) -> AuditFilter:
        since, until = self.since.date().toPython(), self.until.date().toPython()
        if until < since:
            since, until = until, since
        # Up to today means up to now, and after: an entry's time is its event's clock stamp,
        # which may run a little ahead of this computer's clock (stamps seen from the centre).
        last = None if until >= desk_today() else day_start_ms(until + timedelta(days=1))
        return AuditFilter(since_ms=day_start_ms(since), until_ms=last,
                           actor=self.person.currentData() or "",
                           action=self.action.currentData() or "",
                           case_number=self.case_number.text().strip().upper())

    def refresh(self) -> None:
        """Read the first page again for the filters as they are now; a page still being read
        for older filters is dropped when it arrives."""
        self._generation += 1
        self.model.loading = True
        self._read(None, replace=True)

    def _read_more(self) -> None:
        last = self.model.lines[-1]
        self._read((last.at_ms, last.id), replace=False)

    def _read(self, before: tuple[int, str] | None, replace: bool) -> None:
        desk, user, where, size = self.desk, self.user, self.current_filter(), self.page_size
        generation = self._generation
        self.state.setText(self.tr("Reading the audit…"))
        BackgroundOp(self, lambda _s: list_audit(desk, user, where, limit=size, before=before)) \
            .success(lambda lines: self._placed(generation, lines, replace)) \
            .failure(self._failed).run()

    def _placed(self, generation: int, lines: list[AuditLine], replace: bool) -> None:
        if generation != self._generation:
            return
        more = len(lines) == self.page_size
        (self.model.replace if replace else self.model.append)(lines, more)
        shown = self.model.rowCount()
        text = self.tr("%n record(s) shown", "", shown)
        if more:
            text += self.tr("; scroll down for older ones")
        self.state.setText(text)
        self.loaded.emit()

    def _failed(self, error: Exception) -> None:
        self.model.loading = False
        if not isinstance(error, DomainError):
            raise error
        self.state.setText(message(error))

    # Acting on entries -------------------------------------------------------------------
    def open_entry(self, index: QModelIndex) -> None:
        """The case of the entry, when this desk has it (an entry may name a case since merged
        away or one of another desk's)."""
        line: AuditLine = self.model.data(index, Qt.ItemDataRole.UserRole)
        if line is None or not line.case_number:
            return
        case_id = find_case_id(self.desk, self.user, line.case_number)
        if case_id is None:
            QMessageBox.information(self, self.tr("Access audit"), self.tr(
                "This desk does not have case %1.").replace("%1", line.case_number))
            return
        self.case_opened.emit(case_id)

    def export(self, path: Path | None = None) -> None:
        """Every entry the filters match to an xlsx (on a worker); recorded as audit.exported."""
        if path is None:
            suggested = f"{self.tr('Access audit')}-{desk_today():%Y%m%d}.xlsx"
            chosen, _f = QFileDialog.getSaveFileName(
                self, self.tr("Export the access audit"), str(Path.home() / suggested),
                "Excel (*.xlsx)")
            if not chosen:
                return
            path = Path(chosen)
        target = Path(path)
        desk, user, where, words = self.desk, self.user, self.current_filter(), self.words
        title = self.windowTitle()
        columns = [(h, TEXT) for h in self.headers]

        def work(state: Any) -> tuple[Path, int]:
            from desk_app.reports.export import write_xlsx

            lines = every_entry(desk, user, where)
            table = Table("audit", translate("AuditDialog", "Access audit"), list(columns))
            for line in lines:
                table.add(list(words.row(line)))
            write_xlsx([table], target, title, state)
            record_audit(desk, user, Audited("audit.exported", target=target.name[:100],
                                             detail=describe(where, len(lines))))
            return target, len(lines)

        self.export_button.setEnabled(False)
        BackgroundOp(self, work).success(self._exported).failure(self._export_failed) \
            .with_progress(self.tr("Writing the xlsx…"), cancellable=True).run()

    def _exported(self, result: tuple[Path, int]) -> None:
        path, count = result
        self.export_button.setEnabled(True)
        self.state.setText(self.tr("%n record(s) written to %1", "", count)
                           .replace("%1", str(path)))
        self.exported.emit(path)

    def _export_failed(self, error: Exception) -> None:
        self.export_button.setEnabled(True)
        if not isinstance(error, DomainError):
            raise error
        QMessageBox.warning(self, self.tr("Not exported"), message(error))


def describe(where: AuditFilter, count: int) -> str:
    """The filters of an export, as its audit entry keeps them (keys, not words: any desk and
    language reads them the same)."""
    parts = [f"entries={count}"]
    for name, value in (("since_ms", where.since_ms), ("until_ms", where.until_ms),
                        ("actor", where.actor), ("action", where.action),
                        ("case", where.case_number)):
        if value not in (None, ""):
            parts.append(f"{name}={value}")
    return " ".join(parts)
