"""The access audit: who looked at, searched for, printed or exported a resident's personal data,
and every administrative act (个人信息保护法 Art. 51; 等保 2.0 安全审计).

An audit entry is an event like any other (`audit.recorded`), so it is stored in the same
append-only log, cannot be edited, and syncs to the centre with the rest; the centre keeps it and
never hands it to other desks. Each entry is its own record. Entries hold no personal data: the
case is named by its id and number, a searched phone or ID number is stored masked.

Changelog of `audit.recorded`:
- 1 (2026-12-02): what (the action, a key of ACTIONS), case_id, case_number, target, detail.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from .events import Conflict, Event, declare, fold_record, handles
from .schema import Pattern, Text
from .text import QT_TRANSLATE_NOOP as _t

# What is audited. The keys are stored; a newer version may add keys (the pattern accepts any),
# which an older desk lists under their key.
ACTIONS: dict[str, str] = {
    "personal.viewed": _t("audit", "Opened a resident's full phone and ID number"),
    "personal.searched": _t("audit", "Searched by phone or ID number"),
    "personal.printed": _t("audit", "Printed personal data"),
    "personal.exported": _t("audit", "Exported personal data"),
    "user.added": _t("audit", "Added a user"),
    "user.disabled": _t("audit", "Disabled a user"),
    "user.enabled": _t("audit", "Enabled a user"),
    "user.role_changed": _t("audit", "Changed a user's role"),
    "user.password_reset": _t("audit", "Reset a user's password"),
    "user.password_changed": _t("audit", "Changed own password"),
    "signin.failed": _t("audit", "Wrong password at sign-in"),
    "signin.locked": _t("audit", "Account locked after failed sign-ins"),
    "signin.switched": _t("audit", "Switched user at the lock screen"),
    "settings.changed": _t("audit", "Changed the desk's settings"),
    "backup.made": _t("audit", "Made a backup"),
    "backup.restored": _t("audit", "Restored a backup"),
    "rejections.discarded": _t("audit", "Discarded events the centre refused"),
    "rejections.resent": _t("audit", "Sent refused events again"),
    "key.changed": _t("audit", "Changed the database key"),
    "audit.exported": _t("audit", "Exported the access audit"),
}
ACTION_REGEX = r"^[a-z][a-z_]{0,19}\.[a-z][a-z_]{0,29}$"
KEEP_DAYS = 180  # 等保 2.0: audit records kept at least six months; nothing deletes them sooner

declare("audit.recorded", _t("events", "Access recorded"), permission="audit", creates=True,
        timeline=("what", "case_number", "target", "detail"),
        sample={"what": "personal.viewed"},
        changelog=("1: what, case_id, case_number, target, detail",),
        what=Pattern(regex=ACTION_REGEX), case_id=Text(required=False, max_len=36),
        case_number=Text(required=False, max_len=40), target=Text(required=False, max_len=100),
        detail=Text(required=False, max_len=500))


@dataclass
class AuditState:
    id: str
    status: str = "incomplete"
    last_hlc: str = ""
    conflicts: list[Conflict] = field(default_factory=list)
    action: str = ""
    actor: str = ""
    at: datetime | None = None
    case_id: str = ""
    case_number: str = ""
    target: str = ""
    detail: str = ""


@handles("audit.recorded")
def _recorded(s: AuditState, e: Event, at: datetime) -> str | None:
    if s.status != "incomplete":
        return _t("domain", "This record was already started.")
    p = e.payload
    s.status, s.action, s.actor, s.at = "recorded", p["what"], e.actor, at
    s.case_id, s.case_number = p.get("case_id", ""), p.get("case_number", "")
    s.target, s.detail = p.get("target", ""), p.get("detail", "")
    return None


def fold_audit(entity_id: str, events: list[Event]) -> AuditState:
    return fold_record(AuditState(entity_id), events,
                       before_start=_t("domain", "Recorded before the record was started."))


NAMESPACE = uuid.UUID("6c1f3e0a-59b1-4d6e-9a51-0c2d4b7e8f10")
REPEAT_WINDOW_MS = 60 * 60 * 1000  # one "viewed" entry per person, case and hour


def repeat_key(actor: str, action: str, case_id: str, wall_ms: int) -> tuple[str, str, str, int]:
    """What makes a repeatable entry one: person, action, case and hour (see `repeat_id`)."""
    return actor, action, case_id, wall_ms // REPEAT_WINDOW_MS


def repeat_id(actor: str, action: str, case_id: str, wall_ms: int) -> str:
    """The id of a repeatable entry (opening the same case again and again): one per person,
    action, case and hour, so that the audit says who looked without one row per click."""
    key = repeat_key(actor, action, case_id, wall_ms)
    return str(uuid.uuid5(NAMESPACE, "/".join(map(str, key))))
