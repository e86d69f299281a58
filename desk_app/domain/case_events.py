"""The event types of a case (诉求): for each, its payload, permission, timeline fields and the
step's title on the case screen (see `events.EventType`). Their fold handlers are in case.py.

Changelog per type (payload changes; the protocol stays compatible: fields are only added):
- case.registered 2: `split_from_number` (the number of the case it was split from).
- case.split 2: `into_numbers`.
- case.registered 3: `public` (同意公开: may appear, redacted, in a public listing) and `lookup`
  (the secret part of the receipt's lookup code for the residents' progress page).
"""

from __future__ import annotations

from .case_numbers import CASE_NUMBER
from .events import ORG_REGEX, declare
from .lookup import SECRET_PATTERN
from .schema import Choice, Flag, ListOf, Number, Pattern, Text, Uuid
from .sla import LIMIT_PATTERN
from .text import QT_TRANSLATE_NOOP as _t
from .vocabulary import CHANNELS, KINDS, LEVEL_ORDER, RATINGS, URGENCIES

CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
DEPT = Pattern(regex=r"^D-[A-Z0-9_-]{1,30}$")
RATING = Choice(values=tuple(RATINGS))

REGISTERED = declare(
    "case.registered", _t("events", "Registered"), permission="register", creates=True,
    timeline=("split_from_number",),
    number=Pattern(regex=CASE_NUMBER.pattern),
    kind=Choice(values=tuple(KINDS)),
    channel=Choice(values=tuple(CHANNELS)),
    title=Text(max_len=100),
    description=Text(max_len=5000),
    urgency=Choice(values=tuple(URGENCIES)),
    category=Pattern(regex=CODE),
    time_limit=Pattern(required=False, regex=LIMIT_PATTERN),
    community=Pattern(regex=ORG_REGEX),
    grid=Pattern(required=False, regex=ORG_REGEX),
    address=Text(required=False, max_len=200),
    name=Text(required=False, max_len=50),
    phone=Pattern(required=False, regex=r"^[0-9+\-]{3,20}$"),
    id_number=Pattern(required=False, regex=r"^\d{17}[\dX]$"),
    anonymous=Flag(required=False),
    latitude=Number(required=False, low=-90, high=90),
    longitude=Number(required=False, low=-180, high=180),
    split_from=Uuid(required=False),
    split_from_number=Text(required=False, max_len=60),
    source_entity=Choice(required=False, values=("meeting", "visit", "patrol")),
    source_id=Uuid(required=False),
    public=Flag(required=False),  # the resident agreed (同意公开) to a public listing
    lookup=Pattern(required=False, regex=SECRET_PATTERN),  # secret part of the receipt's code
)
DISPATCHED = declare(
    "case.dispatched", _t("events", "Dispatched"), permission="dispatch",
    timeline=("lead", "mode", "note"), action=_t("events", "Dispatch / re-dispatch…"),
    sample={"lead": "D-X", "mode": "manual"},
    lead=DEPT, co=ListOf(required=False, item=DEPT, max_items=10),
    category=Pattern(required=False, regex=CODE),
    time_limit=Pattern(required=False, regex=LIMIT_PATTERN),
    mode=Choice(values=("auto", "manual")),
    note=Text(required=False, max_len=1000),
)
SIGNED = declare("case.signed", _t("events", "Signed for"), permission="dispatch",
                 timeline=("department",), department=DEPT)
REPLIED = declare("case.replied", _t("events", "Replied"), permission="reply",
                  timeline=("department", "text"), action=_t("events", "Record reply…"),
                  sample={"department": "D-X", "text": "-"}, department=DEPT,
                  text=Text(max_len=5000))
RESOLVED = declare(
    "case.resolved", _t("events", "Resolved"), permission="resolve", timeline=("text",),
    action=_t("events", "Resolve…"), sample={"text": "-"},
    text=Text(max_len=5000), on_spot=Flag(required=False), department=Pattern(required=False,
                                                                             regex=DEPT.regex),
)
EVALUATED = declare(
    "case.evaluated", _t("events", "Evaluated"), permission="evaluate",
    timeline=("speed", "effect", "service", "feedback", "note"),
    action=_t("events", "Record evaluation…"),
    sample={"speed": "satisfied", "effect": "satisfied", "service": "satisfied",
            "feedback": "satisfied", "method": "phone"},
    speed=RATING, effect=RATING, service=RATING, feedback=RATING,
    method=Choice(values=("phone", "window", "sms", "online", "visit")),
    note=Text(required=False, max_len=1000),
)
RETURNED = declare("case.returned", _t("events", "Returned for redoing"), permission="return",
                   timeline=("reason",), action=_t("events", "Return for redoing…"),
                   sample={"reason": "-"},
                   reason=Text(max_len=1000))
ESCALATED = declare("case.escalated", _t("events", "Escalated"), permission="escalate",
                    timeline=("to_level", "reason"), action=_t("events", "Escalate…"),
                    sample={"to_level": "district", "reason": "-"},
                    to_level=Choice(values=LEVEL_ORDER[1:]), reason=Text(max_len=1000))
REMINDED = declare("case.reminded", _t("events", "Reminded"), permission="remind",
                   timeline=("note",), action=_t("events", "Remind…"), sample={},
                   note=Text(required=False, max_len=1000))
SUPERVISED = declare("case.supervised", _t("events", "Put under special supervision"),
                     permission="supervise", timeline=("reason",),
                     action=_t("events", "Special supervision…"), sample={"reason": "-"},
                     reason=Text(max_len=1000))
MERGED = declare("case.merged", _t("events", "Merged into another case"), permission="merge",
                 timeline=("into_number", "reason"), action=_t("events", "Merge into…"),
                 sample={"into": "00000000-0000-7000-8000-000000000000"}, into=Uuid(),
                 into_number=Text(required=False, max_len=60),
                 reason=Text(required=False, max_len=1000))
SPLIT = declare("case.split", _t("events", "Split"), permission="split",
                timeline=("into_numbers", "reason"), action=_t("events", "Split into several cases…"),
                sample={"into": ["00000000-0000-7000-8000-000000000000"]},
                changelog=("2: into_numbers added (the new cases' numbers, for the timeline)",),
                into=ListOf(item=Uuid(), min_items=1, max_items=20),
                into_numbers=ListOf(required=False, item=Text(max_len=60), max_items=20),
                reason=Text(required=False, max_len=1000))
VOIDED = declare("case.voided", _t("events", "Voided"), permission="void", timeline=("reason",),
                 action=_t("events", "Void…"), sample={"reason": "-"},
                 reason=Text(max_len=1000))
COMMENTED = declare("case.commented", _t("events", "Comment"), permission="comment",
                    timeline=("text",), action=_t("events", "Comment…"), sample={"text": "-"},
                    text=Text(max_len=5000))
REPEATED = declare(
    "case.repeated", _t("events", "Raised again"), permission="repeat",
    timeline=("channel", "note"), sample={"channel": "window"},
    channel=Choice(values=tuple(CHANNELS)), note=Text(required=False, max_len=1000),
    name=Text(required=False, max_len=50),
    phone=Pattern(required=False, regex=r"^[0-9+\-]{3,20}$"),
)
