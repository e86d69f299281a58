"""The council-meeting services: hot topics, calling a meeting, attendance, minutes,
resolutions and their progress, closing, and passing a topic up to a higher level."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, literal, select

from desk_app.domain.events import Event
from desk_app.domain.ids import uuid7
from desk_app.domain.meeting import MINUTES_REQUIRED, MeetingState, fold_meeting
from desk_app.domain.personal import masked_phone
from desk_app.domain.roles import may
from desk_app.domain.similarity import group_similar
from desk_app.domain.sla import ms_from_utc
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError
from desk_app.domain.vocabulary import ACTIVE, LEVEL_ORDER

from .access import NotAllowed, requires, sees_personal
from .attachments import add_attachment
from .desk import Desk
from .eventlog import load_events
from .schema import cases, events, meetings, resolutions, topics
from .users import User


def _require(user: User) -> None:
    if not may(user.role, "meetings"):
        raise NotAllowed(_t("domain", "Your role may not do this."))


def get_meeting(desk: Desk, meeting_id: str) -> MeetingState:
    with desk.db.read() as conn:
        return fold_meeting(meeting_id, load_events(conn, [meeting_id]).get(meeting_id, []))


def _record(desk: Desk, user: User, meeting_id: str, type_: str, payload: dict[str, Any],
            extra: list[Event] | None = None) -> MeetingState:
    return _record_all(desk, user, meeting_id, lambda _state, _conn: [(type_, payload)], extra)


Steps = Callable[[MeetingState, Connection], list[tuple[str, dict[str, Any]] | Event]]


def _record_all(desk: Desk, user: User, meeting_id: str, steps: Steps,
                extra: list[Event] | None = None) -> MeetingState:
    """Record what `steps(state, conn)` makes from the meeting as this unit of work reads it
    (the meeting's own steps as (type, payload), other records' events whole), all in that one
    transaction."""
    _require(user)
    with desk.write() as unit:
        org = unit.conn.execute(select(meetings.c.org).where(meetings.c.id == meeting_id)).scalar()
        if org is None:
            raise DomainError(_t("domain", "There is no such meeting."))
        state = fold_meeting(meeting_id, load_events(unit.conn, [meeting_id]).get(meeting_id, []))
        batch = [step if isinstance(step, Event) else
                 desk.new_event(user.actor(desk.code), "meeting", meeting_id, *step, org)
                 for step in steps(state, unit.conn)]
        unit.record([*batch, *(extra or [])])
        return fold_meeting(meeting_id, load_events(unit.conn, [meeting_id]).get(meeting_id, []))


# Hot topics ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class HotTopic:
    """A recurring problem: found in the cases, or added by hand."""

    key: str
    title: str
    community: str
    category: str
    case_ids: tuple[str, ...]
    source: str  # category | resident | hand


@requires("meetings")
def hot_topics(desk: Desk, user: User, *, min_cases: int = 3, days: int = 30, repeat_cases: int = 2,
               repeat_days: int = 90, now: datetime | None = None) -> list[HotTopic]:
    """Same category in the same community, `min_cases` or more in `days` days; the same
    problem told in other words and filed under different categories (grouped by meaning, so
    ten complaints about one square dance are one topic); the same resident (phone)
    `repeat_cases` or more times in `repeat_days`; and topics added by hand."""
    now = now or datetime.now(UTC)
    since = ms_from_utc(now - timedelta(days=days))
    catalogue = desk.catalogue
    found: list[HotTopic] = []
    with desk.db.read() as conn:
        grouped = conn.execute(
            select(cases.c.category, cases.c.community, func.count(), func.group_concat(cases.c.id))
            .where(cases.c.registered_at >= since, cases.c.status.not_in(["voided", "merged"]))
            .group_by(cases.c.category, cases.c.community)
            .having(func.count() >= min_cases).order_by(func.count().desc()))
        for category, community, count, ids in grouped:
            item = catalogue.items.get(category)
            unit = catalogue.orgs.get(community)
            title = f"{unit.name_zh if unit else community} · {item.name_zh if item else category}（{count}）"
            found.append(HotTopic(f"category:{category}:{community}", title, community, category,
                                  tuple(ids.split(",")), "category"))
        found += _topics_by_meaning(desk, conn, since, min_cases)
        repeat_since = ms_from_utc(now - timedelta(days=repeat_days))
        for phone, count, ids, community, name in _repeat_residents(
                conn, repeat_since, repeat_cases):
            title = f"{name or phone[-4:]} · 重复反映 {count} 次"
            key = phone if sees_personal(user) else masked_phone(phone)
            found.append(HotTopic(f"resident:{key}", title, community, "",
                                  tuple(ids.split(",")), "resident"))
        for row in conn.execute(select(topics).where(topics.c.dropped.is_(False))
                                .order_by(topics.c.added_at.desc())):
            found.append(HotTopic(f"hand:{row.id}", row.title, row.community, "",
                                  tuple(filter(None, row.case_ids.split(","))), "hand"))
    return found


TOPIC_SIMILARITY = 0.4  # meaning vectors (words + items), see desk_app.store.similar_cases
TOPIC_CANDIDATES = 800  # the newest cases of the window that are grouped by meaning


def _topics_by_meaning(desk: Desk, conn: Any, since: int, min_cases: int) -> list[HotTopic]:
    """Groups of `min_cases` or more cases of one community that tell the same problem, when
    they span several categories (one category alone is already a topic above)."""
    from .similar_cases import case_vector, vectorizer

    rows = conn.execute(
        select(cases.c.id, cases.c.community, cases.c.category, cases.c.title,
               cases.c.description)
        .where(cases.c.registered_at >= since, cases.c.status.not_in(["voided", "merged"]))
        .order_by(cases.c.registered_at.desc()).limit(TOPIC_CANDIDATES)).all()
    vector = vectorizer(desk.catalogue)
    by_community: dict[str, list[Any]] = {}
    for row in rows:
        by_community.setdefault(row.community, []).append(row)
    found: list[HotTopic] = []
    for community, members in by_community.items():
        if len(members) < min_cases:
            continue
        vectors = [case_vector(vector, r.id, r.description or r.title) for r in members]
        for group in group_similar(vectors, TOPIC_SIMILARITY):
            picked = [members[i] for i in group]
            categories = Counter(r.category for r in picked)
            if len(picked) < min_cases or len(categories) < 2:
                continue
            unit = desk.catalogue.orgs.get(community)
            main = desk.catalogue.items.get(categories.most_common(1)[0][0])
            example = min((r.title for r in picked), key=len)[:24]
            title = (f"{unit.name_zh if unit else community} · "
                     f"{main.name_zh if main else ''}：{example}（{len(picked)}）")
            ids = tuple(r.id for r in picked)
            found.append(HotTopic(f"similar:{community}:{min(ids)}", title, community,
                                  main.code if main else "", ids, "similar"))
    found.sort(key=lambda t: -len(t.case_ids))
    return found


@requires("meetings")
def repeat_residents(conn: Any, user: User, since: int, min_cases: int, limit: int = 50
                     ) -> list[tuple[str, int, str, str, str]]:
    """The residents who came back again and again (a hot topic's source), their phones masked
    for a role that may not see them."""
    found = _repeat_residents(conn, since, min_cases, limit)
    if sees_personal(user):
        return found
    return [(masked_phone(phone), *rest) for phone, *rest in found]  # type: ignore[misc]


def _repeat_residents(conn: Any, since: int, min_cases: int, limit: int = 50
                      ) -> list[tuple[str, int, str, str, str]]:
    """Residents (by phone) with `min_cases` or more requests registered since `since`:
    (phone, count, ids, community, name). The registration-date index bounds the rows read, so
    a million-case desk reads only the window, never the whole phone index."""
    # Grouping by `phone || ''` (not the bare column) keeps SQLite from walking the whole phone
    # index to save a sort: it searches the registration-date range and sorts only that.
    phone = cases.c.phone.op("||")(literal(""))
    statement = (
        select(phone, func.count(), func.group_concat(cases.c.id),
               func.max(cases.c.community), func.max(cases.c.name))
        .where(cases.c.registered_at >= since, cases.c.phone != "")
        .group_by(phone).having(func.count() >= min_cases)
        .order_by(func.count().desc()).limit(limit))
    return [tuple(r) for r in conn.execute(statement)]


def meetings_on_topics(desk: Desk, found: list[HotTopic]) -> dict[str, str]:
    """For each hot topic a meeting was called on, that meeting's title (by topic key).

    A meeting is on a topic when it was called with some of the topic's cases, or (a topic
    added by hand, with no cases) with the topic's title.
    """
    with desk.db.read() as conn:
        called = [(row.entity_id, json.loads(row.payload)) for row in conn.execute(
            select(events.c.entity_id, events.c.payload)
            .where(events.c.type == "meeting.called").order_by(events.c.seq))]
    on: dict[str, str] = {}
    for _meeting_id, payload in called:
        linked = set(payload.get("case_ids") or ())
        for topic in found:
            if (linked and linked & set(topic.case_ids)) or (
                    not topic.case_ids and payload.get("title") == topic.title):
                on[topic.key] = str(payload.get("title", ""))
    return on


def add_topic(desk: Desk, user: User, title: str, community: str, description: str = "",
              case_ids: list[str] | None = None) -> str:
    _require(user)
    topic_id = uuid7()
    event = desk.new_event(user.actor(desk.code), "topic", topic_id, "topic.added",
                           {"title": title, "description": description, "community": community,
                            "case_ids": case_ids or []}, community)
    desk.record([event])
    return topic_id


# Meetings ------------------------------------------------------------------------------------
def call_meeting(desk: Desk, user: User, *, level: str, title: str, scheduled_at: str,
                 place: str, convener: str, departments: list[str], agenda: str = "",
                 case_ids: list[str] | None = None, org: str | None = None,
                 escalated_from: str | None = None, resolution_from: str | None = None,
                 extra: list[Event] | None = None) -> MeetingState:
    """Blow the whistle (吹哨): call a meeting on a topic, summoning the departments concerned."""
    _require(user)
    for dept in departments:
        if dept not in desk.catalogue.departments:
            raise DomainError(_t("domain", "Unknown department {code}."), field="departments",
                              code=dept)
    meeting_id = uuid7()
    payload = {"level": level, "title": title, "scheduled_at": scheduled_at, "place": place,
               "convener": convener, "departments": departments, "agenda": agenda,
               "case_ids": case_ids or [], "escalated_from": escalated_from,
               "resolution_from": resolution_from}
    event = desk.new_event(user.actor(desk.code), "meeting", meeting_id, "meeting.called",
                           {k: v for k, v in payload.items() if v not in (None, "", [])},
                           org or desk.identity.org)
    desk.record([event, *(extra or [])])
    return get_meeting(desk, meeting_id)


def update_meeting(desk: Desk, user: User, meeting_id: str, field: str, value: str
                   ) -> MeetingState:
    """Change one field of the record (minutes, place, counts …) on top of what this desk sees."""
    return update_meeting_fields(desk, user, meeting_id, {field: value})


def update_meeting_fields(desk: Desk, user: User, meeting_id: str,
                          values: dict[str, str]) -> MeetingState:
    """Change several fields of the record in one unit of work; each change names the values it
    replaces as this transaction reads them, so a concurrent edit shows as a clash."""
    def steps(state: MeetingState, _conn: Connection) -> list[tuple[str, dict[str, Any]] | Event]:
        out: list[tuple[str, dict[str, Any]] | Event] = []
        for field, value in values.items():
            payload: dict[str, Any] = {"field": field, "value": value}
            bases = state.fields.heads(field)
            if bases:
                payload["bases"] = bases
            out.append(("meeting.updated", payload))
        return out
    return _record_all(desk, user, meeting_id, steps)


def mark_attendance(desk: Desk, user: User, meeting_id: str, department: str,
                    present: bool) -> MeetingState:
    return update_meeting(desk, user, meeting_id, f"attendance:{department}",
                          "present" if present else "absent")


def attach_photo(desk: Desk, user: User, meeting_id: str, source: Path) -> MeetingState:
    _require(user)  # before the file is stored
    info = add_attachment(desk.db, source)
    return _record(desk, user, meeting_id, "meeting.attachment_added",
                   {"sha256": info.sha256, "name": info.name, "content_type": info.content_type,
                    "size": info.size})


def add_resolution(desk: Desk, user: User, meeting_id: str, text: str, owner: str,
                   due: date) -> str:
    if not owner.strip():
        raise DomainError(_t("domain", "Every resolution needs an owner: a department or a person."),
                          field="owner")
    resolution_id = uuid7()
    _record(desk, user, meeting_id, "meeting.resolution_added",
            {"resolution_id": resolution_id, "text": text, "owner": owner.strip(),
             "due": due.isoformat()})
    return resolution_id


def record_progress(desk: Desk, user: User, meeting_id: str, resolution_id: str, percent: int,
                    note: str) -> MeetingState:
    return _record(desk, user, meeting_id, "meeting.resolution_progress",
                   {"resolution_id": resolution_id, "percent": percent, "note": note})


def close_resolution(desk: Desk, user: User, meeting_id: str, resolution_id: str, answer: str,
                     resolve_cases: bool = True) -> MeetingState:
    """Done: and, if asked, the meeting's open cases are resolved with the same answer."""
    def steps(meeting: MeetingState, conn: Connection) -> list[tuple[str, dict[str, Any]] | Event]:
        out: list[tuple[str, dict[str, Any]] | Event] = [(
            "meeting.resolution_closed",
            {"resolution_id": resolution_id, "answer": answer, "resolve_cases": resolve_cases})]
        if resolve_cases and answer.strip():
            open_cases = conn.execute(select(cases.c.id, cases.c.org).where(
                cases.c.id.in_(meeting.case_ids), cases.c.status.in_(sorted(ACTIVE)))).all()
            out += [desk.new_event(user.actor(desk.code), "case", case_id, "case.resolved",
                                   {"text": answer.strip()}, org) for case_id, org in open_cases]
        return out
    return _record_all(desk, user, meeting_id, steps)


def escalate_resolution(desk: Desk, user: User, meeting_id: str, resolution_id: str, *,
                        scheduled_at: str, place: str, convener: str,
                        departments: list[str]) -> MeetingState:
    """What the community cannot settle goes to a meeting one level up; the chain stays."""
    new_id = uuid7()

    def steps(meeting: MeetingState, _conn: Connection
              ) -> list[tuple[str, dict[str, Any]] | Event]:
        resolution = meeting.resolutions.get(resolution_id)
        if resolution is None:
            raise DomainError(_t("domain", "There is no such resolution."))
        if meeting.level == LEVEL_ORDER[-1]:
            raise DomainError(_t("domain", "A district meeting cannot be passed further up."))
        level = LEVEL_ORDER[LEVEL_ORDER.index(meeting.level) + 1]
        # Filed under the same community, so this desk and the street's see the whole chain.
        called = desk.new_event(user.actor(desk.code), "meeting", new_id, "meeting.called", {
            "level": level, "title": resolution.text, "scheduled_at": scheduled_at,
            "place": place, "convener": convener, "departments": departments,
            "case_ids": meeting.case_ids, "escalated_from": meeting_id,
            "resolution_from": resolution_id}, meeting.org)
        return [("meeting.resolution_escalated",
                 {"resolution_id": resolution_id, "to_meeting": new_id, "to_level": level}),
                called]
    _record_all(desk, user, meeting_id, steps)
    return get_meeting(desk, new_id)


def close_meeting(desk: Desk, user: User, meeting_id: str) -> MeetingState:
    def steps(meeting: MeetingState, _conn: Connection
              ) -> list[tuple[str, dict[str, Any]] | Event]:
        if not meeting.minutes.strip():
            raise DomainError(MINUTES_REQUIRED, field="minutes")
        return [("meeting.closed", {})]
    return _record_all(desk, user, meeting_id, steps)


def meeting_chain(desk: Desk, meeting_id: str) -> list[MeetingState]:
    """Every meeting on the same topic, from the first community meeting up."""
    seen: dict[str, MeetingState] = {}
    root = get_meeting(desk, meeting_id)
    while root.escalated_from and root.escalated_from not in seen:
        seen[root.id] = root
        root = get_meeting(desk, root.escalated_from)
    chain, queue = [], [root]
    while queue:
        current = queue.pop(0)
        if current.status == "incomplete" or any(m.id == current.id for m in chain):
            continue
        chain.append(current)
        queue.extend(get_meeting(desk, nxt) for nxt in current.escalated_to)
    return chain


@dataclass(frozen=True)
class ResolutionRow:
    id: str
    meeting_id: str
    meeting_title: str
    text: str
    owner: str
    due: str
    percent: int


def due_resolutions(desk: Desk, today: date, within_days: int = 3) -> list[ResolutionRow]:
    """Open resolutions overdue or due within a few days: shown beside overdue cases."""
    horizon = (today + timedelta(days=within_days)).isoformat()
    with desk.db.read() as conn:
        rows = conn.execute(
            select(resolutions, meetings.c.title.label("meeting_title"))
            .join(meetings, meetings.c.id == resolutions.c.meeting_id)
            .where(resolutions.c.status == "open", resolutions.c.due <= horizon)
            .order_by(resolutions.c.due))
        return [ResolutionRow(r.id, r.meeting_id, r.meeting_title, r.text, r.owner, r.due,
                              r.percent) for r in rows]


def list_meetings(desk: Desk, limit: int = 500) -> list[Any]:
    with desk.db.read() as conn:
        return list(conn.execute(select(meetings).order_by(meetings.c.called_at.desc()).limit(limit)))


