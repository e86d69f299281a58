"""Residents' phones and ID numbers as a role that may not see them gets them: masked at the
source (the store applies this before anything leaves it), so no screen, export or receipt can
show more than the role may see, whichever widget forgets to mask.

The rule: roles without "see_phone" (deputies, grid staff) get 138****5678 and
4403**********1239, in a case's fields, in the payloads of its steps and events, and wherever
the case's own numbers were typed into its free text. Names and addresses stay: a deputy
receiving a resident needs them. Pure functions, no Qt, no SQL.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any, TypeVar

from .validation import mask_id_number, mask_phone

PHONE_FIELDS = frozenset({"phone"})
ID_FIELDS = frozenset({"id_number"})
T = TypeVar("T")


def masked_phone(value: str) -> str:
    return mask_phone(value) if value else ""


def masked_id(value: str) -> str:
    return mask_id_number(value) if value else ""


def masked_query(query: str) -> str:
    """A searched phone or ID number as the access audit keeps it."""
    digits = query.strip()
    if len(digits) >= 15:
        return masked_id(digits)
    return masked_phone(digits) if len(digits) >= 7 else digits


# Numbers typed into free text ("张三（13912345678）反映…"): the same patterns the centre's
# redaction uses for mobiles and ID numbers, here masked rather than removed.
_MOBILE = re.compile(r"(?<![\dA-Za-z])1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)")
_ID_NUMBER = re.compile(r"(?<![\dA-Za-z])(?:\d{17}[\dXx]|\d{15})(?![\dA-Za-z])")


def masked_text(text: str, known: Iterable[str] = ()) -> str:
    """`text` with each of the known numbers (the case's own phone and ID number, written as
    stored) and any mobile or ID number written in it replaced by its mask."""
    if not text:
        return text
    for value in known:
        if value and len(value) >= 7 and value in text:
            text = text.replace(value, masked_id(value) if len(value) >= 15 else masked_phone(value))
    text = _ID_NUMBER.sub(lambda m: mask_id_number(m.group()) if len(m.group()) == 18
                          else m.group()[:4] + "*" * 7 + m.group()[-4:], text)
    return _MOBILE.sub(lambda m: mask_phone(m.group()), text)


def masked_payload(payload: Mapping[str, Any], known: Iterable[str] = ()) -> dict[str, Any]:
    """An event payload with its phone and ID number masked (and the known numbers in its
    text fields)."""
    numbers = [*known, *(str(payload[k]) for k in (*PHONE_FIELDS, *ID_FIELDS)
                         if isinstance(payload.get(k), str))]
    found: dict[str, Any] = {}
    for key, value in payload.items():
        if key in PHONE_FIELDS and isinstance(value, str):
            found[key] = masked_phone(value)
        elif key in ID_FIELDS and isinstance(value, str):
            found[key] = masked_id(value)
        elif isinstance(value, str):
            found[key] = masked_text(value, numbers)
        else:
            found[key] = value
    return found


_DIGITS = re.compile(r"[\s()（）+\-]")


def looks_like_number_search(query: str) -> bool:
    """Whether a search box query is a phone or ID number (or part of one) rather than a case
    number or words: 4 or more digits and nothing else (X allowed at the end of an ID)."""
    digits = _DIGITS.sub("", query.strip())
    if digits[-1:] in ("X", "x"):
        digits = digits[:-1]
    return digits.isdigit() and len(digits) >= 4


def known_numbers(state: Any) -> list[str]:
    return [v for v in (getattr(state, "phone", ""), getattr(state, "id_number", "")) if v]


def masked_case(state: T) -> T:
    """A copy of a CaseState with its phone and ID number masked everywhere it carries them."""
    known = known_numbers(state)
    steps = [replace(step, payload=masked_payload(step.payload, known))
             for step in getattr(state, "steps", [])]
    texts = {name: masked_text(getattr(state, name), known)
             for name in ("title", "description", "resolution", "void_reason",
                          "escalation_reason", "instructions")}
    return replace(state, phone=masked_phone(state.phone),  # type: ignore[type-var]
                   id_number=masked_id(state.id_number),  # type: ignore[attr-defined]
                   steps=steps, **texts)
