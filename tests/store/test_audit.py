"""The access audit's store: entries commit with what they audit, collapse when repeated within
the hour, go to the centre like any event, and only the administrator reads them."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desk_app.domain.personal import masked_query
from desk_app.domain.text import DomainError
from desk_app.store.audit import Audited, AuditFilter, list_audit, record_audit
from desk_app.store.desk import Desk
from desk_app.store.eventlog import pending_count
from desk_app.store.users import User


def test_an_entry_is_listed_for_the_administrator_and_queued_for_the_centre(
        desk: Desk, make_user: Callable[..., User]) -> None:
    admin, window = make_user("admin"), make_user("window")
    record_audit(desk, window, Audited("personal.viewed", case_id="c1", case_number="N1"))
    record_audit(desk, admin, Audited("user.added", target="zhaoliu"))
    lines = list_audit(desk, admin)
    assert [(line.action, line.actor) for line in lines] == [
        ("user.added", "admin1@YT-HS-01"), ("personal.viewed", "window1@YT-HS-01")]
    with desk.db.read() as conn:
        assert pending_count(conn) == 2, "audit entries sync to the centre"
    assert [line.action for line in list_audit(desk, admin, AuditFilter(actor="window1"))] == [
        "personal.viewed"]
    assert [line.action for line in list_audit(desk, admin, AuditFilter(action="user."))] == [
        "user.added"]
    assert [line.case_number for line in list_audit(
        desk, admin, AuditFilter(case_number="N1"))] == ["N1"]


def test_opening_one_case_again_and_again_is_one_entry_an_hour(
        desk: Desk, make_user: Callable[..., User]) -> None:
    admin, window = make_user("admin"), make_user("window")
    for _ in range(5):
        record_audit(desk, window, Audited("personal.viewed", case_id="c1"), repeatable=True)
    record_audit(desk, window, Audited("personal.viewed", case_id="c2"), repeatable=True)
    assert sorted(line.case_id for line in list_audit(desk, admin)) == ["c1", "c2"]


@pytest.mark.parametrize("role", ["window", "deputy", "grid", "supervisor"])
def test_only_the_administrator_reads_the_audit(
        desk: Desk, make_user: Callable[..., User], role: str) -> None:
    with pytest.raises(DomainError):
        list_audit(desk, make_user(role))


def test_a_searched_phone_or_id_number_is_kept_masked() -> None:
    assert masked_query("13812345678") == "138****5678"
    assert masked_query("440308199001011239") == "4403**********1239"
    assert masked_query("5678") == "5678"


def test_the_audit_survives_a_rebuild_of_the_projections(
        desk: Desk, make_user: Callable[..., User]) -> None:
    from desk_app.store.projection import rebuild_projections

    admin = make_user("admin")
    record_audit(desk, admin, Audited("settings.changed", target="auto_lock_minutes"))
    with desk.db.begin() as conn:
        rebuild_projections(conn, desk.calendar)
    assert [line.target for line in list_audit(desk, admin)] == ["auto_lock_minutes"]
