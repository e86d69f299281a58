"""Projections of meetings, resolutions, receptions, duty, patrols and topics."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, delete
from sqlalchemy.dialects.sqlite import insert

from desk_app.domain.meeting import MeetingState, fold_meeting, fold_topic
from desk_app.domain.outreach import fold_outreach
from desk_app.domain.sla import ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar

from .eventlog import load_events
from .schema import meetings, outreach, resolutions, topics


def _upsert(conn: Connection, table: object, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    statement = insert(table)  # type: ignore[arg-type]
    key = next(iter(table.primary_key.columns)).name  # type: ignore[attr-defined]
    conn.execute(statement.on_conflict_do_update(
        index_elements=[key], set_={k: statement.excluded[k] for k in rows[0] if k != key}), rows)


def meeting_row(s: MeetingState) -> dict[str, object]:
    return {"id": s.id, "level": s.level, "org": s.org, "title": s.title,
            "scheduled_at": s.fields.get("scheduled_at", ""), "status": s.status,
            "progress": s.progress, "escalated_from": s.escalated_from,
            "conflicts": len(s.conflicts) + len(s.fields.clashes),
            "called_at": ms_from_utc(s.called_at) if s.called_at else 0}


def refresh_meetings(conn: Connection, ids: Iterable[str], _calendar: WorkCalendar) -> None:
    ordered = list(dict.fromkeys(ids))
    found = load_events(conn, ordered)
    states = [fold_meeting(i, found.get(i, [])) for i in ordered]
    states = [s for s in states if s.status != "incomplete"]
    _upsert(conn, meetings, [meeting_row(s) for s in states])
    conn.execute(delete(resolutions).where(resolutions.c.meeting_id.in_(ordered)))
    rows = [{"id": r.id, "meeting_id": s.id, "text": r.text, "owner": r.owner,
             "due": r.due.isoformat(), "status": r.status, "percent": r.percent}
            for s in states for r in s.resolutions.values()]
    if rows:
        conn.execute(resolutions.insert(), rows)


def refresh_outreach(conn: Connection, ids: Iterable[str], _calendar: WorkCalendar) -> None:
    ordered = list(dict.fromkeys(ids))
    found = load_events(conn, ordered)
    rows = []
    for entity_id in ordered:
        s = fold_outreach(entity_id, found.get(entity_id, []))
        if s.status == "incomplete":
            continue
        day = str(s.get("date", "") or str(s.get("started_at", ""))[:10])
        who = str(s.get("deputy", "") or s.get("grid", ""))
        summary = str(s.get("summary", "") or s.get("route", "") or s.get("place", ""))
        rows.append({
            "id": s.id, "entity": s.entity, "org": s.org, "status": s.status, "day": day,
            "who": who, "summary": summary[:500], "findings": len(s.findings),
            "open_findings": sum(f.case_id is None for f in s.findings.values()),
            "started_at": ms_from_utc(s.started_at) if s.started_at else 0})
    _upsert(conn, outreach, rows)


def refresh_topics(conn: Connection, ids: Iterable[str], _calendar: WorkCalendar) -> None:
    ordered = list(dict.fromkeys(ids))
    found = load_events(conn, ordered)
    rows = []
    for topic_id in ordered:
        s = fold_topic(topic_id, found.get(topic_id, []))
        if s.status == "incomplete":
            continue
        rows.append({"id": topic_id, "title": s.title, "description": s.description,
                     "community": s.community, "case_ids": ",".join(s.case_ids),
                     "dropped": s.status == "dropped", "added_at": s.added_at_ms})
    _upsert(conn, topics, rows)
