"""The event types of a case (诉求) and their payloads."""

from __future__ import annotations

from .events import declare
from .schema import Choice, Flag, ListOf, Number, Pattern, Text, Uuid
from .sla import LIMIT_PATTERN
from .text import QT_TRANSLATE_NOOP as _t
from .vocabulary import CHANNELS, KINDS, LEVEL_ORDER, RATINGS, URGENCIES

CODE = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$"
ORG = r"^[A-Z0-9]{1,12}(-[A-Z0-9]{1,12}){0,5}$"
DEPT = Pattern(regex=r"^D-[A-Z0-9_-]{1,30}$")
RATING = Choice(values=tuple(RATINGS))

REGISTERED = declare(
    "case.registered", _t("events", "Registered"),
    number=Pattern(regex=r"^[A-Z0-9-]{1,40}-\d{8}-\d{4,6}$"),
    kind=Choice(values=tuple(KINDS)),
    channel=Choice(values=tuple(CHANNELS)),
    title=Text(max_len=100),
    description=Text(max_len=5000),
    urgency=Choice(values=tuple(URGENCIES)),
    category=Pattern(regex=CODE),
    time_limit=Pattern(required=False, regex=LIMIT_PATTERN),
    community=Pattern(regex=ORG),
    grid=Pattern(required=False, regex=ORG),
    address=Text(required=False, max_len=200),
    name=Text(required=False, max_len=50),
    phone=Pattern(required=False, regex=r"^[0-9+\-]{3,20}$"),
    id_number=Pattern(required=False, regex=r"^\d{17}[\dX]$"),
    anonymous=Flag(required=False),
    latitude=Number(required=False, low=-90, high=90),
    longitude=Number(required=False, low=-180, high=180),
    split_from=Uuid(required=False),
    source_entity=Choice(required=False, values=("meeting", "visit", "patrol")),
    source_id=Uuid(required=False),
)
DISPATCHED = declare(
    "case.dispatched", _t("events", "Dispatched"),
    lead=DEPT, co=ListOf(required=False, item=DEPT, max_items=10),
    category=Pattern(required=False, regex=CODE),
    time_limit=Pattern(required=False, regex=LIMIT_PATTERN),
    mode=Choice(values=("auto", "manual")),
    note=Text(required=False, max_len=1000),
)
SIGNED = declare("case.signed", _t("events", "Signed for"), department=DEPT)
REPLIED = declare("case.replied", _t("events", "Replied"), department=DEPT,
                  text=Text(max_len=5000))
RESOLVED = declare(
    "case.resolved", _t("events", "Resolved"),
    text=Text(max_len=5000), on_spot=Flag(required=False), department=Pattern(required=False,
                                                                             regex=DEPT.regex),
)
EVALUATED = declare(
    "case.evaluated", _t("events", "Evaluated"),
    speed=RATING, effect=RATING, service=RATING, feedback=RATING,
    method=Choice(values=("phone", "window", "sms", "online", "visit")),
    note=Text(required=False, max_len=1000),
)
RETURNED = declare("case.returned", _t("events", "Returned for redoing"),
                   reason=Text(max_len=1000))
ESCALATED = declare("case.escalated", _t("events", "Escalated"),
                    to_level=Choice(values=LEVEL_ORDER[1:]), reason=Text(max_len=1000))
REMINDED = declare("case.reminded", _t("events", "Reminded"),
                   note=Text(required=False, max_len=1000),
                   kind=Choice(required=False, values=("automatic", "phone", "letter", "on_site")),
                   department=Pattern(required=False, regex=DEPT.regex),
                   letter=Text(required=False, max_len=60))
SUPERVISED = declare("case.supervised", _t("events", "Put under special supervision"),
                     reason=Text(max_len=1000))
MERGED = declare("case.merged", _t("events", "Merged into another case"), into=Uuid(),
                 into_number=Text(required=False, max_len=60),
                 reason=Text(required=False, max_len=1000))
SPLIT = declare("case.split", _t("events", "Split"),
                into=ListOf(item=Uuid(), min_items=1, max_items=20),
                reason=Text(required=False, max_len=1000))
VOIDED = declare("case.voided", _t("events", "Voided"), reason=Text(max_len=1000))
COMMENTED = declare("case.commented", _t("events", "Comment"), text=Text(max_len=5000))
REPEATED = declare(
    "case.repeated", _t("events", "Raised again"),
    channel=Choice(values=tuple(CHANNELS)), note=Text(required=False, max_len=1000),
    name=Text(required=False, max_len=50),
    phone=Pattern(required=False, regex=r"^[0-9+\-]{3,20}$"),
)

# Follow-through (issue 10): warnings, disputes, per-level routing, owners.
MS = Number(low=0, high=10**14, integer=True)
DAY = Pattern(regex=r"^\d{4}-\d{2}-\d{2}$")
PERSON = Text(max_len=100)
WARNED = declare(
    "case.warned", _t("events", "Automatic warning"),
    threshold=Choice(values=(
        "overdue", "sign_overdue", "co_sign_overdue", "due_soon", "awaiting_dispatch",
        "unevaluated", "dept_returned", "escalated", "notice")),
    since=MS, due=Number(required=False, low=0, high=10**14, integer=True),
    detail=Text(required=False, max_len=60),
)
DEPT_RETURNED = declare("case.dept_returned", _t("events", "Returned by the department"),
                        department=DEPT, reason=Text(max_len=1000))
ADJUDICATED = declare("case.adjudicated", _t("events", "Duty adjudicated"),
                      lead=DEPT, co=ListOf(required=False, item=DEPT, max_items=10),
                      reason=Text(max_len=1000))
HANDED_OVER = declare("case.handed_over", _t("events", "Handed over"),
                      to=PERSON, to_name=Text(required=False, max_len=50),
                      note=Text(required=False, max_len=1000))
TAKEN_OVER = declare("case.taken_over", _t("events", "Taken over"),
                     level=Choice(values=LEVEL_ORDER[1:]), note=Text(required=False, max_len=1000))
LISTED = declare("case.listed", _t("events", "Listed for supervision"),
                 leader=Text(max_len=50), due=DAY, reason=Text(required=False, max_len=1000))
SENT_DOWN = declare("case.sent_down", _t("events", "Sent back down"),
                    to_level=Choice(values=LEVEL_ORDER[:-1]), instructions=Text(max_len=1000))
CLAIMED = declare("case.claimed", _t("events", "Claimed by a leader"),
                  leader=Text(max_len=50), note=Text(required=False, max_len=1000))
