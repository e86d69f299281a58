"""The follow-through rule of `domain.followup.case_warnings`, said in SQL over the projection.

The badge's count and the watch page's first rows are asked of SQLite, so that neither reads
the whole list into Python (at 1,000,000 cases some 100,000 items are overdue). The domain
decides what a warning is; this module only restates `case_warnings` over the stored columns,
built from the domain's own constants (the rank order of `Warn`, SIGN_MS, DISPATCH_MS, the
calendar's covered years), and tests/store/test_watch_rules.py checks on varied desks that both
give the same items, in the same order, with the same first warning. The rows of a page are
then judged by the domain itself (store/watchlist.py), so what a row says always comes from it.

Each kind is a predicate over one case row and the key the list sorts it by within its rank
(`warning.due or warning.since`); an item's rank is its most pressing kind's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise

from desk_app.domain.followup import (
    DISPATCH_MS,
    SIGN_MS,
    Rules,
    Warn,
    dispatch_cut,
    evaluation_cut,
)
from desk_app.domain.sla import CHINA
from desk_app.domain.vocabulary import ACTIVE
from desk_app.domain.workcalendar import WorkCalendar

from .schema import OPEN_SQL

# The open statuses in the very words (and order) of the partial index ix_cases_watch_due
# (revision 0007): SQLite uses a partial index only for a condition written as its own is.
_ACTIVE = "status IN ('registered', 'dispatched', 'signed', 'replied', 'returned')"
assert set(_ACTIVE[11:-1].replace("'", "").split(", ")) == ACTIVE
# The projection's handling clock as `watchlist._facts` reads it (CaseFacts.handling_started_at).
_HS = "(CASE WHEN clock_start THEN clock_start WHEN due_at THEN registered_at END)"
_SINCE_HS = f"(CASE WHEN {_HS} THEN {_HS} ELSE registered_at END)"
# All co-departments of one dispatch share its moment (watch_columns.followup_columns).
_CO_AT = "CAST(substr(co_unsigned, instr(co_unsigned, '@') + 1) AS INTEGER)"
_DISPATCH_TARGET = ("registered_at + (CASE urgency "
                    + " ".join(f"WHEN '{u}' THEN {ms}" for u, ms in sorted(DISPATCH_MS.items()))
                    + " END)")
# The condition of the partial index ix_cases_watch_flagged (revision 0007), word for word.
FLAGGED = ("supervised = 1 OR level != 'community' OR listed_leader IS NOT NULL "
           "OR unsatisfied >= 2 OR co_unsigned != '' OR dept_returned = 1 "
           "OR claimed_by IS NOT NULL")
_FAR = 1 << 62  # beyond any moment, for open-ended spans


def _key(due: str | None, since: str) -> str:
    """`warning.due or warning.since`, the list's order within a rank."""
    return since if due is None else f"(CASE WHEN {due} THEN {due} ELSE {since} END)"


def uncovered_spans(calendar: WorkCalendar) -> list[tuple[int, int]]:
    """[start, end) in ms of the years the calendar has no notice for (local midnights)."""
    years = sorted(calendar.years)
    if not years:
        return [(-_FAR, _FAR)]

    def start(year: int) -> int:
        return int(datetime(year, 1, 1, tzinfo=CHINA).timestamp() * 1000)

    spans = [(-_FAR, start(years[0]))]
    spans += [(start(a + 1), start(b)) for a, b in pairwise(years) if b > a + 1]
    spans.append((start(years[-1] + 1), _FAR))
    return spans


def _estimated(calendar: WorkCalendar) -> str:
    """`estimated_years(hs, due_at)` is not empty: the clock's span touches an uncovered year."""
    parts = [f"({_HS} < {end} AND due_at >= {begin})" for begin, end in uncovered_spans(calendar)]
    return "(" + " OR ".join(parts) + ")"


def kinds(rules: Rules, calendar: WorkCalendar) -> list[tuple[Warn, str, str]]:
    """(kind, predicate, key) for every case warning, in the domain's rank order; parameters
    :now and :desk_level."""
    found = {
        Warn.OVERDUE: (f"{_ACTIVE} AND due_at IS NOT NULL AND due_soon_at IS NOT NULL AND {_HS} "
                       "AND :now > due_at", _key("due_at", _HS)),
        Warn.SIGN_OVERDUE: ("status = 'dispatched' AND sign_due_at IS NOT NULL "
                            "AND :now > sign_due_at",
                            _key("sign_due_at", f"(sign_due_at - {SIGN_MS})")),
        Warn.CO_SIGN_OVERDUE: (f"{_ACTIVE} AND co_unsigned != '' AND :now > {_CO_AT} + {SIGN_MS}",
                               _key(f"({_CO_AT} + {SIGN_MS})", _CO_AT)),
        Warn.DEPT_RETURNED: ("status = 'registered' AND dept_returned", _SINCE_HS),
        Warn.AWAITING_DISPATCH: ("status = 'registered' AND NOT dept_returned "
                                 f"AND :now > {_DISPATCH_TARGET}",
                                 _key(_DISPATCH_TARGET, "registered_at")),
        Warn.ESCALATED: (f"{_ACTIVE} AND level != 'community' AND level = :desk_level "
                         "AND taken_over IS NOT level",
                         "(CASE WHEN escalated_at THEN escalated_at ELSE registered_at END)"),
        Warn.LISTED: (f"{_ACTIVE} AND listed_leader IS NOT NULL", "registered_at"),
        Warn.SUPERVISED: (f"{_ACTIVE} AND supervised", "registered_at"),
        Warn.NOTICE: ("unsatisfied >= 2", "registered_at"),
        Warn.RETURNED: ("status = 'returned'", _SINCE_HS),
        Warn.DUE_SOON: (f"{_ACTIVE} AND due_at IS NOT NULL AND due_soon_at IS NOT NULL AND {_HS} "
                        "AND NOT :now > due_at AND :now >= due_soon_at", _key("due_at", _HS)),
        Warn.UNEVALUATED: ("status = 'resolved' AND resolved_at IS NOT NULL AND :now > "
                           f"resolved_at + {rules.evaluate_within_days * 86_400_000}",
                           _key(f"(resolved_at + {rules.evaluate_within_days * 86_400_000})",
                                "resolved_at")),
        Warn.CLAIMED: (f"{_ACTIVE} AND claimed_by IS NOT NULL AND claimed_by != ''",
                       "registered_at"),
        Warn.ESTIMATED: (f"{_ACTIVE} AND due_at AND {_HS} IS NOT NULL AND {_estimated(calendar)}",
                         _key("due_at", _SINCE_HS)),
    }
    return [(kind, *found[kind]) for kind in Warn if kind in found]


# Each branch matches one partial index's condition word for word, so SQLite uses it; together
# they hold every case that any predicate above can be true of. The last (open cases whose clock
# started before the calendar's first year) names its index: without statistics the planner
# would rather scan the table.
CANDIDATES = f"""
    SELECT pk FROM cases WHERE {_ACTIVE} AND due_soon_at <= :now
    UNION SELECT pk FROM cases WHERE status = 'dispatched' AND sign_due_at < :now
    UNION SELECT pk FROM cases WHERE status = 'registered' AND registered_at < :dispatch_cut
    UNION SELECT pk FROM cases WHERE status = 'returned'
    UNION SELECT pk FROM cases WHERE status = 'resolved' AND resolved_at < :evaluation_cut
    UNION SELECT pk FROM cases WHERE {FLAGGED}
    UNION SELECT pk FROM cases WHERE due_at >= :uncovered AND {_ACTIVE}
    UNION SELECT pk FROM cases INDEXED BY ix_cases_open
        WHERE {OPEN_SQL} AND registered_at < :covered_from
"""


def candidate_params(now: int, rules: Rules, calendar: WorkCalendar) -> dict[str, object]:
    """The parameters of CANDIDATES at `now`."""
    spans = uncovered_spans(calendar)
    after = [begin for begin, _end in spans if begin > -_FAR]
    return {"now": now, "dispatch_cut": dispatch_cut(now),
            "evaluation_cut": evaluation_cut(now, rules),
            "uncovered": min(after) if after else -_FAR, "covered_from": spans[0][1]}


@dataclass(frozen=True)
class WatchSQL:
    """The statements of one (rules, calendar, filter): a count, and a page in list order."""

    count: str
    page: str
    params: dict[str, object]


def watch_sql(columns: str, now: int, rules: Rules, calendar: WorkCalendar, desk_level: str,
              extra: str, extra_params: dict[str, object], kind: str | None = None) -> WatchSQL:
    """The count and the first-rows statement (parameter :limit) of the cases on the list;
    with `kind`, only the cases that have it, ordered by it (as the filtered list is)."""
    params = {**candidate_params(now, rules, calendar), "desk_level": desk_level,
              **extra_params}
    judged = kinds(rules, calendar)
    if kind is not None:
        judged = [k for k in judged if k[0] == kind]
    if not judged:
        none = "SELECT 0"
        return WatchSQL(none, f"SELECT {columns} FROM cases WHERE 0 LIMIT :limit", params)
    rank = "CASE " + " ".join(f"WHEN {p} THEN {i}" for i, (_k, p, _key) in enumerate(judged)) + " END"
    key = "CASE " + " ".join(f"WHEN {p} THEN {k}" for _kind, p, k in judged) + " END"
    rows = f"FROM cases WHERE pk IN ({CANDIDATES}){extra}"
    count = f"SELECT count(*) {rows} AND ({rank}) IS NOT NULL"
    page = (f"SELECT {columns} FROM (SELECT *, {rank} AS watch_rank, {key} AS watch_key {rows}) "
            "WHERE watch_rank IS NOT NULL ORDER BY watch_rank, watch_key, number LIMIT :limit")
    return WatchSQL(count, page, params)
