"""The table of tests/store/test_least_privilege.py: for every public store function, how to
call it as a user and the permission it needs, or why it takes no acting user; and the world
(a desk, one account per role, a case with a phone and an ID number) the calls run in."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from desk_app.domain.intake import Intake
from desk_app.domain.roles import event_permission
from desk_app.store import audit as audit_store
from desk_app.store import (
    backup,
    calendar_store,
    case_queries,
    case_rows,
    cases,
    desk_contact,
    followup_actions,
    meetings,
    outreach,
    report_queries,
    restore,
    similar_cases,
    sync_state,
    users,
    watchlist,
)
from desk_app.store.case_queries import LIST_COLUMNS, CaseQuery
from desk_app.store.database import Database
from desk_app.store.desk import Desk
from desk_app.store.users import User, create_user
from tests.conftest import TEST_KEY

PHONE = "13812345678"
ID_NUMBER = "440308199001011239"
MASKED_ROLES = ("deputy", "grid")
PASSWORD = "correct horse"


@dataclass
class World:
    """A desk with one account of each role and a case that holds a phone and an ID number."""

    desk: Desk
    users: dict[str, User]
    tmp: Path
    case_id: str = ""
    case_number: str = ""
    made: list[Any] = field(default_factory=list)

    @property
    def db(self) -> Database:
        return self.desk.db

    def intake(self, **changes: Any) -> Intake:
        base = Intake(channel="window", kind="complaint",
                      description=f"鹏湾花园3栋楼下工地夜间施工，联系电话{PHONE}，请尽快处理。",
                      category="010101", urgency="urgent", community="YT-HS-PW",
                      grid="YT-HS-PW-G01", address="鹏湾花园3栋", name="李秀英", phone=PHONE,
                      id_number=ID_NUMBER)
        for key, value in changes.items():
            setattr(base, key, value)
        return base

    def new_case(self) -> str:
        return cases.register_case(self.desk, self.users["window"], self.intake()).id

    def resolved_case(self) -> str:
        case_id = self.new_case()
        cases.resolve_case(self.desk, self.users["supervisor"], case_id, "已处理")
        return case_id

    def new_rejection(self) -> str:
        state = cases.comment_case(self.desk, self.users["supervisor"], self.case_id, "补充说明")
        event_id = state.steps[-1].event_id
        with self.db.begin() as conn:
            sync_state.record_answers(conn, [], {event_id: ("scope", "outside the scope")})
        return event_id

    def new_meeting(self) -> str:
        return meetings.call_meeting(
            self.desk, self.users["supervisor"], level="community", title="工地噪音议事会",
            scheduled_at="2026-12-10 15:00", place="议事厅", convener="陈洁",
            departments=["D-URBAN"], case_ids=[self.case_id]).id

    def new_visit(self) -> str:
        return outreach.log_reception(
            self.desk, self.users["supervisor"], deputy="王代表", deputy_kind="npc",
            day=date(2026, 12, 1), place="民意室", people=2, summary="反映施工噪音",
            names="李秀英、张三").id

    def new_patrol(self) -> str:
        return outreach.start_patrol(self.desk, self.users["supervisor"], "YT-HS-PW-G01",
                                     "鹏湾花园", "2026-12-01 09:00").id

    def new_user(self) -> str:
        self.made.append(1)
        return create_user(self.db, f"colleague{len(self.made)}", "新同事", "window", PASSWORD).id

    def backup_file(self) -> Path:
        return backup.write_backup(self.db.path, self.tmp / "attachments",
                                   self.tmp / "made.cdbackup", key=TEST_KEY)


@dataclass(frozen=True)
class Checked:
    """Called as each role; `permission` None: every role may."""

    permission: str | None
    call: Callable[[World, User, Any], Any]
    prepare: Callable[[World], Any] = lambda w: None
    workflow_may_refuse: bool = False  # allowed, but a rule of the workflow may say no


@dataclass(frozen=True)
class Exempt:
    """Takes no acting user, and why."""

    why: str


INTERNAL = Exempt("the store's own machinery: takes the caller's connection inside a unit of "
                  "work a checked function opened, or runs before anyone signs in")
PURE = Exempt("pure helper: reads and returns nothing stored")
NO_PERSONAL = Exempt("reads no residents' personal data, users, settings, rejections or backups")
SCHEDULER = Exempt("the desk's own scheduled act (no person acts): the follow-up job, the daily "
                   "backup, sync")


def step(type_: str) -> str:
    return event_permission(type_)


TABLE: dict[str, Checked | Exempt] = {
    # access, audit -----------------------------------------------------------------------
    "access.require": PURE, "access.sees_personal": PURE, "access.requires": PURE,
    "audit.audit_event": Exempt("makes an entry's event; recorded by note_audit/record_audit"),
    "audit.note_audit": Exempt("records the acting user's own entry (every role's acts are "
                               "audited): called by the checked functions"),
    "audit.record_audit": Exempt("as note_audit, in a unit of its own"),
    "audit.refresh_audit": INTERNAL,
    "audit.list_audit": Checked("audit_log", lambda w, u, _: audit_store.list_audit(w.desk, u)),
    # attachments -------------------------------------------------------------------------
    "attachments.image_type": PURE, "attachments.folder_of": PURE, "attachments.path_of": PURE,
    "attachments.referenced": PURE,
    "attachments.add_attachment": Exempt("stores a photo's file by its hash; the record that "
                                         "names it is written by a checked step"),
    "attachments.keep_attachment": SCHEDULER, "attachments.pending_uploads": SCHEDULER,
    "attachments.mark_uploaded": SCHEDULER,
    "attachments.read_attachment": Exempt("a photo of a record, shown to whoever may see the "
                                          "record, and uploaded by sync"),
    "attachments.seal_clear_attachments": SCHEDULER,
    "attachments.reseal_folder": Exempt("file level: a restore's staged photos, within the "
                                        "administrator's checked restore"),
    # backups and restore -----------------------------------------------------------------
    "backup.make_backup": Checked("backup", lambda w, u, _: backup.make_backup(
        w.desk, u, w.tmp / f"by-{u.role}.cdbackup", key=TEST_KEY)),
    "backup.write_backup": Exempt("file level, no person: the daily backup and the backups "
                                  "before a migration or an encryption (make_backup is a "
                                  "person's)"),
    "backup.daily_backups": PURE, "backup.scheduled_backup": SCHEDULER,
    "backup.backup_before_migrate": INTERNAL, "backup.seal_plain_backups": INTERNAL,
    "backup.backup_before_encrypt": INTERNAL,
    "backup_check.check_backup": Exempt("reads a backup's manifest and checksums only (the "
                                        "restore that follows is checked)"),
    "restore.restore_backup": Checked(
        "settings", lambda w, u, path: restore.restore_backup(
            u, path, w.tmp / "other" / "desk.sqlite3", w.tmp / "other" / "attachments",
            key=TEST_KEY), prepare=lambda w: w.backup_file()),
    "restore.finish_interrupted_restore": INTERNAL,
    "restore.record_restore_audit": Exempt("at start: writes down a restore that was checked "
                                           "when a person made it"),
    # the calendar ------------------------------------------------------------------------
    "calendar_store.adopt_centre_calendar": SCHEDULER,
    "calendar_store.apply_calendar": INTERNAL, "calendar_store.recompute_open_deadlines": INTERNAL,
    "calendar_store.deadline_history": NO_PERSONAL,
    "calendar_store.import_calendar_file": Checked(
        "settings", lambda w, u, path: calendar_store.import_calendar_file(w.desk, u, path),
        prepare=lambda w: _calendar_file(w)),
    # case queries ------------------------------------------------------------------------
    "case_queries.text_match": PURE, "case_queries.search_clause": PURE,
    "case_rows.case_row": PURE, "case_rows.seen_by": PURE, "case_rows.unfiltered": PURE,
    "case_rows.first_page": Checked("read_cases", lambda w, u, _: case_rows.first_page(
        w.db, u, CaseQuery())),
    "case_rows.count_all": Checked("read_cases", lambda w, u, _: case_rows.count_all(w.db, u)),
    "case_queries.list_cases": Checked("read_cases", lambda w, u, _: case_queries.list_cases(
        w.desk, u, CaseQuery())),
    "case_queries.count_cases": Checked("read_cases", lambda w, u, _: case_queries.count_cases(
        w.db, u, CaseQuery())),
    "case_queries.possible_duplicates": Checked(
        "read_cases", lambda w, u, _: case_queries.possible_duplicates(
            w.db, u, phone=PHONE, category="010101", community="YT-HS-PW",
            address="鹏湾花园3栋", description="鹏湾花园3栋楼下工地夜间施工很吵",
            catalogue=w.desk.catalogue)),
    "similar_cases.similar_open_cases": Checked(
        "read_cases", lambda w, u, _: similar_cases.similar_open_cases(
            w.db.engine.connect(), u, LIST_COLUMNS, description="鹏湾花园3栋楼下工地夜间施工很吵",
            community="YT-HS-PW", address="鹏湾花园3栋", since=0)),
    "similar_cases.vectorizer": PURE, "similar_cases.case_vector": PURE,
    "similar_cases.same_place": PURE,
    # cases -------------------------------------------------------------------------------
    "cases.get_case": Checked("read_cases", lambda w, u, _: cases.get_case(w.desk, u, w.case_id)),
    "cases.case_events": Checked("read_cases", lambda w, u, _: cases.case_events(
        w.desk, u, w.case_id)),
    "cases.find_case_id": Checked("read_cases", lambda w, u, _: cases.find_case_id(
        w.desk, u, w.case_number)),
    "cases.as_seen_by": PURE,
    "cases.register_case": Checked("register", lambda w, u, _: cases.register_case(
        w.desk, u, w.intake())),
    "cases.record_case_event": Checked(step("case.commented"), lambda w, u, _: (
        cases.record_case_event(w.desk, u, w.case_id, "case.commented", {"text": "补充"}))),
    "cases.dispatch_case": Checked(step("case.dispatched"), lambda w, u, c: cases.dispatch_case(
        w.desk, u, c, "D-URBAN"), prepare=lambda w: w.new_case()),
    "cases.record_reply": Checked(step("case.replied"), lambda w, u, c: cases.record_reply(
        w.desk, u, c, "D-URBAN", "已安排"), prepare=lambda w: w.new_case()),
    "cases.resolve_case": Checked(step("case.resolved"), lambda w, u, c: cases.resolve_case(
        w.desk, u, c, "已处理"), prepare=lambda w: w.new_case()),
    "cases.record_evaluation": Checked(step("case.evaluated"), lambda w, u, c: (
        cases.record_evaluation(w.desk, u, c, {"speed": "satisfied", "effect": "satisfied",
                                               "service": "satisfied",
                                               "feedback": "satisfied"})),
        prepare=lambda w: w.resolved_case()),
    "cases.return_case": Checked(step("case.returned"), lambda w, u, c: cases.return_case(
        w.desk, u, c, "没有解决"), prepare=lambda w: w.resolved_case()),
    "cases.escalate_case": Checked(step("case.escalated"), lambda w, u, c: cases.escalate_case(
        w.desk, u, c, "street", "跨部门"), prepare=lambda w: w.new_case()),
    "cases.remind_case": Checked(step("case.reminded"), lambda w, u, c: cases.remind_case(
        w.desk, u, c), prepare=lambda w: w.new_case()),
    "cases.supervise_case": Checked(step("case.supervised"), lambda w, u, c: (
        cases.supervise_case(w.desk, u, c, "多次投诉")), prepare=lambda w: w.new_case()),
    "cases.comment_case": Checked(step("case.commented"), lambda w, u, c: cases.comment_case(
        w.desk, u, c, "补充"), prepare=lambda w: w.new_case()),
    "cases.void_case": Checked(step("case.voided"), lambda w, u, c: cases.void_case(
        w.desk, u, c, "重复登记"), prepare=lambda w: w.new_case()),
    "cases.merge_case": Checked(step("case.merged"), lambda w, u, c: cases.merge_case(
        w.desk, u, c, w.case_id), prepare=lambda w: w.new_case()),
    "cases.split_case": Checked(step("case.split"), lambda w, u, c: cases.split_case(
        w.desk, u, c, [cases.SplitPart("工地噪音", "010101"), cases.SplitPart("路灯不亮", "030201")]),
        prepare=lambda w: w.new_case()),
    "cases.link_repeat": Checked(step("case.repeated"), lambda w, u, c: cases.link_repeat(
        w.desk, u, c, w.intake()), prepare=lambda w: w.new_case()),
    # database and desk -------------------------------------------------------------------
    "database.connect_file": INTERNAL, "database.private": INTERNAL,
    "database.head_revision": PURE, "database.known_revisions": PURE,
    "database.note_changes": INTERNAL, "database.open_database": INTERNAL,
    "database.encrypt_in_place": INTERNAL,
    "desk.write_meta": INTERNAL,
    "raw_reads.scalar": INTERNAL, "raw_reads.read_meta": INTERNAL,
    "raw_reads.latest_stamp": INTERNAL, "raw_reads.desk_calendar": INTERNAL,
    "raw_reads.first_row": INTERNAL, "raw_reads.execute": INTERNAL,
    "desk.setup_desk": Exempt("first run, before any account exists; refused once the "
                              "database has a desk"),
    "desk.read_identity": NO_PERSONAL,
    "desk_contact.read_desk_contact": Exempt("the desk's own telephone and the centre's public "
                                             "address: printed on every receipt"),
    "desk_contact.save_desk_contact": Checked(
        "settings", lambda w, u, _: desk_contact.save_desk_contact(
            w.desk, u, "0755-25551234", "https://zhongxin.example.gov.cn")),
    # the event log and projections (the write path's inside) ------------------------------
    "eventlog.row_to_event": INTERNAL, "eventlog.append_events": INTERNAL,
    "eventlog.load_events": INTERNAL,
    "eventlog.pending_count": INTERNAL, "eventlog.event_from_row": INTERNAL,
    "case_cache.folded_case": INTERNAL, "case_cache.forget_cases": INTERNAL,
    "projection.case_row": INTERNAL, "projection.refresh_cases": INTERNAL,
    "projection.rebuild_projections": INTERNAL,
    "outreach_projection.meeting_row": INTERNAL, "outreach_projection.refresh_meetings": INTERNAL,
    "outreach_projection.refresh_outreach": INTERNAL,
    "outreach_projection.refresh_topics": INTERNAL,
    "report_facts.facts_row": INTERNAL, "report_facts.rollup_entry": INTERNAL,
    "report_facts.apply_rollup": INTERNAL, "report_facts.add_deltas": INTERNAL,
    "report_facts.write_case_facts": INTERNAL, "report_facts.rebuild_rollup": INTERNAL,
    "report_facts.bulk_insert": INTERNAL,
    "search_index.search_grams": PURE, "search_index.short_match": PURE,
    "search_index.register_search_functions": INTERNAL, "search_index.grams_in_bulk": INTERNAL,
    "watch_columns.followup_columns": PURE, "watch_columns.parse_co_unsigned": PURE,
    "sealed.is_sealed": PURE, "sealed.read_header": PURE,
    # follow-through ----------------------------------------------------------------------
    "followup_actions.desk_level": PURE,
    "followup_actions.record_reminder": Checked(
        step("case.reminded"), lambda w, u, c: followup_actions.record_reminder(
            w.desk, u, c, "phone", "电话催办", "D-URBAN"), prepare=lambda w: w.new_case(),
        workflow_may_refuse=True),
    "followup_actions.take_over": Checked(step("case.taken_over"), lambda w, u, c: (
        followup_actions.take_over(w.desk, u, c)), prepare=lambda w: w.new_case(),
        workflow_may_refuse=True),
    "followup_actions.list_for_supervision": Checked(
        step("case.listed"), lambda w, u, c: followup_actions.list_for_supervision(
            w.desk, u, c, "区领导", date(2026, 12, 31)), prepare=lambda w: w.new_case(),
        workflow_may_refuse=True),
    "followup_actions.send_down": Checked(step("case.sent_down"), lambda w, u, c: (
        followup_actions.send_down(w.desk, u, c, "请社区处理")), prepare=lambda w: w.new_case(),
        workflow_may_refuse=True),
    "followup_actions.claim_case": Checked(step("case.claimed"), lambda w, u, c: (
        followup_actions.claim_case(w.desk, u, c)), prepare=lambda w: w.new_case(),
        workflow_may_refuse=True),
    "followup_actions.hand_over": Checked(step("case.handed_over"), lambda w, u, c: (
        followup_actions.hand_over(w.desk, u, c, w.users["supervisor"])),
        prepare=lambda w: w.new_case(), workflow_may_refuse=True),
    "followup_actions.record_reminder_letter": Checked(
        step("case.reminded"), lambda w, u, c: followup_actions.record_reminder_letter(
            w.desk, u, "D-URBAN", [c], "letter.pdf"), prepare=lambda w: w.new_case(),
        workflow_may_refuse=True),
    # learning the catalogue (the wording of requests, no resident's fields) ----------------
    "learned.remember_choice": NO_PERSONAL, "learned.list_learned": NO_PERSONAL,
    "learned.forget_example": NO_PERSONAL, "learned.forget_all": NO_PERSONAL,
    "learned.learned_for": NO_PERSONAL, "learned.suggest_for": NO_PERSONAL,
    "learned.item_usage": NO_PERSONAL, "learned.warm_suggestions": NO_PERSONAL,
    # meetings ----------------------------------------------------------------------------
    "meetings.get_meeting": NO_PERSONAL, "meetings.meetings_on_topics": NO_PERSONAL,
    "meetings.meeting_chain": NO_PERSONAL, "meetings.due_resolutions": NO_PERSONAL,
    "meetings.list_meetings": NO_PERSONAL,
    "meetings.hot_topics": Checked("meetings", lambda w, u, _: meetings.hot_topics(
        w.desk, u, min_cases=1, repeat_cases=1)),
    "meetings.repeat_residents": Checked("meetings", lambda w, u, _: meetings.repeat_residents(
        w.db.engine.connect(), u, 0, 1)),
    "meetings.add_topic": Checked("meetings", lambda w, u, _: meetings.add_topic(
        w.desk, u, "工地噪音", "YT-HS-PW")),
    "meetings.call_meeting": Checked("meetings", lambda w, u, _: meetings.call_meeting(
        w.desk, u, level="community", title="议事会", scheduled_at="2026-12-10 15:00",
        place="议事厅", convener="陈洁", departments=["D-URBAN"])),
    "meetings.update_meeting": Checked("meetings", lambda w, u, m: meetings.update_meeting(
        w.desk, u, m, "place", "二楼"), prepare=lambda w: w.new_meeting()),
    "meetings.update_meeting_fields": Checked(
        "meetings", lambda w, u, m: meetings.update_meeting_fields(w.desk, u, m, {"place": "二楼"}),
        prepare=lambda w: w.new_meeting()),
    "meetings.mark_attendance": Checked("meetings", lambda w, u, m: meetings.mark_attendance(
        w.desk, u, m, "D-URBAN", True), prepare=lambda w: w.new_meeting()),
    "meetings.attach_photo": Checked("meetings", lambda w, u, mp: meetings.attach_photo(
        w.desk, u, mp[0], mp[1]), prepare=lambda w: (w.new_meeting(), _photo(w)),
        workflow_may_refuse=True),
    "meetings.add_resolution": Checked("meetings", lambda w, u, m: meetings.add_resolution(
        w.desk, u, m, "夜间停工", "D-URBAN", date(2026, 12, 20)),
        prepare=lambda w: w.new_meeting(), workflow_may_refuse=True),
    "meetings.record_progress": Checked("meetings", lambda w, u, m: meetings.record_progress(
        w.desk, u, m, "r1", 50, "进行中"), prepare=lambda w: w.new_meeting(),
        workflow_may_refuse=True),
    "meetings.close_resolution": Checked("meetings", lambda w, u, m: meetings.close_resolution(
        w.desk, u, m, "r1", "已办"), prepare=lambda w: w.new_meeting(), workflow_may_refuse=True),
    "meetings.escalate_resolution": Checked(
        "meetings", lambda w, u, m: meetings.escalate_resolution(
            w.desk, u, m, "r1", scheduled_at="2026-12-20 15:00", place="街道",
            convener="街道", departments=["D-URBAN"]),
        prepare=lambda w: w.new_meeting(), workflow_may_refuse=True),
    "meetings.close_meeting": Checked("meetings", lambda w, u, m: meetings.close_meeting(
        w.desk, u, m), prepare=lambda w: w.new_meeting(), workflow_may_refuse=True),
    # outreach (receptions name the residents who came) -----------------------------------
    "outreach.get_record": Checked("receptions", lambda w, u, v: outreach.get_record(
        w.desk, u, v), prepare=lambda w: w.new_visit()),
    "outreach.list_records": Checked("receptions", lambda w, u, _: outreach.list_records(
        w.desk, u, "visit"), prepare=lambda w: w.new_visit()),
    "outreach.list_duties": Checked("receptions", lambda w, u, _: outreach.list_duties(w.desk, u)),
    "outreach.schedule_duty": Checked("receptions", lambda w, u, _: outreach.schedule_duty(
        w.desk, u, "王代表", "npc", date(2026, 12, 3), "09:00", "11:00", "民意室")),
    "outreach.cancel_duty": Checked("receptions", lambda w, u, d: outreach.cancel_duty(
        w.desk, u, d, "改期"), prepare=lambda w: outreach.schedule_duty(
            w.desk, w.users["supervisor"], "王代表", "npc", date(2026, 12, 3), "09:00", "11:00",
            "民意室").id),
    "outreach.log_reception": Checked("receptions", lambda w, u, _: outreach.log_reception(
        w.desk, u, deputy="王代表", deputy_kind="npc", day=date(2026, 12, 1), place="民意室",
        people=1, summary="反映噪音")),
    "outreach.add_visit_finding": Checked("receptions", lambda w, u, v: (
        outreach.add_visit_finding(w.desk, u, v, "工地噪音")), prepare=lambda w: w.new_visit()),
    "outreach.start_patrol": Checked("patrols", lambda w, u, _: outreach.start_patrol(
        w.desk, u, "YT-HS-PW-G01", "鹏湾花园", "2026-12-01 09:00")),
    "outreach.add_patrol_finding": Checked("patrols", lambda w, u, p: (
        outreach.add_patrol_finding(w.desk, u, p, "井盖破损")), prepare=lambda w: w.new_patrol()),
    "outreach.end_patrol": Checked("patrols", lambda w, u, p: outreach.end_patrol(
        w.desk, u, p, "2026-12-01 11:00"), prepare=lambda w: w.new_patrol()),
    "outreach.finding_to_case": Checked("receptions", lambda w, u, vf: outreach.finding_to_case(
        w.desk, u, vf[0], vf[1], w.intake(channel="deputy")), prepare=lambda w: _finding(w),
        workflow_may_refuse=True),
    # reports -----------------------------------------------------------------------------
    "report_queries.read_case_lines": Checked("reports", lambda w, u, _: (
        report_queries.read_case_lines(w.db, u, [w.case_id]))),
    "report_queries.mark_model_case": Checked("reports", lambda w, u, _: (
        report_queries.mark_model_case(w.db, u, w.case_id, "典型")), workflow_may_refuse=True),
    "report_queries.unmark_model_case": Checked("reports", lambda w, u, _: (
        report_queries.unmark_model_case(w.db, u, w.case_id))),
    "report_queries.load_facts": INTERNAL, "report_queries.load_overdue": INTERNAL,
    "report_queries.case_texts": INTERNAL, "report_queries.weekly_groups": INTERNAL,
    "report_queries.case_points": INTERNAL, "report_queries.first_registration": INTERNAL,
    "report_queries.marked_model_cases": INTERNAL, "report_queries.class_week_counts": INTERNAL,
    "report_queries.department_groups": INTERNAL, "report_queries.area_counts": INTERNAL,
    # sync and rejections -----------------------------------------------------------------
    "sync_state.now_ms": PURE, "sync_state.outbox_batch": SCHEDULER,
    "sync_state.outbox_rows": SCHEDULER,
    "sync_state.note_push_failure": SCHEDULER, "sync_state.record_answers": SCHEDULER,
    "sync_state.cursor": SCHEDULER, "sync_state.set_cursor": SCHEDULER,
    "sync_state.open_rejection_count": Exempt("a count for the status bar: no event's content"),
    "sync_state.sync_fact": SCHEDULER, "sync_state.set_sync_facts": SCHEDULER,
    "sync_state.centre_seen": SCHEDULER, "sync_state.note_centre": SCHEDULER,
    "sync_state.start_reoffer": SCHEDULER, "sync_state.reoffer_position": SCHEDULER,
    "sync_state.reoffer_batch": SCHEDULER, "sync_state.advance_reoffer": SCHEDULER,
    "sync_state.list_rejections": Checked("rejections", lambda w, u, _: (
        sync_state.list_rejections(w.db, u)), prepare=lambda w: w.new_rejection()),
    "sync_state.resend_rejected": Checked("rejections", lambda w, u, e: (
        sync_state.resend_rejected(w.desk, u, e)), prepare=lambda w: w.new_rejection()),
    "sync_state.discard_rejected": Checked("rejections", lambda w, u, e: (
        sync_state.discard_rejected(w.desk, u, e, "不再需要")), prepare=lambda w: w.new_rejection()),
    "sync_state.record_again": Checked("rejections", lambda w, u, e: (
        sync_state.record_again(w.desk, u, e)), prepare=lambda w: w.new_rejection()),
    # users -------------------------------------------------------------------------------
    "signin.has_users": Exempt("whether the first run is done: a yes or no"),
    "users.check_password_strength": PURE,
    "users.create_user": Exempt("provisioning with no one acting (first run through "
                                "create_first_admin, the demo, tests); the UI adds accounts "
                                "through add_user"),
    "users.create_first_admin": Exempt("first run only: refused once any account exists"),
    "signin.authenticate": Exempt("signing in is what makes the acting user"),
    "users.list_users": Checked("users", lambda w, u, _: users.list_users(w.db, u)),
    "users.colleagues": Checked("read_cases", lambda w, u, _: users.colleagues(w.db, u)),
    "users.add_user": Checked("users", lambda w, u, _: users.add_user(
        w.desk, u, f"new{u.role}", "新同事", "window", "first-pass-1")),
    "users.set_active": Checked("users", lambda w, u, t: users.set_active(w.desk, u, t, False),
                                prepare=lambda w: w.new_user()),
    "users.set_role": Checked("users", lambda w, u, t: users.set_role(w.desk, u, t, "grid"),
                              prepare=lambda w: w.new_user()),
    "users.reset_password": Checked("users", lambda w, u, t: users.reset_password(
        w.desk, u, t, "temporary-1"), prepare=lambda w: w.new_user()),
    "users.change_password": Checked(None, lambda w, u, _: users.change_password(
        w.desk, u, PASSWORD, "my-own-pass-1")),
    # the watch list ----------------------------------------------------------------------
    "watchlist.watch_list": Checked("read_cases", lambda w, u, _: watchlist.watch_list(
        w.db.engine.connect(), u, 2_000_000_000_000, w.desk.calendar)),
    "watchlist.notice_list": Checked("read_cases", lambda w, u, _: watchlist.notice_list(
        w.db.engine.connect(), u)),
    "watchlist.watch_page": Checked("read_cases", lambda w, u, _: watchlist.watch_page(
        w.db.engine.connect(), u, 2_000_000_000_000, w.desk.calendar)),
    "watchlist.watch_count": Exempt("a number for the badge (the scheduler's too)"),
    "watch_rules.uncovered_spans": PURE, "watch_rules.kinds": PURE,
    "watch_rules.candidate_params": PURE, "watch_rules.watch_sql": PURE,
    "watchlist.record_warnings": SCHEDULER,
    "watchlist.disputed_items": Exempt("catalogue items and counts: no case's content"),
}


def _calendar_file(w: World) -> Path:
    path = w.tmp / "calendar.csv"
    path.write_text("date,kind,name\n2027-01-01,holiday,元旦\n", encoding="utf-8")
    return path


def _photo(w: World) -> Path:
    path = w.tmp / "photo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    return path


def _finding(w: World) -> tuple[str, str]:
    visit = w.new_visit()
    return visit, outreach.add_visit_finding(w.desk, w.users["supervisor"], visit, "工地噪音")


