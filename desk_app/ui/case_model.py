"""The case list as a Qt table model over the store's keyset pages.

The first page loads off the GUI thread and is shown as soon as it is read; the total is counted
after that, on another worker, so that a search matching 100,000 cases shows its first rows in
milliseconds and its count when it is known. Further pages load as the view scrolls
(canFetchMore/fetchMore), each as fast as the first, so the list opens at once on a million
cases. The model keeps only the list's rows (`CaseRow` tuples, the columns' values), about 1 KB
each.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desk_app.domain.sla import ms_from_utc
from desk_app.domain.text import QT_TRANSLATE_NOOP, DomainError
from desk_app.domain.vocabulary import ACTIVE, STATUSES, URGENCIES
from desk_app.store.case_rows import CaseQuery, CaseRow, count_all, first_page, unfiltered
from desk_app.store.desk import Desk
from desk_app.store.user_record import User

from .formatting import local_time, remaining
from .i18n import label, message, translate
from .tasks import BackgroundOp

OVERDUE = QColor("#fbd5d5")
DUE_SOON = QColor("#fff1c2")
SUPERVISED_TEXT = QColor("#8a1c1c")

# (key, header source text, sort key in the store or None)
COLUMNS = (
    ("number", QT_TRANSLATE_NOOP("CaseTableModel", "Case number"), "number"),
    ("status", QT_TRANSLATE_NOOP("CaseTableModel", "Status"), "status"),
    ("urgency", QT_TRANSLATE_NOOP("CaseTableModel", "Urgency"), "urgency"),
    ("title", QT_TRANSLATE_NOOP("CaseTableModel", "Request"), "title"),
    ("category", QT_TRANSLATE_NOOP("CaseTableModel", "Category"), "category"),
    ("community", QT_TRANSLATE_NOOP("CaseTableModel", "Community"), "community"),
    ("name", QT_TRANSLATE_NOOP("CaseTableModel", "Resident"), None),
    ("phone", QT_TRANSLATE_NOOP("CaseTableModel", "Phone"), None),
    ("registered_at", QT_TRANSLATE_NOOP("CaseTableModel", "Registered"), "registered_at"),
    ("due_at", QT_TRANSLATE_NOOP("CaseTableModel", "Deadline"), "due_at"),
    ("lead", QT_TRANSLATE_NOOP("CaseTableModel", "Department"), None),
)

class CaseTableModel(QAbstractTableModel):
    # The first page of a new query is in. Its argument is the total number of matching cases
    # when the page already tells it (a page that is not full), else UNKNOWN: `counted` follows.
    loaded = Signal(int)
    counted = Signal(int)  # the total number of matching cases, once known
    failed = Signal(str)
    UNKNOWN = -1

    def __init__(self, desk: Desk, user: User,
                 page_size: int = 200, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The store masks phones for roles that may not see them: the rows come as the user
        # may see them, so nothing here decides.
        self.desk, self.user, self.catalogue = desk, user, desk.catalogue
        self.page_size = page_size
        self.query = CaseQuery()
        self.rows: list[CaseRow] = []
        self.total = 0
        self._cursor: tuple[Any, int] | None = None
        self._generation = 0
        self._shown = False  # whether a first page has been shown yet
        self.now = datetime.now(UTC)

    # Loading ---------------------------------------------------------------------------
    def set_query(self, query: CaseQuery) -> None:
        """Show the cases matching `query`: the first page in the background, then the count."""
        self._generation += 1
        generation = self._generation
        self.query = query
        now = datetime.now(UTC)
        timed = replace(query, now=now)

        def work(_state: object) -> tuple[list[CaseRow], Any]:
            if generation != self._generation:
                return [], None  # already superseded: no need to read it
            if unfiltered(timed):  # the driver's one statement, the same rows as list_cases
                page = first_page(self.desk.db, self.user, timed, limit=self.page_size)
            else:
                from desk_app.store.case_queries import list_cases  # SQLAlchemy

                page = list_cases(self.desk, self.user, timed, limit=self.page_size)
            return page.rows, page.cursor

        def done(result: tuple[list[CaseRow], Any]) -> None:
            if generation != self._generation:
                return  # a newer query has been asked for meanwhile
            self.beginResetModel()
            self.rows, self._cursor = result
            self._shown = True
            self.now = now
            known = self._cursor is None
            self.total = len(self.rows) if known else self.UNKNOWN
            self.endResetModel()
            self.loaded.emit(self.total)
            if known:
                self.counted.emit(self.total)
            else:
                self._count(timed, generation)

        def refused(error: BaseException) -> None:
            if generation != self._generation:
                return
            if isinstance(error, DomainError):  # e.g. a phone search by a role that may not
                self.beginResetModel()
                self.rows, self._cursor, self.total = [], None, 0
                self.endResetModel()
            self.failed.emit(message(error) if isinstance(error, DomainError) else str(error))

        if not self._shown and unfiltered(timed):
            # The list's first screen: read here by the DB driver (a few ms, one index range),
            # so that the window is painted with its rows, before SQLAlchemy is imported.
            try:
                page = first_page(self.desk.db, self.user, timed, limit=self.page_size)
            except Exception:  # e.g. the database busy: the worker reads it, and says why
                pass
            else:
                done((page.rows, page.cursor))
                return
        BackgroundOp(None, work).success(done).failure(refused).run()

    def _count(self, query: CaseQuery, generation: int) -> None:
        """Count on its own worker, so that a long count never holds up the next page."""

        def work(_state: object) -> int | None:
            if generation != self._generation:
                return None
            if unfiltered(query):  # every case: counted by the driver (no SQLAlchemy at start)
                return count_all(self.desk.db, self.user)
            from desk_app.store.case_queries import count_cases

            return count_cases(self.desk.db, self.user, query)

        def done(total: int | None) -> None:
            if total is None or generation != self._generation:
                return
            self.total = total
            self.counted.emit(total)

        BackgroundOp(None, work, pool_name="count").success(done).failure(
            lambda error: None if isinstance(error, DomainError)  # said by the page's failure
            else self.failed.emit(str(error))).run()

    @property
    def total_known(self) -> bool:
        return self.total != self.UNKNOWN

    def refresh(self) -> None:
        self.set_query(self.query)

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._cursor is not None

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:  # noqa: B008
        if self._cursor is None:
            return
        from desk_app.store.case_queries import list_cases

        page = list_cases(self.desk, self.user, replace(self.query, now=self.now),
                          after=self._cursor,
                          limit=self.page_size)
        if page.rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.cursor

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column][2]
        if key is None:
            return
        self.set_query(replace(self.query, sort=key,
                               descending=order == Qt.SortOrder.DescendingOrder))

    # Showing ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return translate("CaseTableModel", COLUMNS[section][1])
        return None

    def case_at(self, row: int) -> CaseRow:
        return self.rows[row]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, key)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole:
            state = row.clock_state(ms_from_utc(self.now))
            if state == "overdue":
                return QBrush(OVERDUE)
            if state == "due_soon":
                return QBrush(DUE_SOON)
        if role == Qt.ItemDataRole.ForegroundRole and row.supervised:
            return QBrush(SUPERVISED_TEXT)
        if role == Qt.ItemDataRole.ToolTipRole and key == "title":
            return row.title
        return None

    def _text(self, row: CaseRow, key: str) -> str:
        if key == "status":
            text = label(STATUSES, row.status)
            return text + (" ⚠" if row.conflicts else "")
        if key == "urgency":
            return label(URGENCIES, row.urgency)
        if key == "category":
            item = self.catalogue.items.get(row.category)
            return item.name_zh if item else row.category
        if key == "community":
            unit = self.catalogue.orgs.get(row.community)
            return unit.name_zh if unit else row.community
        if key == "phone":
            return row.phone
        if key == "registered_at":
            return local_time(row.registered_at)
        if key == "due_at":
            if row.status in ACTIVE:
                return remaining(row.due_at, self.now)
            return ""
        if key == "lead":
            dept = self.catalogue.departments.get(row.lead or "")
            return dept.name_zh if dept else ""
        value = getattr(row, key)
        return "" if value is None else str(value)
