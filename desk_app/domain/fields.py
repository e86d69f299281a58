"""Fields of a record edited on several desks: last writer wins, but visibly.

Each edit names the edit it was based on (`base`: the event id of the value the editor saw, or
"" for the first). An edit whose base is not the current value was made without seeing it
(two desks offline): the fold keeps the later one (by HLC, the same on every replica) and
reports the clash, with the value it overwrote, until someone edits the field again on top of
the kept value, which settles it.
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

    def head(self, name: str) -> str:
        """What an edit of this field must name as its base."""
        current = self.values.get(name)
        return current.event_id if current is not None else ""

    def apply(self, name: str, value: Any, base: str, event_id: str, actor: str,
              desk: str) -> None:
        """Edits arrive in (hlc, id) order. An edit made without seeing the current value
        overwrites it, and the overwritten value is kept as a clash until settled."""
        edit = FieldValue(value, event_id, actor, desk)
        current = self.values.get(name)
        if current is not None and base != current.event_id:
            clash = self.clashes.get(name)
            lost = [*(clash.lost if clash else []), current]
            self.clashes[name] = FieldClash(name, edit, lost)
        else:
            self.clashes.pop(name, None)
        self.values[name] = edit
