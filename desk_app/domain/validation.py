"""Checks of what a resident tells the window: phone numbers and resident ID numbers.

Each check returns the number in its stored form or raises `InputError` with a message a window
worker can read out to the resident ("the last character should be 7: please check the ID").
"""

from __future__ import annotations

import re
from datetime import date

from .text import QT_TRANSLATE_NOOP as _t
from .text import DomainError


class InputError(DomainError):
    pass


_SEPARATORS = re.compile(r"[\s\-()（）]")
_MOBILE = re.compile(r"^1[3-9]\d{9}$")
_LANDLINE = re.compile(r"^(0(?:10|2\d|[3-9]\d{2}))([2-9]\d{6,7})$")
_LOCAL = re.compile(r"^[2-9]\d{6,7}$")
_HOTLINE = re.compile(r"^(400|800)\d{7}$")
_EXTENSION = re.compile(r"(?:转|ext\.?|x|#)\s*(\d{1,6})$", re.IGNORECASE)

PROVINCES = frozenset({
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
    50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
})
_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK_CHARS = "10X98765432"


def normalize_phone(text: str) -> str:
    """A mobile number as 11 digits, a landline as `0755-83456789[-ext]`, or InputError."""
    raw = text.strip()
    if not raw:
        raise InputError(_t("domain", "Enter a phone number."), field="phone")
    extension = ""
    match = _EXTENSION.search(raw)
    if match:
        extension, raw = match[1], raw[: match.start()]
    digits = _SEPARATORS.sub("", raw)
    for prefix in ("+86", "0086"):
        if digits.startswith(prefix):
            digits = digits[len(prefix):]
            if digits and not digits.startswith(("0", "1")):
                digits = "0" + digits  # +86 755 … is 0755 … dialled at home
            break
    if not digits.isdigit():
        raise InputError(_t("domain", "A phone number is made of digits (spaces, dashes and brackets are allowed)."), field="phone")
    if digits.startswith("1"):
        if len(digits) != 11:
            raise InputError(
                _t("domain", "A mobile number has 11 digits; this one has {count}."),
                field="phone", count=len(digits),
            )
        if not _MOBILE.match(digits):
            raise InputError(
                _t("domain", "A mobile number starts with 13 to 19; please check the second digit."),
                field="phone",
            )
        return digits
    if _HOTLINE.match(digits):
        return f"{digits}-{extension}" if extension else digits
    landline = _LANDLINE.match(digits)
    if landline:
        number = f"{landline[1]}-{landline[2]}"
        return f"{number}-{extension}" if extension else number
    if _LOCAL.match(digits):
        return f"{digits}-{extension}" if extension else digits
    if digits.startswith("0"):
        raise InputError(
            _t("domain", "A landline is an area code (such as 0755) and a number of 7 or 8 digits that does not start with 0 or 1."),
            field="phone",
        )
    raise InputError(
        _t("domain", "This is not a phone number: use 11 digits for a mobile, or area code and number for a landline."),
        field="phone",
    )


def phone_last4(phone: str) -> str:
    """The last four digits of the number itself (not of an extension)."""
    parts = phone.split("-")
    if len(parts) == 3 or (len(parts) == 2 and parts[0].startswith("0")):
        return parts[1][-4:]
    return parts[0][-4:]


def mask_phone(phone: str) -> str:
    """138****5678 for roles that must not see the whole number (extensions left out)."""
    digits = re.sub(r"\D", "", phone)
    if len(digits) < 7:
        return "*" * len(phone)
    return f"{digits[:3]}****{phone_last4(phone)}"


def check_digit(first17: str) -> str:
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True))
    return _CHECK_CHARS[total % 11]


def normalize_id_number(text: str, today: date | None = None) -> str:
    """An 18-character resident ID number (GB 11643-1999), upper-case X, or InputError."""
    value = _SEPARATORS.sub("", text).upper()
    if len(value) == 15 and value.isdigit():
        raise InputError(
            _t("domain", "This is an old 15-digit ID number; please ask for the 18-digit one."),
            field="id_number",
        )
    if len(value) != 18:
        raise InputError(
            _t("domain", "An ID number has 18 characters; this one has {count}."),
            field="id_number", count=len(value),
        )
    if not value[:17].isdigit() or not (value[17].isdigit() or value[17] == "X"):
        raise InputError(
            _t("domain", "An ID number is 17 digits and a last digit or X."), field="id_number"
        )
    if int(value[:2]) not in PROVINCES:
        raise InputError(
            _t("domain", "The first two digits ({code}) are not a province code."),
            field="id_number", code=value[:2],
        )
    try:
        born = date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        raise InputError(
            _t("domain", "Digits 7 to 14 must be a date of birth; {text} is not a date."),
            field="id_number", text=value[6:14],
        ) from None
    if born.year < 1900 or born > (today or date.today()):
        raise InputError(
            _t("domain", "The date of birth {born} is not possible."),
            field="id_number", born=born.isoformat(),
        )
    expected = check_digit(value[:17])
    if value[17] != expected:
        raise InputError(
            _t("domain", "The last character should be {expected}, not {actual}: a digit was probably mistyped."),
            field="id_number", expected=expected, actual=value[17],
        )
    return value


def mask_id_number(value: str) -> str:
    """4403**********1239: the province and city, and the last four (as the phone keeps them)."""
    return value[:4] + "*" * 10 + value[-4:] if len(value) == 18 else value


# What each field is called on screen. Messages name a field by its internal name
# ("“{field}” is required."); the UI shows this label instead (ui/i18n.field_label), so a worker
# reads 缺少必填项“回复内容”, never “text”. Every payload field of every event type has one
# (tests/test_translations.py checks).
FIELD_LABELS = {
    "address": _t("field", "Address"), "agenda": _t("field", "Agenda"),
    "anonymous": _t("field", "Anonymous"), "answer": _t("field", "Answer"),
    "bases": _t("field", "Grounds"), "case_id": _t("field", "Case"),
    "case_ids": _t("field", "Cases"), "category": _t("field", "Category"),
    "channel": _t("field", "Channel"), "co": _t("field", "Co-handling departments"),
    "community": _t("field", "Community"), "content_type": _t("field", "File type"),
    "convener": _t("field", "Convener"), "date": _t("field", "Date"),
    "department": _t("field", "Department"), "departments": _t("field", "Departments"),
    "deputy": _t("field", "Deputy"), "deputy_kind": _t("field", "Kind of deputy"),
    "description": _t("field", "Request"), "due": _t("field", "Due date"),
    "effect": _t("field", "Effect"), "end": _t("field", "End"),
    "ended_at": _t("field", "Ended at"), "escalated_from": _t("field", "Escalated from"),
    "feedback": _t("field", "Quality of feedback"), "field": _t("field", "Field"),
    "finding_id": _t("field", "Finding"), "grid": _t("field", "Grid"),
    "id_number": _t("field", "ID number"), "into": _t("field", "Case to merge into"),
    "into_number": _t("field", "Case number to merge into"), "kind": _t("field", "Kind"),
    "into_numbers": _t("field", "Case numbers it was split into"),
    "lookup": _t("field", "Receipt look-up code"),
    "public": _t("field", "Agreed to a public listing"),
    "split_from_number": _t("field", "Case number it was split from"),
    "latitude": _t("field", "Latitude"), "lead": _t("field", "Lead department"),
    "level": _t("field", "Level"), "longitude": _t("field", "Longitude"),
    "method": _t("field", "How it was asked"), "mode": _t("field", "Mode"),
    "name": _t("field", "Resident's name"), "names": _t("field", "Names"),
    "note": _t("field", "Note"), "notes": _t("field", "Notes"),
    "number": _t("field", "Case number"), "on_spot": _t("field", "Settled on the spot"),
    "owner": _t("field", "Owner"), "people": _t("field", "Number of people"),
    "percent": _t("field", "Progress"), "phone": _t("field", "Phone"),
    "photos": _t("field", "Photos"), "place": _t("field", "Place"),
    "reason": _t("field", "Reason"), "resolution_from": _t("field", "From resolution"),
    "resolution_id": _t("field", "Resolution"), "resolve_cases": _t("field", "Cases to resolve"),
    "route": _t("field", "Route"), "scheduled_at": _t("field", "Time of the meeting"),
    "service": _t("field", "Service"), "sha256": _t("field", "File fingerprint"),
    "size": _t("field", "Size"), "source_entity": _t("field", "Source"),
    "source_id": _t("field", "Source record"), "speed": _t("field", "Speed of handling"),
    "split_from": _t("field", "Split from"), "start": _t("field", "Start"),
    "started_at": _t("field", "Started at"), "summary": _t("field", "Summary"),
    "text": _t("field", "Text"), "time_limit": _t("field", "Time limit"),
    "title": _t("field", "Title"), "to_level": _t("field", "Escalate to"),
    "to_meeting": _t("field", "Meeting"), "urgency": _t("field", "Urgency"),
    "value": _t("field", "Value"),
    # Follow-through (issue 10)
    "detail": _t("field", "Detail"), "instructions": _t("field", "Instructions"),
    "leader": _t("field", "Responsible leader"), "letter": _t("field", "Reminder letter"),
    "since": _t("field", "Since"), "threshold": _t("field", "Warning"),
    "to": _t("field", "Handed over to"), "to_name": _t("field", "Handed over to"),
    # The access audit (issue 11)
    "what": _t("field", "Action"), "case_number": _t("field", "Case number"),
    "target": _t("field", "Concerning"),
}
