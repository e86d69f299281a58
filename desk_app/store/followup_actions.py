"""The follow-through steps a person takes on a case: reminders of each kind, taking over an
escalated case, listed supervision (挂牌督办), sending it back down, a leader's claim (领办),
handing the first-handling responsibility (首办负责) to another worker."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from desk_app.domain.case import CaseState
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.vocabulary import LEVEL_ORDER

from .cases import record_case_event
from .desk import Desk
from .schema import cases
from .users import User

REMINDER_KINDS = ("phone", "letter", "on_site")


def desk_level(desk: Desk) -> str:
    unit = desk.catalogue.orgs.get(desk.identity.org)
    return unit.level if unit is not None and unit.level in LEVEL_ORDER else "community"


def record_reminder(desk: Desk, user: User, case_id: str, kind: str, note: str = "",
                    department: str | None = None, letter: str | None = None) -> CaseState:
    """A phone reminder, a reminder letter or on-site supervision, with who and when."""
    if kind not in REMINDER_KINDS:
        raise DomainError(_t("domain", "Choose how the department was reminded."), field="kind")
    payload: dict[str, object] = {"kind": kind}
    if note.strip():
        payload["note"] = note.strip()
    if department:
        payload["department"] = department
    if letter:
        payload["letter"] = letter
    return record_case_event(desk, user, case_id, "case.reminded", payload)


def take_over(desk: Desk, user: User, case_id: str, note: str = "") -> CaseState:
    """The level a case was escalated to handles it itself."""
    payload: dict[str, object] = {"level": desk_level(desk)}
    if note.strip():
        payload["note"] = note.strip()
    return record_case_event(desk, user, case_id, "case.taken_over", payload)


def list_for_supervision(desk: Desk, user: User, case_id: str, leader: str, due: date,
                         reason: str = "") -> CaseState:
    if not leader.strip():
        raise DomainError(_t("domain", "Name the leader responsible."), field="leader")
    payload: dict[str, object] = {"leader": leader.strip(), "due": due.isoformat()}
    if reason.strip():
        payload["reason"] = reason.strip()
    return record_case_event(desk, user, case_id, "case.listed", payload)


def send_down(desk: Desk, user: User, case_id: str, instructions: str,
              to_level: str | None = None) -> CaseState:
    """Back to the level below (or `to_level`), with instructions."""
    level = _case_level(desk, case_id)
    target = to_level or LEVEL_ORDER[max(0, LEVEL_ORDER.index(level) - 1)]
    return record_case_event(desk, user, case_id, "case.sent_down",
                             {"to_level": target, "instructions": instructions})


def claim_case(desk: Desk, user: User, case_id: str, note: str = "") -> CaseState:
    """A leader (a supervisor at a street or district desk) takes charge of a hard case."""
    from desk_app.domain.roles import event_permission

    from .access import require

    require(user, event_permission("case.claimed"))  # the role first, then the desk's level
    if desk_level(desk) == "community" or user.role not in ("supervisor", "admin"):
        raise DomainError(_t("domain", "Only a leader at a street or district desk can claim a "
                                       "case."))
    payload: dict[str, object] = {"leader": user.display_name}
    if note.strip():
        payload["note"] = note.strip()
    return record_case_event(desk, user, case_id, "case.claimed", payload)


def hand_over(desk: Desk, user: User, case_id: str, to: User, note: str = "") -> CaseState:
    """The first-handling responsibility passes to another worker of this desk, recorded."""
    payload: dict[str, object] = {"to": to.actor(desk.code), "to_name": to.display_name}
    if note.strip():
        payload["note"] = note.strip()
    return record_case_event(desk, user, case_id, "case.handed_over", payload)


def _case_level(desk: Desk, case_id: str) -> str:
    with desk.db.read() as conn:
        level = conn.execute(select(cases.c.level).where(cases.c.id == case_id)).scalar()
    if level is None:
        raise DomainError(_t("domain", "There is no such case."))
    return level




def record_reminder_letter(desk: Desk, user: User, department: str, case_ids: list[str],
                           letter: str) -> int:
    """A reminder letter (提醒函) was sent: recorded on every case it lists, all or none."""
    from desk_app.domain.roles import event_permission

    from .access import require

    require(user, event_permission("case.reminded"))
    if not case_ids:
        raise DomainError(_t("domain", "The letter lists no cases."))
    actor = user.actor(desk.code)
    with desk.write() as unit:
        orgs = dict(unit.conn.execute(select(cases.c.id, cases.c.org)
                                 .where(cases.c.id.in_(case_ids))).all())
        batch = [desk.new_event(actor, "case", case_id, "case.reminded",
                                {"kind": "letter", "department": department, "letter": letter},
                                orgs[case_id]) for case_id in case_ids if case_id in orgs]
        unit.record(batch)
    return len(batch)
