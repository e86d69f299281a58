"""Fields of a record edited on several desks: last writer wins, but visibly.

Each edit names the values of the field its editor could see (`bases`: the event ids of the
value shown and of any clashing values shown beside it). An edit that did not see every value
now shown was made without knowing of them (two desks offline): the fold keeps the later edit
(by HLC, the same on every replica) and shows the unseen values beside it as a clash. An edit
made with all of them in view settles the clash. So no value anyone wrote disappears unseen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class FieldValue:
    value: Any
    event_id: str
    actor: str
    desk: str


@dataclass
class FieldClash:
    name: str
    kept: FieldValue
    lost: list[FieldValue] = field(default_factory=list)


@dataclass
class Fields:
    values: dict[str, FieldValue] = field(default_factory=dict)
    clashes: dict[str, FieldClash] = field(default_factory=dict)

    def get(self, name: str, default: Any = None) -> Any:
        current = self.values.get(name)
        return current.value if current is not None else default

    def heads(self, name: str) -> list[str]:
        """What an edit of this field must name as its bases: every value now shown."""
        current = self.values.get(name)
        if current is None:
            return []
        clash = self.clashes.get(name)
        return [current.event_id, *(v.event_id for v in (clash.lost if clash else []))]

    def apply(self, name: str, value: Any, bases: list[str] | tuple[str, ...], event_id: str,
              actor: str, desk: str) -> None:
        """Edits arrive in (hlc, id) order; the last wins, and what it did not see is shown."""
        edit = FieldValue(value, event_id, actor, desk)
        current = self.values.get(name)
        clash = self.clashes.get(name)
        shown = ([current] if current is not None else []) + (clash.lost if clash else [])
        unseen = [v for v in shown if v.event_id not in bases]
        if unseen:
            self.clashes[name] = FieldClash(name, edit, unseen)
        else:
            self.clashes.pop(name, None)
        self.values[name] = edit
