"""The wire format between desks and the centre, shared by client and server.

JSON over HTTPS. Request bodies may be gzip-compressed (`Content-Encoding: gzip`). Every
answer carries the server's clock (`X-Server-Time`, ms) so a desk can see its own skew.

    POST /v1/enrol        {"code", "desk_code", "desk_name"} -> Enrolment
    POST /v1/push         {"events": [event, ...]}            -> {"results": [PushResult]}
    GET  /v1/pull?after=N&limit=M                             -> {"events": [{"seq", "event"}],
                                                                  "next": N, "more": bool}
         410 {"error": "reset_required"} when N is older than the server keeps (or unknown)
    GET  /v1/catalogue    (ETag / If-None-Match)              -> catalogue snapshot
    PUT  /v1/attachments/{sha256}  (raw bytes)                -> {"sha256", "size", "stored"}
    GET  /v1/attachments/{sha256}                             -> the bytes
    POST /v1/cases/{case_id}/actions  (department key)        -> {"event": event}

Every answer also names the centre and its epoch (`X-Centre-Id`, `X-Centre-Epoch`) and the
protocol versions it speaks (`X-Centre-Protocol`, `X-Centre-Min-Protocol`). A restore from a
backup starts a new epoch: a desk that sees one re-offers every event it holds (a push with
`"reoffer": true`) and pulls its scope again from the start. A desk older than the centre's
minimum gets 426 {"error": "upgrade_required", "minimum": N}.

Within one protocol version events evolve compatibly: a payload field or an event type the
receiver does not know is kept, stored and passed on untouched, never refused for that alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from json.encoder import encode_basestring  # type: ignore[attr-defined]
from typing import Any

PROTOCOL_VERSION = 1
MIN_DESK_PROTOCOL = 1  # the oldest desk protocol this centre still serves
MIN_CENTRE_PROTOCOL = 1  # the oldest centre protocol this desk still works with
PROTOCOL_HEADER = "X-Desk-Protocol"
CENTRE_PROTOCOL_HEADER = "X-Centre-Protocol"
CENTRE_MIN_PROTOCOL_HEADER = "X-Centre-Min-Protocol"
CENTRE_ID_HEADER = "X-Centre-Id"
CENTRE_EPOCH_HEADER = "X-Centre-Epoch"
SERVER_TIME_HEADER = "X-Server-Time"
MAX_PUSH_EVENTS = 500
MAX_PULL_EVENTS = 1000
MAX_BODY_BYTES = 8 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_CLOCK_AHEAD_MS = 5 * 60 * 1000
CLOCK_WARNING_MS = 60 * 1000


class Status(StrEnum):
    ACCEPTED = "accepted"
    ALREADY = "already"
    CONFLICT = "conflict"
    REJECTED = "rejected"


class Refusal(StrEnum):
    """Why the centre refused an event, so a desk can say it in its own language."""

    INVALID = "invalid"
    OUTSIDE_SCOPE = "outside_scope"
    FOREIGN_ACTOR = "foreign_actor"
    CLOCK_AHEAD = "clock_ahead"
    CONFLICT = "conflict"


_STATUSES = {s.value: s for s in Status}  # a dict lookup: Status(text) costs ten times more


@dataclass(frozen=True)
class PushResult:
    id: str
    status: Status
    reason: str = ""
    code: str = ""

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "status": self.status.value}
        if self.reason:
            out["reason"] = self.reason
        if self.code:
            out["code"] = self.code
        return out

    @classmethod
    def plain(cls, id: str, status: Status) -> PushResult:
        """`PushResult(id, status)` (no reason): the usual answer, one per event sent, made
        without the frozen dataclass's field-by-field __init__."""
        result = object.__new__(cls)
        result.__dict__.update({"id": id, "status": status, "reason": "", "code": ""})
        return result

    @classmethod
    def from_dict(cls, data: Any) -> PushResult:
        if type(data) is dict and len(data) == 2:  # the usual answer: an id and a status
            status = _STATUSES.get(data.get("status"))  # type: ignore[arg-type]
            if status is not None and type(data.get("id")) is str:
                return cls.plain(data["id"], status)
        if not isinstance(data, dict) or not isinstance(data.get("id"), str):
            raise ProtocolError("a push result without an id")
        status = _STATUSES.get(data.get("status"))  # type: ignore[arg-type]
        if status is None:
            raise ProtocolError(f"unknown push status {data.get('status')!r}")
        return cls(data["id"], status, str(data.get("reason", ""))[:2000],
                   str(data.get("code", ""))[:40])


_ENVELOPE = ("id", "entity", "entity_id", "type", "payload", "actor", "desk", "hlc", "org")


def push_body(rows: Sequence[Sequence[str]], reoffer: bool = False) -> bytes:
    """The JSON of a push, from events as a desk stores them: (id, entity, entity_id, type,
    payload JSON, actor, desk, hlc, org). The payload's stored text goes in as it is (it is
    the JSON of an object), so nothing is decoded to be encoded again."""
    quote = encode_basestring  # what json.dumps(ensure_ascii=False) writes for a string
    events = ",".join(
        f'{{"id":{quote(i)},"entity":{quote(en)},"entity_id":{quote(ei)},"type":{quote(ty)},'
        f'"payload":{p},"actor":{quote(a)},"desk":{quote(d)},"hlc":{quote(h)},'
        f'"org":{quote(o)}}}' for i, en, ei, ty, p, a, d, h, o in rows)
    tail = ',"reoffer":true}' if reoffer else "}"
    return f'{{"events":[{events}]{tail}'.encode()


def push_answer(results: Sequence[PushResult]) -> bytes:
    """The JSON of a push's answer, `{"results": [r.to_dict(), ...]}`, written directly: the
    usual result (an id and a status) as one formatted string, not a dict to be encoded."""
    quote = encode_basestring
    items = ",".join(
        f'{{"id":{quote(r.id)},"status":"{r.status.value}"}}' if not (r.reason or r.code)
        else json.dumps(r.to_dict(), ensure_ascii=False, separators=(",", ":"))
        for r in results)
    return f'{{"results":[{items}]}}'.encode()


@dataclass(frozen=True)
class Enrolment:
    desk_id: str
    desk_code: str
    org: str
    token: str

    @classmethod
    def from_dict(cls, data: Any) -> Enrolment:
        try:
            return cls(str(data["desk_id"]), str(data["desk_code"]), str(data["org"]),
                       str(data["token"]))
        except (KeyError, TypeError):
            raise ProtocolError("the enrolment answer is incomplete") from None


class ProtocolError(ValueError):
    """The other side sent something that does not follow this protocol."""


_BROKEN = re.compile("[\x00\ud800-\udfff]")  # one C-speed scan, not a Python loop per character


# In JSON text, a NUL or a lone surrogate can only come as a \u escape (raw control characters
# are invalid JSON, and UTF-8 cannot encode surrogates): a body without these escapes cannot
# decode to broken text, and its strings need not be scanned one by one.
_BROKEN_ESCAPE = re.compile(rb"\\u(?:0000|[dD][89a-fA-F][0-9a-fA-F]{2})")


def may_hold_broken_text(body: bytes) -> bool:
    return _BROKEN_ESCAPE.search(body) is not None


def broken_text(value: Any) -> bool:
    """Whether a decoded JSON value holds text no database can keep: a NUL character (which
    PostgreSQL refuses) or half of a UTF-16 surrogate pair (which is not Unicode text)."""
    if isinstance(value, str):
        return _BROKEN.search(value) is not None
    if isinstance(value, dict):
        return any(broken_text(k) or broken_text(v) for k, v in value.items())
    if isinstance(value, list):
        return any(broken_text(v) for v in value)
    return False


BROKEN_TEXT = "The request holds characters that are not text (NUL, or a broken UTF-16 pair)."


def within(org: str, scope: str) -> bool:
    """Whether organisation unit `org` lies inside (or is) `scope`."""
    return org == scope or org.startswith(scope + "-")
