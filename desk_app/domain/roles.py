"""Roles and what each may do. The UI offers only what the signed-in role may do; the store
checks again before writing."""

from __future__ import annotations

from .text import QT_TRANSLATE_NOOP as _t

ROLES = {
    "window": _t("vocabulary", "Window worker"),
    "deputy": _t("vocabulary", "Deputy"),
    "grid": _t("vocabulary", "Grid staff"),
    "supervisor": _t("vocabulary", "Supervisor"),
    "admin": _t("vocabulary", "Administrator"),
}

_EVERYTHING = frozenset({
    "register", "settle", "dispatch", "reply", "resolve", "evaluate", "return", "escalate",
    "remind", "supervise", "merge", "split", "void", "comment", "repeat", "see_phone",
    "meetings", "receptions", "patrols", "reports", "rejections",
})

# "audit": every role's acts are recorded in the access audit (the store records them, whoever
# acts); "audit_log": reading and exporting that audit, the administrator's alone.
PERMISSIONS: dict[str, frozenset[str]] = {
    "window": frozenset({"register", "settle", "reply", "resolve", "evaluate", "remind",
                         "comment", "repeat", "see_phone", "receptions", "audit"}),
    "deputy": frozenset({"register", "comment", "repeat", "receptions", "audit"}),
    "grid": frozenset({"register", "comment", "repeat", "patrols", "audit"}),
    "supervisor": _EVERYTHING | {"audit"},
    "admin": _EVERYTHING | {"users", "settings", "audit", "audit_log"},
}


def event_permission(type_: str) -> str:
    """The permission an event type needs, from its declaration; unknown types need one that no
    role has, so nothing undeclared is ever recorded locally."""
    from . import case  # noqa: F401 - every type declared (the package imports them all)
    from .events import EVENT_TYPES

    kind = EVENT_TYPES.get(type_)
    return kind.permission if kind else "undeclared"


def may(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())
