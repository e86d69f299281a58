"""Least privilege in the service layer: the one way a store function says which permission it
needs (`@requires`), the one exception a refusal raises (`NotAllowed`), and the one test of
whether a role sees residents' phones and ID numbers unmasked (`sees_personal`).

Why here and not in the screens: a screen that hides a button protects nothing when another
caller (a script, a new screen, a test) reaches the store directly. Every public store function
that reads or changes personal data, users, settings, rejections or backups is decorated, so
the permission it needs is visible where it is defined and readable by the test that calls
every one of them as every role (tests/store/test_least_privilege.py). Private helpers
(`_name`) inside the store neither check nor audit: they serve functions that already did.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

from desk_app.domain.roles import may
from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

F = TypeVar("F", bound=Callable[..., Any])
NOT_ALLOWED = _t("domain", "Your role may not do this.")


class NotAllowed(DomainError):
    """The acting user's role lacks the permission; nothing was read or changed."""


def require(user: Any, permission: str) -> None:
    role = getattr(user, "role", None)
    if not isinstance(role, str) or not may(role, permission):
        raise NotAllowed(NOT_ALLOWED)


def sees_personal(user: Any) -> bool:
    """Whether this user gets phones and ID numbers unmasked."""
    return may(getattr(user, "role", ""), "see_phone")


def requires(permission: str, *, who: str = "user") -> Callable[[F], F]:
    """Check the acting user (the parameter named `who`) before the function runs. The
    permission is kept on the function (`.permission`) for the tests and the report."""

    def decorate(fn: F) -> F:
        signature = inspect.signature(fn)
        if who not in signature.parameters:
            raise TypeError(f"{fn.__qualname__} has no parameter {who!r}")
        position = list(signature.parameters).index(who)

        @functools.wraps(fn)
        def checked(*args: Any, **kwargs: Any) -> Any:
            user = args[position] if position < len(args) else kwargs.get(who)
            require(user, permission)
            return fn(*args, **kwargs)

        checked.permission = permission  # type: ignore[attr-defined]
        return checked  # type: ignore[return-value]

    return decorate
