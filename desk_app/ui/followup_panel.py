"""The follow-through part of a case's detail: who owns it (首办负责), each department on its own
signing clock, whether its deadline is an estimate or was moved by a newer calendar, where it
was escalated and why, listed supervision, a leader's claim, disputes; and the steps: remind by
phone or on site, take over, list for supervision, send back down, claim, hand over."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desk_app.domain.case import CaseState, Step
from desk_app.domain.followup import WARN_LABELS, estimated_years
from desk_app.domain.roles import may
from desk_app.domain.sla import SIGN_WITHIN, ms_from_utc
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.vocabulary import ACTIVE, LEVELS
from desk_app.store.calendar_store import deadline_history
from desk_app.store.desk import Desk
from desk_app.store.followup_actions import (
    claim_case,
    desk_level,
    hand_over,
    list_for_supervision,
    record_reminder,
    send_down,
    take_over,
)
from desk_app.store.users import User, colleagues

from .formatting import deadline_time, local_time, remaining
from .i18n import label, message, translate
from .watch_view import estimated_text

REMINDER_KINDS = {
    "automatic": _t("FollowupPanel", "Daily automatic reminder"),
    "phone": _t("FollowupPanel", "Phone reminder"),
    "letter": _t("FollowupPanel", "Reminder letter"),
    "on_site": _t("FollowupPanel", "On-site supervision"),
}


def followup_detail(step: Step, departments: dict) -> str:
    """The timeline's words for the follow-through events."""
    p = step.payload
    dept = departments.get(p.get("department") or p.get("lead") or "")
    name = dept.name_zh if dept else (p.get("department") or p.get("lead") or "")
    if step.type == "case.warned":
        return label(WARN_LABELS, p["threshold"])
    if step.type == "case.reminded" and p.get("kind"):
        text = translate("FollowupPanel", REMINDER_KINDS[p["kind"]])
        return "  ".join(filter(None, (text, name, p.get("letter", ""), p.get("note", ""))))
    if step.type in ("case.dept_returned", "case.adjudicated"):
        return f"{name}：{p['reason']}"
    if step.type == "case.handed_over":
        return p.get("to_name") or p["to"]
    if step.type == "case.listed":
        return translate("FollowupPanel", "Leader %1, due %2").replace(
            "%1", p["leader"]).replace("%2", p["due"])
    if step.type == "case.sent_down":
        return f"{label(LEVELS, p['to_level'])}：{p['instructions']}"
    if step.type == "case.claimed":
        return p["leader"]
    if step.type == "case.taken_over":
        return label(LEVELS, p["level"])
    return ""


class FollowupPanel(QGroupBox):
    changed = Signal(object)  # CaseState after a step

    def __init__(self, desk: Desk, user: User, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Follow-through"))
        self.desk, self.user = desk, user
        self.case: CaseState | None = None
        self.facts = QLabel(objectName="followupFacts")
        self.facts.setTextFormat(self.facts.textFormat().PlainText)
        self.facts.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        actions = (("phone", self.tr("Phone reminder…"), "remind", self.ask_phone),
                   ("on_site", self.tr("On-site supervision…"), "remind", self.ask_on_site),
                   ("take_over", self.tr("Take over"), "supervise", self.ask_take_over),
                   ("list", self.tr("List for supervision…"), "supervise", self.ask_list),
                   ("send_down", self.tr("Send back down…"), "supervise", self.ask_send_down),
                   ("claim", self.tr("Claim (lead it myself)"), "supervise", self.ask_claim),
                   ("hand_over", self.tr("Hand over…"), "register", self.ask_hand_over))
        for n, (key, text, permission, slot) in enumerate(actions):
            button = QPushButton(text, objectName=f"followup_{key}")
            button.clicked.connect(slot)
            button.setVisible(may(user.role, permission))
            self.buttons[key] = button
            grid.addWidget(button, n // 4, n % 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.facts)
        layout.addLayout(grid)

    # Showing ------------------------------------------------------------------------------
    def show_case(self, case: CaseState) -> None:
        self.case = case
        self.facts.setText("\n".join(self.lines(case)))
        active = case.status in ACTIVE
        level = desk_level(self.desk)
        for button in self.buttons.values():
            button.setEnabled(active)
        self.buttons["take_over"].setEnabled(active and case.level == level != "community"
                                             and case.taken_over != level)
        self.buttons["send_down"].setEnabled(active and case.level != "community")
        self.buttons["claim"].setEnabled(active and level != "community" and not case.claimed_by)

    def lines(self, case: CaseState) -> list[str]:
        now = datetime.now(UTC)
        names = {u.actor(self.desk.code): u.display_name
                 for u in colleagues(self.desk.db, self.user)}
        out = [self.tr("First-handling owner: %1").replace("%1", names.get(case.owner, case.owner))]
        depts = self.desk.catalogue.departments
        if case.dispatched_at is not None and case.status in ACTIVE:
            for code in (case.lead, *case.co):
                if not code:
                    continue
                name = depts[code].name_zh if code in depts else code
                role = self.tr("lead") if code == case.lead else self.tr("co-department")
                if code in case.signed_by:
                    state = self.tr("signed %1").replace("%1", local_time(case.signed_by[code]))
                else:
                    state = self.tr("signing: %1").replace(
                        "%1", remaining(case.dispatched_at + SIGN_WITHIN, now))
                if code in case.answered_by:
                    state += "，" + self.tr("answered %1").replace("%1", local_time(
                        case.answered_by[code]))
                out.append(f"{name}（{role}）：{state}")
        clock = case.finish_clock(self.desk.calendar)
        if clock is not None and case.status in ACTIVE:
            years = estimated_years(ms_from_utc(clock.start), ms_from_utc(clock.due),
                                    self.desk.calendar)
            if years:
                out.append(estimated_text(tuple(years)))
        for change in deadline_history(self.desk.db, case.id):
            out.append(self.tr("Deadline moved from %1 to %2 by a newer holiday calendar (%3)")
                       .replace("%1", deadline_time(change.old_due))
                       .replace("%2", deadline_time(change.new_due))
                       .replace("%3", local_time(change.changed_at)))
        if case.level != "community":
            text = self.tr("Escalated to %1: %2").replace("%1", label(LEVELS, case.level)).replace(
                "%2", case.escalation_reason)
            if case.taken_over:
                text += "（" + self.tr("taken over there") + "）"
            out.append(text)
        if case.instructions:
            out.append(self.tr("Sent back down with instructions: %1").replace("%1",
                                                                         case.instructions))
        if case.listed:
            out.append(self.tr("Listed supervision: leader %1, due %2").replace(
                "%1", case.listed["leader"]).replace("%2", case.listed["due"]))
        if case.claimed_by:
            out.append(self.tr("Claimed by leader %1").replace("%1", case.claimed_by))
        for dept, reason in case.dept_returns:
            name = depts[dept].name_zh if dept in depts else dept
            out.append(self.tr("Returned by %1: %2").replace("%1", name).replace("%2", reason))
        if case.dept_returned and case.status == "registered":
            out.append(self.tr("Returned, waiting to be dispatched again"))
        if case.awaiting_adjudication:
            out.append(self.tr("Returned by two departments: waiting for the centre's adjudication"))
        if case.unsatisfied >= 2:
            out.append(label(WARN_LABELS, "notice"))
        return out

    # Steps --------------------------------------------------------------------------------
    def _run(self, step: object) -> None:
        try:
            state = step()  # type: ignore[operator]
        except DomainError as error:
            QMessageBox.warning(self, self.tr("Not recorded"), message(error))
            return
        self.show_case(state)
        self.changed.emit(state)

    def _text(self, title: str, prompt: str) -> str | None:
        text, ok = QInputDialog.getText(self, title, prompt)
        return text if ok else None

    def ask_phone(self) -> None:
        note = self._text(self.tr("Phone reminder"), self.tr("Whom did you call, and what was "
                                                             "agreed?"))
        if note is not None and self.case:
            self.remind("phone", note)

    def ask_on_site(self) -> None:
        note = self._text(self.tr("On-site supervision"), self.tr("What was found on site?"))
        if note is not None and self.case:
            self.remind("on_site", note)

    def remind(self, kind: str, note: str) -> None:
        assert self.case is not None
        case_id, dept = self.case.id, self.case.lead
        self._run(lambda: record_reminder(self.desk, self.user, case_id, kind, note, dept))

    def ask_take_over(self) -> None:
        if self.case:
            case_id = self.case.id
            self._run(lambda: take_over(self.desk, self.user, case_id))

    def ask_list(self) -> None:
        leader = self._text(self.tr("List for supervision"), self.tr("Responsible leader:"))
        if not leader or not self.case:
            return
        due, ok = QInputDialog.getText(self, self.tr("List for supervision"),
                                       self.tr("Due date (YYYY-MM-DD):"))
        if ok:
            self.list_case(leader, due)

    def list_case(self, leader: str, due: str) -> None:
        assert self.case is not None
        try:
            day = date.fromisoformat(due.strip())
        except ValueError:
            QMessageBox.warning(self, self.tr("Not recorded"),
                                self.tr("Write the due date as YYYY-MM-DD."))
            return
        case_id = self.case.id
        self._run(lambda: list_for_supervision(self.desk, self.user, case_id, leader, day))

    def ask_send_down(self) -> None:
        text = self._text(self.tr("Send back down"), self.tr("Instructions:"))
        if text and self.case:
            case_id = self.case.id
            self._run(lambda: send_down(self.desk, self.user, case_id, text))

    def ask_claim(self) -> None:
        if self.case:
            case_id = self.case.id
            self._run(lambda: claim_case(self.desk, self.user, case_id))

    def ask_hand_over(self) -> None:
        if not self.case:
            return
        people = [u for u in colleagues(self.desk.db, self.user) if u.active
                  and u.actor(self.desk.code) != self.case.owner and u.role != "deputy"]
        names = [f"{u.display_name}（{u.username}）" for u in people]
        if not names:
            return
        chosen, ok = QInputDialog.getItem(self, self.tr("Hand over"),
                                          self.tr("Hand the case over to:"), names, 0, False)
        if ok:
            self.hand_to(people[names.index(chosen)])

    def hand_to(self, person: User) -> None:
        assert self.case is not None
        case_id = self.case.id
        self._run(lambda: hand_over(self.desk, self.user, case_id, person))
