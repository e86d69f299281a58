"""Two years of realistic history for the demo workspace, so that reports, department scores,
the hot-spot map and foresight have something to show on the first `make run`.

Patterns put in on purpose (and visible on the dashboard):
- seasons: noise complaints rise in the exam weeks (late May – June) and in summer; drainage
  and fallen trees in the typhoon season (June – September); mosquitoes and pests in summer;
  wage arrears before the Spring Festival (December – February); fewer requests on weekends and
  in the Spring Festival week;
- two slow departments (住房和建设局 D-HOUSING and 交通运输局 D-TRANSPORT): they often sign
  after 24 hours, finish late, and get more "basically satisfied" and "unsatisfied" marks;
- about a third of the cases carry a location (grid patrols always), inside their grid's shape
  on the schematic district map.

Written by the bulk path: events are made in memory, inserted with one executemany, then the
projections are derived in batches — a few seconds, once, when the demo workspace is created.
"""

from __future__ import annotations

import math
import random
import time
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import TYPE_CHECKING, Any

from desk_app.domain.case_numbers import case_number
from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake, registration_payload
from desk_app.domain.sla import CHINA, TimeLimit, Unit, utc_from_ms

if TYPE_CHECKING:
    from desk_app.store.desk import Desk
    from desk_app.store.users import User

DAY_MS = 86_400_000
HOUR_MS = 3_600_000
SLOW = frozenset({"D-HOUSING", "D-TRANSPORT"})
# (catalogue code prefix, ISO weeks, factor): what rises when
SEASONS = (
    ("01", range(21, 26), 2.6), ("01", range(26, 35), 1.5),
    ("0302", range(23, 39), 3.0), ("0303", range(23, 39), 2.5),
    ("0802", range(22, 37), 3.0), ("06", range(1, 7), 2.8), ("06", range(49, 54), 2.8),
    ("1401", range(27, 34), 1.8), ("1402", range(27, 34), 2.0),
)
PER_DAY = 6.0


def _season(code: str, week: int) -> float:
    factor = 1.0
    for prefix, weeks, boost in SEASONS:
        if code.startswith(prefix) and week in weeks:
            factor *= boost
    return factor


def _poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def hot_spots(code: str, box: tuple[float, ...]) -> list[tuple[float, float]]:
    """Two fixed problem spots of a community (the same on every run)."""
    spot = random.Random(code)
    x0, y0, x1, y1 = box
    return [(spot.uniform(x0 + (x1 - x0) * 0.25, x1 - (x1 - x0) * 0.25),
             spot.uniform(y0 + (y1 - y0) * 0.25, y1 - (y1 - y0) * 0.25)) for _ in range(2)]


def _limit_hours(limit: TimeLimit) -> float:
    if limit.unit is Unit.SAME_DAY:
        return 8
    if limit.unit is Unit.HOURS:
        return limit.amount
    return limit.amount * 24 * (1.4 if limit.unit is Unit.WORKING_DAYS else 1)


def seed_history(desk: Desk, accounts: list[User], *, days: int = 730, end_days_ago: int = 61,
                 seed: int = 2026, per_day: float = PER_DAY, validate: bool = False) -> int:
    """History from `days` days ago up to `end_days_ago` days ago; returns the cases made.
    The events are made by this code, so checking each payload is left to the tests
    (`validate=True`), which keeps the demo's first start quick."""
    from desk_app.demo import DETAILS, GIVEN, OPENINGS, RATING_MIX, SURNAMES
    from desk_app.domain.case import fold
    from desk_app.reports.geo import MapError, load_areas
    from desk_app.store.projection import case_row
    from desk_app.store.report_facts import bulk_insert, facts_row

    rng = random.Random(seed)
    catalogue = desk.catalogue
    items = [i for i in catalogue.active_items() if catalogue.departments[i.lead].kind != "catch_all"]
    weights = [rng.uniform(0.3, 2.0) for _ in items]
    communities = catalogue.org_children(desk.identity.org, "community") or [
        catalogue.orgs[desk.identity.org]]  # a community's own desk
    community_weight = [rng.uniform(0.6, 1.8) for _ in communities]
    try:
        shapes = {a.code: a.bounds() for a in load_areas()}
    except MapError:
        shapes = {}
    workers = [a.actor(desk.code) for a in accounts if a.role in ("window", "supervisor")]
    now_ms = int(time.time() * 1000)
    today = utc_from_ms(now_ms).astimezone(CHINA).date()
    events: list[Event] = []
    sequences: dict[date, int] = {}
    recent: dict[tuple[str, str], str] = {}
    made = 0
    week_weights: dict[int, list[float]] = {}
    for offset in range(days, end_days_ago, -1):
        day = today - timedelta(days=offset)
        week = day.isocalendar().week
        lam = per_day * (0.55 if day.weekday() >= 5 else 1.1) * (
            0.4 if not desk.calendar.is_working_day(day) and day.weekday() < 5 else 1.0)
        lam *= 1 + 0.15 * (days - offset) / days  # a slow rise over the two years
        count = _poisson(rng, lam)
        if not count:
            continue
        if week not in week_weights:
            week_weights[week] = [w * _season(i.code, week)
                                  for i, w in zip(items, weights, strict=True)]
        day_weights = week_weights[week]
        for _ in range(count):
            item = rng.choices(items, day_weights)[0]
            community = rng.choices(communities, community_weight)[0]
            sequences[day] = sequences.get(day, 0) + 1
            made += 1
            _one_case(desk, rng, events, recent, item, community, day, sequences[day], workers,
                      shapes, (DETAILS, GIVEN, OPENINGS, RATING_MIX, SURNAMES))
    if validate:
        events = [e.validated() for e in events]
    rows = [(e.id, e.entity, e.entity_id, e.type, e.payload_json(), e.actor, e.desk, e.hlc,
             e.org, "demo", now_ms) for e in events]
    by_case: dict[str, list[Event]] = {}
    for e in events:
        by_case.setdefault(e.entity_id, []).append(e)
    # New cases only: fold what is in memory instead of reading it back (the projection's
    # own functions make the rows, so they are what a rebuild would make).
    states = [fold(case_id, own) for case_id, own in by_case.items()]
    with desk.db.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO events (id, entity, entity_id, type, payload, actor, desk, hlc, org, "
            "origin, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        bulk_insert(conn, "cases", [case_row(state, desk.calendar) for state in states])
        bulk_insert(conn, "case_facts", [r for r in (facts_row(s, desk.calendar) for s in states)
                                         if r is not None])
        conn.exec_driver_sql(
            "INSERT INTO case_number_seq(day, last) VALUES (?, ?) "
            "ON CONFLICT(day) DO UPDATE SET last = MAX(last, excluded.last)",
            [(f"{d:%Y%m%d}", n) for d, n in sequences.items()])
    return made


def _one_case(desk: Desk, rng: random.Random, events: list[Event],
              recent: dict[tuple[str, str], str], item: Any, community: Any, day: date,
              sequence: int, workers: list[str], shapes: dict[str, tuple[float, ...]],
              words: tuple[Any, ...]) -> None:
    details, given, openings, rating_mix, surnames = words
    start_local = datetime.combine(day, clock_time(8, 30), tzinfo=CHINA) + timedelta(
        minutes=rng.uniform(0, 10 * 60))
    wall = [int(start_local.timestamp() * 1000)]
    clock = HybridClock(desk.code, wall=lambda: wall[0])
    grids = desk.catalogue.org_children(community.code, "grid")
    grid = rng.choice(grids).code if grids else ""
    channel = rng.choices(("window", "phone", "deputy", "patrol", "online"), (42, 26, 8, 14, 10))[0]
    kind = ("consultation" if item.code.startswith("15") and rng.random() < 0.5 else
            rng.choices(list(openings), weights=(62, 14, 6, 15, 3))[0])
    estate = community.name_zh.removesuffix("社区") + rng.choice(("花园", "新村", "大厦", "雅苑"))
    address = f"{estate}{rng.randint(1, 12)}栋"
    description = openings[kind].format(address=address, keyword=rng.choice(item.keywords),
                                        name=item.name_zh,
                                        detail=details.get(item.code[:2], details["99"]))
    anonymous = rng.random() < 0.06
    latitude = longitude = None
    box = shapes.get(grid) or shapes.get(community.code)
    if box and (channel == "patrol" or rng.random() < 0.25):
        x0, y0, x1, y1 = box
        spots = hot_spots(community.code, shapes.get(community.code) or box)
        if rng.random() < 0.6:  # most located requests come from a few problem estates
            cx, cy = rng.choice(spots)
            longitude = round(rng.gauss(cx, (x1 - x0) * 0.06), 6)
            latitude = round(rng.gauss(cy, (y1 - y0) * 0.06), 6)
        else:
            longitude = round(rng.uniform(x0 + (x1 - x0) * 0.15, x1 - (x1 - x0) * 0.15), 6)
            latitude = round(rng.uniform(y0 + (y1 - y0) * 0.15, y1 - (y1 - y0) * 0.15), 6)
    intake = Intake(channel=channel, kind=kind, description=description, category=item.code,
                    urgency=item.urgency if item.urgency in ("urgent", "very_urgent") and
                    rng.random() < 0.5 else "ordinary",
                    community=community.code, grid=grid, address=address, anonymous=anonymous,
                    name="" if anonymous else rng.choice(surnames) + rng.choice(given),
                    phone="" if anonymous else f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}",
                    latitude=latitude, longitude=longitude)
    case_id = uuid7(wall[0])
    actor = rng.choice(workers)
    org = grid or community.code

    until = int(time.time() * 1000) - 60_000
    ended = [False]

    def event(type_: str, payload: dict[str, Any], hours: float, by: str = actor) -> None:
        """The case's next step, unless it would lie in the future: a long case of two months
        ago is still under way today (its later steps would date the desk's clock ahead)."""
        if ended[0] or wall[0] + max(60_000, int(hours * HOUR_MS)) > until:
            ended[0] = True
            return
        wall[0] += max(60_000, int(hours * HOUR_MS))
        events.append(Event(uuid7(wall[0]), "case", case_id, type_, payload, by, desk.code,
                            clock.now(), org))

    number = case_number(desk.code, day, sequence)
    events.append(Event(uuid7(wall[0]), "case", case_id, "case.registered",
                        registration_payload(intake, desk.catalogue, number), actor, desk.code,
                        clock.now(), org))
    key = (item.code, community.code)
    roll = rng.random()
    if roll < 0.01:
        event("case.voided", {"reason": "重复录入，作废。"}, 0.2)
        return
    if roll < 0.025 and key in recent:
        event("case.merged", {"into": recent[key], "reason": "同一问题，合并办理。"}, 0.5)
        return
    recent[key] = case_id
    if kind == "consultation" and rng.random() < 0.7:
        event("case.resolved", {"text": "已在窗口当场解答并告知办理渠道。", "on_spot": True}, 0.15)
        if not anonymous and rng.random() < 0.6:
            event("case.evaluated", {**{d: "satisfied" for d in ("speed", "effect", "service",
                                                                   "feedback")}, "method": "window"}, 0.05)
        return
    slow = item.lead in SLOW
    dept = f"clerk@{item.lead}"
    event("case.dispatched", {"lead": item.lead, "co": list(item.co), "mode": "auto"}, 0.1)
    event("case.signed", {"department": item.lead},
          rng.uniform(18, 60) if slow else rng.uniform(0.3, 20) if rng.random() < 0.95
          else rng.uniform(24, 40), by=dept)
    limit = _limit_hours(item.time_limit)
    pace = rng.uniform(0.9, 2.4) if slow else (rng.uniform(0.15, 0.9) if rng.random() < 0.94
                                               else rng.uniform(1.05, 1.8))
    event("case.replied", {"department": item.lead, "text": "已安排人员现场核查，正在处理。"},
          limit * pace * 0.4, by=dept)
    event("case.resolved", {"text": "已处理完毕，并电话告知诉求人。", "department": item.lead},
          limit * pace * 0.6, by=dept)
    if anonymous or rng.random() < 0.12:
        return
    mix = rating_mix + (("basic",) * 8 + ("unsatisfied",) * 3 if slow else ())
    marks = {d: rng.choice(mix) for d in ("speed", "effect", "service", "feedback")}
    event("case.evaluated", {**marks, "method": "phone"}, rng.uniform(12, 60))
    if marks["effect"] == "unsatisfied" or marks["feedback"] == "unsatisfied":
        event("case.resolved", {"text": "重新核查并整改到位。", "department": item.lead},
              limit * rng.uniform(0.3, 1.0), by=dept)
        again = {d: rng.choice(("satisfied", "satisfied", "basic")) for d in
                 ("speed", "effect", "service", "feedback")}
        event("case.evaluated", {**again, "method": "phone"}, rng.uniform(12, 48))
