"""The resident's evaluation: four dimensions, three ratings, and what they set off.

Shenzhen's rule: an unsatisfied mark on effect or on the quality of feedback sends the case back
for redoing; unsatisfied again after it has been returned puts it under special supervision.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from .vocabulary import DIMENSIONS

RETURNING_DIMENSIONS = ("effect", "feedback")


class Outcome(StrEnum):
    CLOSED = "closed"
    RETURNED = "returned"
    SUPERVISED = "supervised"


def evaluation_outcome(ratings: Mapping[str, str], times_returned: int) -> Outcome:
    """What an evaluation does to a resolved case that has been returned `times_returned` times."""
    if not any(ratings.get(d) == "unsatisfied" for d in RETURNING_DIMENSIONS):
        return Outcome.CLOSED
    return Outcome.SUPERVISED if times_returned > 0 else Outcome.RETURNED


def overall_rating(ratings: Mapping[str, str]) -> str:
    """The single mark used for satisfaction rates: the worst of the four."""
    values = [ratings.get(d) for d in DIMENSIONS]
    if "unsatisfied" in values:
        return "unsatisfied"
    if "basic" in values:
        return "basic"
    return "satisfied"
