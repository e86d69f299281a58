"""The watch list page (督办台): what needs action first, its count badge, the tray notice.

The list is read on a worker (never the GUI thread); the follow-through job runs on its own
scheduler thread and reaches this page only through the queued signal of `FollowupBridge`.
A notification is shown when the job has *recorded* a new crossing — each crossing is recorded
once, so it is shown once — and only within the settable working hours.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSystemTrayIcon,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.followup import (
    DEFAULT_RULES,
    ESTIMATED_NOTE,
    WARN_LABELS,
    WORKING_HOURS,
    QuietHours,
    Rules,
    Warn,
)
from desk_app.domain.roles import may
from desk_app.domain.sla import utc_from_ms
from desk_app.domain.text import DomainError
from desk_app.followup_job import FollowupJob, FollowupResult, desk_level
from desk_app.store.calendar_store import CalendarApplied
from desk_app.store.desk import Changes, Desk
from desk_app.store.users import User
from desk_app.store.watchlist import (
    WatchFilter,
    WatchItem,
    WatchList,
    disputed_items,
    watch_count,
    watch_page,
)

from .changes import Coalesced
from .formatting import deadline_time
from .i18n import label, message, pick, translate
from .tasks import BackgroundOp

if TYPE_CHECKING:
    from .main_window import MainWindow

MAX_ROWS = 500  # the most pressing; the filters narrow the rest (the table is built on the GUI thread)
KIND_COLOURS = {Warn.OVERDUE: "#b00020", Warn.SIGN_OVERDUE: "#b00020",
                Warn.CO_SIGN_OVERDUE: "#c2410c", Warn.DEPT_RETURNED: "#c2410c",
                Warn.DUE_SOON: "#b45309", Warn.NOTICE: "#7c2d12"}


def warning_text(item: WatchItem) -> str:
    names = [label(WARN_LABELS, w.kind) for w in item.warnings]
    return "；".join(dict.fromkeys(names))


def estimated_text(years: tuple[int, ...]) -> str:
    if not years:
        return ""
    return translate("followup", ESTIMATED_NOTE).format(years="、".join(map(str, years)))


class FollowupBridge(QObject):
    """The job's results, delivered on the GUI thread; the tray notification."""

    result = Signal(object)  # FollowupResult

    def __init__(self, desk: Desk, rules: Rules = DEFAULT_RULES, quiet: QuietHours = WORKING_HOURS,
                 interval_minutes: float = 5, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.rules = rules
        self.quiet = quiet
        self.shown: list[tuple[str, str]] = []  # (title, text) of each notification shown
        self.tray: QSystemTrayIcon | None = None
        self.job = FollowupJob(desk, lambda: self.rules, self.result.emit, interval_minutes)
        self.result.connect(self._notify, Qt.ConnectionType.QueuedConnection)

    def apply_settings(self, settings: object) -> None:
        self.rules = Rules(evaluate_within_days=settings.evaluate_within_days)  # type: ignore[attr-defined]
        self.quiet = QuietHours(settings.notify_from_hour,  # type: ignore[attr-defined]
                                settings.notify_until_hour)  # type: ignore[attr-defined]

    def start(self, first_in_seconds: float = 2) -> None:
        self.job.start(first_in_seconds)

    def run_now(self) -> None:
        self.job.run_now()

    def stop(self) -> None:
        self.job.shutdown()
        if self.tray is not None:
            self.tray.hide()

    def _notify(self, result: FollowupResult) -> None:
        new: dict[str, tuple[WatchItem, list[str]]] = {}
        for item, w in result.recorded.warnings:  # one line per case, its new crossings
            new.setdefault(item.id, (item, []))[1].append(label(WARN_LABELS, w.kind))
        if not new or not self.quiet.allows(utc_from_ms(result.at), self.desk.calendar):
            return
        title = translate("FollowupBridge", "Community Desk — watch list")
        if len(new) <= 3:
            body = "\n".join(f"{item.number} {'、'.join(kinds)}：{item.title}"
                              for item, kinds in new.values())
        else:
            body = translate("FollowupBridge", "%1 cases newly need action.").replace(
                "%1", str(len(new)))
        self.shown.append((title, body))
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self.tray is None:
                self.tray = QSystemTrayIcon(QApplication.windowIcon() or QIcon(), self)
            self.tray.show()
            self.tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, 8000)


class WatchPage(QWidget):
    case_opened = Signal(str)
    meeting_opened = Signal(str)
    count_changed = Signal(int)
    letter_requested = Signal(str)  # department

    def __init__(self, desk: Desk, user: User, rules: Rules = DEFAULT_RULES,
                 now: object = None) -> None:
        super().__init__()
        self.desk, self.user, self.rules = desk, user, rules
        self._now = now  # a callable returning ms, for tests; the desk's clock otherwise
        self.listing = WatchList()
        self.count = -1
        self.badge: QLabel | None = None  # in the window's status bar, once attached
        self.badge_listener: Coalesced | None = None
        self.department = QComboBox(objectName="watchDepartment")
        self.department.addItem(self.tr("All departments"), None)
        lang = "zh_CN" if self.tr("All departments") != "All departments" else "en"
        for code, dept in sorted(desk.catalogue.departments.items()):
            self.department.addItem(pick(lang, dept.name_zh, dept.name_en), code)
        self.community = QComboBox(objectName="watchCommunity")
        self.community.addItem(self.tr("All communities"), None)
        for code, unit in sorted(desk.catalogue.orgs.items()):
            if unit.level == "community" and (code.startswith(desk.identity.org)
                                              or desk.identity.org.startswith(code)):
                self.community.addItem(pick(lang, unit.name_zh, unit.name_en), code)
        self.kind = QComboBox(objectName="watchKind")
        self.kind.addItem(self.tr("All warnings"), None)
        for kind in Warn:
            self.kind.addItem(label(WARN_LABELS, kind), kind.value)
        self.mine = QCheckBox(self.tr("Mine only"), objectName="watchMine")
        self.letter = QPushButton(self.tr("Reminder letter…"), objectName="watchLetter")
        self.letter.clicked.connect(self._ask_letter)
        self.calendar_button = QPushButton(self.tr("Import holiday calendar…"),
                                           objectName="watchCalendar")
        self.calendar_button.clicked.connect(self.ask_calendar)
        self.calendar_button.setVisible(may(user.role, "settings"))
        for box in (self.department, self.community, self.kind):
            box.currentIndexChanged.connect(self.refresh)
        self.mine.toggled.connect(self.refresh)
        self.summary = QLabel(objectName="watchSummary")
        self.disputed = QLabel(objectName="watchDisputed")
        self.disputed.setWordWrap(True)
        self.disputed.hide()
        self.table = QTableWidget(0, 6, objectName="watchTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Needs"), self.tr("Number"), self.tr("Title"), self.tr("Department"),
            self.tr("Deadline"), self.tr("Note")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3, 4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.cellActivated.connect(self._open_row)
        self.table.cellDoubleClicked.connect(self._open_row)
        filters = QHBoxLayout()
        for widget in (self.department, self.community, self.kind, self.mine):
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.letter)
        filters.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Watch list: what needs action first"))
        title.setStyleSheet("font-size: 18px; font-weight: bold;")
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.disputed)
        layout.addWidget(self.table, 1)
        # Redrawn from the change hub: any committed change to a case or a meeting, made here,
        # pulled, or recorded by the follow-through job, may move something on or off the list.
        self.listener = Coalesced(self, desk, self._concerns, self.refresh)

    @staticmethod
    def _concerns(changes: Changes) -> bool:
        return changes.touches("case") or changes.touches("meeting") or changes.moved(
            "calendar")

    def now_ms(self) -> int:
        return self._now() if callable(self._now) else self.desk.clock.wall_ms()

    def current_filter(self) -> WatchFilter:
        return WatchFilter(self.department.currentData(), self.community.currentData(),
                           self.kind.currentData(),
                           self.user.actor(self.desk.code) if self.mine.isChecked() else None)

    def refresh(self) -> None:
        """Read the list on a worker; the table and badge change when it arrives."""
        desk, rules, flt, now = self.desk, self.rules, self.current_filter(), self.now_ms()
        level, user = desk_level(desk), self.user

        def work(_state: object) -> tuple[WatchList, int, int, list[tuple[str, int]]]:
            # The first rows and the counts come from SQL (store/watch_rules.py): at 1 M cases
            # the whole list is some 100,000 items, never built here.
            with desk.db.read() as conn:
                shown = watch_page(conn, user, now, desk.calendar, rules=rules,
                                   desk_level=level, flt=flt, limit=MAX_ROWS)
                total = shown.total if flt == WatchFilter() else watch_count(
                    conn, now, desk.calendar, rules, level)
                disputed = disputed_items(conn)
            return shown, shown.total, total, disputed

        BackgroundOp(self, work).success(self._show).run()

    def refresh_count(self) -> None:
        """Only the badge's count, on a worker: kept current while the page itself is hidden."""
        desk, rules, now, level = self.desk, self.rules, self.now_ms(), desk_level(self.desk)

        def work(_state: object) -> int:
            with desk.db.read() as conn:
                return watch_count(conn, now, desk.calendar, rules, level)

        BackgroundOp(self, work).success(self._set_count).run()

    def _set_count(self, total: int) -> None:
        if total != self.count:
            self.count = total
            self.count_changed.emit(total)

    def _show(self, result: tuple[WatchList, int, int, list[tuple[str, int]]]) -> None:
        self.listing, count, total, disputed = result
        shown = self.listing.items
        names = []
        for code, n in disputed:
            item = self.desk.catalogue.items.get(code)
            names.append(self.tr("%1 (returned %2 times)").replace(
                "%1", item.name_zh if item else code).replace("%2", str(n)))
        self.disputed.setText(self.tr("Items disputed most often: %1").replace(
            "%1", "；".join(names)) if names else "")
        self.disputed.setVisible(bool(names))
        self.table.setUpdatesEnabled(False)
        self.table.setRowCount(len(shown))
        for row, item in enumerate(shown):
            cells = [warning_text(item), item.number, item.title,
                     self._department_name(item.department),
                     deadline_time(item.due_at) if item.due_at else item.listed_due,
                     self._note(item)]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(Qt.ItemDataRole.UserRole, item.open_id)
                colour = KIND_COLOURS.get(item.warning.kind)
                if column == 0 and colour:
                    cell.setForeground(Qt.GlobalColor.red if colour == "#b00020"
                                       else Qt.GlobalColor.darkYellow)
                self.table.setItem(row, column, cell)
        self.table.setUpdatesEnabled(True)
        self.summary.setText(self.tr("%1 items need action").replace("%1", str(count)) if
                             count <= MAX_ROWS else self.tr(
            "%1 items need action; the first %2 are shown (filter to see the others)")
            .replace("%1", str(count)).replace("%2", str(MAX_ROWS)))
        self._set_count(total)

    def _note(self, item: WatchItem) -> str:
        parts = []
        if item.reason and any(w.kind is Warn.ESCALATED for w in item.warnings):
            parts.append(self.tr("Escalated because: %1").replace("%1", item.reason))
        if item.returned and any(w.kind is Warn.DEPT_RETURNED for w in item.warnings):
            dept, _, why = item.returned.partition("：")
            parts.append(self.tr("Returned by %1: %2").replace(
                "%1", self._department_name(dept)).replace("%2", why))
        if item.leader:
            parts.append(self.tr("Leader: %1").replace("%1", item.leader))
        claimed = [w.detail for w in item.warnings if w.kind is Warn.CLAIMED]
        if claimed and claimed[0] != item.leader:
            parts.append(self.tr("Claimed by %1").replace("%1", claimed[0]))
        co = [w.detail for w in item.warnings if w.kind is Warn.CO_SIGN_OVERDUE]
        if co:
            parts.append(self.tr("Co-department: %1").replace(
                "%1", "、".join(self._department_name(d) for d in co)))
        if item.estimated:
            parts.append(estimated_text(item.estimated))
        return "；".join(parts)

    def _department_name(self, code: str) -> str:
        dept = self.desk.catalogue.departments.get(code)
        if dept is None:
            return code
        lang = "zh_CN" if self.tr("All departments") != "All departments" else "en"
        return pick(lang, dept.name_zh, dept.name_en)

    def _open_row(self, row: int, _column: int) -> None:
        item = self.listing.items[row]
        if item.entity == "resolution":
            self.meeting_opened.emit(item.open_id)
        else:
            self.case_opened.emit(item.open_id)

    def _ask_letter(self) -> None:
        dept = self.department.currentData()
        if dept is None and self.table.currentRow() >= 0:
            dept = self.listing.items[self.table.currentRow()].department or None
        self.letter_requested.emit(dept or "")

    def ask_calendar(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import the State Council's holiday notice"), "",
            self.tr("CSV files (*.csv)"))
        if path:
            self.import_calendar(Path(path))

    def import_calendar(self, path: Path) -> None:
        """On a worker: the open cases' deadlines are folded again under the new calendar."""
        from PySide6.QtWidgets import QMessageBox

        from desk_app.store.calendar_store import import_calendar_file

        desk, user = self.desk, self.user

        def done(applied: CalendarApplied) -> None:
            self.last_import = applied
            QMessageBox.information(self, self.tr("Holiday calendar"), self.tr(
                "Imported %1. %2 open cases were recomputed; %3 deadlines moved.")
                .replace("%1", "、".join(map(str, applied.years)))
                .replace("%2", str(applied.recomputed)).replace("%3", str(applied.moved)))

        def failed(error: Exception) -> None:
            self.last_import = error
            text = message(error) if isinstance(error, DomainError) else str(error)
            QMessageBox.warning(self, self.tr("Holiday calendar not imported"), text)

        BackgroundOp(self, lambda _s: import_calendar_file(desk, user, path)).success(
            done).failure(failed).with_progress(self.tr("Recomputing deadlines…")).run()

    def when(self) -> datetime:
        return utc_from_ms(self.now_ms())


def attach_watch_page(window: MainWindow, bridge: FollowupBridge | None) -> WatchPage | None:
    """Add the watch list to the main window: a page with a count badge in the sidebar, a count
    in the status bar, cases opened in the window's detail page, meetings in theirs."""
    w = window
    if not may(w.user.role, "remind"):
        return None
    rules = bridge.rules if bridge is not None else DEFAULT_RULES
    page = WatchPage(w.desk, w.user, rules)
    title = translate("WatchPage", "Watch list")
    row = w.nav.count()
    w.nav.addItem(title)
    w.pages.insertWidget(row, page)  # before the detail page, so rows and pages line up
    page.badge = QLabel(objectName="watchBadge")
    page.badge.setStyleSheet("color: #b00020; font-weight: bold;")
    w.statusBar().addPermanentWidget(page.badge)

    def show_count(count: int) -> None:
        w.nav.item(row).setText(f"{title} ({count})" if count else title)
        page.badge.setText(translate("WatchPage", "%1 to follow up").replace("%1", str(count))
                           if count else "")

    page.count_changed.connect(show_count)
    # The badge follows every change even while the page is hidden (the window is shown).
    page.badge_listener = Coalesced(w, w.desk, WatchPage._concerns, page.refresh_count)
    page.case_opened.connect(w.open_case)
    page.meeting_opened.connect(w.open_meeting)
    page.letter_requested.connect(lambda dept: open_letter(page, dept))
    page.refresh()
    return page


def followup_for(workspace: object) -> FollowupBridge:
    """The bridge with the desk's settings: evaluation days, working hours, interval."""
    settings = workspace.settings  # type: ignore[attr-defined]
    rules = Rules(evaluate_within_days=settings.evaluate_within_days)
    quiet = QuietHours(settings.notify_from_hour, settings.notify_until_hour)
    return FollowupBridge(workspace.desk, rules, quiet,  # type: ignore[attr-defined]
                          settings.followup_interval_minutes)


def open_letter(page: WatchPage, department: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from .reminder_letter import ReminderLetterDialog

    if not department:
        QMessageBox.information(page, translate("WatchPage", "Reminder letter"), translate(
            "WatchPage", "Choose a department (or a case of it) first."))
        return
    dialog = ReminderLetterDialog(page.desk, page.user, department, page.now_ms(), page)
    dialog.finished.connect(lambda _r: page.refresh())
    dialog.open()
