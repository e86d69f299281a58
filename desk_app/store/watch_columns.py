"""The case projection's follow-through columns (revision 0007), from a folded case."""

from __future__ import annotations

from desk_app.domain.case import CaseState
from desk_app.domain.sla import ms_from_utc
from desk_app.domain.vocabulary import ACTIVE


def followup_columns(state: CaseState) -> dict[str, object]:
    """What the watch list reads besides the clocks: kept in the row so its query never folds."""
    co_unsigned = ""
    if state.status in ACTIVE and state.dispatched_at is not None:
        at = ms_from_utc(state.dispatched_at)
        co_unsigned = ";".join(f"{d}@{at}" for d in state.co if d not in state.signed_by)
    listed = state.listed or {}
    return {
        "owner": state.owner,
        "clock_start": ms_from_utc(state.handling_started_at) if state.handling_started_at else None,
        "dept_returned": state.dept_returned, "adjudication": state.awaiting_adjudication,
        "unsatisfied": state.unsatisfied,
        "escalated_at": ms_from_utc(state.escalated_at) if state.escalated_at else None,
        "escalation_reason": state.escalation_reason[:500],
        "return_reason": "：".join(state.dept_returns[-1])[:500] if state.dept_returns else "",
        "taken_over": state.taken_over, "listed_leader": listed.get("leader"),
        "listed_due": listed.get("due"), "claimed_by": state.claimed_by or None,
        "co_unsigned": co_unsigned,
    }


def parse_co_unsigned(text: str) -> tuple[tuple[str, int], ...]:
    pairs = []
    for part in filter(None, text.split(";")):
        dept, _, at = part.partition("@")
        pairs.append((dept, int(at)))
    return tuple(pairs)
