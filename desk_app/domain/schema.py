"""Small declarative checks for event payloads, with messages a person can act on."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .ids import is_uuid
from .text import QT_TRANSLATE_NOOP, DomainError

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")  # NUL, or half of a UTF-16 surrogate pair


class PayloadError(DomainError):
    context = "domain"


@dataclass(frozen=True)
class Field:
    required: bool = True

    def check(self, name: str, value: Any) -> Any:
        raise NotImplementedError


@dataclass(frozen=True)
class Text(Field):
    max_len: int = 200
    min_len: int = 1

    def check(self, name: str, value: Any) -> Any:
        if not isinstance(value, str):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” must be text."), field=name
            )
        text = value.strip()
        if len(text) < self.min_len:
            raise PayloadError(QT_TRANSLATE_NOOP("domain", "“{field}” is empty."), field=name)
        if len(value) > self.max_len:
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” is too long ({length} characters; at most {limit})."),
                field=name, length=len(value), limit=self.max_len,
            )
        if _NOT_TEXT.search(value):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” contains a character that is not text."),
                field=name,
            )
        return text


@dataclass(frozen=True)
class Pattern(Field):
    regex: str = r".+"
    hint: str = ""

    def check(self, name: str, value: Any) -> Any:
        if not isinstance(value, str) or not re.fullmatch(self.regex, value):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” is not valid: {value}."),
                field=name, value=str(value)[:60],
            )
        return value


@dataclass(frozen=True)
class Choice(Field):
    values: tuple[str, ...] = ()

    def check(self, name: str, value: Any) -> Any:
        if value not in self.values:
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” must be one of {allowed}, not {value}."),
                field=name, allowed=", ".join(self.values), value=str(value)[:60],
            )
        return value


@dataclass(frozen=True)
class Flag(Field):
    def check(self, name: str, value: Any) -> Any:
        if not isinstance(value, bool):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” must be true or false."), field=name
            )
        return value


@dataclass(frozen=True)
class Number(Field):
    low: float = float("-inf")
    high: float = float("inf")
    integer: bool = False

    def check(self, name: str, value: Any) -> Any:
        ok_type = int if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, ok_type):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” must be a number."), field=name
            )
        if not self.low <= value <= self.high:
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” must lie between {low} and {high}."),
                field=name, low=self.low, high=self.high,
            )
        return value


@dataclass(frozen=True)
class Uuid(Field):
    def check(self, name: str, value: Any) -> Any:
        if not is_uuid(value):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” is not a valid identifier."), field=name
            )
        return value.lower()


@dataclass(frozen=True)
class ListOf(Field):
    item: Field = field(default_factory=Text)
    min_items: int = 0
    max_items: int = 50

    def check(self, name: str, value: Any) -> Any:
        if not isinstance(value, list):
            raise PayloadError(QT_TRANSLATE_NOOP("domain", "“{field}” must be a list."), field=name)
        if not self.min_items <= len(value) <= self.max_items:
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” must have {low} to {high} entries."),
                field=name, low=self.min_items, high=self.max_items,
            )
        return [self.item.check(name, v) for v in value]


def check_payload(spec: Mapping[str, Field], payload: Any,
                  keep_unknown: bool = False) -> dict[str, Any]:
    """The payload with every field checked; missing required ones refused. Unknown fields are
    refused too, unless `keep_unknown` (an event from a replica of a newer version): then they
    are kept as they came, so they pass on untouched to the replicas that know them."""
    if not isinstance(payload, Mapping):
        raise PayloadError(QT_TRANSLATE_NOOP("domain", "The event's payload must be an object."))
    unknown = sorted(set(payload) - set(spec))
    if unknown and not keep_unknown:
        raise PayloadError(
            QT_TRANSLATE_NOOP("domain", "Unexpected field “{field}”."), field=str(unknown[0])[:40]
        )
    cleaned: dict[str, Any] = {}
    for name, rule in spec.items():
        value = payload.get(name)
        if value is None or value == "" or value == []:
            if rule.required:
                raise PayloadError(
                    QT_TRANSLATE_NOOP("domain", "“{field}” is required."), field=name
                )
            continue
        cleaned[name] = rule.check(name, value)
    for name in unknown:
        if not isinstance(name, str) or len(name) > 40:
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "Unexpected field “{field}”."), field=str(name)[:40])
        cleaned[name] = payload[name]
    return cleaned
