"""The case services the UI calls: each is one unit of work, named for a step of the workflow."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select, text

from desk_app.domain.case import NOT_NOW, CaseState, allowed_steps, fold
from desk_app.domain.events import Event
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake, check_intake, registration_payload
from desk_app.domain.personal import known_numbers, masked_case, masked_payload
from desk_app.domain.roles import event_permission
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .access import NotAllowed, require, requires, sees_personal
from .audit import Audited, record_audit
from .case_cache import folded_case
from .desk import Desk
from .eventlog import load_events
from .schema import cases
from .users import User


class IntakeError(DomainError):
    """The intake form has problems; `errors` maps each field to its message."""

    def __init__(self, errors: Mapping[str, DomainError]) -> None:
        self.errors = dict(errors)
        first = next(iter(self.errors.values()))
        super().__init__(first.text, field=first.field, **{
            k: v for k, v in first.values.items() if k != "field"})


__all__ = ["NotAllowed"]  # raised by every store check (defined in .access, re-exported here)


def _require(user: User, permission: str) -> None:
    require(user, permission)


def as_seen_by(user: User, state: CaseState) -> CaseState:
    """The case as this user may see it: phones and ID numbers masked for roles without
    "see_phone" (the one place the store masks a case)."""
    return state if sees_personal(user) else masked_case(state)


def register_case(desk: Desk, user: User, intake: Intake, *, dispatch: bool = True,
                  settle_answer: str | None = None) -> CaseState:
    """Register a request: a case number at once, offline; then automatic dispatch to the
    catalogue item's lead department, or, when settled at the window, closure in the same step."""
    with desk.write() as unit:
        batch = _registration_events(desk, user, intake, unit.conn, dispatch=dispatch,
                                    settle_answer=settle_answer)
        result = unit.record(batch)
    return as_seen_by(user, result.states.get(batch[0].entity_id)
                      or _fold_case(desk, batch[0].entity_id))


def _registration_events(desk: Desk, user: User, intake: Intake, conn: Connection, *,
                        dispatch: bool = True, settle_answer: str | None = None) -> list[Event]:
    """The events that register a case, checked, numbered in the caller's transaction."""
    _require(user, "settle" if settle_answer is not None else "register")
    errors = check_intake(intake, desk.catalogue)
    if settle_answer is not None and not settle_answer.strip():
        errors["answer"] = DomainError(
            _t("domain", "Write down the answer given at the window."), field="answer")
    if errors:
        raise IntakeError(errors)
    actor = user.actor(desk.code)
    case_id = uuid7()
    number = desk.next_case_number(conn)
    payload = registration_payload(intake, desk.catalogue, number)
    org = intake.grid or intake.community
    batch = [desk.new_event(actor, "case", case_id, "case.registered", payload, org=org)]
    if settle_answer is not None:
        batch.append(desk.new_event(actor, "case", case_id, "case.resolved",
                                    {"text": settle_answer.strip(), "on_spot": True}, org))
    elif dispatch:
        item = desk.catalogue.items[intake.category]
        batch.append(desk.new_event(actor, "case", case_id, "case.dispatched",
                                    {"lead": item.lead, "co": list(item.co), "mode": "auto"}, org))
    return batch


def record_case_event(desk: Desk, user: User, case_id: str, type_: str,
                      payload: dict[str, Any]) -> CaseState:
    """Record one step on a case. The fold decides whether the workflow allows it; a step it
    does not allow is still kept and shows as a conflict, so nothing a person did is lost."""
    _require(user, event_permission(type_))
    with desk.write() as unit:
        org = unit.conn.execute(_CASE_ORG, {"id": case_id}).scalar()
        if org is None:
            raise DomainError(_t("domain", "There is no such case."))
        event = desk.new_event(user.actor(desk.code), "case", case_id, type_, payload, org)
        result = unit.record([event])
    return as_seen_by(user, result.states.get(case_id) or _fold_case(desk, case_id))


_CASE_ORG = text("SELECT org FROM cases WHERE id = :id")


def dispatch_case(desk: Desk, user: User, case_id: str, lead: str, co: list[str] | None = None,
                  note: str = "", category: str | None = None) -> CaseState:
    payload: dict[str, Any] = {"lead": lead, "co": co or [], "mode": "manual", "note": note}
    if category:
        item = desk.catalogue.items.get(category)
        if item is None:
            raise DomainError(_t("domain", "Choose a category from the catalogue."), field="category")
        payload.update(category=item.code, time_limit=str(item.time_limit))
    for dept in (lead, *(co or [])):
        if dept not in desk.catalogue.departments:
            raise DomainError(_t("domain", "Unknown department {code}."), field="lead", code=dept)
    return record_case_event(desk, user, case_id, "case.dispatched", payload)


def record_reply(desk: Desk, user: User, case_id: str, department: str, text: str) -> CaseState:
    return record_case_event(desk, user, case_id, "case.replied",
                             {"department": department, "text": text})


def resolve_case(desk: Desk, user: User, case_id: str, text: str) -> CaseState:
    return record_case_event(desk, user, case_id, "case.resolved", {"text": text})


def record_evaluation(desk: Desk, user: User, case_id: str, ratings: Mapping[str, str],
                      method: str = "phone", note: str = "") -> CaseState:
    payload = {**ratings, "method": method, "note": note}
    return record_case_event(desk, user, case_id, "case.evaluated", payload)


def return_case(desk: Desk, user: User, case_id: str, reason: str) -> CaseState:
    return record_case_event(desk, user, case_id, "case.returned", {"reason": reason})


def escalate_case(desk: Desk, user: User, case_id: str, to_level: str, reason: str) -> CaseState:
    return record_case_event(desk, user, case_id, "case.escalated",
                             {"to_level": to_level, "reason": reason})


def remind_case(desk: Desk, user: User, case_id: str, note: str = "") -> CaseState:
    return record_case_event(desk, user, case_id, "case.reminded", {"note": note})


def supervise_case(desk: Desk, user: User, case_id: str, reason: str) -> CaseState:
    return record_case_event(desk, user, case_id, "case.supervised", {"reason": reason})


def comment_case(desk: Desk, user: User, case_id: str, text: str) -> CaseState:
    return record_case_event(desk, user, case_id, "case.commented", {"text": text})


def void_case(desk: Desk, user: User, case_id: str, reason: str) -> CaseState:
    return record_case_event(desk, user, case_id, "case.voided", {"reason": reason})


def merge_case(desk: Desk, user: User, case_id: str, into_id: str) -> CaseState:
    target = _fold_case(desk, into_id)
    if target.status == "incomplete":
        raise DomainError(_t("domain", "There is no such case."), field="into")
    return record_case_event(desk, user, case_id, "case.merged",
                             {"into": into_id, "into_number": target.number})


@dataclass(frozen=True)
class SplitPart:
    """One of the problems a request is split into: its own words and its own category."""

    description: str
    category: str
    urgency: str = ""  # "" keeps the original case's urgency


def split_case(desk: Desk, user: User, case_id: str, parts: Sequence[SplitPart],
               reason: str = "") -> list[CaseState]:
    """A request that holds several problems becomes several cases (拆分), each with its own
    category and department, all linked to the original (which closes as split) and it to
    them, in one unit of work. Returns the new cases."""
    _require(user, event_permission("case.split"))
    errors: dict[str, DomainError] = {}
    if len(parts) < 2:
        errors["parts"] = DomainError(_t("domain", "Split into at least two cases."), field="parts")
    for position, part in enumerate(parts, 1):
        if not part.description.strip():
            errors[f"description{position}"] = DomainError(
                _t("domain", "Describe problem {n}."), field=f"description{position}", n=position)
        if part.category not in desk.catalogue.items:
            errors[f"category{position}"] = DomainError(
                _t("domain", "Choose a category for problem {n}."), field=f"category{position}",
                n=position)
    if errors:
        raise IntakeError(errors)
    actor = user.actor(desk.code)
    with desk.write() as unit:
        original = fold(case_id, load_events(unit.conn, [case_id]).get(case_id, []))
        if original.status == "incomplete":
            raise DomainError(_t("domain", "There is no such case."))
        if "case.split" not in allowed_steps(original):
            raise DomainError(NOT_NOW, status=original.status)
        batch: list[Event] = []
        new_ids: list[str] = []
        numbers: list[str] = []
        for part in parts:
            intake = Intake(channel=original.channel, kind=original.kind,
                            description=part.description, category=part.category,
                            urgency=part.urgency or original.urgency,
                            community=original.community, grid=original.grid or "",
                            address=original.address, name=original.name, phone=original.phone,
                            id_number=original.id_number, anonymous=original.anonymous,
                            latitude=original.latitude, longitude=original.longitude)
            number = desk.next_case_number(unit.conn)
            payload = registration_payload(intake, desk.catalogue, number)
            payload.update(split_from=case_id, split_from_number=original.number)
            new_id = uuid7()
            item = desk.catalogue.items[part.category]
            batch.append(desk.new_event(actor, "case", new_id, "case.registered", payload,
                                        original.org))
            batch.append(desk.new_event(actor, "case", new_id, "case.dispatched",
                                        {"lead": item.lead, "co": list(item.co), "mode": "auto"},
                                        original.org))
            new_ids.append(new_id)
            numbers.append(number)
        split = {"into": new_ids, "into_numbers": numbers}
        if reason.strip():
            split["reason"] = reason.strip()
        batch.append(desk.new_event(actor, "case", case_id, "case.split", split, original.org))
        result = unit.record(batch)
    return [as_seen_by(user, result.states.get(i) or _fold_case(desk, i)) for i in new_ids]


def link_repeat(desk: Desk, user: User, case_id: str, intake: Intake) -> CaseState:
    """The resident's request is the same problem as an open case: count it there, instead of
    opening a second case."""
    payload: dict[str, Any] = {"channel": intake.channel, "note": intake.description.strip()[:1000]}
    if intake.name.strip() and not intake.anonymous:
        payload["name"] = intake.name.strip()[:50]
    if intake.phone.strip():
        from desk_app.domain.validation import normalize_phone

        payload["phone"] = normalize_phone(intake.phone)
    return record_case_event(desk, user, case_id, "case.repeated", payload)


def _case_events(desk: Desk, case_id: str) -> list[Event]:
    with desk.db.read() as conn:
        return load_events(conn, [case_id]).get(case_id, [])


def _fold_case(desk: Desk, case_id: str) -> CaseState:
    """The case folded from the log, unchecked and unmasked, for the store's own use; the last
    fold is reused while the case's events are unchanged (store/case_cache.py)."""
    return folded_case(desk.db, case_id)


@requires("read_cases")
def case_events(desk: Desk, user: User, case_id: str) -> list[Event]:
    """The case's events (its payloads masked for roles that may not see phones)."""
    found = _case_events(desk, case_id)
    if sees_personal(user):
        return found
    known = known_numbers(fold(case_id, found))
    return [Event(e.id, e.entity, e.entity_id, e.type, masked_payload(e.payload, known), e.actor,
                  e.desk, e.hlc, e.org) for e in found]


@requires("read_cases")
def get_case(desk: Desk, user: User, case_id: str) -> CaseState:
    """The case with its whole path, folded from the log (not from the projection), as this
    user may see it. A role that sees phones opening a case that holds a phone or ID number is
    recorded in the access audit (once per person, case and hour)."""
    state = _fold_case(desk, case_id)
    if not sees_personal(user):
        return masked_case(state)
    if known_numbers(state):
        record_audit(desk, user, Audited("personal.viewed", case_id=state.id,
                                         case_number=state.number), repeatable=True)
    return state


@requires("read_cases")
def find_case_id(desk: Desk, user: User, number: str) -> str | None:
    with desk.db.read() as conn:
        return conn.execute(select(cases.c.id).where(cases.c.number == number.strip().upper())
                            ).scalar()
