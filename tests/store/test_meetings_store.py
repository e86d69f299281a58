"""Council meetings, topics, receptions, duty and patrols at the store: every service with good
and bad input (bad input changes nothing stored), every branch of their folds, and convergence
of two desks that received the same events in different orders."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from sqlalchemy import func, select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.events import Event, EventError
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake
from desk_app.domain.meeting import MINUTES_REQUIRED, fold_meeting, fold_topic
from desk_app.domain.outreach import fold_outreach
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store import meetings as m
from desk_app.store import outreach as o
from desk_app.store.cases import NotAllowed, register_case
from desk_app.store.database import Database, open_database
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.eventlog import load_events
from desk_app.store.schema import events, meetings, outreach, resolutions, topics
from desk_app.store.users import User
from tests.reading import READER, case_state

DEPT = "D-HOUSING"


def stored(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in (events, meetings, resolutions, outreach, topics)}


def image(tmp_path: Path, name: str = "sheet.png") -> Path:
    picture = QImage(40, 30, QImage.Format.Format_RGB32)
    picture.fill(QColor("white"))
    path = tmp_path / name
    picture.save(str(path))
    return path


@pytest.fixture
def make_user() -> Callable[..., User]:
    def make(role: str, username: str | None = None) -> User:
        return User(uuid7(), username or f"{role}1", f"测试{role}", role)
    return make


@pytest.fixture
def secretary(make_user: Callable[..., User]) -> User:
    return make_user("supervisor", "chenjie")


def call(desk: Desk, user: User, **changes: object) -> str:
    values: dict[str, object] = dict(level="community", title="楼道杂物堆放", place="社区党群服务中心",
                                     scheduled_at="2026-12-03 15:00", convener="陈洁",
                                     departments=[DEPT])
    values.update(changes)
    return m.call_meeting(desk, user, **values).id  # type: ignore[arg-type]


# --- meetings: services ---------------------------------------------------------------------


def test_a_role_without_meetings_changes_nothing(desk: Desk, make_user: Callable[..., User],
                                                 secretary: User) -> None:
    meeting = call(desk, secretary)
    before = stored(desk.db)
    for role in ("window", "deputy", "grid"):
        user = make_user(role)
        with pytest.raises(NotAllowed):
            call(desk, user)
        with pytest.raises(NotAllowed):
            m.update_meeting(desk, user, meeting, "minutes", "x")
        with pytest.raises(NotAllowed):
            m.add_resolution(desk, user, meeting, "清理楼道", "物业", date(2026, 12, 10))
    assert stored(desk.db) == before


@pytest.mark.parametrize(("changes", "error"), [
    ({"departments": ["D-NOPE"]}, DomainError),
    ({"scheduled_at": "明天下午"}, EventError),
    ({"title": ""}, EventError),
    ({"level": "city"}, EventError),
    ({"title": "x" * 201}, EventError),
])
def test_calling_a_meeting_with_bad_input_is_refused(desk: Desk, secretary: User,
                                                     changes: dict, error: type) -> None:
    before = stored(desk.db)
    with pytest.raises(error):
        call(desk, secretary, **changes)
    assert stored(desk.db) == before


def test_the_record_is_written_in_one_unit_and_names_what_it_replaces(
        desk: Desk, secretary: User) -> None:
    meeting = call(desk, secretary)
    heard: list[object] = []
    stop = desk.listen(heard.append)
    state = m.update_meeting_fields(desk, secretary, meeting, {
        "minutes": "同意一周内清理", "residents": "12", f"attendance:{DEPT}": "present"})
    stop()
    assert len(heard) == 1, "one unit of work, one broadcast"
    assert state.minutes == "同意一周内清理" and state.attended(DEPT) is True
    again = m.update_meeting(desk, secretary, meeting, "minutes", "同意三天内清理")
    last = load_events_of(desk, meeting)[-1]
    assert last.payload["bases"] == [e.id for e in load_events_of(desk, meeting)
                                     if e.payload.get("field") == "minutes"][:1]
    assert again.minutes == "同意三天内清理" and not again.fields.clashes
    with pytest.raises(EventError):
        m.update_meeting(desk, secretary, meeting, "secret_field", "x")
    with pytest.raises(DomainError):
        m.update_meeting(desk, secretary, uuid7(), "minutes", "x")


def load_events_of(desk: Desk, entity_id: str) -> list[Event]:
    with desk.db.read() as conn:
        return load_events(conn, [entity_id]).get(entity_id, [])


def test_photos_must_be_pictures_of_a_sane_size(desk: Desk, secretary: User,
                                               tmp_path: Path) -> None:
    meeting = call(desk, secretary)
    not_a_picture = tmp_path / "minutes.txt"
    not_a_picture.write_text("会议纪要", encoding="utf-8")
    before = stored(desk.db)
    with pytest.raises(DomainError):
        m.attach_photo(desk, secretary, meeting, not_a_picture)
    with pytest.raises(DomainError):
        m.attach_photo(desk, secretary, meeting, tmp_path / "missing.png")
    assert stored(desk.db) == before
    state = m.attach_photo(desk, secretary, meeting, image(tmp_path))
    assert len(state.attachments) == 1 and state.attachments[0]["content_type"] == "image/png"


def test_resolutions_need_an_owner_and_follow_their_path(
        desk: Desk, secretary: User, window_user: User, intake: Callable[..., Intake]) -> None:
    case = register_case(desk, window_user, intake())
    meeting = call(desk, secretary, case_ids=[case.id])
    with pytest.raises(DomainError) as refused:
        m.add_resolution(desk, secretary, meeting, "清理楼道", "  ", date(2026, 12, 10))
    assert refused.value.field == "owner"
    first = m.add_resolution(desk, secretary, meeting, "清理楼道", "物业", date(2026, 12, 10))
    second = m.add_resolution(desk, secretary, meeting, "装监控", "社区", date(2026, 12, 1))
    with pytest.raises(EventError):
        m.record_progress(desk, secretary, meeting, first, 140, "超过")
    state = m.record_progress(desk, secretary, meeting, first, 40, "已清理一半")
    assert state.resolutions[first].percent == 40 and state.progress == 20
    state = m.close_resolution(desk, secretary, meeting, first, "楼道已清理干净")
    assert state.resolutions[first].status == "done"
    assert case_state(desk, case.id).status == "resolved", "the linked open case is resolved too"
    state = m.record_progress(desk, secretary, meeting, first, 50, "再记")
    assert state.conflicts[-1].reason == "This resolution is already done or passed up."
    due = m.due_resolutions(desk, date(2026, 12, 2))
    assert [r.id for r in due] == [second], "only open ones, overdue or due soon"


def test_a_meeting_closes_only_with_minutes_and_then_stays_closed(
        desk: Desk, secretary: User) -> None:
    meeting = call(desk, secretary)
    before = stored(desk.db)
    with pytest.raises(DomainError) as refused:
        m.close_meeting(desk, secretary, meeting)
    assert refused.value.text == MINUTES_REQUIRED and stored(desk.db) == before
    m.update_meeting(desk, secretary, meeting, "minutes", "议定：物业负责清理。")
    assert m.close_meeting(desk, secretary, meeting).status == "closed"
    after = m.update_meeting(desk, secretary, meeting, "minutes", "改纪要")
    assert after.minutes == "议定：物业负责清理。" and after.conflicts, "kept, shown, not applied"


def test_a_resolution_passes_up_the_levels_and_the_chain_is_kept(
        desk: Desk, secretary: User) -> None:
    meeting = call(desk, secretary)
    resolution = m.add_resolution(desk, secretary, meeting, "加装电梯", "街道", date(2027, 1, 30))
    street = m.escalate_resolution(desk, secretary, meeting, resolution,
                                   scheduled_at="2026-12-10 09:30", place="街道办",
                                   convener="街道书记", departments=[DEPT])
    assert street.level == "street" and street.escalated_from == meeting
    top = m.add_resolution(desk, secretary, street.id, "加装电梯", "区住建", date(2027, 3, 1))
    district = m.escalate_resolution(desk, secretary, street.id, top,
                                     scheduled_at="2026-12-20 09:30", place="区政府",
                                     convener="副区长", departments=[DEPT])
    last = m.add_resolution(desk, secretary, district.id, "加装电梯", "区住建", date(2027, 6, 1))
    with pytest.raises(DomainError):
        m.escalate_resolution(desk, secretary, district.id, last, scheduled_at="2027-01-01 09:00",
                              place="市", convener="市", departments=[])
    with pytest.raises(DomainError):
        m.escalate_resolution(desk, secretary, meeting, uuid7(), scheduled_at="2027-01-01 09:00",
                              place="x", convener="x", departments=[])
    assert [s.level for s in m.meeting_chain(desk, street.id)] == [
        "community", "street", "district"]


def test_topics_added_by_hand_are_listed_and_dropped(desk: Desk, secretary: User) -> None:
    topic = m.add_topic(desk, secretary, "广场舞噪音", "YT-HS-PW", "晚上九点后仍有音乐")
    assert any(t.key == f"hand:{topic}" for t in m.hot_topics(desk, READER))
    with pytest.raises(EventError):
        m.add_topic(desk, secretary, "", "YT-HS-PW")
    dropped = desk.new_event(secretary.actor(desk.code), "topic", topic, "topic.dropped",
                             {"reason": "已在议事会讨论"}, "YT-HS-PW")
    desk.record([dropped])
    assert not any(t.key == f"hand:{topic}" for t in m.hot_topics(desk, READER))


# --- the folds, branch by branch -------------------------------------------------------------


def events_for(entity: str, entity_id: str, steps: list[tuple[str, dict]]) -> list[Event]:
    made = []
    for n, (type_, payload) in enumerate(steps):
        made.append(Event(uuid7(), entity, entity_id, type_, payload, "chenjie@YT-HS-01",
                          "YT-HS-01", f"{1_795_000_000_000 + n * 1000:015d}-00000-YT-HS-01",
                          "YT-HS-PW").validated())
    return made


CALLED = ("meeting.called", {"level": "community", "title": "楼道", "place": "中心",
                             "scheduled_at": "2026-12-03 15:00", "convener": "陈洁"})
RESOLUTION = str(uuid7())


@pytest.mark.parametrize(("steps", "reason"), [
    ([("meeting.updated", {"field": "minutes", "value": "x"})],
     "Recorded before the meeting was called."),
    ([CALLED, CALLED], "The meeting was already called."),
    ([CALLED, ("meeting.closed", {})], MINUTES_REQUIRED),
    ([CALLED, ("meeting.updated", {"field": "minutes", "value": "纪要"}), ("meeting.closed", {}),
      ("meeting.closed", {})], "The meeting is already closed."),
    ([CALLED, ("meeting.updated", {"field": "minutes", "value": "纪要"}), ("meeting.closed", {}),
      ("meeting.resolution_added", {"resolution_id": RESOLUTION, "text": "t", "owner": "o",
                                    "due": "2026-12-10"})],
     "The meeting is closed; it can no longer agree resolutions."),
    ([CALLED, ("meeting.resolution_added", {"resolution_id": RESOLUTION, "text": "t", "owner": "o",
                                            "due": "2026-12-10"}),
      ("meeting.resolution_added", {"resolution_id": RESOLUTION, "text": "t", "owner": "o",
                                    "due": "2026-12-10"})], "This resolution was already recorded."),
    ([CALLED, ("meeting.resolution_progress", {"resolution_id": RESOLUTION, "percent": 10,
                                               "note": "n"})], "There is no such resolution."),
    ([("meeting.called", {**CALLED[1], "level": "street"}),
      ("meeting.escalated", {"to_meeting": str(uuid7()), "to_level": "street", "reason": "r"})],
     "A meeting can only be passed up to a higher level."),
])
def test_every_refusal_of_the_meeting_fold_is_kept_as_a_conflict(steps: list, reason: str) -> None:
    meeting_id = uuid7()
    state = fold_meeting(meeting_id, events_for("meeting", meeting_id, steps))
    assert [c.reason for c in state.conflicts] == [reason]


def test_the_meeting_fold_applies_every_step() -> None:
    meeting_id, case_id, to = uuid7(), uuid7(), uuid7()
    state = fold_meeting(meeting_id, events_for("meeting", meeting_id, [
        CALLED, ("meeting.case_linked", {"case_id": case_id}),
        ("meeting.case_linked", {"case_id": case_id}),
        ("meeting.attachment_added", {"sha256": "a" * 64, "name": "签到表.png",
                                      "content_type": "image/png", "size": 10}),
        ("meeting.resolution_added", {"resolution_id": RESOLUTION, "text": "t", "owner": "o",
                                      "due": "2026-12-10"}),
        ("meeting.resolution_escalated", {"resolution_id": RESOLUTION, "to_meeting": to,
                                          "to_level": "street"}),
        ("meeting.escalated", {"to_meeting": to, "to_level": "street", "reason": "跨部门"}),
    ]))
    assert not state.conflicts
    assert state.case_ids == [case_id] and len(state.attachments) == 1
    assert state.resolutions[RESOLUTION].status == "escalated" and state.escalated_to == [to, to]
    assert state.progress == 0, "escalated resolutions do not count"


def test_the_topic_fold() -> None:
    topic_id = uuid7()
    added = ("topic.added", {"title": "广场舞", "community": "YT-HS-PW"})
    state = fold_topic(topic_id, events_for("topic", topic_id, [added, added,
                                                                ("topic.dropped", {"reason": "r"})]))
    assert state.status == "dropped" and state.title == "广场舞"
    assert [c.reason for c in state.conflicts] == ["This topic was already added."]
    early = fold_topic(topic_id, events_for("topic", topic_id, [("topic.dropped", {"reason": "r"})]))
    assert early.status == "incomplete" and early.conflicts


FINDING = str(uuid7())
PATROL = ("patrol.started", {"grid": "YT-HS-PW-G01", "started_at": "2026-12-01 09:00"})


@pytest.mark.parametrize(("entity", "steps", "reason"), [
    ("patrol", [("patrol.ended", {"ended_at": "2026-12-01 11:00"})],
     "Recorded before the record was started."),
    ("patrol", [PATROL, PATROL], "This record was already started."),
    ("patrol", [PATROL, ("patrol.finding_added", {"finding_id": FINDING, "text": "井盖缺失"}),
                ("patrol.finding_added", {"finding_id": FINDING, "text": "井盖缺失"})],
     "This finding was already noted."),
    ("patrol", [PATROL, ("patrol.finding_converted", {"finding_id": FINDING,
                                                      "case_id": str(uuid7())})],
     "There is no such finding."),
    ("patrol", [PATROL, ("patrol.ended", {"ended_at": "2026-12-01 11:00"}),
                ("patrol.finding_added", {"finding_id": FINDING, "text": "晚了"})],
     "This record is closed."),
    ("duty", [("duty.scheduled", {"deputy": "张代表", "deputy_kind": "npc", "date": "2026-12-05",
                                  "start": "09:00", "end": "11:30", "place": "民意室"}),
              ("duty.cancelled", {"reason": "出差"}), ("duty.cancelled", {"reason": "再取消"})],
     "This record is closed."),
    ("visit", [("visit.logged", {"deputy": "张代表", "deputy_kind": "npc", "date": "2026-12-05",
                                 "place": "民意室", "people": 3, "summary": "反映停车难",
                                 "mode": "reception"}),
               ("visit.finding_added", {"finding_id": FINDING, "text": "停车难",
                                        "kind": "request"}),
               ("visit.finding_converted", {"finding_id": FINDING, "case_id": str(uuid7())}),
               ("visit.finding_converted", {"finding_id": FINDING, "case_id": str(uuid7())})],
     "This finding already became a case."),
])
def test_every_refusal_of_the_outreach_fold_is_kept_as_a_conflict(
        entity: str, steps: list, reason: str) -> None:
    record_id = uuid7()
    state = fold_outreach(record_id, events_for(entity, record_id, steps))
    assert [c.reason for c in state.conflicts] == [reason]


def test_a_finding_may_become_a_case_after_the_patrol_ended() -> None:
    record_id, case_id = uuid7(), uuid7()
    state = fold_outreach(record_id, events_for("patrol", record_id, [
        PATROL, ("patrol.finding_added", {"finding_id": FINDING, "text": "井盖缺失"}),
        ("patrol.ended", {"ended_at": "2026-12-01 11:00", "notes": "巡查完毕"}),
        ("patrol.finding_converted", {"finding_id": FINDING, "case_id": case_id})]))
    assert not state.conflicts and state.status == "closed"
    assert state.findings[FINDING].case_id == case_id and state.get("notes") == "巡查完毕"


# --- receptions, duty and patrols: services ---------------------------------------------------


def test_duty_receptions_and_patrols_refuse_bad_input(
        desk: Desk, make_user: Callable[..., User], tmp_path: Path) -> None:
    deputy, grid = make_user("deputy"), make_user("grid")
    before = stored(desk.db)
    with pytest.raises(DomainError):
        o.schedule_duty(desk, deputy, "张代表", "npc", date(2026, 12, 5), "11:30", "09:00", "民意室")
    with pytest.raises(EventError):
        o.schedule_duty(desk, deputy, "张代表", "mayor", date(2026, 12, 5), "09:00", "11:30", "室")
    with pytest.raises(NotAllowed):
        o.start_patrol(desk, deputy, "YT-HS-PW-G01", "", "2026-12-01 09:00")
    with pytest.raises(NotAllowed):
        o.log_reception(desk, grid, deputy="张代表", deputy_kind="npc", day=date(2026, 12, 5),
                        place="民意室", people=3, summary="停车难")
    with pytest.raises(DomainError):
        o.start_patrol(desk, grid, "YT-HS-PW", "", "2026-12-01 09:00")  # a community, not a grid
    with pytest.raises(EventError):
        o.log_reception(desk, deputy, deputy="张代表", deputy_kind="npc", day=date(2026, 12, 5),
                        place="民意室", people=-1, summary="停车难")
    assert stored(desk.db) == before
    patrol = o.start_patrol(desk, grid, "YT-HS-PW-G01", "鹏湾一村", "2026-12-01 09:00")
    not_a_picture = tmp_path / "x.png"
    not_a_picture.write_bytes(b"not a picture at all")
    before = stored(desk.db)
    with pytest.raises(DomainError):
        o.add_patrol_finding(desk, grid, patrol.id, "井盖缺失",
                             photos=[image(tmp_path), not_a_picture])
    with pytest.raises(DomainError):
        o.add_patrol_finding(desk, grid, uuid7(), "井盖缺失")
    assert stored(desk.db) == before, "one bad photo changes nothing"


def test_findings_become_cases_once_linked_both_ways(
        desk: Desk, make_user: Callable[..., User], tmp_path: Path) -> None:
    deputy, grid = make_user("deputy"), make_user("grid")
    duty = o.schedule_duty(desk, deputy, "张代表", "npc", date(2026, 12, 5), "09:00", "11:30", "民意室")
    assert o.cancel_duty(desk, deputy, duty.id, "出差").status == "closed"
    assert [d.id for d in o.list_duties(desk, READER)] == [duty.id]
    visit = o.log_reception(desk, deputy, deputy="张代表", deputy_kind="npc", day=date(2026, 12, 5),
                            place="民意室", people=3, summary="反映停车难")
    finding = o.add_visit_finding(desk, deputy, visit.id, "小区停车位不足，建议增设", "suggestion")
    intake = Intake(category="030201", community="YT-HS-PW", anonymous=True)
    case = o.finding_to_case(desk, deputy, visit.id, finding, intake)
    assert case.channel == "deputy" and case.kind == "suggestion"
    assert case.source == ("visit", visit.id)
    assert o.get_record(desk, READER, visit.id).findings[finding].case_id == case.id
    before = stored(desk.db)
    with pytest.raises(DomainError):
        o.finding_to_case(desk, deputy, visit.id, finding, Intake(
            category="030201", community="YT-HS-PW", anonymous=True))
    with pytest.raises(DomainError):
        o.finding_to_case(desk, deputy, visit.id, uuid7(), intake)
    assert stored(desk.db) == before

    patrol = o.start_patrol(desk, grid, "YT-HS-PW-G01", "鹏湾一村", "2026-12-01 09:00")
    spotted = o.add_patrol_finding(desk, grid, patrol.id, "3栋旁井盖缺失", photos=[image(tmp_path)],
                                   latitude=22.55, longitude=114.24)
    o.end_patrol(desk, grid, patrol.id, "2026-12-01 11:00", "巡查完毕")
    case = o.finding_to_case(desk, grid, patrol.id, spotted, Intake(
        category="030201", community="YT-HS-PW", anonymous=True))
    assert case.channel == "patrol" and (case.latitude, case.longitude) == (22.55, 114.24)
    assert [r.id for r in o.list_records(desk, READER, "patrol")] == [patrol.id]


# --- convergence at the store -------------------------------------------------------------------


def test_two_desks_that_receive_the_same_events_in_any_order_agree(
        desk: Desk, secretary: User, make_user: Callable[..., User], tmp_path: Path,
        catalogue: Catalogue, calendar: WorkCalendar) -> None:
    deputy, grid = make_user("deputy"), make_user("grid")
    meeting = call(desk, secretary)
    m.update_meeting_fields(desk, secretary, meeting, {"minutes": "议定", "residents": "8"})
    resolution = m.add_resolution(desk, secretary, meeting, "清理楼道", "物业", date(2026, 12, 10))
    m.record_progress(desk, secretary, meeting, resolution, 60, "过半")
    m.add_topic(desk, secretary, "广场舞噪音", "YT-HS-PW")
    visit = o.log_reception(desk, deputy, deputy="张代表", deputy_kind="npc", day=date(2026, 12, 5),
                            place="民意室", people=3, summary="反映停车难")
    o.add_visit_finding(desk, deputy, visit.id, "停车难")
    patrol = o.start_patrol(desk, grid, "YT-HS-PW-G01", "鹏湾一村", "2026-12-01 09:00")
    o.add_patrol_finding(desk, grid, patrol.id, "井盖缺失")
    o.end_patrol(desk, grid, patrol.id, "2026-12-01 11:00")
    with desk.db.read() as conn:
        log = [e for es in load_events(conn, [meeting, visit.id, patrol.id]).values() for e in es]
        log += [e for e in load_events(conn, list(conn.execute(
            select(topics.c.id)).scalars())).get(next(iter(conn.execute(
                select(topics.c.id)).scalars())), [])]

    def replica(name: str, order: list[Event]) -> Database:
        db = open_database(tmp_path / f"{name}.sqlite3")
        other = Desk(db, setup_desk(db, name, name, "YT-HS", catalogue), catalogue, calendar)
        for event in order:  # one page at a time, in this replica's order
            other.record([event], origin="pulled")
        return db

    shuffled = log[:]
    random.Random(3).shuffle(shuffled)
    first, second = replica("YT-HS-02", list(reversed(log))), replica("YT-HS-03", shuffled)
    for table in (meetings, resolutions, outreach, topics):
        with first.read() as a, second.read() as b, desk.db.read() as c:
            rows = [sorted(tuple(r) for r in conn.execute(select(table))) for conn in (a, b, c)]
        assert rows[0] == rows[1] == rows[2], table.name
    for entity_id, fold in ((meeting, fold_meeting), (visit.id, fold_outreach),
                            (patrol.id, fold_outreach)):
        with first.read() as a, second.read() as b:
            assert fold(entity_id, load_events(a, [entity_id])[entity_id]) == fold(
                entity_id, load_events(b, [entity_id])[entity_id])
