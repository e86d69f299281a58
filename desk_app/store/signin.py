"""Signing in: whether anyone can sign in, the password check (Argon2) and the lockout rule of
等保 2.0 (5 wrong passwords in a row lock the account, 5 minutes and twice as long each time).

Apart from store/users.py (the administrator's operations, in SQLAlchemy) because the start
path runs it: the sign-in window, the sign-in and the main window's first paint after it need
neither SQLAlchemy nor Alembic (issue 14). Every read and write of the account here is one
fixed SQL statement run on the DB driver (`Database.raw()`) or, inside a unit of work, on its
SQLAlchemy connection (`raw_reads`); Argon2 is imported when a password is first checked.
"""

from __future__ import annotations

import logging
import time
from functools import cache
from typing import TYPE_CHECKING, Any, NamedTuple

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .database import Database
from .raw_reads import execute, first_row, scalar
from .user_record import User

if TYPE_CHECKING:
    from argon2 import PasswordHasher

    from .desk import Desk

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
LOCKOUT_MS = 5 * 60 * 1000

COUNT_USERS = "SELECT count(*) FROM users"
ACTIVE_ACCOUNT = ("SELECT id, username, display_name, role, must_change_password, "
                  "password_hash, locked_until, failed_attempts, lockouts "
                  "FROM users WHERE username = ? AND active = 1")
ATTEMPTS = "SELECT failed_attempts, lockouts FROM users WHERE id = ?"
COUNT_FAILURE = "UPDATE users SET failed_attempts = ? WHERE id = ?"
LOCK = "UPDATE users SET failed_attempts = 0, lockouts = ?, locked_until = ? WHERE id = ?"
CLEAR_FAILURES = "UPDATE users SET failed_attempts = 0, lockouts = 0, locked_until = 0 WHERE id = ?"
REHASH = "UPDATE users SET password_hash = ? WHERE id = ?"


class AccountError(DomainError):
    pass


class Account(NamedTuple):
    """An active account as the sign-in reads it: the person, and the password's state."""

    id: str
    username: str
    display_name: str
    role: str
    must_change_password: bool
    password_hash: str
    locked_until: int
    failed_attempts: int
    lockouts: int

    def user(self) -> User:
        return User(self.id, self.username, self.display_name, self.role, True,
                    bool(self.must_change_password))


@cache
def hasher() -> PasswordHasher:
    """The one Argon2 hasher (its default parameters: a stored hash made with weaker ones is
    rehashed at the next sign-in)."""
    from argon2 import PasswordHasher

    return PasswordHasher()


@cache
def _dummy_hash() -> str:
    return hasher().hash("no such user")


def _now_ms() -> int:
    return int(time.time() * 1000)


def _minutes(ms: int) -> int:
    return max(1, -(-ms // 60_000))


def has_users(db: Database) -> bool:
    """Whether the desk has an account to sign in with (else the set-up wizard runs)."""
    with db.raw() as conn:
        return bool(scalar(conn, COUNT_USERS))


def _active_account(conn: Any, username: str) -> Account | None:
    found = first_row(conn, ACTIVE_ACCOUNT, (username.strip().lower(),))
    return None if found is None else Account(*found)


def authenticate(db: Database, username: str, password: str, *, now: int | None = None,
                 desk: Desk | None = None) -> User:
    """The account, if the password is right and the account is neither disabled nor locked.

    Five wrong passwords in a row lock the account for 5 minutes, the next five for 10, then
    20…; a right password resets the count. While locked, even the right password is refused
    (the message says for how long), so guessing gains nothing. With the `desk`, each wrong
    password and each lockout is recorded in the access audit (the account's name; an unknown
    name is not recorded, as it may be a password typed into the wrong box).
    """
    from argon2.exceptions import InvalidHashError, VerificationError

    now = _now_ms() if now is None else now
    with db.raw() as conn:
        account = _active_account(conn, username)
    if account is not None and account.locked_until > now:
        raise AccountError(
            _t("domain", "Too many wrong passwords: this account is locked for {minutes} more minutes."),
            field="password", minutes=_minutes(account.locked_until - now))
    try:
        # An unknown name costs a hash check too, so timing does not tell which names exist.
        hasher().verify(account.password_hash if account is not None else _dummy_hash(),
                        password)
        if account is None:
            raise VerificationError
    except (VerificationError, InvalidHashError):
        if account is not None:
            _count_failure(db, account, now, desk)
        elif desk is not None:
            _audit_signin(desk, None, "signin.failed", "", "unknown user name")
        raise AccountError(_t("domain", "Wrong user name or password."), field="password") from None
    if account.failed_attempts or account.lockouts or account.locked_until:
        with db.raw() as conn:
            execute(conn, CLEAR_FAILURES, (account.id,))
    if hasher().check_needs_rehash(account.password_hash):
        new_hash = hasher().hash(password)
        with db.raw() as conn:
            execute(conn, REHASH, (new_hash, account.id))
    return account.user()


def _audit_signin(desk: Desk, unit: object | None, action: str, target: str,
                  detail: str = "") -> None:
    from .audit import SYSTEM_ACTOR, Audited, note_audit, record_audit

    entry = Audited(action, target=target, detail=detail)
    if unit is None:
        record_audit(desk, SYSTEM_ACTOR, entry)
    else:
        note_audit(unit, SYSTEM_ACTOR, entry)  # type: ignore[arg-type]


def _count_failure(db: Database, account: Account, now: int, desk: Desk | None = None) -> None:
    """A wrong password, counted in one unit of work (with its audit entry, given the desk)."""
    if desk is not None:
        with desk.write() as unit:
            locked = _note_failure(unit.conn, account.id, now)
            _audit_signin(desk, unit, "signin.locked" if locked else "signin.failed",
                          account.username, f"{locked // 60_000} min" if locked else "")
    else:
        with db.begin() as conn:
            locked = _note_failure(conn, account.id, now)
    if locked:
        log.warning("account %s locked for %d minutes after %d wrong passwords in a row",
                    account.username, locked // 60_000, MAX_ATTEMPTS)


def _note_failure(conn: Any, user_id: str, now: int) -> int:
    """Count one wrong password; the lockout's length when this one locks the account."""
    attempts, lockouts = first_row(conn, ATTEMPTS, (user_id,)) or (0, 0)
    attempts += 1
    if attempts < MAX_ATTEMPTS:
        execute(conn, COUNT_FAILURE, (attempts, user_id))
        return 0
    lockouts += 1
    duration = LOCKOUT_MS * 2 ** min(lockouts - 1, 10)
    execute(conn, LOCK, (lockouts, now + duration, user_id))
    return duration
