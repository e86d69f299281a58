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

PERMISSIONS: dict[str, frozenset[str]] = {
    "window": frozenset({"register", "settle", "reply", "resolve", "evaluate", "remind",
                         "comment", "repeat", "see_phone", "receptions"}),
    "deputy": frozenset({"register", "comment", "repeat", "receptions"}),
    "grid": frozenset({"register", "comment", "repeat", "patrols"}),
    "supervisor": _EVERYTHING,
    "admin": _EVERYTHING | {"users", "settings"},
}

# The permission each case event needs.
EVENT_PERMISSION = {
    "case.registered": "register", "case.dispatched": "dispatch", "case.signed": "dispatch",
    "case.replied": "reply", "case.resolved": "resolve", "case.evaluated": "evaluate",
    "case.returned": "return", "case.escalated": "escalate", "case.reminded": "remind",
    "case.supervised": "supervise", "case.merged": "merge", "case.split": "split",
    "case.voided": "void", "case.commented": "comment", "case.repeated": "repeat",
    # Follow-through (issue 10); the centre records department returns and adjudications.
    "case.warned": "remind", "case.dept_returned": "admin-only", "case.adjudicated": "admin-only",
    "case.handed_over": "register", "case.taken_over": "supervise", "case.listed": "supervise",
    "case.sent_down": "supervise", "case.claimed": "supervise",
}


def may(role: str, permission: str) -> bool:
    return permission in PERMISSIONS.get(role, frozenset())
