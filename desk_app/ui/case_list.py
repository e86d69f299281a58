"""The case list (诉求台账): filters, a search box and the table, opening a case on Enter."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.sla import CHINA
from desk_app.domain.vocabulary import ACTIVE, CHANNELS, STATUSES, URGENCIES
from desk_app.store.case_rows import CaseQuery
from desk_app.store.desk import Desk
from desk_app.store.user_record import User

from .case_model import COLUMNS, CaseTableModel
from .changes import Coalesced
from .formatting import desk_today
from .i18n import label

# Widths that fit a 1366×768 screen; the key columns (deadline, department) are shown right
# after the request instead of at the far right, where they needed sideways scrolling.
WIDTHS = {"number": 168, "status": 76, "urgency": 52, "title": 250, "due_at": 104,
          "lead": 130, "category": 120, "community": 76, "name": 60, "phone": 104,
          "registered_at": 120}
VISUAL_ORDER = ("number", "status", "urgency", "title", "due_at", "lead", "category",
                "community", "name", "phone", "registered_at")


def fit_columns(table: QTableView) -> None:
    header = table.horizontalHeader()
    keys = [key for key, _title, _sort in COLUMNS]
    for key, width in WIDTHS.items():
        table.setColumnWidth(keys.index(key), width)
    for visual, key in enumerate(VISUAL_ORDER):
        header.moveSection(header.visualIndex(keys.index(key)), visual)


class CaseListView(QWidget):
    """Layout of the list screen; `CaseList` wires it to the model."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setObjectName("caseSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("Search: case number, phone or its last 4 digits, words of the request"))
        self.status = QComboBox(objectName="statusFilter")
        self.category = QComboBox(objectName="categoryFilter")
        self.community = QComboBox(objectName="communityFilter")
        self.urgency = QComboBox(objectName="urgencyFilter")
        self.channel = QComboBox(objectName="channelFilter")
        self.deadline = QComboBox(objectName="deadlineFilter")
        self.mine = QCheckBox(self.tr("Mine only"), objectName="mineFilter")
        self.use_dates = QCheckBox(self.tr("Registered from"), objectName="dateFilter")
        self.date_from = QDateEdit(calendarPopup=True, objectName="dateFrom")
        self.date_to = QDateEdit(calendarPopup=True, objectName="dateTo")
        today = QDate(desk_today())  # the desk's date (China time), not the computer's
        self.date_from.setDate(today.addDays(-30))
        self.date_to.setDate(today)
        self.reset = QPushButton(self.tr("Clear filters"), objectName="resetFilters")
        self.count = QLabel(objectName="caseCount")
        self.resolutions = QListWidget(objectName="dueResolutions")
        self.resolutions.setMaximumHeight(90)
        self.resolutions_label = QLabel(self.tr("Council-meeting resolutions overdue or due soon"))
        self.table = QTableView(objectName="caseTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)

        first = QHBoxLayout()
        first.addWidget(self.search, 3)
        first.addWidget(self.status, 1)
        first.addWidget(self.deadline, 1)
        first.addWidget(self.mine)
        second = QHBoxLayout()
        for widget in (self.category, self.community, self.urgency, self.channel):
            second.addWidget(widget, 1)
        second.addWidget(self.use_dates)
        second.addWidget(self.date_from)
        second.addWidget(QLabel(self.tr("to")))
        second.addWidget(self.date_to)
        second.addWidget(self.reset)
        layout = QVBoxLayout(self)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.resolutions_label)
        layout.addWidget(self.resolutions)
        layout.addWidget(self.count)


class CaseList(CaseListView):
    case_opened = Signal(str)

    def __init__(self, desk: Desk, user: User, page_size: int = 200,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user, self.actor = desk, user, user.actor(desk.code)
        self.model = CaseTableModel(desk, user, page_size, self)
        self.model.failed.connect(self.count.setText)  # why the search found nothing
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        fit_columns(self.table)
        header.setSortIndicator(8, Qt.SortOrder.DescendingOrder)
        self._fill_filters()
        self._debounce = QTimer(self, singleShot=True, interval=250)
        self._debounce.timeout.connect(self.apply)
        self.search.textChanged.connect(lambda _t: self._debounce.start())
        self.search.returnPressed.connect(self.apply)
        for combo in (self.status, self.category, self.community, self.urgency, self.channel,
                      self.deadline):
            combo.currentIndexChanged.connect(self.apply)
        for box in (self.mine, self.use_dates):
            box.toggled.connect(self.apply)
        self.date_from.dateChanged.connect(self.apply)
        self.date_to.dateChanged.connect(self.apply)
        self.reset.clicked.connect(self.clear_filters)
        self.table.activated.connect(self._open)
        self.model.loaded.connect(self._show_first_page)
        self.model.counted.connect(self._show_count)
        Coalesced(self, desk, lambda c: c.touches("case"), self.model.refresh)
        self.apply()

    def _fill_filters(self) -> None:
        self.status.addItem(self.tr("All statuses"), None)
        self.status.addItem(self.tr("Still open"), "open")
        for key in STATUSES:
            if key != "incomplete":
                self.status.addItem(label(STATUSES, key), key)
        self.deadline.addItem(self.tr("Any deadline"), None)
        self.deadline.addItem(self.tr("Overdue"), "overdue")
        self.deadline.addItem(self.tr("Due soon"), "due_soon")
        self.deadline.addItem(self.tr("Overdue or due soon"), "both")
        self.category.addItem(self.tr("All categories"), None)
        for cls in self.desk.catalogue.classes.values():
            if cls.parent is None:
                self.category.addItem(cls.name_zh, cls.code)
        self.community.addItem(self.tr("All communities"), None)
        scope = self.desk.identity.org
        for unit in self.desk.catalogue.orgs.values():
            if unit.level == "community" and self.desk.catalogue.within(unit.code, scope):
                self.community.addItem(unit.name_zh, unit.code)
        self.urgency.addItem(self.tr("Any urgency"), None)
        for key in URGENCIES:
            self.urgency.addItem(label(URGENCIES, key), key)
        self.channel.addItem(self.tr("All channels"), None)
        for key in CHANNELS:
            self.channel.addItem(label(CHANNELS, key), key)

    def current_query(self) -> CaseQuery:
        status = self.status.currentData()
        deadline = self.deadline.currentData()
        query = CaseQuery(
            statuses=frozenset(ACTIVE) if status == "open" else
            frozenset({status}) if status else None,
            category=self.category.currentData(), community=self.community.currentData(),
            urgency=self.urgency.currentData(), channel=self.channel.currentData(),
            overdue=deadline in ("overdue", "both"), due_soon=deadline in ("due_soon", "both"),
            owner=self.actor if self.mine.isChecked() else None,  # owned by me (首办负责)
            text=self.search.text().strip(),
            sort=self.model.query.sort, descending=self.model.query.descending,
        )
        if self.use_dates.isChecked():
            start = datetime.combine(self.date_from.date().toPython(), time(0), tzinfo=CHINA)
            end = datetime.combine(self.date_to.date().toPython(), time(0), tzinfo=CHINA)
            query.registered_from = start.astimezone(UTC)
            query.registered_to = (end + timedelta(days=1)).astimezone(UTC)
        return query

    def apply(self) -> None:
        self._debounce.stop()  # Enter after typing: one query, not two
        self.count.setText(self.tr("Searching…"))
        self.model.set_query(self.current_query())
        self._show_resolutions()

    def _show_resolutions(self) -> None:
        """Beside overdue cases, the meetings' resolutions that are overdue or due soon."""
        today = desk_today()
        due = []
        if self.deadline.currentData() is not None:  # not at start: the meetings' store then
            from desk_app.domain.meeting import resolution_overdue
            from desk_app.store.meetings import due_resolutions

            due = due_resolutions(self.desk, today)
        self.resolutions.clear()
        for r in due:
            overdue = resolution_overdue(r.due, today)
            self.resolutions.addItem(("⚠ " if overdue else "") + f"{r.due}  {r.text}（{r.owner}，"
                                     f"{r.percent}%）— {r.meeting_title}")
        self.resolutions.setVisible(bool(due))
        self.resolutions_label.setVisible(bool(due))

    def _reset_filters(self, deadline: str | None = None) -> None:
        """Every filter and the search back to "all" (the deadline view to `deadline`), without
        a query per widget; the caller applies once."""
        for combo in (self.status, self.category, self.community, self.urgency, self.channel):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.deadline.blockSignals(True)
        self.deadline.setCurrentIndex(max(self.deadline.findData(deadline), 0)
                                      if deadline else 0)
        self.deadline.blockSignals(False)
        for box in (self.mine, self.use_dates):
            box.blockSignals(True)
            box.setChecked(False)
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)

    def clear_filters(self) -> None:
        self._reset_filters()
        self.apply()

    def show_overdue(self) -> None:
        """Jump straight to what is overdue or due soon (from the dashboard or a shortcut).

        A preset view: whatever would hide its rows (an old search, other filters) goes."""
        self._reset_filters(deadline="both")
        self.apply()

    def active_filters(self) -> list[str]:
        """What narrows the list now, in words: said beside an empty result."""
        active = []
        text = self.search.text().strip()
        if text:
            active.append(self.tr("search “%1”").replace("%1", text))
        for combo in (self.status, self.deadline, self.category, self.community, self.urgency,
                      self.channel):
            if combo.currentIndex() > 0:
                active.append(combo.currentText())
        if self.mine.isChecked():
            active.append(self.mine.text())
        if self.use_dates.isChecked():
            active.append(self.tr("registered %1 to %2").replace(
                "%1", self.date_from.date().toString("yyyy-MM-dd")).replace(
                "%2", self.date_to.date().toString("yyyy-MM-dd")))
        return active

    def _show_first_page(self, total: int) -> None:
        """The first rows are on screen; until the count arrives, say how many at least."""
        if total == self.model.UNKNOWN:
            self.count.setText(self.tr("≥ %n case(s), counting…", "", self.model.rowCount()))
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _show_count(self, total: int) -> None:
        active = self.active_filters() if total == 0 else []
        if active:
            self.count.setText(self.tr("No case matches these filters: %1. Clear filters to see "
                                       "every case.").replace("%1", "；".join(active)))
        else:
            self.count.setText(self.tr("%n case(s)", "", total))

    def _open(self, index: object) -> None:
        case_id = self.model.data(index, Qt.ItemDataRole.UserRole)  # type: ignore[arg-type]
        if case_id:
            self.case_opened.emit(case_id)
