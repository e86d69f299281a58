"""One case: its fields, deadline state, conflicts, the whole timeline, and the steps the role
and the case's state allow."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.case import CaseState, Step, allowed_steps
from desk_app.domain.events import EVENT_TYPES, UNKNOWN_TYPE
from desk_app.domain.roles import may
from desk_app.domain.sla import ClockState
from desk_app.domain.vocabulary import (
    CHANNELS,
    DIMENSIONS,
    KINDS,
    LEVELS,
    RATINGS,
    STATUSES,
    URGENCIES,
)
from desk_app.store.cases import get_case
from desk_app.store.desk import Changes, Desk
from desk_app.store.users import User, colleagues

from .case_actions import STEPS, build_step_dialog
from .category_picker import item_path
from .changes import Coalesced
from .followup_panel import FollowupPanel, followup_detail
from .formatting import actor_name, deadline_time, desk_name, local_time, remaining
from .i18n import label, translate


def plain(text: str = "", name: str | None = None) -> QLabel:
    """A label that shows what people typed exactly as typed (never as rich text)."""
    widget = QLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        widget.setObjectName(name)
    return widget


class CaseDetail(QWidget):
    changed = Signal(object)  # CaseState after a step was recorded
    back = Signal()

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk, self.user = desk, user
        self.case: CaseState | None = None
        self.people = {u.actor(desk.code): u.display_name for u in colleagues(desk.db, user)}
        self.last_dialog = None
        self.header = plain(name="caseHeader")
        self.header.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.clock = plain(name="caseClock")
        self.fields: dict[str, QLabel] = {}
        grid = QGridLayout()
        names = [("kind", self.tr("Kind")), ("channel", self.tr("Channel")),
                 ("urgency", self.tr("Urgency")), ("category", self.tr("Category")),
                 ("department", self.tr("Department")), ("place", self.tr("Place")),
                 ("resident", self.tr("Resident")), ("phone", self.tr("Phone")),
                 ("id_number", self.tr("ID number")), ("registered", self.tr("Registered")),
                 ("level", self.tr("Level")), ("evaluation", self.tr("Evaluation"))]
        for position, (key, caption) in enumerate(names):
            row, col = divmod(position, 2)
            grid.addWidget(QLabel(caption + ":"), row, col * 2)
            self.fields[key] = plain(name=f"field_{key}")
            grid.addWidget(self.fields[key], row, col * 2 + 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.description = QPlainTextEdit(objectName="caseDescription")
        self.description.setReadOnly(True)
        self.description.setMaximumHeight(90)
        self.conflicts_box = QGroupBox(self.tr("Conflicts to look at"), objectName="conflicts")
        self.conflicts_box.setStyleSheet("QGroupBox { color: #b00020; }")
        self.conflicts = QListWidget()
        QVBoxLayout(self.conflicts_box).addWidget(self.conflicts)
        self.timeline = QTreeWidget(objectName="timeline")
        self.timeline.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("Desk"),
                                       self.tr("What")])
        self.timeline.setRootIsDecorated(False)
        self.timeline.setColumnWidth(0, 140)
        self.timeline.setColumnWidth(1, 150)
        self.timeline.setColumnWidth(2, 90)
        self.buttons: dict[str, QPushButton] = {}
        actions = QVBoxLayout()
        back = QPushButton(self.tr("← Back to the list"), objectName="backToList")
        back.clicked.connect(self.back)
        actions.addWidget(back)
        for step in STEPS:
            button = QPushButton(translate("events", step.title), objectName=step.event)
            button.clicked.connect(lambda _c=False, s=step: self.open_step(s.event))
            self.buttons[step.event] = button
            actions.addWidget(button)
        actions.addStretch(1)

        info = QVBoxLayout()
        info.addWidget(self.header)
        info.addWidget(self.clock)
        info.addLayout(grid)
        info.addWidget(self.description)
        info.addWidget(self.conflicts_box)
        self.followup = FollowupPanel(desk, user)  # issue 10: owner, clocks, routing
        self.followup.changed.connect(self._after_step)
        info.addWidget(self.followup)
        info.addWidget(QLabel(self.tr("Timeline")))
        info.addWidget(self.timeline, 1)
        layout = QHBoxLayout(self)
        layout.addLayout(info, 1)
        layout.addLayout(actions)
        Coalesced(self, desk, self._concerns, self._reload)

    def _concerns(self, changes: Changes) -> bool:
        return self.case is not None and changes.touches("case", self.case.id)

    def _reload(self) -> None:
        if self.case is not None:
            self.show_case(self.case.id)

    def show_case(self, case_id: str) -> CaseState:
        self.case = get_case(self.desk, self.user, case_id)
        self._render(self.case)
        return self.case

    def _render(self, case: CaseState) -> None:
        catalogue = self.desk.catalogue
        status = label(STATUSES, case.status)
        flags = []
        if case.supervised:
            flags.append(self.tr("under special supervision"))
        if case.repeats:
            flags.append(self.tr("raised %n more time(s)", "", case.repeats))
        self.header.setText(f"{case.number}  ·  {status}" + (f"  ·  {'，'.join(flags)}" if flags else ""))
        self.clock.setText(self._clock_text(case))
        item = catalogue.items.get(case.category)
        lead = catalogue.departments.get(case.lead or "")
        co = [catalogue.departments[c].name_zh for c in case.co if c in catalogue.departments]
        place = [catalogue.orgs[c].name_zh for c in (case.community, case.grid or "")
                 if c in catalogue.orgs]
        rating = case.last_rating or {}
        values = {
            "kind": label(KINDS, case.kind), "channel": label(CHANNELS, case.channel),
            "urgency": label(URGENCIES, case.urgency),
            "category": item_path(catalogue, item) if item else case.category,
            "department": (lead.name_zh if lead else "—") + (f"（{'、'.join(co)}）" if co else ""),
            "place": " / ".join(place) + (f"  {case.address}" if case.address else ""),
            "resident": self.tr("Anonymous") if case.anonymous else case.name,
            "phone": case.phone,  # masked by the store for roles that may not see it
            "id_number": case.id_number,
            "registered": f"{local_time(case.registered_at)}  "
                          f"{actor_name(case.registered_by, self.people)}",
            "level": label(LEVELS, case.level),
            "evaluation": "，".join(f"{label(DIMENSIONS, d)}{label(RATINGS, r)}"
                                   for d, r in rating.items()),
        }
        for key, value in values.items():
            self.fields[key].setText(value or "—")
        self.description.setPlainText(case.description)
        self.conflicts.clear()
        for conflict in case.conflicts:
            kind = EVENT_TYPES.get(conflict.type)
            what = translate("events", kind.label) if kind else conflict.type
            values_c = dict(conflict.values)
            if "status" in values_c:
                values_c["status"] = label(STATUSES, values_c["status"])
            reason = translate("domain", conflict.reason)
            with contextlib.suppress(KeyError, ValueError):
                reason = reason.format(**values_c)
            self.conflicts.addItem(f"{what}: {reason}")
        self.conflicts_box.setVisible(bool(case.conflicts))
        self.timeline.clear()
        for step in case.steps:
            self.timeline.addTopLevelItem(QTreeWidgetItem(
                [local_time(step.at), actor_name(step.actor, self.people,
                                                 self.desk.catalogue.departments), desk_name(step.desk),
                 self._describe(step)]))
        self.followup.show_case(case)
        allowed = allowed_steps(case)
        for event, button in self.buttons.items():
            step = next(s for s in STEPS if s.event == event)
            button.setVisible(may(self.user.role, step.permission))
            button.setEnabled(event in allowed)

    def _clock_text(self, case: CaseState) -> str:
        now = datetime.now(UTC)
        if not case.is_active:
            if case.resolved_at is not None:
                return self.tr("Resolved %1").replace("%1", local_time(case.resolved_at))
            return ""
        parts = []
        sign = case.sign_clock()
        if sign is not None:
            parts.append(self.tr("Signing: %1").replace("%1", remaining(sign.due, now)))
        clock = case.finish_clock(self.desk.calendar)
        if clock is not None:
            state = clock.state(now)
            text = self.tr("Deadline %1 — %2").replace("%1", deadline_time(clock.due)).replace(
                "%2", remaining(clock.due, now))
            if state is ClockState.DUE_SOON:
                text += " " + self.tr("(due soon)")
            parts.append(text)
            self.clock.setStyleSheet("color: #b00020;" if state is not ClockState.ON_TIME else "")
        return "    ".join(parts)

    def _describe(self, step: Step) -> str:
        """The timeline line of a step, from its type's declared timeline fields."""
        kind = EVENT_TYPES.get(step.type)
        if kind is None:  # recorded by a newer version: kept and synced, shown as such
            return f"{translate('domain', UNKNOWN_TYPE)} ({step.type})"
        special = followup_detail(step, self.desk.catalogue.departments)  # issue 10
        if special:
            return f"{translate('events', kind.label)}  {special}"
        facts: list[str] = []
        texts: list[str] = []
        ratings = []
        for name in kind.timeline:
            value = step.payload.get(name)
            if value in (None, "", []):
                continue
            if name in DIMENSIONS:
                ratings.append(f"{label(DIMENSIONS, name)}{label(RATINGS, value)}")
            elif name in ("lead", "department"):
                dept = self.desk.catalogue.departments.get(value)
                facts.append(dept.name_zh if dept else value)
            elif name == "mode":
                if value == "auto":
                    facts.append(self.tr("(automatic)"))
            elif name == "to_level":
                facts.append(label(LEVELS, value))
            elif name == "channel":
                facts.append(label(CHANNELS, value))
            elif name == "split_from_number":
                facts.append(self.tr("split from %1").replace("%1", str(value)))
            elif isinstance(value, list):
                texts.append("、".join(str(v) for v in value))
            else:
                texts.append(str(value))
        detail = " ".join(facts)
        if ratings:
            detail = "，".join(ratings)
        for text in texts:
            detail += ("：" if detail else "") + text
        return f"{translate('events', kind.label)}  {detail}".strip()

    def open_step(self, event: str) -> None:
        if self.case is None:
            return
        step = next(s for s in STEPS if s.event == event)
        dialog = build_step_dialog(step, self.desk, self.user, self.case, self)
        self.last_dialog = dialog
        dialog.accepted.connect(lambda: self._after_step(dialog.result_state))
        dialog.open()

    def _after_step(self, case: CaseState | None) -> None:
        if case is not None:
            self.case = case
            self._render(case)
            self.changed.emit(case)
