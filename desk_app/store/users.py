"""Local accounts: roles, Argon2 password hashes, the first administrator, and the safety
rules of 等保 2.0: a password rule (8 characters or more, not only digits), a password an
administrator reset that must be changed at the next sign-in, and the administrator's own
operations (add, disable, set the role, reset a password), each checking the acting user.

Signing in and its lockout after 5 failed sign-ins (5 minutes, twice as long each time in a
row, logged) are in signin.py, on the DB driver: the start path runs them (issue 14)."""

from __future__ import annotations

import logging
import re
import time
from typing import TYPE_CHECKING

from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update

from desk_app.domain.ids import uuid7
from desk_app.domain.roles import ROLES
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t

from .access import requires
from .database import Database
from .schema import users
from .signin import (  # noqa: F401  (the sign-in's names, where callers have found them)
    LOCKOUT_MS,
    MAX_ATTEMPTS,
    AccountError,
    authenticate,
    has_users,
    hasher,
)
from .user_record import User

if TYPE_CHECKING:  # desk.py imports the projections, the audit among them, which imports this
    from .desk import Desk

log = logging.getLogger(__name__)

USERNAME = re.compile(r"^[a-z][a-z0-9_.]{1,39}$")
MIN_PASSWORD = 8


def _user(row: object) -> User:
    m = row._mapping  # type: ignore[attr-defined]
    return User(m["id"], m["username"], m["display_name"], m["role"], bool(m["active"]),
                bool(m["must_change_password"]))


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(_t("domain", "The password needs at least {count} characters."),
                           field="password", count=MIN_PASSWORD)
    if password.isdigit():
        raise AccountError(_t("domain", "A password of digits only is too easy to guess: add letters or other characters."),
                           field="password")


def create_user(db: Database, username: str, display_name: str, role: str,
                password: str) -> User:
    """An account made with no one acting: provisioning for the first run (through
    create_first_admin), the demo workspace and tests. Nothing in the UI calls it; accounts
    made by a person go through add_user, which checks and audits."""
    username, display_name, role = _checked_account(username, display_name, role, password)
    return _create(db, username, display_name, role, password)


def _checked_account(username: str, display_name: str, role: str, password: str
                     ) -> tuple[str, str, str]:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise AccountError(
            _t("domain", "A user name is 2 to 40 lower-case letters, digits, “_” or “.”, starting with a letter."),
            field="username",
        )
    if not display_name.strip():
        raise AccountError(_t("domain", "Enter the person's name."), field="display_name")
    if role not in ROLES:
        raise AccountError(_t("domain", "Choose a role."), field="role")
    check_password_strength(password)
    return username, display_name.strip(), role


def _create(db: Database, username: str, display_name: str, role: str, password: str) -> User:
    user = User(uuid7(), username, display_name, role)
    password_hash = hasher().hash(password)
    with db.begin() as conn:
        _insert_user(conn, user, password_hash)
    return user


def _insert_user(conn: object, user: User, password_hash: str) -> None:
    if conn.execute(select(users.c.id).where(users.c.username == user.username)).first():  # type: ignore[attr-defined]
        raise AccountError(_t("domain", "The user name “{name}” is taken."),
                           field="username", name=user.username)
    conn.execute(users.insert().values(  # type: ignore[attr-defined]
        id=user.id, username=user.username, display_name=user.display_name, role=user.role,
        password_hash=password_hash, created_at=int(time.time() * 1000),
        must_change_password=user.must_change_password))


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> User:
    """The first account of a new desk; refused once any account exists."""
    if has_users(db):
        raise AccountError(_t("domain", "This desk already has accounts."))
    return create_user(db, username, display_name, "admin", password)


@requires("users")
def list_users(db: Database, user: User) -> list[User]:
    """Every account, disabled ones too (the administrator's list)."""
    with db.read() as conn:
        return [_user(r) for r in conn.execute(select(users).order_by(users.c.username))]


@requires("read_cases")
def colleagues(db: Database, user: User) -> list[User]:
    """The desk's accounts as every role may know them: for naming who recorded a step (a
    disabled account's name stays on what it recorded) and for handing a case over (active
    ones). Names, roles and whether active; nothing of the password or lockout state."""
    with db.read() as conn:
        return [User(r.id, r.username, r.display_name, r.role, bool(r.active)) for r in
                conn.execute(select(users.c.id, users.c.username, users.c.display_name,
                                    users.c.role, users.c.active).order_by(users.c.username))]


# --- the administrator's operations ----------------------------------------------------------
# Each checks the acting administrator (`@requires("users", who="actor")`) and writes its audit
# entry in the same unit of work as the change: both commit, or neither does.


def _audit(unit: object, actor: User, action: str, target: str, detail: str = "") -> None:
    from .audit import Audited, note_audit

    note_audit(unit, actor, Audited(action, target=target, detail=detail))  # type: ignore[arg-type]


def _target(conn: object, user_id: str) -> object:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()  # type: ignore[attr-defined]
    if row is None:
        raise AccountError(_t("domain", "That account does not exist (any more)."))
    return row


def _other_active_admins(conn: object, user_id: str) -> int:
    return conn.execute(select(func.count()).select_from(users).where(  # type: ignore[attr-defined]
        users.c.role == "admin", users.c.active.is_(True), users.c.id != user_id)).scalar_one()


@requires("users", who="actor")
def add_user(desk: Desk, actor: User, username: str, display_name: str, role: str,
             password: str) -> User:
    """A new account, made by an administrator; the person changes the password at first
    sign-in (the administrator knows it)."""
    username, display_name, role = _checked_account(username, display_name, role, password)
    user = User(uuid7(), username, display_name, role, True, True)
    password_hash = hasher().hash(password)
    with desk.write() as unit:
        _insert_user(unit.conn, user, password_hash)
        _audit(unit, actor, "user.added", username, role)
        unit.note("users")
    log.info("account %s (%s) added by %s", user.username, role, actor.username)
    return user


@requires("users", who="actor")
def set_active(desk: Desk, actor: User, user_id: str, active: bool) -> None:
    """Disable an account (it can no longer sign in; its name stays on what it recorded) or
    enable it again. Nobody disables their own account, nor the last administrator."""
    with desk.write() as unit:
        conn = unit.conn
        row = _target(conn, user_id)
        if not active and user_id == actor.id:
            raise AccountError(_t("domain", "You cannot disable your own account."))
        if not active and row.role == "admin" and not _other_active_admins(conn, user_id):  # type: ignore[attr-defined]
            raise AccountError(_t("domain", "This is the last administrator: make another administrator first."))
        conn.execute(update(users).where(users.c.id == user_id).values(active=active))
        _audit(unit, actor, "user.enabled" if active else "user.disabled",
               row.username)  # type: ignore[attr-defined]
        unit.note("users")
    log.info("account %s %s by %s", row.username, "enabled" if active else "disabled",  # type: ignore[attr-defined]
             actor.username)


@requires("users", who="actor")
def set_role(desk: Desk, actor: User, user_id: str, role: str) -> None:
    if role not in ROLES:
        raise AccountError(_t("domain", "Choose a role."), field="role")
    with desk.write() as unit:
        conn = unit.conn
        row = _target(conn, user_id)
        if row.role == "admin" and role != "admin" and not _other_active_admins(conn, user_id):  # type: ignore[attr-defined]
            raise AccountError(_t("domain", "This is the last administrator: make another administrator first."))
        conn.execute(update(users).where(users.c.id == user_id).values(role=role))
        _audit(unit, actor, "user.role_changed", row.username,  # type: ignore[attr-defined]
               f"{row.role} → {role}")  # type: ignore[attr-defined]
        unit.note("users")
    log.info("account %s given the role %s by %s", row.username, role, actor.username)  # type: ignore[attr-defined]


@requires("users", who="actor")
def reset_password(desk: Desk, actor: User, user_id: str, temporary: str) -> None:
    """A new password the administrator hands over; it must be changed at the next sign-in.
    It also lifts a lockout."""
    check_password_strength(temporary)
    password_hash = hasher().hash(temporary)
    with desk.write() as unit:
        row = _target(unit.conn, user_id)
        unit.conn.execute(update(users).where(users.c.id == user_id).values(
            password_hash=password_hash, must_change_password=True,
            failed_attempts=0, lockouts=0, locked_until=0))
        _audit(unit, actor, "user.password_reset", row.username)  # type: ignore[attr-defined]
        unit.note("users")
    log.info("password of %s reset by %s", row.username, actor.username)  # type: ignore[attr-defined]


def change_password(desk: Desk, user: User, current: str, new: str) -> User:
    """One's own password (every role): the current one first, then a new one that differs
    from it. The acting user is the account changed, so there is no permission to check."""
    with desk.db.read() as conn:
        row = _target(conn, user.id)
    try:
        hasher().verify(row.password_hash, current)  # type: ignore[attr-defined]
    except (VerificationError, InvalidHashError):
        raise AccountError(_t("domain", "The current password is wrong."),
                           field="current") from None
    check_password_strength(new)
    if new == current:
        raise AccountError(_t("domain", "Choose a new password that differs from the current one."),
                           field="password")
    password_hash = hasher().hash(new)
    with desk.write() as unit:
        unit.conn.execute(update(users).where(users.c.id == user.id).values(
            password_hash=password_hash, must_change_password=False))
        _audit(unit, user, "user.password_changed", user.username)
        unit.note("users")
    log.info("account %s changed its password", user.username)
    return User(user.id, user.username, user.display_name, user.role, user.active, False)
