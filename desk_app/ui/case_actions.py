"""The steps a worker takes on a case, each as a small dialog that records one event.

A dialog stays open with the message at the field when the input is refused, and records
nothing; on success it returns the case's new state.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.case import CaseState
from desk_app.domain.evaluation import Outcome, evaluation_outcome
from desk_app.domain.events import types_of
from desk_app.domain.text import QT_TRANSLATE_NOOP, DomainError
from desk_app.domain.vocabulary import DIMENSIONS, LEVEL_ORDER, LEVELS, RATINGS
from desk_app.store import cases as services
from desk_app.store.desk import Desk
from desk_app.store.users import User

from .i18n import label, message, translate


@dataclass(frozen=True)
class Step:
    event: str
    permission: str
    title: str  # English source, context "events"


# The steps offered on a case: every case event type declared with an action, in declaration
# order, with the permission its declaration names.
STEPS = tuple(Step(k.name, k.permission, k.action) for k in types_of("case") if k.action)


class StepDialog(QDialog):
    """A form for one step. `build` adds fields; `record(values)` writes the event."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(440)
        self.form = QFormLayout()
        self.fields: dict[str, QWidget] = {}
        self.error = QLabel(objectName="stepError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.record: Callable[[dict[str, Any]], CaseState] = lambda _v: None  # type: ignore[assignment, return-value]
        self.result_state: CaseState | None = None

    def text(self, name: str, caption: str, lines: int = 3) -> QPlainTextEdit:
        edit = QPlainTextEdit(objectName=name)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(24 * lines + 8)
        self.form.addRow(caption, edit)
        self.fields[name] = edit
        return edit

    def line(self, name: str, caption: str) -> QLineEdit:
        edit = QLineEdit(objectName=name)
        self.form.addRow(caption, edit)
        self.fields[name] = edit
        return edit

    def choice(self, name: str, caption: str, options: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for key, text in options:
            combo.addItem(text, key)
        self.form.addRow(caption, combo)
        self.fields[name] = combo
        return combo

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name, widget in self.fields.items():
            if isinstance(widget, QPlainTextEdit):
                out[name] = widget.toPlainText()
            elif isinstance(widget, QLineEdit):
                out[name] = widget.text()
            elif isinstance(widget, QComboBox):
                out[name] = widget.currentData()
        return out

    def _accept(self) -> None:
        try:
            self.result_state = self.record(self.values())
        except DomainError as error:
            self.error.setText(message(error))
            widget = self.fields.get(error.field or "")
            if widget is not None:
                widget.setFocus()
            return
        self.accept()


def build_step_dialog(step: Step, desk: Desk, user: User, case: CaseState,
                      parent: QWidget | None = None) -> StepDialog:
    dialog = StepDialog(translate("events", step.title).rstrip("…"), parent)
    departments = [(d.code, d.name_zh) for d in desk.catalogue.departments.values()]
    case_id = case.id
    if step.event == "case.dispatched":
        lead = dialog.choice("lead", translate("StepDialog", "Lead department"), departments)
        if case.lead:
            lead.setCurrentIndex(lead.findData(case.lead))
        dialog.choice("co", translate("StepDialog", "Co-handling department"), [("", translate("StepDialog", "(none)")), *departments])
        dialog.text("note", translate("StepDialog", "Reason"), 2)
        dialog.record = lambda v: services.dispatch_case(
            desk, user, case_id, v["lead"], [v["co"]] if v["co"] else [], v["note"])
    elif step.event == "case.replied":
        dept = dialog.choice("department", translate("StepDialog", "Replying department"), departments)
        if case.lead:
            dept.setCurrentIndex(dept.findData(case.lead))
        dialog.text("text", translate("StepDialog", "Reply"), 4)
        dialog.record = lambda v: services.record_reply(desk, user, case_id, v["department"],
                                                        v["text"])
    elif step.event == "case.resolved":
        dialog.text("text", translate("StepDialog", "Result given to the resident"), 4)
        dialog.record = lambda v: services.resolve_case(desk, user, case_id, v["text"])
    elif step.event == "case.evaluated":
        _evaluation_fields(dialog, case)
        dialog.record = lambda v: services.record_evaluation(
            desk, user, case_id, _asked_ratings(v), v["method"], v["note"])
    elif step.event == "case.returned":
        dialog.text("reason", translate("StepDialog", "Why it goes back"))
        dialog.record = lambda v: services.return_case(desk, user, case_id, v["reason"])
    elif step.event == "case.escalated":
        higher = LEVEL_ORDER[LEVEL_ORDER.index(case.level) + 1:]
        dialog.choice("to_level", translate("StepDialog", "Escalate to"), [(k, label(LEVELS, k)) for k in higher])
        dialog.text("reason", translate("StepDialog", "Why the community cannot settle it"))
        dialog.record = lambda v: services.escalate_case(desk, user, case_id, v["to_level"] or "",
                                                         v["reason"])
    elif step.event == "case.reminded":
        dialog.text("note", translate("StepDialog", "Message to the department"), 2)
        dialog.record = lambda v: services.remind_case(desk, user, case_id, v["note"])
    elif step.event == "case.supervised":
        dialog.text("reason", translate("StepDialog", "Reason"))
        dialog.record = lambda v: services.supervise_case(desk, user, case_id, v["reason"])
    elif step.event == "case.commented":
        dialog.text("text", translate("StepDialog", "Comment"), 4)
        dialog.record = lambda v: services.comment_case(desk, user, case_id, v["text"])
    elif step.event == "case.merged":
        dialog.line("into", translate("StepDialog", "Case number to merge into"))
        dialog.record = lambda v: _merge(desk, user, case_id, v["into"])
    elif step.event == "case.split":
        _split_fields(dialog, desk, user, case)
    elif step.event == "case.voided":
        dialog.text("reason", translate("StepDialog", "Reason for voiding"))
        dialog.record = lambda v: services.void_case(desk, user, case_id, v["reason"])
    return dialog


def _merge(desk: Desk, user: User, case_id: str, number: str) -> CaseState:
    target = services.find_case_id(desk, user, number)
    if target is None:
        raise DomainError(QT_TRANSLATE_NOOP("domain", "There is no case numbered {number}."),
                          field="into", number=number.strip()[:60])
    return services.merge_case(desk, user, case_id, target)


def _asked_ratings(values: dict[str, Any]) -> dict[str, str]:
    """The four answers, each one the resident gave: none is assumed (a blank is refused)."""
    for dimension in DIMENSIONS:
        if not values.get(dimension):
            raise DomainError(QT_TRANSLATE_NOOP(
                "domain", "Ask the resident about “{dimension}” too: each of the four needs "
                "the resident's own answer."), field=dimension,
                dimension=label(DIMENSIONS, dimension))
    return {d: values[d] for d in DIMENSIONS}


def _evaluation_fields(dialog: StepDialog, case: CaseState) -> None:
    """Nothing pre-selected: one click on Record must never enter a resident never asked."""
    ratings = [("", translate("StepDialog", "— not asked yet —")),
               *((k, label(RATINGS, k)) for k in RATINGS)]
    combos = [dialog.choice(d, label(DIMENSIONS, d), ratings) for d in DIMENSIONS]
    dialog.choice("method", translate("StepDialog", "How it was asked"), [
        ("phone", translate("StepDialog", "Phone call")), ("window", translate("StepDialog", "At the window")), ("sms", translate("StepDialog", "Text message")),
        ("online", translate("StepDialog", "Online")), ("visit", translate("StepDialog", "Home visit"))])
    dialog.text("note", translate("StepDialog", "What the resident said"), 2)
    outcome = QLabel(objectName="evaluationOutcome")
    outcome.setWordWrap(True)
    dialog.form.addRow("", outcome)

    def show_outcome() -> None:
        ratings_now = {d: c.currentData() for d, c in zip(DIMENSIONS, combos, strict=True)}
        if not all(ratings_now.values()):
            outcome.setText(translate("StepDialog", "Choose the resident's answer in each of "
                                                    "the four before recording."))
            outcome.setStyleSheet("color: #555;")
            return
        result = evaluation_outcome(ratings_now, case.times_returned)
        texts = {
            Outcome.CLOSED: translate("StepDialog", "The case will be closed."),
            Outcome.RETURNED: translate("StepDialog", "Unsatisfied with the effect or the feedback: the case goes "
                                 "back to the department to be redone."),
            Outcome.SUPERVISED: translate("StepDialog", "Unsatisfied again after redoing: the case goes back and "
                                   "is put under special supervision."),
        }
        outcome.setText(texts[result])
        outcome.setStyleSheet("color: #b00020;" if result is not Outcome.CLOSED else "")

    for combo in combos:
        combo.currentIndexChanged.connect(show_outcome)
    show_outcome()


def _split_fields(dialog: StepDialog, desk: Desk, user: User, case: CaseState) -> None:
    """Two problems in one request become two cases: each its own words and category."""
    items = sorted(desk.catalogue.items.values(), key=lambda i: i.code)
    choices = [("", translate("StepDialog", "(choose a category)"))] + [
        (i.code, f"{i.code}  {i.name_zh}") for i in items if not i.retired]
    for n in (1, 2):
        dialog.text(f"description{n}", translate("StepDialog", "Problem %1").replace("%1", str(n)), 2)
        combo = dialog.choice(f"category{n}", translate("StepDialog", "Category of problem %1")
                              .replace("%1", str(n)), choices)
        combo.setEditable(False)
    first = dialog.fields["description1"]
    if isinstance(first, QPlainTextEdit):
        first.setPlainText(case.description)
    dialog.text("reason", translate("StepDialog", "Reason"), 2)

    def record(v: dict[str, Any]) -> CaseState:
        parts = [services.SplitPart(v[f"description{n}"], v[f"category{n}"] or "") for n in (1, 2)]
        services.split_case(desk, user, case.id, parts, v["reason"])
        return services.get_case(desk, user, case.id)
    dialog.record = record
