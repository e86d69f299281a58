"""Receptions by deputies, the opinion room's duty roster, and grid patrols; each finding can
become a case in one step, linked both ways (the case names its source, the finding its case)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select

from desk_app.domain.case import CaseState
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake
from desk_app.domain.outreach import OutreachState, fold_outreach
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .access import require
from .attachments import add_attachment
from .cases import _fold_case, _registration_events, as_seen_by
from .desk import Desk
from .eventlog import load_events
from .schema import outreach
from .users import User

CHANNEL = {"visit": "deputy", "patrol": "patrol"}


# Who may read which records (visits name the residents who came): the permission of the page
# that shows them.
READ_PERMISSION = {"visit": "receptions", "duty": "receptions", "patrol": "patrols"}


def _get_record(desk: Desk, entity_id: str) -> OutreachState:
    with desk.db.read() as conn:
        return fold_outreach(entity_id, load_events(conn, [entity_id]).get(entity_id, []))


def get_record(desk: Desk, user: User, entity_id: str) -> OutreachState:
    """A reception, duty or patrol with its findings; refused to a role whose page does not
    show that kind of record (checked before anything is returned)."""
    record = _get_record(desk, entity_id)
    require(user, READ_PERMISSION.get(record.entity, "receptions"))
    return record


def _require(user: User, permission: str) -> None:
    require(user, permission)


def _start(desk: Desk, user: User, entity: str, type_: str, payload: dict[str, Any],
           org: str | None = None) -> OutreachState:
    entity_id = uuid7()
    event = desk.new_event(user.actor(desk.code), entity, entity_id, type_,
                           {k: v for k, v in payload.items() if v not in (None, "")},
                           org or desk.identity.org)
    desk.record([event])
    return _get_record(desk, entity_id)


def _add(desk: Desk, user: User, entity_id: str, type_: str, payload: dict[str, Any]
         ) -> OutreachState:
    with desk.write() as unit:
        row = unit.conn.execute(select(outreach.c.org, outreach.c.entity)
                                .where(outreach.c.id == entity_id)).first()
        if row is None:
            raise DomainError(_t("domain", "There is no such record."))
        event = desk.new_event(user.actor(desk.code), row.entity, entity_id, type_,
                               {k: v for k, v in payload.items() if v not in (None, "", [])},
                               row.org)
        unit.record([event])
    return _get_record(desk, entity_id)


# Duty roster ----------------------------------------------------------------------------------
def schedule_duty(desk: Desk, user: User, deputy: str, deputy_kind: str, day: date, start: str,
                  end: str, place: str) -> OutreachState:
    _require(user, "receptions")
    if end <= start:
        raise DomainError(_t("domain", "The duty must end after it starts."), field="end")
    return _start(desk, user, "duty", "duty.scheduled", {
        "deputy": deputy, "deputy_kind": deputy_kind, "date": day.isoformat(), "start": start,
        "end": end, "place": place})


def cancel_duty(desk: Desk, user: User, duty_id: str, reason: str) -> OutreachState:
    _require(user, "receptions")
    return _add(desk, user, duty_id, "duty.cancelled", {"reason": reason})


# Receptions -----------------------------------------------------------------------------------
def log_reception(desk: Desk, user: User, *, deputy: str, deputy_kind: str, day: date,
                  place: str, people: int, summary: str, names: str = "",
                  mode: str = "reception") -> OutreachState:
    _require(user, "receptions")
    return _start(desk, user, "visit", "visit.logged", {
        "deputy": deputy, "deputy_kind": deputy_kind, "date": day.isoformat(), "place": place,
        "people": people, "names": names, "summary": summary, "mode": mode})


def add_visit_finding(desk: Desk, user: User, visit_id: str, text: str,
                      kind: str = "request") -> str:
    _require(user, "receptions")
    finding_id = uuid7()
    _add(desk, user, visit_id, "visit.finding_added",
         {"finding_id": finding_id, "text": text, "kind": kind})
    return finding_id


# Patrols --------------------------------------------------------------------------------------
def start_patrol(desk: Desk, user: User, grid: str, route: str, started_at: str
                 ) -> OutreachState:
    _require(user, "patrols")
    unit = desk.catalogue.orgs.get(grid)
    if unit is None or unit.level != "grid":
        raise DomainError(_t("domain", "Choose the grid of the patrol."), field="grid")
    return _start(desk, user, "patrol", "patrol.started",
                  {"grid": grid, "route": route, "started_at": started_at}, org=grid)


def add_patrol_finding(desk: Desk, user: User, patrol_id: str, text: str, *,
                       photos: list[Path] | None = None, latitude: float | None = None,
                       longitude: float | None = None) -> str:
    """A finding with its photos; every photo is checked first, so a bad one changes nothing."""
    _require(user, "patrols")
    kept = [add_attachment(desk.db, photo) for photo in photos or []]
    finding_id = uuid7()
    _add(desk, user, patrol_id, "patrol.finding_added", {
        "finding_id": finding_id, "text": text, "latitude": latitude, "longitude": longitude,
        "photos": [k.sha256 for k in kept]})
    return finding_id


def end_patrol(desk: Desk, user: User, patrol_id: str, ended_at: str, notes: str = ""
               ) -> OutreachState:
    _require(user, "patrols")
    return _add(desk, user, patrol_id, "patrol.ended", {"ended_at": ended_at, "notes": notes})


# Findings become cases ---------------------------------------------------------------------
def finding_to_case(desk: Desk, user: User, entity_id: str, finding_id: str, intake: Intake
                    ) -> CaseState:
    """Register the finding as a case (channel "deputy reception" or "grid patrol") and mark
    the finding with it, in one transaction. Needs the permission of the record's page (a
    reception's names are read) and "register"."""
    with desk.write() as unit:
        record = fold_outreach(entity_id,
                               load_events(unit.conn, [entity_id]).get(entity_id, []))
        require(user, READ_PERMISSION.get(record.entity, "receptions"))
        finding = record.findings.get(finding_id)
        if finding is None:
            raise DomainError(_t("domain", "There is no such finding."))
        if finding.case_id is not None:
            raise DomainError(_t("domain", "This finding already became a case."))
        intake.channel = CHANNEL[record.entity]
        if finding.kind == "suggestion":
            intake.kind = "suggestion"
        intake.source_entity, intake.source_id = record.entity, entity_id
        if record.entity == "patrol":
            intake.latitude, intake.longitude = finding.latitude, finding.longitude
        intake.description = intake.description or finding.text
        batch = _registration_events(desk, user, intake, unit.conn)
        batch.append(desk.new_event(user.actor(desk.code), record.entity, entity_id,
                                    f"{record.entity}.finding_converted",
                                    {"finding_id": finding_id, "case_id": batch[0].entity_id},
                                    record.org))
        result = unit.record(batch)
    return as_seen_by(user, result.states.get(batch[0].entity_id)
                      or _fold_case(desk, batch[0].entity_id))


def list_duties(desk: Desk, user: User, limit: int = 500) -> list[OutreachState]:
    """The duty roster, newest first, folded from one read of all its events."""
    require(user, "receptions")
    with desk.db.read() as conn:
        ids = list(conn.execute(select(outreach.c.id).where(outreach.c.entity == "duty")
                                .order_by(outreach.c.day.desc(), outreach.c.started_at.desc())
                                .limit(limit)).scalars())
        found = load_events(conn, ids)
    return [fold_outreach(i, found.get(i, [])) for i in ids]


def list_records(desk: Desk, user: User, entity: str, limit: int = 500) -> list[Any]:
    """The receptions or patrols, newest first (for the role whose page lists them)."""
    require(user, READ_PERMISSION.get(entity, "receptions"))
    with desk.db.read() as conn:
        return list(conn.execute(select(outreach).where(outreach.c.entity == entity)
                                 .order_by(outreach.c.day.desc(), outreach.c.started_at.desc())
                                 .limit(limit)))
