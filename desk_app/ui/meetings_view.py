"""The council-meeting screen (党群议事会): hot topics, meetings, and the one open meeting."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.meeting import MeetingState, resolution_overdue
from desk_app.domain.text import QT_TRANSLATE_NOOP, DomainError
from desk_app.domain.vocabulary import LEVELS
from desk_app.store import meetings as service
from desk_app.store.desk import Changes, Desk
from desk_app.store.users import User

from .case_detail import plain
from .changes import Coalesced
from .formatting import desk_today
from .i18n import label, message, translate
from .meeting_dialogs import (
    CallMeetingDialog,
    CloseResolutionDialog,
    ProgressDialog,
    ResolutionDialog,
)
from .tasks import BackgroundOp
from .thumbnails import set_icon_if_listed, with_thumbnail

# A resolution's status in words (a mark alone, ● or ↑, told nobody anything).
STATUS_TEXT = {"open": QT_TRANSLATE_NOOP("MeetingDetail", "● in progress"),
               "done": QT_TRANSLATE_NOOP("MeetingDetail", "✔ done"),
               "escalated": QT_TRANSLATE_NOOP("MeetingDetail", "↑ escalated to a higher meeting")}


class MeetingDetail(QWidget):
    changed = Signal()

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.meeting: MeetingState | None = None
        self.header = plain(name="meetingHeader")
        self.header.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.info = plain(name="meetingInfo")
        self.progress = QProgressBar(objectName="meetingProgress")
        self.clashes = plain(name="meetingClashes")
        self.clashes.setStyleSheet("color: #b00020;")
        self.chain = plain(name="meetingChain")
        self.chain.setStyleSheet("color: #1a5fb4;")
        self.attendance = QTableWidget(0, 2, objectName="attendance")
        self.attendance.setHorizontalHeaderLabels([self.tr("Department summoned"), self.tr("Present")])
        self.attendance.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attendance.verticalHeader().setVisible(False)
        self.attendance.setMaximumHeight(150)
        self.deputies = QLineEdit(objectName="deputies")
        self.party_members = QLineEdit(objectName="party_members")
        self.residents = QLineEdit(objectName="residents")
        self.minutes = QPlainTextEdit(objectName="minutes")
        self.minutes.setPlaceholderText(self.tr("Minutes: what was said and agreed"))
        self.save_record = QPushButton(self.tr("Save minutes and attendance"), objectName="saveRecord")
        self.photos = QListWidget(objectName="photos")
        self.photos.setViewMode(QListWidget.ViewMode.IconMode)
        self.photos.setIconSize(QSize(96, 72))
        self.photos.setMaximumHeight(110)
        self.add_photo = QPushButton(self.tr("Add photo of the sign-in sheet…"), objectName="addPhoto")
        self.resolutions = QTableWidget(0, 5, objectName="resolutions")
        self.resolutions.setHorizontalHeaderLabels([
            self.tr("Resolution"), self.tr("Owner"), self.tr("Due"), self.tr("Status"),
            self.tr("Progress")])
        self.resolutions.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.resolutions.verticalHeader().setVisible(False)
        self.resolutions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.resolutions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.add_resolution = QPushButton(self.tr("Add resolution…"), objectName="addResolution")
        self.progress_button = QPushButton(self.tr("Record progress…"), objectName="recordProgress")
        self.done_button = QPushButton(self.tr("Done…"), objectName="resolutionDone")
        self.escalate_button = QPushButton(self.tr("Pass up to the next level…"),
                                           objectName="escalateResolution")
        self.close_button = QPushButton(self.tr("Close the meeting"), objectName="closeMeeting")
        self.last_dialog = None

        people = QGridLayout()
        for row, (caption, widget) in enumerate(((self.tr("Deputies present"), self.deputies),
                                                 (self.tr("Party members present"), self.party_members),
                                                 (self.tr("Residents present"), self.residents))):
            people.addWidget(QLabel(caption), row, 0)
            people.addWidget(widget, row, 1)
        record = QGroupBox(self.tr("Attendance and minutes"))
        record_layout = QVBoxLayout(record)
        top = QHBoxLayout()
        top.addWidget(self.attendance, 1)
        top.addLayout(people, 1)
        record_layout.addLayout(top)
        record_layout.addWidget(self.minutes, 1)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photos, 1)
        photo_row.addWidget(self.add_photo)
        record_layout.addLayout(photo_row)
        record_layout.addWidget(self.save_record, 0, Qt.AlignmentFlag.AlignRight)
        agreed = QGroupBox(self.tr("Resolutions"))
        agreed_layout = QVBoxLayout(agreed)
        agreed_layout.addWidget(self.resolutions)
        buttons = QHBoxLayout()
        for button in (self.add_resolution, self.progress_button, self.done_button,
                       self.escalate_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        agreed_layout.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.info)
        layout.addWidget(self.chain)
        layout.addWidget(self.progress)
        layout.addWidget(self.clashes)
        layout.addWidget(record, 3)
        layout.addWidget(agreed, 2)

        self.save_record.clicked.connect(self.save)
        self.add_photo.clicked.connect(self.ask_photo)
        self.add_resolution.clicked.connect(self.new_resolution)
        self.progress_button.clicked.connect(self.new_progress)
        self.done_button.clicked.connect(self.finish_resolution)
        self.escalate_button.clicked.connect(self.escalate)
        self.close_button.clicked.connect(self.close_meeting)
        self.setEnabled(False)
        Coalesced(self, desk, self._concerns, self._reshow)

    def _concerns(self, changes: Changes) -> bool:
        return self.meeting is not None and changes.touches("meeting", self.meeting.id)

    def _reshow(self) -> None:
        if self.meeting is not None:
            self.show_meeting(self.meeting.id)

    # Showing -------------------------------------------------------------------------------
    def show_meeting(self, meeting_id: str) -> MeetingState:
        self.meeting = service.get_meeting(self.desk, meeting_id)
        self.render()
        return self.meeting

    def render(self) -> None:
        m = self.meeting
        if m is None:
            return
        self.setEnabled(True)
        closed = m.status == "closed"
        status = self.tr("closed") if closed else self.tr("open")
        self.header.setText(f"{label(LEVELS, m.level)} · {m.title}（{status}）")
        self.info.setText(self.tr("%1 at %2, convened by %3").replace(
            "%1", str(m.fields.get("scheduled_at", ""))).replace(
            "%2", str(m.fields.get("place", ""))).replace("%3", str(m.fields.get("convener", ""))))
        chain = service.meeting_chain(self.desk, m.id)
        self.chain.setText(" → ".join(f"{label(LEVELS, c.level)}：{c.title[:20]}" for c in chain)
                           if len(chain) > 1 else "")
        self.chain.setVisible(len(chain) > 1)
        self.progress.setValue(m.progress)
        clash_lines = [self.tr("“%1” was changed on two desks at once; kept: %2, also written: %3")
                       .replace("%1", name).replace("%2", str(c.kept.value)[:40])
                       .replace("%3", "；".join(str(v.value)[:40] for v in c.lost))
                       for name, c in m.fields.clashes.items()]
        self.clashes.setText("\n".join(clash_lines))
        self.clashes.setVisible(bool(clash_lines))
        self.attendance.setRowCount(len(m.departments))
        for row, code in enumerate(m.departments):
            dept = self.desk.catalogue.departments.get(code)
            self.attendance.setItem(row, 0, QTableWidgetItem(dept.name_zh if dept else code))
            box = QCheckBox()
            box.setChecked(bool(m.attended(code)))
            box.setProperty("department", code)
            self.attendance.setCellWidget(row, 1, box)
        for name in ("deputies", "party_members", "residents"):
            getattr(self, name).setText(str(m.fields.get(name, "")))
        self.minutes.setPlainText(m.minutes)
        self.photos.clear()
        for attachment in m.attachments:
            item = QListWidgetItem(str(attachment["name"]))
            self.photos.addItem(item)
            with_thumbnail(self.desk.db, str(attachment["sha256"]),
                           partial(set_icon_if_listed, self.photos, item))
        self.resolutions.setRowCount(len(m.resolutions))
        self._resolution_ids = list(m.resolutions)
        for row, r in enumerate(m.resolutions.values()):
            overdue = r.overdue(desk_today())
            cells = [r.text, r.owner, r.due.isoformat() + (" ⚠" if overdue else ""),
                     translate("MeetingDetail", STATUS_TEXT[r.status])
                     if r.status in STATUS_TEXT else r.status, f"{r.percent}%"]
            for column, text in enumerate(cells):
                self.resolutions.setItem(row, column, QTableWidgetItem(text))
        for widget in (self.minutes, self.save_record, self.add_photo, self.add_resolution,
                       self.close_button, self.deputies, self.party_members, self.residents,
                       self.attendance):
            widget.setEnabled(not closed)

    # Recording -----------------------------------------------------------------------------
    def _run(self, action: object) -> bool:
        try:
            action()  # type: ignore[operator]
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
            return False
        if self.meeting is not None:
            self.show_meeting(self.meeting.id)
        self.changed.emit()
        return True

    def save(self) -> None:
        m = self.meeting
        if m is None:
            return

        values: dict[str, str] = {}
        for row in range(self.attendance.rowCount()):
            box = self.attendance.cellWidget(row, 1)
            code = box.property("department")
            if box.isChecked() != bool(m.attended(code)) or m.attended(code) is None:
                values[f"attendance:{code}"] = "present" if box.isChecked() else "absent"
        for name in ("deputies", "party_members", "residents"):
            value = getattr(self, name).text().strip()
            if value != str(m.fields.get(name, "")):
                values[name] = value
        if self.minutes.toPlainText() != m.minutes:
            values["minutes"] = self.minutes.toPlainText()
        if values:  # one unit of work for the whole form
            self._run(lambda: service.update_meeting_fields(self.desk, self.user, m.id, values))

    def ask_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Photo of the sign-in sheet"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp)"))
        if path and self.meeting is not None:
            self.attach(Path(path))

    def attach(self, path: Path) -> None:
        """A camera photo may be 10 MB: it is read, hashed, sealed and written on the database
        worker, with a progress window if that takes a while; the list shows it when done."""
        assert self.meeting is not None
        meeting_id = self.meeting.id
        desk, user = self.desk, self.user

        def refused(error: Exception) -> None:
            if not isinstance(error, DomainError):
                raise error
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))

        def done(_state: object) -> None:
            if self.meeting is not None and self.meeting.id == meeting_id:
                self.show_meeting(meeting_id)
            self.changed.emit()
        BackgroundOp(self, lambda _s: service.attach_photo(desk, user, meeting_id, path)) \
            .success(done).failure(refused) \
            .with_progress(self.tr("Keeping the photo…")).run()

    def selected_resolution(self) -> str | None:
        row = self.resolutions.currentRow()
        ids = getattr(self, "_resolution_ids", [])
        return ids[row] if 0 <= row < len(ids) else None

    def new_resolution(self) -> None:
        assert self.meeting is not None
        meeting_id = self.meeting.id
        dialog = ResolutionDialog(self.desk, self)

        def accept() -> str:
            text, owner, due = dialog.values()
            return service.add_resolution(self.desk, self.user, meeting_id, text, owner, due)
        dialog.accept_with = accept
        dialog.accepted.connect(lambda: (self.show_meeting(meeting_id), self.changed.emit()))
        self.last_dialog = dialog
        dialog.open()

    def new_progress(self) -> None:
        resolution = self.selected_resolution()
        if self.meeting is None or resolution is None:
            return
        meeting_id = self.meeting.id
        dialog = ProgressDialog(self.meeting.resolutions[resolution].percent, self)
        dialog.accept_with = lambda: service.record_progress(
            self.desk, self.user, meeting_id, resolution, dialog.percent.value(),
            dialog.note.toPlainText())
        dialog.accepted.connect(lambda: (self.show_meeting(meeting_id), self.changed.emit()))
        self.last_dialog = dialog
        dialog.open()

    def finish_resolution(self) -> None:
        resolution = self.selected_resolution()
        if self.meeting is None or resolution is None:
            return
        meeting_id = self.meeting.id
        dialog = CloseResolutionDialog(len(self.meeting.case_ids), self)
        dialog.accept_with = lambda: service.close_resolution(
            self.desk, self.user, meeting_id, resolution, dialog.answer.toPlainText(),
            dialog.resolve_cases.isChecked())
        dialog.accepted.connect(lambda: (self.show_meeting(meeting_id), self.changed.emit()))
        self.last_dialog = dialog
        dialog.open()

    def escalate(self) -> None:
        resolution = self.selected_resolution()
        if self.meeting is None or resolution is None:
            return
        m = self.meeting
        dialog = CallMeetingDialog(self.desk, m.resolutions[resolution].text, set(m.departments),
                                   self._next_level(m.level), self)
        dialog.level.setEnabled(False)
        dialog.title.setEnabled(False)

        def accept() -> MeetingState:
            v = dialog.values()
            return service.escalate_resolution(
                self.desk, self.user, m.id, resolution, scheduled_at=v["scheduled_at"],
                place=v["place"], convener=v["convener"], departments=v["departments"])
        dialog.accept_with = accept
        dialog.accepted.connect(lambda: (self.show_meeting(m.id), self.changed.emit()))
        self.last_dialog = dialog
        dialog.open()

    @staticmethod
    def _next_level(level: str) -> str:
        from desk_app.domain.vocabulary import LEVEL_ORDER

        return LEVEL_ORDER[min(LEVEL_ORDER.index(level) + 1, len(LEVEL_ORDER) - 1)]

    def close_meeting(self) -> None:
        if self.meeting is None:
            return
        self.save()
        meeting_id = self.meeting.id
        self._run(lambda: service.close_meeting(self.desk, self.user, meeting_id))


class MeetingsPage(QWidget):
    """Left: hot topics, meetings, resolutions falling due. Right: the open meeting."""

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None,
                 loaded: tuple[Any, Any, Any] | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.topics = QListWidget(objectName="hotTopics")
        self.whistle = QPushButton(self.tr("Blow the whistle: call a meeting…"), objectName="whistle")
        self.add_topic = QPushButton(self.tr("Add a topic…"), objectName="addTopic")
        self.meetings = QListWidget(objectName="meetings")
        self.due = QListWidget(objectName="dueResolutions")
        self.due.setMaximumHeight(120)
        self.detail = MeetingDetail(desk, user)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Hot topics (from the cases, and added by hand)")))
        left.addWidget(self.topics, 2)
        row = QHBoxLayout()
        row.addWidget(self.whistle)
        row.addWidget(self.add_topic)
        left.addLayout(row)
        left.addWidget(QLabel(self.tr("Meetings")))
        left.addWidget(self.meetings, 2)
        left.addWidget(QLabel(self.tr("Resolutions overdue or due within 3 days")))
        left.addWidget(self.due, 1)
        holder = QWidget()
        holder.setLayout(left)
        splitter = QSplitter()
        splitter.addWidget(holder)
        splitter.addWidget(self.detail)
        splitter.setSizes([380, 900])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.whistle.clicked.connect(self.call_meeting)
        self.add_topic.clicked.connect(self.ask_topic)
        self.meetings.currentItemChanged.connect(self._open_selected)
        # Hot topics come from the cases (a costly count): redrawn only when cases or topics
        # change, or a meeting (a topic says when one was called on it); the meetings and their
        # resolutions when a meeting does.
        Coalesced(self, desk, lambda c: c.touches("case") or c.touches("topic")
                  or c.touches("meeting"), self.reload_topics)
        Coalesced(self, desk, lambda c: c.touches("meeting"), self.reload_meetings)
        self.reload(loaded)

    @staticmethod
    def read(desk: Desk, user: User) -> tuple[Any, Any, Any]:
        """What the page shows, read from the store (on a worker when the page first opens)."""
        return (service.hot_topics(desk, user), service.list_meetings(desk),
                service.due_resolutions(desk, desk_today()))

    def reload(self, loaded: tuple[Any, Any, Any] | None = None) -> None:
        hot, meetings, due = loaded or (None, None, None)
        self.reload_topics(hot)
        self.reload_meetings(meetings, due)

    def reload_topics(self, hot: Any = None) -> None:
        self.topics.clear()
        self.hot = service.hot_topics(self.desk, self.user) if hot is None else hot
        marks = {"category": "■", "similar": "≈", "resident": "☎", "hand": "✎"}
        called = service.meetings_on_topics(self.desk, self.hot)
        for topic in self.hot:
            item = QListWidgetItem(f"{marks[topic.source]} {topic.title}")
            item.setToolTip(self.tr("%n case(s)", "", len(topic.case_ids)))
            if topic.key in called:  # a meeting was called on it: say so, not the same line
                item.setText(item.text() + "  " + self.tr("— meeting called: %1").replace(
                    "%1", called[topic.key][:24]))
                item.setForeground(Qt.GlobalColor.darkGreen)
            self.topics.addItem(item)

    def reload_meetings(self, meetings: Any = None, due: Any = None) -> None:
        current = self.detail.meeting.id if self.detail.meeting else None
        self.meetings.blockSignals(True)
        self.meetings.clear()
        for row in service.list_meetings(self.desk) if meetings is None else meetings:
            status = self.tr("closed") if row.status == "closed" else f"{row.progress}%"
            item = QListWidgetItem(f"{label(LEVELS, row.level)} · {row.title[:28]}  ({status})")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            self.meetings.addItem(item)
            if row.id == current:
                self.meetings.setCurrentItem(item)
        self.meetings.blockSignals(False)
        self.due.clear()
        today = desk_today()
        for r in service.due_resolutions(self.desk, today) if due is None else due:
            overdue = resolution_overdue(r.due, today)
            self.due.addItem(("⚠ " if overdue else "") + f"{r.due}  {r.text[:30]}（{r.owner}）")

    def _open_selected(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.detail.show_meeting(item.data(Qt.ItemDataRole.UserRole))

    def call_meeting(self) -> None:
        row = self.topics.currentRow()
        topic = self.hot[row] if 0 <= row < len(self.hot) else None
        departments: set[str] = set()
        if topic is not None and topic.category in self.desk.catalogue.items:
            item = self.desk.catalogue.items[topic.category]
            departments = {item.lead, *item.co}
        dialog = CallMeetingDialog(self.desk, topic.title if topic else "", departments, parent=self)

        def accept() -> MeetingState:
            v = dialog.values()
            return service.call_meeting(self.desk, self.user, **v,
                                        case_ids=list(topic.case_ids) if topic else [],
                                        org=topic.community if topic else None)
        dialog.accept_with = accept
        dialog.accepted.connect(lambda: self._called(dialog.result_value))
        self.last_dialog = dialog
        dialog.open()

    def _called(self, meeting: MeetingState) -> None:
        self.detail.show_meeting(meeting.id)
        self.reload()

    def ask_topic(self) -> None:
        title, ok = QInputDialog.getText(self, self.tr("Add a topic"),
                                         self.tr("The recurring problem, in a few words:"))
        if ok and title.strip():
            try:
                service.add_topic(self.desk, self.user, title.strip(), self.desk.identity.org)
            except DomainError as error:
                QMessageBox.warning(self, self.tr("Not added"), message(error))
            self.reload()
