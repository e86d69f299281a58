"""Local accounts: the first administrator, user names, passwords and signing in."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desk_app.store.database import Database
from desk_app.store.schema import users
from desk_app.store.users import (
    AccountError,
    authenticate,
    create_first_admin,
    create_user,
    has_users,
    list_users,
)
from tests.reading import ADMIN

PASSWORD = "海山街道-2026!"


def stored_hashes(db: Database) -> dict[str, str]:
    with db.read() as conn:
        return dict(conn.execute(select(users.c.username, users.c.password_hash)).all())


def test_first_admin_once_then_refused(db: Database) -> None:
    assert not has_users(db)
    admin = create_first_admin(db, "admin", "管理员", PASSWORD)
    assert admin.role == "admin"
    assert has_users(db)
    with pytest.raises(AccountError, match="already has accounts"):
        create_first_admin(db, "admin2", "第二个管理员", PASSWORD)
    assert [u.username for u in list_users(db, ADMIN)] == ["admin"]


def test_first_admin_refused_when_any_account_exists(db: Database) -> None:
    create_user(db, "wangli", "王丽", "window", PASSWORD)
    with pytest.raises(AccountError):
        create_first_admin(db, "admin", "管理员", PASSWORD)
    assert [u.role for u in list_users(db, ADMIN)] == ["window"]


def test_a_failed_first_admin_does_not_use_up_the_first_run(db: Database) -> None:
    with pytest.raises(AccountError) as caught:
        create_first_admin(db, "admin", "管理员", "short")
    assert caught.value.field == "password"
    assert not has_users(db)
    assert create_first_admin(db, "admin", "管理员", PASSWORD).role == "admin"


def test_user_names_are_lowered(db: Database) -> None:
    user = create_user(db, "  WangLi ", "王丽", "window", PASSWORD)
    assert user.username == "wangli"
    assert authenticate(db, "WANGLI", PASSWORD).id == user.id


@pytest.mark.parametrize("username", [
    "wang li", "王丽", "wangli王", "", "   ", "w", "1wangli", "_wang", "wang-li", "wang@li",
    "a" * 41,
])
def test_bad_user_names_are_refused(db: Database, username: str) -> None:
    with pytest.raises(AccountError) as caught:
        create_user(db, username, "王丽", "window", PASSWORD)
    assert caught.value.field == "username"
    assert list_users(db, ADMIN) == []


@pytest.mark.parametrize("username", ["wl", "wang.li", "wang_li2", "a" * 40])
def test_good_user_names_are_accepted(db: Database, username: str) -> None:
    assert create_user(db, username, "王丽", "window", PASSWORD).username == username


@pytest.mark.parametrize("password", ["", "1234567", "七个汉字的密码"])
def test_short_passwords_are_refused(db: Database, password: str) -> None:
    assert len(password) < 8
    with pytest.raises(AccountError) as caught:
        create_user(db, "wangli", "王丽", "window", password)
    assert caught.value.field == "password"
    assert "8" in str(caught.value)
    assert list_users(db, ADMIN) == []


def test_an_eight_character_password_is_enough(db: Database) -> None:
    create_user(db, "wangli", "王丽", "window", "abcd1234")
    assert authenticate(db, "wangli", "abcd1234").username == "wangli"


@pytest.mark.parametrize("password", ["12345678", "２０２６１２０１"])
def test_a_password_of_digits_only_is_refused(db: Database, password: str) -> None:
    with pytest.raises(AccountError, match="digits only") as caught:
        create_user(db, "wangli", "王丽", "window", password)
    assert caught.value.field == "password"
    assert list_users(db, ADMIN) == []


@pytest.mark.parametrize(("display_name", "role", "field"), [
    ("   ", "window", "display_name"),
    ("王丽", "mayor", "role"),
])
def test_other_fields_are_checked(db: Database, display_name: str, role: str,
                                  field: str) -> None:
    with pytest.raises(AccountError) as caught:
        create_user(db, "wangli", display_name, role, PASSWORD)
    assert caught.value.field == field


def test_duplicate_user_name_is_refused(db: Database) -> None:
    first = create_user(db, "wangli", "王丽", "window", PASSWORD)
    with pytest.raises(AccountError) as caught:
        create_user(db, "WANGLI", "另一个王丽", "supervisor", "another password")
    assert caught.value.field == "username"
    assert "wangli" in str(caught.value)
    assert list_users(db, ADMIN) == [first]
    assert authenticate(db, "wangli", PASSWORD) == first


def test_authenticate(db: Database) -> None:
    user = create_user(db, "wangli", "王丽", "window", PASSWORD)
    create_user(db, "chenjie", "陈杰", "supervisor", "another password")
    assert authenticate(db, "wangli", PASSWORD) == user
    assert authenticate(db, " wangli ", PASSWORD) == user

    with pytest.raises(AccountError) as wrong_password:
        authenticate(db, "wangli", PASSWORD + "x")
    with pytest.raises(AccountError) as unknown_user:
        authenticate(db, "nobody", PASSWORD)
    with pytest.raises(AccountError) as other_users_password:
        authenticate(db, "wangli", "another password")
    messages = {str(e.value) for e in (wrong_password, unknown_user, other_users_password)}
    assert len(messages) == 1, "a wrong password and an unknown user must look the same"
    assert {e.value.field for e in (wrong_password, unknown_user, other_users_password)} \
        == {"password"}
    assert "nobody" not in messages.pop()


def test_passwords_are_case_and_space_sensitive(db: Database) -> None:
    create_user(db, "wangli", "王丽", "window", "Correct Horse")
    for attempt in ("correct horse", "Correct Horse "):
        with pytest.raises(AccountError):
            authenticate(db, "wangli", attempt)


def test_the_stored_hash_is_argon2id_never_the_password(db: Database) -> None:
    create_user(db, "wangli", "王丽", "window", PASSWORD)
    create_user(db, "chenjie", "陈杰", "supervisor", PASSWORD)
    hashes = stored_hashes(db)
    for value in hashes.values():
        assert value.startswith("$argon2id$")
        assert PASSWORD not in value
    assert hashes["wangli"] != hashes["chenjie"], "each hash has its own salt"
    raw = db.path.read_bytes()
    assert PASSWORD.encode() not in raw
    wal = db.path.with_name(db.path.name + "-wal")
    if wal.exists():
        assert PASSWORD.encode() not in wal.read_bytes()
