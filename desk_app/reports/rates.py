"""The rates of a report, each with the cases behind its numerator and its denominator.

Definitions (printed under the report, `DEFINITIONS`):

- A report counts the cases *registered* in its period (local time), as they stand when the
  report is made. A case registered on Sunday and finished on Tuesday counts, finished, in the
  week of its registration; the next week's report does not count it again.
- Valid cases: all but the voided (not a real request), the merged (a duplicate: the case it was
  merged into carries the problem and counts its repeats) and the split (its parts count).
- Signing timeliness (签收及时率): dispatched valid cases signed for within 24 hours of their
  (latest) dispatch, out of those whose signing is decided: signed, or unsigned past 24 hours.
  Cases settled at the window were never dispatched and do not count here.
- Completion (办结率): valid cases resolved or closed, out of all valid cases.
- On-time completion (按时办结率): cases completed by their deadline, out of the completed and the
  open ones already past their deadline.
- Satisfaction (满意率): evaluated valid cases whose overall mark is satisfied or basically
  satisfied, out of the evaluated ones. The overall mark is the worst of the four dimensions;
  "basically satisfied" counts as satisfied (Yantian's rule); the fully-satisfied rate is shown
  beside it. Anonymous residents cannot be called back, so they are rarely in the denominator.
- Return rate (退回率): cases returned for redoing at least once, out of those completed or
  returned.
- Average handling time: working days (weekends and public holidays left out, fractions kept)
  from registration to resolution, over the completed cases.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.vocabulary import ACTIVE
from desk_app.store.report_queries import Fact

SIGN_WITHIN_MS = 86_400_000
NOT_COUNTED = frozenset({"voided", "merged", "split"})
COMPLETED = frozenset({"resolved", "closed"})
GOOD_MARKS = frozenset({"satisfied", "basic"})

RATE_LABELS = {
    "signing": _t("reports", "Signing timeliness"),
    "on_time": _t("reports", "On-time completion"),
    "completion": _t("reports", "Completion rate"),
    "satisfaction": _t("reports", "Satisfaction (incl. basically satisfied)"),
    "full_satisfaction": _t("reports", "Fully satisfied"),
    "returns": _t("reports", "Return rate"),
}

DEFINITIONS = _t("reports", "Cases registered in the period, as they stand when the report is made; voided, merged and split cases are left out of the rates. Signing timeliness: signed within 24 hours of dispatch, of those signed or past 24 hours. Completion: resolved or closed, of all valid cases. On-time completion: completed by the deadline, of those completed or already overdue. Satisfaction: satisfied or basically satisfied (the worst of the four marks), of those evaluated. Return rate: returned at least once, of those completed or returned. Handling time: working days from registration to resolution, weekends and holidays left out.")


@dataclass(frozen=True)
class Rate:
    key: str
    numerator: tuple[str, ...]
    denominator: tuple[str, ...]

    @property
    def value(self) -> float | None:
        """Between 0 and 1, or None when nothing counts (shown as “—”, never as 0 %)."""
        return len(self.numerator) / len(self.denominator) if self.denominator else None

    @property
    def label(self) -> str:
        return RATE_LABELS[self.key]


def is_valid(f: Fact) -> bool:
    return f.status not in NOT_COUNTED


def is_completed(f: Fact) -> bool:
    return f.status in COMPLETED


def sign_decided(f: Fact, now_ms: int) -> bool:
    return f.dispatched_at is not None and (
        f.signed_at is not None or f.dispatched_at + SIGN_WITHIN_MS < now_ms)


def signed_on_time(f: Fact) -> bool:
    return (f.signed_at is not None and f.dispatched_at is not None
            and f.signed_at <= f.dispatched_at + SIGN_WITHIN_MS)


def is_overdue(f: Fact, now_ms: int) -> bool:
    if f.status not in ACTIVE:
        return False
    late_sign = f.status == "dispatched" and f.dispatched_at is not None and (
        f.dispatched_at + SIGN_WITHIN_MS < now_ms)
    return late_sign or (f.due_at is not None and f.due_at < now_ms)


def compute_rates(facts: Sequence[Fact], now_ms: int) -> dict[str, Rate]:
    """All six rates in one pass over the facts (the definitions are in the module docstring)."""
    lists: dict[str, tuple[list[str], list[str]]] = {k: ([], []) for k in RATE_LABELS}
    sign_n, sign_d = lists["signing"]
    time_n, time_d = lists["on_time"]
    done_n, done_d = lists["completion"]
    sat_n, sat_d = lists["satisfaction"]
    full_n, _full_d = lists["full_satisfaction"]
    ret_n, ret_d = lists["returns"]
    for f in facts:
        if f.status in NOT_COUNTED:
            continue
        case = f.case_id
        completed = f.status in COMPLETED
        if f.dispatched_at is not None and (f.signed_at is not None
                                            or f.dispatched_at + SIGN_WITHIN_MS < now_ms):
            sign_d.append(case)
            if f.signed_at is not None and f.signed_at <= f.dispatched_at + SIGN_WITHIN_MS:
                sign_n.append(case)
        done_d.append(case)
        if completed:
            done_n.append(case)
            time_d.append(case)
            if f.resolved_at is not None and (f.due_at is None or f.resolved_at <= f.due_at):
                time_n.append(case)
        elif f.due_at is not None and f.status in ACTIVE and f.due_at < now_ms:
            time_d.append(case)
        if f.rating:
            sat_d.append(case)
            if f.rating in GOOD_MARKS:
                sat_n.append(case)
            if f.rating == "satisfied":
                full_n.append(case)
        if completed or f.times_returned > 0:
            ret_d.append(case)
            if f.times_returned > 0:
                ret_n.append(case)
    lists["full_satisfaction"] = (full_n, sat_d)
    return {k: Rate(k, tuple(n), tuple(d)) for k, (n, d) in lists.items()}


def average_handling(facts: Sequence[Fact]) -> float | None:
    """Mean working days from registration to resolution over the completed valid cases."""
    times = [f.handling_wd for f in facts
             if is_valid(f) and is_completed(f) and f.handling_wd is not None]
    return sum(times) / len(times) if times else None
