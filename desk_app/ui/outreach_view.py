"""The opinion room (duty roster and receptions) and grid patrols: records, their findings,
and one click to turn a finding into a case."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.catalogue import Item
from desk_app.domain.classify import suggest_items
from desk_app.domain.intake import Intake
from desk_app.domain.outreach import DEPUTY_KINDS, FINDING_KINDS, OutreachState
from desk_app.domain.picker import CatalogueIndex
from desk_app.domain.text import DomainError
from desk_app.domain.vocabulary import URGENCIES
from desk_app.store import outreach as service
from desk_app.store.desk import Desk
from desk_app.store.users import User

from .category_picker import CategoryPicker
from .changes import Coalesced
from .formatting import desk_now, desk_today
from .i18n import label, message, translate
from .meeting_dialogs import FormDialog
from .thumbnails import set_icon_if_listed, with_thumbnail


def communities(desk: Desk) -> list[tuple[str, str]]:
    scope = desk.identity.org
    return [(u.code, u.name_zh) for u in desk.catalogue.orgs.values()
            if u.level == "community" and desk.catalogue.within(u.code, scope)] or [
        (scope, desk.catalogue.orgs[scope].name_zh)]


class FindingToCaseDialog(FormDialog):
    """The finding's words become the case's description; the worker picks the category."""

    def __init__(self, desk: Desk, index: CatalogueIndex, text: str, community: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Turn the finding into a case"), parent)
        self.description = QPlainTextEdit(text, objectName="findingDescription")
        self.description.setMaximumHeight(90)
        self.category = CategoryPicker(desk.catalogue, index)
        self.category.setObjectName("findingCategory")
        self.urgency = QComboBox(objectName="findingUrgency")
        for key in URGENCIES:
            self.urgency.addItem(label(URGENCIES, key), key)
        self.urgency.setCurrentIndex(self.urgency.findData("ordinary"))
        self.category.chosen.connect(self._follow_item_urgency)
        found = suggest_items(desk.catalogue, text, limit=1)
        self.category.set_item(found[0].item if found else None)
        self.community = QComboBox(objectName="findingCommunity")
        for code, name in communities(desk):
            self.community.addItem(name, code)
        if community:
            self.community.setCurrentIndex(max(0, self.community.findData(community)))
        self.name = QLineEdit(objectName="findingName")
        self.phone = QLineEdit(objectName="findingPhone")
        self.form.addRow(self.tr("Request"), self.description)
        self.form.addRow(self.tr("Category"), self.category)
        self.form.addRow(self.tr("Urgency"), self.urgency)
        self.form.addRow(self.tr("Community"), self.community)
        self.form.addRow(self.tr("Resident (optional)"), self.name)
        self.form.addRow(self.tr("Phone (optional)"), self.phone)

    def _follow_item_urgency(self, item: Item | None) -> None:
        """A very urgent item (a missing manhole cover) makes the case very urgent, as on the
        intake form; the worker may still raise it, or lower it back by hand."""
        if item is not None and item.urgency != "ordinary" \
                and self.urgency.currentData() == "ordinary":
            self.urgency.setCurrentIndex(self.urgency.findData(item.urgency))

    def intake(self, grid: str = "") -> Intake:
        item = self.category.item
        name = self.name.text().strip()
        return Intake(description=self.description.toPlainText(),
                      urgency=self.urgency.currentData() or "ordinary",
                      category=item.code if item else "", community=self.community.currentData(),
                      grid=grid, name=name, phone=self.phone.text(), anonymous=not name)


class RecordsPage(QWidget):
    """A list of records (receptions or patrols) and the findings of the chosen one."""

    entity = ""

    def __init__(self, desk: Desk, user: User, index: CatalogueIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user, self.index = desk, user, index
        self.record: OutreachState | None = None
        self.records = QListWidget(objectName=f"{self.entity}Records")
        self.findings = QListWidget(objectName=f"{self.entity}Findings")
        self.findings.setIconSize(QSize(96, 72))
        self.summary = QLabel(objectName=f"{self.entity}Summary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.finding_text = QLineEdit(objectName=f"{self.entity}FindingText")
        self.add_finding = QPushButton(self.tr("Add finding"), objectName=f"{self.entity}AddFinding")
        self.to_case = QPushButton(self.tr("Turn into a case…"), objectName=f"{self.entity}ToCase")
        self.last_dialog: FormDialog | None = None
        right = QVBoxLayout()
        right.addWidget(self.summary)
        right.addWidget(QLabel(self.tr("Findings")))
        right.addWidget(self.findings, 1)
        row = QHBoxLayout()
        row.addWidget(self.finding_text, 1)
        row.addWidget(self.add_finding)
        right.addLayout(row)
        right.addWidget(self.to_case, 0, Qt.AlignmentFlag.AlignRight)
        holder = QWidget()
        holder.setLayout(right)
        self.left = QVBoxLayout()
        self.left.addWidget(self.records, 1)
        left_holder = QWidget()
        left_holder.setLayout(self.left)
        splitter = QSplitter()
        splitter.addWidget(left_holder)
        splitter.addWidget(holder)
        splitter.setSizes([420, 700])
        QVBoxLayout(self).addWidget(splitter)
        self.records.currentItemChanged.connect(self._open)
        self.add_finding.clicked.connect(self.note_finding)
        self.to_case.clicked.connect(self.convert)
        Coalesced(self, desk, lambda c: c.touches(self.entity), self._redraw)
        self.reload()

    def _redraw(self) -> None:
        self.reload()
        if self.record is not None:
            self.show_record(self.record.id)

    def reload(self) -> None:
        current = self.record.id if self.record else None
        self.records.blockSignals(True)
        self.records.clear()
        for row in service.list_records(self.desk, self.user, self.entity):
            unit = self.desk.catalogue.orgs.get(row.who)
            text = f"{row.day}  {unit.name_zh if unit else row.who}  {row.summary[:30]}"
            if row.open_findings:
                # lupdate skips a translate() that follows `"…" +` or whose count is an
                # expression (row.open_findings): a statement of its own, a bare name.
                count = row.open_findings
                waiting = translate("RecordsPage", "(%n finding(s) waiting)", None, count)
                text += "  " + waiting
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.records.addItem(item)
            if row.id == current:
                self.records.setCurrentItem(item)
        self.records.blockSignals(False)

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_record(item.data(Qt.ItemDataRole.UserRole))

    def show_record(self, record_id: str) -> None:
        self.record = service.get_record(self.desk, self.user, record_id)
        self.summary.setText(self.describe(self.record))
        self.findings.clear()
        for finding in self.record.findings.values():
            mark = "✔ " if finding.case_id else "● "
            item = QListWidgetItem(mark + finding.text)
            item.setData(Qt.ItemDataRole.UserRole, finding.id)
            self.findings.addItem(item)
            if finding.photos:
                with_thumbnail(self.desk.db, finding.photos[0],
                               partial(set_icon_if_listed, self.findings, item))

    def describe(self, record: OutreachState) -> str:
        return ""

    def note_finding(self) -> None:
        text = self.finding_text.text().strip()
        if self.record is None or not text:
            return
        try:
            self.add(text)
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
            return
        self.finding_text.clear()
        self.show_record(self.record.id)
        self.reload()

    def add(self, text: str) -> str:
        raise NotImplementedError

    def convert(self) -> None:
        item = self.findings.currentItem()
        if self.record is None or item is None:
            return
        finding = self.record.findings[item.data(Qt.ItemDataRole.UserRole)]
        if finding.case_id:
            QMessageBox.information(self, self.tr("Already a case"),
                                    self.tr("This finding is already a case."))
            return
        record = self.record
        grid = str(record.get("grid", ""))
        community = grid.rsplit("-", 1)[0] if grid else ""
        dialog = FindingToCaseDialog(self.desk, self.index, finding.text, community, self)
        dialog.accept_with = lambda: service.finding_to_case(
            self.desk, self.user, record.id, finding.id, dialog.intake(grid))
        dialog.accepted.connect(lambda: self._converted(dialog.result_value))
        self.last_dialog = dialog
        dialog.open()

    def _converted(self, case: object) -> None:
        if self.record is not None:
            self.show_record(self.record.id)
        self.reload()
        QMessageBox.information(self, self.tr("Case registered"),
                                self.tr("Registered as case %1.").replace("%1", case.number))  # type: ignore[attr-defined]


class ReceptionsPage(RecordsPage):
    entity = "visit"

    def __init__(self, desk: Desk, user: User, index: CatalogueIndex,
                 parent: QWidget | None = None) -> None:
        self.deputy = QLineEdit(objectName="deputy")
        self.deputy_kind = QComboBox(objectName="deputyKind")
        for key in DEPUTY_KINDS:
            self.deputy_kind.addItem(label(DEPUTY_KINDS, key), key)
        self.day = QDateEdit(QDate(desk_today()), objectName="receptionDay")
        self.day.setCalendarPopup(True)
        self.place = QLineEdit(objectName="receptionPlace")
        self.people = QSpinBox(objectName="people")
        self.people.setRange(0, 10_000)
        self.topics = QPlainTextEdit(objectName="receptionSummary")
        self.topics.setMaximumHeight(70)
        self.kind = QComboBox(objectName="findingKind")
        for key in FINDING_KINDS:
            self.kind.addItem(label(FINDING_KINDS, key), key)
        self.log_button = QPushButton(objectName="logReception")
        super().__init__(desk, user, index, parent)
        self.log_button.setText(self.tr("Log the reception"))
        self.deputy.setPlaceholderText(self.tr("Deputy's name"))
        self.place.setPlaceholderText(self.tr("Place"))
        self.topics.setPlaceholderText(self.tr("What the residents raised"))
        form = QFormLayout()
        for caption, widget in ((self.tr("Deputy"), self.deputy), (self.tr("Who"), self.deputy_kind),
                                (self.tr("Day"), self.day), (self.tr("Place"), self.place),
                                (self.tr("People received"), self.people),
                                (self.tr("Raised"), self.topics)):
            form.addRow(caption, widget)
        form.addRow("", self.log_button)
        self.left.insertLayout(0, form)
        self.left.insertWidget(1, QLabel(self.tr("Receptions")))
        self.log_button.clicked.connect(self.log)

    def log(self) -> None:
        try:
            record = service.log_reception(
                self.desk, self.user, deputy=self.deputy.text(),
                deputy_kind=self.deputy_kind.currentData(), day=self.day.date().toPython(),
                place=self.place.text(), people=self.people.value(),
                summary=self.topics.toPlainText())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
            return
        self.topics.clear()
        self.record = record
        self.reload()
        self.show_record(record.id)

    def describe(self, record: OutreachState) -> str:
        return (f"{record.get('date')}  {record.get('deputy')}（"
                f"{label(DEPUTY_KINDS, str(record.get('deputy_kind')))}）  {record.get('place')}  "
                + self.tr("%n people", "", int(record.get("people", 0) or 0))  # type: ignore[arg-type]
                + f"\n{record.get('summary')}")

    def add(self, text: str) -> str:
        assert self.record is not None
        return service.add_visit_finding(self.desk, self.user, self.record.id, text,
                                         self.kind.currentData())


class DutyRoster(QWidget):
    """Who is on duty at the opinion room, and when."""

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.rows = QListWidget(objectName="roster")
        self.deputy = QLineEdit(objectName="dutyDeputy")
        self.deputy.setPlaceholderText(self.tr("Deputy's name"))
        self.kind = QComboBox(objectName="dutyKind")
        for key in DEPUTY_KINDS:
            self.kind.addItem(label(DEPUTY_KINDS, key), key)
        self.day = QDateEdit(QDate(desk_today()), objectName="dutyDay")
        self.day.setCalendarPopup(True)
        self.start = QLineEdit("09:00", objectName="dutyStart")
        self.end = QLineEdit("11:30", objectName="dutyEnd")
        self.place = QLineEdit(objectName="dutyPlace")
        self.place.setPlaceholderText(self.tr("Place"))
        add = QPushButton(self.tr("Put on duty"), objectName="addDuty")
        row = QHBoxLayout()
        for widget in (self.deputy, self.kind, self.day, self.start, self.end, self.place, add):
            row.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.rows)
        add.clicked.connect(self.add)
        Coalesced(self, desk, lambda c: c.touches("duty"), self.reload)
        self.reload()

    def reload(self) -> None:
        self.rows.clear()
        for record in service.list_duties(self.desk, self.user):
            cancelled = " " + self.tr("(cancelled)") if record.status == "closed" else ""
            self.rows.addItem(f"{record.get('date')} {record.get('start')}–{record.get('end')}  "
                              f"{record.get('deputy')}  {record.get('place')}{cancelled}")

    def add(self) -> None:
        try:
            service.schedule_duty(self.desk, self.user, self.deputy.text(),
                                  self.kind.currentData(), self.day.date().toPython(),
                                  self.start.text(), self.end.text(), self.place.text())
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
            return
        self.reload()


class OpinionRoomPage(QTabWidget):
    def __init__(self, desk: Desk, user: User, index: CatalogueIndex,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.receptions = ReceptionsPage(desk, user, index)
        self.roster = DutyRoster(desk, user)
        self.addTab(self.receptions, self.tr("Receptions"))
        self.addTab(self.roster, self.tr("Duty roster"))


class PatrolsPage(RecordsPage):
    entity = "patrol"

    def __init__(self, desk: Desk, user: User, index: CatalogueIndex,
                 parent: QWidget | None = None) -> None:
        self.grid = QComboBox(objectName="patrolGrid")
        for unit in desk.catalogue.orgs.values():
            if unit.level == "grid" and desk.catalogue.within(unit.code, desk.identity.org):
                self.grid.addItem(unit.name_zh, unit.code)
        self.route = QLineEdit(objectName="patrolRoute")
        self.start_button = QPushButton(objectName="startPatrol")
        self.end_button = QPushButton(objectName="endPatrol")
        self.photo_button = QPushButton(objectName="findingPhoto")
        self.pending_photos: list[Path] = []
        super().__init__(desk, user, index, parent)
        self.route.setPlaceholderText(self.tr("Route"))
        self.start_button.setText(self.tr("Start a patrol"))
        self.end_button.setText(self.tr("End the patrol"))
        self.photo_button.setText(self.tr("Photo…"))
        form = QVBoxLayout()
        for widget in (self.grid, self.route, self.start_button):
            form.addWidget(widget)
        self.left.insertLayout(0, form)
        self.left.insertWidget(1, QLabel(self.tr("Patrols")))
        self.left.addWidget(self.end_button)
        self.findings.parentWidget().layout().itemAt(3).layout().insertWidget(1, self.photo_button)
        self.start_button.clicked.connect(self.start)
        self.end_button.clicked.connect(self.end)
        self.photo_button.clicked.connect(self.ask_photo)

    def start(self) -> None:
        try:
            record = service.start_patrol(self.desk, self.user, self.grid.currentData() or "",
                                          self.route.text(), desk_now().strftime("%Y-%m-%d %H:%M"))
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
            return
        self.record = record
        self.reload()
        self.show_record(record.id)

    def end(self) -> None:
        if self.record is None:
            return
        try:
            service.end_patrol(self.desk, self.user, self.record.id,
                               desk_now().strftime("%Y-%m-%d %H:%M"))
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
        self.reload()

    def ask_photo(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Photos of the finding"), "",
                                                self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"))
        self.pending_photos = [Path(p) for p in paths]
        self.photo_button.setText(self.tr("Photo… (%n chosen)", "", len(self.pending_photos)))

    def describe(self, record: OutreachState) -> str:
        grid = self.desk.catalogue.orgs.get(str(record.get("grid")))
        state = self.tr("ended") if record.status == "closed" else self.tr("under way")
        return f"{grid.name_zh if grid else ''}  {record.get('started_at')}（{state}）\n{record.get('route')}"

    def add(self, text: str) -> str:
        assert self.record is not None
        photos, self.pending_photos = self.pending_photos, []
        self.photo_button.setText(self.tr("Photo…"))
        return service.add_patrol_finding(self.desk, self.user, self.record.id, text, photos=photos)

