"""The main window: a sidebar of the desk's work, the pages, menus and the status bar."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QWidget,
)

from desk_app.domain.picker import CatalogueIndex
from desk_app.domain.roles import ROLES, may
from desk_app.store.desk import Changes
from desk_app.store.user_record import User
from desk_app.workspace import Workspace
from sync.protocol import CLOCK_WARNING_MS

from .case_list import CaseList
from .changes import Coalesced
from .drafts import draft_for
from .first_paint import after_first_paint
from .i18n import install_language, label
from .intake_form import IntakeForm
from .lazy_page import LazyPage
from .tasks import BackgroundOp
from .window_menus import build_menus
from .window_state import remember_window, restore_window

# Everything else the window offers (sync, backups, settings, the watch list, the other pages)
# is imported after its first paint or when first used: SQLAlchemy among it (issue 14).
if TYPE_CHECKING:
    from sync.client import SyncReport

    from .case_detail import CaseDetail
    from .meetings_view import MeetingsPage
    from .outreach_view import OpinionRoomPage, PatrolsPage
    from .sync_ui import SyncBridge
    from .watch_view import FollowupBridge, WatchPage


# Imported right after the first paint, a step at a time (MainWindow._warm_up): SQLAlchemy in
# parts, the status bar's reads, then what saving a request, its receipt, the list's searches
# and a case's page need, before anyone asks.
WARM_UP = ("sqlalchemy.util", "sqlalchemy.sql", "sqlalchemy.engine", "sqlalchemy",
           "desk_app.store.schema", "desk_app.store.eventlog", "desk_app.store.sync_state",
           "desk_app.store.case_queries", "desk_app.store.cases", "desk_app.store.learned",
           "desk_app.ui.receipt", "desk_app.ui.case_detail")


def _meetings_view() -> Any:
    from . import meetings_view

    return meetings_view


class MainWindow(QMainWindow):
    lock_requested = Signal()
    restore_requested = Signal(object)  # Path of a checked backup the worker confirmed
    language_changed = Signal(str)

    def __init__(self, workspace: Workspace, user: User,
                 index: CatalogueIndex | None = None, sync: SyncBridge | None = None,
                 followup: FollowupBridge | None = None,
                 sync_factory: Callable[[], SyncBridge] | None = None) -> None:
        """`sync_factory`: how to make the sync bridge when it is first needed (its imports
        wait until the window is painted); `sync`: one made already."""
        super().__init__()
        assert workspace.desk is not None
        self.workspace, self.desk, self.user = workspace, workspace.desk, user
        self._index = index
        self._index_cold = False  # an index made here, not yet warmed (see _warm_index)
        self._warmed_up = False  # the steps after the first paint are done
        self._sync: SyncBridge | None = None
        self._sync_factory = sync_factory
        self.followup = followup
        self.last_report: SyncReport | None = None
        if sync is not None:
            self.attach_sync(sync)
        self.setMinimumSize(QSize(1024, 600))
        self._draft_asked = False
        Coalesced(self, self.desk, self._status_moved, self.update_status)
        self.build()
        restore_window(self, self.workspace.paths.config)

    @property
    def sync(self) -> SyncBridge | None:
        """The sync bridge (made now if it waits to be made)."""
        if self._sync is None and self._sync_factory is not None:
            self.attach_sync(self._sync_factory())
        return self._sync

    def attach_sync(self, bridge: SyncBridge) -> None:
        if self._sync is bridge:
            return
        self._sync = bridge
        bridge.started.connect(self._sync_started)
        bridge.progress.connect(self._sync_progress)
        bridge.finished.connect(self._sync_finished)

    @property
    def index(self) -> CatalogueIndex:
        if self._index is None:
            self._index = CatalogueIndex(self.desk.catalogue)
            self._index_cold = True
            if self._warmed_up:
                self._warm_index()
        return self._index

    def _warm_index(self) -> None:
        """The picker's pinyin, this desk's usage and the suggester, on a worker: loading them
        holds the interpreter, so only once the window is on screen and its modules are in
        (a worker importing beside the GUI thread's warm-up could meet a module half made)."""
        if not self._index_cold or self._index is None:
            return
        self._index_cold = False
        from desk_app.store.learned import warm_suggestions

        desk, index = self.desk, self._index
        BackgroundOp(None, lambda _s: warm_suggestions(desk, index), pool_name="index").run()

    # Building (again after a change of language) ----------------------------------------
    def build(self) -> None:
        self.menuBar().clear()
        self._build_status_bar()  # first: sync signals may arrive while a page is being built
        self.nav = QListWidget(objectName="navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet("QListWidget { font-size: 15px; } "
                               "QListWidget::item { padding: 10px 8px; }")
        self.pages = QStackedWidget()
        self.intake: IntakeForm | None = None
        if may(self.user.role, "register"):
            self.intake = IntakeForm(self.desk, self.user, self.index,
                                     draft=draft_for(self.workspace.paths.data, self.user.username),
                                     offer_draft=False)  # asked in showEvent
            self.intake.saved.connect(self._after_save)
            self._add_page(self.tr("Register"), self.intake)
        self.cases = CaseList(self.desk, self.user, self.workspace.settings.list_page_size)
        self.cases.case_opened.connect(self.open_case)
        self._add_page(self.tr("Cases"), self.cases)
        # The other pages are built when first shown (LazyPage), so start-up stays flat.
        self.meetings = self.opinion_room = self.patrols = None
        self._meetings_place: LazyPage | None = None
        if may(self.user.role, "meetings"):
            self._meetings_place = LazyPage(
                self._meetings_page, lambda desk=self.desk, user=self.user:
                _meetings_view().MeetingsPage.read(desk, user))
            self._add_page(self.tr("Council meetings"), self._meetings_place)
        if may(self.user.role, "receptions"):
            self._add_page(self.tr("Opinion room"), LazyPage(self._opinion_room_page))
        if may(self.user.role, "patrols"):
            self._add_page(self.tr("Grid patrols"), LazyPage(self._patrols_page))
        self.reports = self.dashboard = None
        if may(self.user.role, "reports"):  # built when first shown: only then imported
            self._add_page(self.tr("Reports"), LazyPage(self._reports_page))
            self._add_page(self.tr("Dashboard"), LazyPage(self._dashboard_page))
        self._detail: CaseDetail | None = None  # built when a case is first opened
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        # A click on the highlighted row (coming back from a case detail) changes no row.
        self.nav.itemClicked.connect(lambda item: self.pages.setCurrentIndex(self.nav.row(item)))
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.nav)
        layout.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        build_menus(self)
        self._show_user()
        self._watch: WatchPage | None = None
        self._watch_attached = False
        if self.isVisible():  # built again (a new language): nothing waits for a paint
            self._after_paint()
        else:
            after_first_paint(self, self._after_paint)

    def _after_paint(self) -> None:
        """Right after the first paint, on the GUI thread, one step per event-loop turn (keys
        and clicks are handled in between): SQLAlchemy and the store, the status bar's sync
        state (its first read), the watch list's page, then what a first click needs."""
        steps: list[str | Callable[[], object]] = [
            *WARM_UP[:WARM_UP.index("desk_app.store.sync_state") + 1],
            self.update_status, lambda: self.watch,
            *WARM_UP[WARM_UP.index("desk_app.store.sync_state") + 1:], self._warmed]
        self._warm_up(steps)

    def _warmed(self) -> None:
        self._warmed_up = True
        self._warm_index()

    def _warm_up(self, steps: list[str | Callable[[], object]]) -> None:
        if not steps:
            return
        step = steps.pop(0)
        if isinstance(step, str):
            importlib.import_module(step)
        else:
            step()
        QTimer.singleShot(0, self, lambda: self._warm_up(steps))

    @property
    def watch(self) -> WatchPage | None:
        """The watch list's page (None for roles without one), added to the sidebar right
        after the first paint, or now if asked for sooner."""
        if not self._watch_attached:
            from .watch_view import attach_watch_page

            self._watch_attached = True
            self._watch = attach_watch_page(self, self.followup)
        return self._watch

    @property
    def detail(self) -> CaseDetail:
        """The case page, built when first needed: ~70 ms the first screen does not need."""
        if self._detail is None:
            from .case_detail import CaseDetail  # imported then too

            self._detail = CaseDetail(self.desk, self.user)
            self._detail.back.connect(lambda: self.show_page(self.cases))
            self.pages.addWidget(self._detail)  # after the sidebar's pages, as before
        return self._detail

    def _build_status_bar(self) -> None:
        self.sync_label = QLabel(objectName="syncState")
        self.user_label = QLabel(objectName="userState")
        self.clock_warning = QLabel(objectName="clockWarning")
        self.clock_warning.setStyleSheet("color: #b00020; font-weight: bold;")
        self.clock_warning.hide()
        self.sync_bar = QProgressBar(objectName="syncProgress")
        self.sync_bar.setMaximumWidth(160)
        self.sync_bar.hide()
        for widget in list(self.statusBar().children()):
            if isinstance(widget, QLabel | QProgressBar):
                self.statusBar().removeWidget(widget)
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.clock_warning)
        self.statusBar().addPermanentWidget(self.sync_bar)
        self.statusBar().addPermanentWidget(self.sync_label)

    # The pages built when first shown are imported then too (start-up does not load them).
    def _meetings_page(self, loaded: object) -> MeetingsPage:
        self.meetings = _meetings_view().MeetingsPage(self.desk, self.user, loaded=loaded)  # type: ignore[arg-type]
        return self.meetings

    def _opinion_room_page(self, _loaded: object) -> OpinionRoomPage:
        from .outreach_view import OpinionRoomPage

        self.opinion_room = OpinionRoomPage(self.desk, self.user, self.index)
        return self.opinion_room

    def _patrols_page(self, _loaded: object) -> PatrolsPage:
        from .outreach_view import PatrolsPage

        self.patrols = PatrolsPage(self.desk, self.user, self.index)
        return self.patrols

    def _reports_page(self, _loaded: object) -> QWidget:
        from .reports_view import ReportsPage

        self.reports = ReportsPage(self.desk, self.user)
        self.reports.case_opened.connect(self.open_case)
        return self.reports

    def _dashboard_page(self, _loaded: object) -> QWidget:
        from .dashboard import DashboardPage

        self.dashboard = DashboardPage(self.desk, self.user)
        return self.dashboard

    def _add_page(self, title: str, page: QWidget) -> None:
        self.nav.addItem(title)
        self.pages.addWidget(page)

    # Navigation ---------------------------------------------------------------------------
    def show_page(self, page: QWidget) -> None:
        """Show a page of the sidebar: the page itself, or one built inside its LazyPage."""
        row = self.pages.indexOf(page)
        if row < 0:
            row = next((i for i in range(self.pages.count())
                        if getattr(self.pages.widget(i), "page", None) is page), -1)
            if row < 0:
                return
        if row < self.nav.count():
            self.nav.setCurrentRow(row)
        self.pages.setCurrentIndex(row)

    def open_meeting(self, meeting_id: str) -> None:
        """The council meetings page with this meeting open (from the watch list's overdue
        resolutions), building the page first if it has not been shown yet."""
        place = self._meetings_place
        if place is None:
            return
        self.show_page(place)
        place.when_built(lambda page: page.detail.show_meeting(meeting_id))  # type: ignore[attr-defined]

    def open_case(self, case_id: str) -> None:
        self.detail.show_case(case_id)
        self.pages.setCurrentWidget(self.detail)
        self.nav.clearSelection()

    def show_overdue(self) -> None:
        self.show_page(self.cases)
        self.cases.show_overdue()

    def _after_save(self, _case: object) -> None:
        """Every screen showing the new case hears of it from the change broadcast."""

    # Status -------------------------------------------------------------------------------
    @staticmethod
    def _status_moved(changes: Changes) -> bool:
        return bool(changes.facts & {"outbox", "rejections", "sync"}) or changes.origin != "local"

    def _show_user(self) -> None:
        """Who is signed in at which desk: the status bar and title before any read."""
        role = label(ROLES, self.user.role)
        self.user_label.setText(f"{self.desk.identity.name} · {self.user.display_name}（{role}）")
        self.setWindowTitle(f"{self.tr('Community Desk')} — {self.desk.identity.name} — "
                            f"{self.user.display_name}")

    def update_status(self) -> None:
        from desk_app.store.eventlog import pending_count
        from desk_app.store.sync_state import open_rejection_count

        from .sync_ui import sync_summary

        with self.desk.db.read() as conn:
            pending = pending_count(conn)
            refused = open_rejection_count(conn)
        self._show_user()
        sync = sync_summary(self.desk, self.last_report, pending, refused)
        self.sync_label.setText(sync)
        app_name = self.tr("Community Desk")
        self.setWindowTitle(f"{app_name} — {self.desk.identity.name} — "
                            f"{self.user.display_name} — {sync}")

    # Sync ---------------------------------------------------------------------------------
    def sync_now(self) -> None:
        if self.sync is None or self.sync.client() is None:
            QMessageBox.information(self, self.tr("Sync"), self.offline_advice())
            return
        self.sync.sync_now()

    def offline_advice(self) -> str:
        """Why F5 does nothing yet, and who can change that: enrolling needs an administrator."""
        if may(self.user.role, "settings"):
            return self.tr("This desk works offline. Enrol it with the central platform first "
                           "(Desk → Enrol with the central platform).")
        admins = label(ROLES, "admin")
        return self.tr("This desk works offline: it is not enrolled with the central platform "
                       "yet. Only an %1 may enrol it: sign in as one and choose Desk → Enrol "
                       "with the central platform. (In the demo workspace: user admin, "
                       "password demo1234.)").replace("%1", admins) if self.workspace.settings.demo \
            else self.tr("This desk works offline: it is not enrolled with the central "
                         "platform yet. Only an %1 may enrol it (Desk → Enrol with the central "
                         "platform); ask yours.").replace("%1", admins)

    def enrol(self) -> None:
        if self.sync is not None:
            from .sync_ui import EnrolDialog

            dialog = EnrolDialog(self.sync, self)
            dialog.accepted.connect(self.update_status)
            dialog.open()

    def show_rejections(self) -> None:
        from .sync_ui import RejectionsDialog

        dialog = RejectionsDialog(self.desk, self.user, self)
        dialog.finished.connect(lambda _r: self.update_status())
        dialog.open()

    def _sync_started(self) -> None:
        self.sync_bar.setRange(0, 0)
        self.sync_bar.show()

    def _sync_progress(self, _stage: str, done: int, total: int) -> None:
        self.sync_bar.setRange(0, max(total, 1))
        self.sync_bar.setValue(done)

    def _sync_finished(self, report: SyncReport) -> None:
        self.last_report = report
        self.sync_bar.hide()
        skew = report.clock_skew_ms
        if skew is not None and abs(skew) > CLOCK_WARNING_MS:
            self.clock_warning.setText(self.tr(
                "This computer's clock is %1 min off the centre's: please set it right")
                .replace("%1", str(round(skew / 60_000))))
            self.clock_warning.show()
        else:
            self.clock_warning.hide()
        self.update_status()  # what the pull changed, the screens heard from the change broadcast

    # Settings -----------------------------------------------------------------------------
    def edit_settings(self) -> None:
        from desk_app.store.audit import Audited, record_audit

        from .settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.workspace.settings, self, desk=self.desk, user=self.user)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return
        old_language = self.workspace.settings.language
        before = asdict(self.workspace.settings)
        settings = dialog.apply_to(self.workspace.settings)
        settings.save(self.workspace.paths.settings)
        changed = [key for key, value in asdict(settings).items() if before.get(key) != value]
        if changed:  # auto-lock, sync interval…: in the access audit (等保 2.0)
            record_audit(self.desk, self.user, Audited("settings.changed",
                                                       target=", ".join(changed)[:100]))
        if self.sync is not None:
            self.sync.scheduler.set_interval(settings.sync_interval_minutes)
        if self.followup is not None:  # issue 10: evaluation wait, notification hours
            self.followup.apply_settings(settings)
            if self.watch is not None:
                self.watch.rules = self.followup.rules
                self.watch.refresh()
        if settings.language != old_language:
            self.switch_language(settings.language)

    def switch_language(self, language: str) -> None:
        install_language(language)
        columns = self.cases.table.horizontalHeader().saveState()  # the list is built anew
        self.build()
        self.cases.table.horizontalHeader().restoreState(columns)
        self.language_changed.emit(language)

    def show_audit(self) -> QWidget:
        """The access audit in a window of its own (one at a time); its cases open here."""
        from .audit_view import AuditDialog

        found = self.findChild(AuditDialog)
        if found is None:
            found = AuditDialog(self.desk, self.user, self)
            found.case_opened.connect(self.open_case)
            found.case_opened.connect(self.activateWindow)
        found.show()
        found.raise_()
        return found

    def back_up_now(self) -> None:
        from .backup_ui import backup_now

        backup_now(self, self.workspace, self.user)

    def about(self) -> None:
        from .backup_ui import AboutDialog

        AboutDialog(self.workspace.paths, self).exec()

    def ask_restore(self) -> None:
        from .backup_ui import RestoreDialog

        RestoreDialog(self.workspace, self.restore_requested.emit, self).open()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._draft_asked and self.intake is not None:
            self._draft_asked = True  # once the window is built and on screen, never during build
            QTimer.singleShot(0, self.intake.offer_draft)

    def closeEvent(self, event: QCloseEvent) -> None:
        from .tasks import wait_for_pools

        remember_window(self, self.workspace.paths.config)
        wait_for_pools(3000)
        event.accept()


