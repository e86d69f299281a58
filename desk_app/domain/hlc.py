"""Hybrid logical clock (Kulkarni et al., 2014).

A stamp is wall time in milliseconds, a counter and the node (desk) that made it. Stamps made
after seeing another stamp always sort after it, so events keep their causal order across desks
whose clocks disagree, and ties are broken the same way everywhere.

The text form `WWWWWWWWWWWWWWW-CCCCC-node` sorts as a string in the same order as the stamps.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from .text import QT_TRANSLATE_NOOP, DomainError

STAMP_PATTERN = re.compile(r"(\d{15})-(\d{5})-([A-Za-z0-9_.:-]{1,64})")
MAX_COUNTER = 99_999


@dataclass(frozen=True, order=True)
class Stamp:
    wall_ms: int
    counter: int
    node: str

    def __str__(self) -> str:
        return f"{self.wall_ms:015d}-{self.counter:05d}-{self.node}"

    @classmethod
    def parse(cls, text: str) -> Stamp:
        match = STAMP_PATTERN.fullmatch(text) if isinstance(text, str) else None
        if not match:
            raise DomainError(
                QT_TRANSLATE_NOOP("domain", "Not a valid clock stamp: {stamp}"), stamp=str(text)[:80]
            )
        return cls(int(match[1]), int(match[2]), match[3])


def is_stamp(text: object) -> bool:
    """Whether `text` is a stamp's text form (what `Stamp.parse` accepts), without making one."""
    return isinstance(text, str) and STAMP_PATTERN.fullmatch(text) is not None


def stamp_wall_ms(text: str) -> int:
    return int(text[:15])


class HybridClock:
    """The clock of one node. Thread-safe; `wall` is injectable for tests of skewed clocks."""

    def __init__(self, node: str, wall: Callable[[], int] | None = None, last: str | None = None):
        self.node = node
        self._wall = wall or (lambda: int(time.time() * 1000))
        self._lock = threading.Lock()
        self._last = Stamp.parse(last) if last else Stamp(0, 0, node)

    def now(self) -> str:
        """A stamp for an event made here."""
        with self._lock:
            wall = self._wall()
            if wall > self._last.wall_ms:
                stamp = Stamp(wall, 0, self.node)
            else:
                stamp = self._bump(self._last.wall_ms, self._last.counter)
            self._last = stamp
            return str(stamp)

    def observe(self, remote: str) -> None:
        """Take in a stamp seen on another node, so later local stamps sort after it."""
        other = Stamp.parse(remote)
        with self._lock:
            wall = self._wall()
            top = max(wall, self._last.wall_ms, other.wall_ms)
            if top == self._last.wall_ms and top == other.wall_ms:
                counter = max(self._last.counter, other.counter)
            elif top == self._last.wall_ms:
                counter = self._last.counter
            elif top == other.wall_ms:
                counter = other.counter
            else:
                self._last = Stamp(top, 0, self.node)
                return
            self._last = self._bump(top, counter)

    def rewind_to_wall(self) -> bool:
        """After a desk's clock was found fast and set right: continue from the true time.

        The only way a clock goes back; used by a supervisor's explicit action, because stamps
        made meanwhile were refused by the centre anyway. Returns whether it went back."""
        with self._lock:
            wall = self._wall()
            if self._last.wall_ms <= wall:
                return False
            self._last = Stamp(wall, 0, self.node)
            return True

    def wall_ms(self) -> int:
        return self._wall()

    @property
    def last(self) -> str:
        return str(self._last)

    def _bump(self, wall: int, counter: int) -> Stamp:
        if counter >= MAX_COUNTER:
            return Stamp(wall + 1, 0, self.node)
        return Stamp(wall, counter + 1, self.node)
