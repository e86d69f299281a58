"""Local accounts: roles, Argon2 password hashes, and the first administrator."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, update

from desk_app.domain.ids import uuid7
from desk_app.domain.roles import ROLES
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .database import Database
from .schema import users

_hasher = PasswordHasher()
USERNAME = re.compile(r"^[a-z][a-z0-9_.]{1,39}$")
MIN_PASSWORD = 8


@cache
def _dummy_hash() -> str:
    return _hasher.hash("no such user")


class AccountError(DomainError):
    pass


@dataclass(frozen=True)
class User:
    id: str
    username: str
    display_name: str
    role: str

    def actor(self, desk_code: str) -> str:
        """How this person is named on events: unique across desks, readable in a timeline."""
        return f"{self.username}@{desk_code}"


def _user(row: object) -> User:
    m = row._mapping  # type: ignore[attr-defined]
    return User(m["id"], m["username"], m["display_name"], m["role"])


def has_users(db: Database) -> bool:
    with db.read() as conn:
        return conn.execute(select(func.count()).select_from(users)).scalar_one() > 0


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(_t("domain", "The password needs at least {count} characters."),
                           field="password", count=MIN_PASSWORD)


def create_user(db: Database, username: str, display_name: str, role: str,
                password: str) -> User:
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
    user = User(uuid7(), username, display_name.strip(), role)
    with db.begin() as conn:
        if conn.execute(select(users.c.id).where(users.c.username == username)).first():
            raise AccountError(_t("domain", "The user name “{name}” is taken."),
                               field="username", name=username)
        conn.execute(users.insert().values(
            id=user.id, username=username, display_name=user.display_name, role=role,
            password_hash=_hasher.hash(password), created_at=int(time.time() * 1000)))
    return user


def create_first_admin(db: Database, username: str, display_name: str, password: str) -> User:
    """The first account of a new desk; refused once any account exists."""
    if has_users(db):
        raise AccountError(_t("domain", "This desk already has accounts."))
    return create_user(db, username, display_name, "admin", password)


def authenticate(db: Database, username: str, password: str) -> User:
    with db.read() as conn:
        row = conn.execute(select(users).where(
            users.c.username == username.strip().lower(), users.c.active.is_(True))).first()
    try:
        # An unknown name costs a hash check too, so timing does not tell which names exist.
        _hasher.verify(row.password_hash if row is not None else _dummy_hash(), password)
        if row is None:
            raise VerificationError
    except (VerificationError, InvalidHashError):
        raise AccountError(_t("domain", "Wrong user name or password."), field="password") from None
    if _hasher.check_needs_rehash(row.password_hash):
        with db.begin() as conn:
            conn.execute(update(users).where(users.c.id == row.id)
                         .values(password_hash=_hasher.hash(password)))
    return _user(row)


def list_users(db: Database) -> list[User]:
    with db.read() as conn:
        return [_user(r) for r in conn.execute(select(users).order_by(users.c.username))]
