"""Small declarative checks for event payloads, with messages a person can act on."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .ids import is_uuid
from .text import QT_TRANSLATE_NOOP, DomainError

_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")  # NUL, or half of a UTF-16 surrogate pair


class PayloadError(DomainError):
    context = "domain"


# What a quick check returns when it cannot vouch for a value: the full check then decides,
# and says why (so every reason is written once, in `check`).
MISS: Any = object()
Quick = Callable[[Any], Any]


@dataclass(frozen=True)
class Field:
    required: bool = True

    def check(self, name: str, value: Any) -> Any:
        raise NotImplementedError

    def quick(self) -> Quick:
        """A check derived from this rule for the common, valid case: the cleaned value
        exactly as `check` returns it, or MISS (then `check` runs and says why). It may miss
        a valid value, never pass one `check` refuses."""
        return lambda value: MISS


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

    def quick(self) -> Quick:
        low, high, broken = self.min_len, self.max_len, _NOT_TEXT.search

        def text(value: Any) -> Any:
            if type(value) is str and len(value) <= high and not broken(value):
                stripped = value.strip()
                if len(stripped) >= low:
                    return stripped
            return MISS
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

    def quick(self) -> Quick:
        match = re.compile(self.regex).fullmatch
        return lambda value: value if type(value) is str and match(value) else MISS


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

    def quick(self) -> Quick:
        allowed = frozenset(v for v in self.values if type(v) is str)
        return lambda value: value if type(value) is str and value in allowed else MISS


@dataclass(frozen=True)
class Flag(Field):
    def check(self, name: str, value: Any) -> Any:
        if not isinstance(value, bool):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” must be true or false."), field=name
            )
        return value

    def quick(self) -> Quick:
        return lambda value: value if type(value) is bool else MISS


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

    def quick(self) -> Quick:
        types = (int,) if self.integer else (int, float)
        low, high = self.low, self.high
        return lambda value: value if type(value) in types and low <= value <= high else MISS


@dataclass(frozen=True)
class Uuid(Field):
    def check(self, name: str, value: Any) -> Any:
        if not is_uuid(value):
            raise PayloadError(
                QT_TRANSLATE_NOOP("domain", "“{field}” is not a valid identifier."), field=name
            )
        return value.lower()

    def quick(self) -> Quick:  # a canonical UUID is lower-case already
        return lambda value: value if is_uuid(value) and type(value) is str else MISS


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

    def quick(self) -> Quick:
        item, low, high = self.item.quick(), self.min_items, self.max_items

        def items(value: Any) -> Any:
            if type(value) is not list or not low <= len(value) <= high:
                return MISS
            cleaned = [item(v) for v in value]
            return MISS if any(v is MISS for v in cleaned) else cleaned
        return items


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


PayloadCheck = Callable[[Any, bool], dict[str, Any]]


def compile_payload(spec: Mapping[str, Field]) -> PayloadCheck:
    """`check_payload` for one schema, built once from it (the centre checks tens of thousands
    of payloads a second): the fields present, each through its quick check; anything one
    cannot vouch for goes through `check_payload` itself, which refuses it with its reason.
    Same answers, same cleaned payloads (as dicts: their order is the payload's, which no one
    reads — the stored form sorts its keys)."""
    rules = {name: (rule.required, rule.quick()) for name, rule in spec.items()}
    required = sum(rule.required for rule in spec.values())

    def check(payload: Any, keep_unknown: bool = False) -> dict[str, Any]:
        if type(payload) is dict:
            cleaned: dict[str, Any] = {}
            present = 0  # required fields given
            for name, value in payload.items():
                rule = rules.get(name)
                if rule is None:  # unknown: kept as it came, if a newer version may send it
                    if not keep_unknown or type(name) is not str or len(name) > 40:
                        break
                    cleaned[name] = value
                    continue
                if not value and (value is None or value == "" or value == []):  # (0 is a value)
                    if rule[0]:
                        break
                    continue
                value = rule[1](value)
                if value is MISS:
                    break
                cleaned[name] = value
                present += rule[0]
            else:
                if present == required:
                    return cleaned
        return check_payload(spec, payload, keep_unknown)
    return check
