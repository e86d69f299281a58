"""Account safety: lockout, reset passwords that must be changed, disabling, roles."""

from __future__ import annotations

import logging

import pytest

from desk_app.store.access import NotAllowed
from desk_app.store.database import Database
from desk_app.store.desk import Desk
from desk_app.store.users import (
    LOCKOUT_MS,
    AccountError,
    add_user,
    authenticate,
    change_password,
    create_first_admin,
    create_user,
    list_users,
    reset_password,
    set_active,
    set_role,
)

PASSWORD = "correct horse"
T0 = 1_800_000_000_000


def fail(db: Database, times: int, at: int) -> None:
    for _ in range(times):
        with pytest.raises(AccountError, match="Wrong user name or password"):
            authenticate(db, "wangli", "wrong password", now=at)


def test_five_wrong_passwords_lock_the_account_five_minutes_then_ten(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    create_user(db, "wangli", "王丽", "window", PASSWORD)
    fail(db, 4, T0)
    assert authenticate(db, "wangli", PASSWORD, now=T0).username == "wangli", \
        "four wrong ones, then the right one: fine, and the count starts again"
    fail(db, 4, T0)
    with caplog.at_level(logging.WARNING):
        fail(db, 1, T0)
    assert "locked for 5 minutes" in caplog.text, "the lockout is logged"
    with pytest.raises(AccountError, match="locked for 5 more minutes"):
        authenticate(db, "wangli", PASSWORD, now=T0 + 1000)
    with pytest.raises(AccountError, match="locked for 1 more minutes"):
        authenticate(db, "wangli", PASSWORD, now=T0 + LOCKOUT_MS - 1000)
    # Unlocked after five minutes; five more wrong ones lock it for twice as long.
    fail(db, 5, T0 + LOCKOUT_MS)
    with pytest.raises(AccountError, match="locked for 10 more minutes"):
        authenticate(db, "wangli", PASSWORD, now=T0 + LOCKOUT_MS + 1)
    later = T0 + 3 * LOCKOUT_MS + 1
    assert authenticate(db, "wangli", PASSWORD, now=later).username == "wangli"
    fail(db, 5, later)
    with pytest.raises(AccountError, match="locked for 5 more minutes"):
        authenticate(db, "wangli", PASSWORD, now=later + 1)  # a success reset the doubling


def test_twenty_wrong_passwords_then_the_right_one_is_still_refused(db: Database) -> None:
    create_user(db, "wangli", "王丽", "window", PASSWORD)
    for _ in range(20):
        with pytest.raises(AccountError):
            authenticate(db, "wangli", "guess", now=T0)
    with pytest.raises(AccountError, match="locked"):
        authenticate(db, "wangli", PASSWORD, now=T0)


def test_an_administrator_manages_accounts_and_a_reset_password_must_be_changed(
        db: Database, desk: Desk) -> None:
    admin = create_first_admin(db, "admin", "管理员", PASSWORD)
    worker = add_user(desk, admin, "wangli", "王丽", "window", "first-pass-1")
    assert worker.must_change_password
    signed = authenticate(db, "wangli", "first-pass-1")
    assert signed.must_change_password
    with pytest.raises(AccountError, match="current password is wrong"):
        change_password(desk, signed, "nope", "my-own-pass")
    with pytest.raises(AccountError, match="digits only"):
        change_password(desk, signed, "first-pass-1", "12345678")
    with pytest.raises(AccountError, match="differs"):
        change_password(desk, signed, "first-pass-1", "first-pass-1")
    changed = change_password(desk, signed, "first-pass-1", "my-own-pass")
    assert not changed.must_change_password
    assert not authenticate(db, "wangli", "my-own-pass").must_change_password

    fail(db, 5, T0)
    reset_password(desk, admin, worker.id, "temporary-1")
    user = authenticate(db, "wangli", "temporary-1", now=T0 + 1)
    assert user.must_change_password, "and the reset lifted the lockout"

    set_role(desk, admin, worker.id, "supervisor")
    assert authenticate(db, "wangli", "temporary-1").role == "supervisor"
    set_active(desk, admin, worker.id, False)
    with pytest.raises(AccountError, match="Wrong user name or password"):
        authenticate(db, "wangli", "temporary-1")
    assert [u.active for u in list_users(db, admin) if u.username == "wangli"] == [False]
    set_active(desk, admin, worker.id, True)
    assert authenticate(db, "wangli", "temporary-1").active


def test_the_last_administrator_stays_and_only_administrators_manage(
        db: Database, desk: Desk) -> None:
    admin = create_first_admin(db, "admin", "管理员", PASSWORD)
    worker = add_user(desk, admin, "wangli", "王丽", "window", "first-pass-1")
    with pytest.raises(AccountError, match="your own account"):
        set_active(desk, admin, admin.id, False)
    with pytest.raises(AccountError, match="last administrator"):
        set_role(desk, admin, admin.id, "window")
    for attempt in (lambda: add_user(desk, worker, "boss", "老板", "admin", "password-9"),
                    lambda: set_role(desk, worker, worker.id, "admin"),
                    lambda: reset_password(desk, worker, admin.id, "password-9"),
                    lambda: set_active(desk, worker, admin.id, False)):
        with pytest.raises(NotAllowed, match="Your role may not do this"):
            attempt()
    assert {u.username: u.role for u in list_users(db, admin)} == {"admin": "admin",
                                                            "wangli": "window"}
    second = add_user(desk, admin, "chenjie", "陈杰", "admin", "first-pass-2")
    set_role(desk, admin, admin.id, "supervisor")  # another administrator exists now
    set_active(desk, second, admin.id, False)
