"""Building case events by hand for pure domain tests (no database)."""

from __future__ import annotations

from typing import Any

from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7

REGISTRATION = {
    "number": "YT-HS-01-20261121-0001", "kind": "complaint", "channel": "window",
    "title": "夜间施工噪音", "description": "鹏湾花园工地凌晨打桩", "urgency": "urgent",
    "category": "010101", "time_limit": "24h", "community": "YT-HS-PW", "name": "李秀英",
    "phone": "13812345678",
}


class Timeline:
    """Events of one case, each stamped later than the one before (as on one desk)."""

    def __init__(self, desk: str = "YT-HS-01", start_ms: int = 1_795_000_000_000) -> None:
        self.case_id = uuid7()
        self._now = start_ms
        self.clock = HybridClock(desk, wall=lambda: self._now)
        self.desk = desk
        self.events: list[Event] = []

    def add(self, type_: str, minutes_later: float = 10, **payload: Any) -> Event:
        self._now += int(minutes_later * 60_000)
        event = Event(uuid7(), "case", self.case_id, type_, payload, f"wangli@{self.desk}",
                      self.desk, self.clock.now(), "YT-HS-PW").validated()
        self.events.append(event)
        return event

    def register(self, **changes: Any) -> Event:
        return self.add("case.registered", 0, **{**REGISTRATION, **changes})


SATISFIED = {"speed": "satisfied", "effect": "satisfied", "service": "satisfied",
             "feedback": "satisfied", "method": "phone"}
UNHAPPY_EFFECT = {**SATISFIED, "effect": "unsatisfied"}
