"""Human case numbers that are unique without a server: desk code + local date + daily sequence.

Example: `YT-HJ-01-20261121-0007` is the seventh request registered on desk YT-HJ-01 on
21 November 2026 (local time). The desk keeps the daily counter in its own database.
"""

from __future__ import annotations

import re
from datetime import date

from .text import QT_TRANSLATE_NOOP as _t
from .text import DomainError

DESK_CODE = re.compile(r"^[A-Z0-9]{1,8}(-[A-Z0-9]{1,8}){0,4}$")
CASE_NUMBER = re.compile(r"^(?P<desk>[A-Z0-9-]+)-(?P<day>\d{8})-(?P<seq>\d{4,6})$")


def check_desk_code(code: str) -> str:
    if not DESK_CODE.match(code or ""):
        raise DomainError(
            _t("domain", "A desk code is upper-case letters and digits in parts joined by “-”, such as YT-HJ-01."),
            field="desk_code",
        )
    return code


def case_number(desk_code: str, day: date, sequence: int) -> str:
    if sequence < 1 or sequence > 999_999:
        raise ValueError("daily sequence out of range")
    return f"{desk_code}-{day:%Y%m%d}-{sequence:04d}"


def parse_case_number(text: str) -> tuple[str, date, int] | None:
    match = CASE_NUMBER.match(text.strip().upper())
    if not match:
        return None
    day = match["day"]
    try:
        parsed = date(int(day[:4]), int(day[4:6]), int(day[6:]))
    except ValueError:
        return None
    return match["desk"], parsed, int(match["seq"])
