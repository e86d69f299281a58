"""The access audit's entries, as the store records them (issue 11, "audit rows for each audited
action"): who, what, which case, in the unit of work of the act itself; nothing personal in
them; read back by the administrator only."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from desk_app.config import Paths, app_paths
from desk_app.domain.intake import Intake
from desk_app.keys import KeyStore
from desk_app.store.access import NotAllowed
from desk_app.store.audit import AuditFilter, AuditLine, list_audit
from desk_app.store.backup import make_backup
from desk_app.store.calendar_store import import_calendar_file
from desk_app.store.case_queries import CaseQuery, list_cases
from desk_app.store.cases import comment_case, get_case, register_case
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.desk_contact import save_desk_contact
from desk_app.store.restore import restore_backup
from desk_app.store.sync_state import (
    discard_rejected,
    record_again,
    record_answers,
    resend_rejected,
)
from desk_app.store.users import (
    MAX_ATTEMPTS,
    AccountError,
    User,
    add_user,
    authenticate,
    change_password,
    create_user,
    reset_password,
    set_active,
    set_role,
)
from desk_app.workspace import open_workspace
from tests.conftest import TEST_KEY

PHONE = "13812345678"
ID_NUMBER = "440308199001011239"
PASSWORD = "correct horse"


@pytest.fixture
def people(desk: Desk) -> dict[str, User]:
    return {role: create_user(desk.db, f"{role}1", f"测试{role}", role, PASSWORD)
            for role in ("window", "deputy", "supervisor", "admin")}


def entries(desk: Desk, admin: User, action: str = "") -> list[AuditLine]:
    return list_audit(desk, admin, AuditFilter(action=action))


def case_of(desk: Desk, people: dict[str, User], intake: Callable[..., Intake]) -> str:
    return register_case(desk, people["window"], intake(id_number=ID_NUMBER)).id


def test_opening_a_case_unmasked_is_recorded_once_an_hour_and_a_masked_look_not(
        desk: Desk, people: dict[str, User], intake: Callable[..., Intake]) -> None:
    case_id = case_of(desk, people, intake)
    admin = people["admin"]
    assert entries(desk, admin, "personal.viewed") == [], "registering is not looking"
    get_case(desk, people["window"], case_id)
    get_case(desk, people["window"], case_id)
    get_case(desk, people["deputy"], case_id)  # masked: nothing to record
    [line] = entries(desk, admin, "personal.viewed")
    assert line.actor == "window1@YT-HS-01" and line.case_id == case_id
    assert line.case_number.startswith("YT-HS-01-")
    get_case(desk, people["supervisor"], case_id)
    assert {e.actor for e in entries(desk, admin, "personal.viewed")} == {
        "window1@YT-HS-01", "supervisor1@YT-HS-01"}


def test_a_phone_search_is_recorded_masked(desk: Desk, people: dict[str, User],
                                           intake: Callable[..., Intake]) -> None:
    case_of(desk, people, intake)
    list_cases(desk, people["window"], CaseQuery(text="138 1234 5678"))
    list_cases(desk, people["window"], CaseQuery(text="13812345678"))  # the same, again
    list_cases(desk, people["window"], CaseQuery(text="楼道"))  # words: not audited
    [line] = entries(desk, people["admin"], "personal.searched")
    assert line.detail == "138****5678" and line.actor == "window1@YT-HS-01"
    with pytest.raises(NotAllowed):
        list_cases(desk, people["deputy"], CaseQuery(text=PHONE))
    assert len(entries(desk, people["admin"], "personal.searched")) == 1


def test_every_act_on_accounts_is_recorded_with_the_act(desk: Desk,
                                                        people: dict[str, User]) -> None:
    admin = people["admin"]
    worker = add_user(desk, admin, "wangli", "王丽", "window", "first-pass-1")
    set_role(desk, admin, worker.id, "supervisor")
    set_active(desk, admin, worker.id, False)
    set_active(desk, admin, worker.id, True)
    reset_password(desk, admin, worker.id, "temporary-1")
    change_password(desk, authenticate(desk.db, "wangli", "temporary-1"), "temporary-1",
                    "my-own-pass-1")
    found = [(e.action, e.target, e.detail) for e in reversed(entries(desk, admin, "user."))]
    assert found == [("user.added", "wangli", "window"),
                     ("user.role_changed", "wangli", "window → supervisor"),
                     ("user.disabled", "wangli", ""), ("user.enabled", "wangli", ""),
                     ("user.password_reset", "wangli", ""),
                     ("user.password_changed", "wangli", "")]
    # A refused act records nothing: the entry commits with the act or not at all.
    with pytest.raises(AccountError, match="last administrator"):
        set_role(desk, admin, admin.id, "window")
    with pytest.raises(NotAllowed):
        set_role(desk, people["window"], worker.id, "admin")
    assert len(entries(desk, admin, "user.")) == 6


def test_wrong_passwords_and_the_lockout_are_recorded(desk: Desk,
                                                      people: dict[str, User]) -> None:
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(AccountError):
            authenticate(desk.db, "window1", "wrong password", desk=desk)
    with pytest.raises(AccountError):
        authenticate(desk.db, "correct horse", "a password typed as the name", desk=desk)
    lines = list(reversed(entries(desk, people["admin"], "signin.")))
    assert [e.action for e in lines] == ["signin.failed"] * (MAX_ATTEMPTS - 1) + [
        "signin.locked", "signin.failed"]
    assert {e.target for e in lines[:-1]} == {"window1"} and lines[-2].detail == "5 min"
    assert lines[-1].target == "" and "correct horse" not in repr(lines), \
        "an unknown name may be a password: it is not written down"
    assert {e.actor for e in lines} == {"desk@YT-HS-01"}


def test_settings_backup_rejections_and_the_calendar_are_recorded(
        desk: Desk, people: dict[str, User], intake: Callable[..., Intake],
        tmp_path: Path) -> None:
    admin, boss = people["admin"], people["supervisor"]
    case_id = case_of(desk, people, intake)
    save_desk_contact(desk, admin, "0755-25551234", "https://zhongxin.example.gov.cn")
    save_desk_contact(desk, admin, "0755-25551234", "https://zhongxin.example.gov.cn")  # same
    [setting] = entries(desk, admin, "settings.changed")
    assert setting.target == "desk.phone, centre.public_url"
    made = make_backup(desk, boss, tmp_path / "b.cdbackup", key=TEST_KEY)
    [backed] = entries(desk, admin, "backup.made")
    assert backed.target == made.name and backed.actor == "supervisor1@YT-HS-01"
    refused = []
    for _ in range(3):
        state = comment_case(desk, boss, case_id, "补充")
        refused.append(state.steps[-1].event_id)
    with desk.db.begin() as conn:
        record_answers(conn, [], {e: ("scope", "outside the scope") for e in refused})
    discard_rejected(desk, boss, refused[0], "不再需要")
    resend_rejected(desk, boss, refused[1])
    record_again(desk, boss, refused[2])
    assert [(e.action, e.case_id) for e in reversed(entries(desk, admin, "rejections."))] == [
        ("rejections.discarded", case_id), ("rejections.resent", case_id),
        ("rejections.resent", case_id)]
    calendar = tmp_path / "calendar.csv"
    calendar.write_text("date,kind,name\n2027-01-01,holiday,元旦\n", encoding="utf-8")
    import_calendar_file(desk, admin, calendar)
    assert entries(desk, admin, "settings.changed")[0].target == "working-day calendar"


def test_only_the_administrator_reads_the_audit_and_it_holds_nothing_personal(
        desk: Desk, people: dict[str, User], intake: Callable[..., Intake]) -> None:
    case_id = case_of(desk, people, intake)
    get_case(desk, people["window"], case_id)
    list_cases(desk, people["window"], CaseQuery(text=PHONE))
    for role in ("window", "deputy", "supervisor"):
        with pytest.raises(NotAllowed):
            list_audit(desk, people[role])
    lines = entries(desk, people["admin"])
    assert len(lines) == 2
    assert PHONE not in repr(lines) and ID_NUMBER not in repr(lines) and "李秀英" not in repr(lines)


@pytest.fixture
def paths(_isolated_home: Path) -> Paths:
    return app_paths()


def test_a_restore_is_recorded_in_the_restored_database_at_the_next_start(
        paths: Paths, intake: Callable[..., Intake], tmp_path: Path) -> None:
    ws = open_workspace(paths)
    setup_desk(ws.db, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW", ws.catalogue)
    desk = ws.attach_desk()
    assert desk is not None
    admin = create_user(ws.db, "admin1", "管理员", "admin", PASSWORD)
    made = make_backup(desk, admin, tmp_path / "before.cdbackup", key=ws.key)
    key = ws.key
    ws.close()
    with pytest.raises(NotAllowed):
        restore_backup(User("w", "wangli", "王丽", "window"), made, paths.database,
                       paths.attachments, key=key)
    restore_backup(admin, made, paths.database, paths.attachments, key=key)
    ws = open_workspace(paths)
    try:
        assert ws.desk is not None
        [line] = entries(ws.desk, admin, "backup.restored")
        assert line.actor == "admin1@YT-HS-01" and line.target == "before.cdbackup"
        assert entries(ws.desk, admin, "backup.made") == [], \
            "the restored database is the one from before the backup was made"
    finally:
        ws.close()
    ws = open_workspace(paths)  # recorded once, not at every start
    try:
        assert len(entries(ws.desk, admin, "backup.restored")) == 1  # type: ignore[arg-type]
    finally:
        ws.close()


def test_opening_with_the_recovery_key_is_recorded_as_a_key_change(paths: Paths) -> None:
    ws = open_workspace(paths)
    setup_desk(ws.db, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW", ws.catalogue)
    ws.attach_desk()
    admin = create_user(ws.db, "admin1", "管理员", "admin", PASSWORD)
    recovery = ws.keys.pending_recovery()  # type: ignore[union-attr]
    assert recovery
    ws.close()
    KeyStore(paths).file.unlink()
    ws = open_workspace(paths, recovery=recovery)
    try:
        assert ws.desk is not None
        [line] = entries(ws.desk, admin, "key.changed")
        assert line.actor == "desk@YT-HS-01" and "recovery key" in line.detail
    finally:
        ws.close()
