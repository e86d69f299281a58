"""A hand-built set of cases with known answers, at known local times (Asia/Shanghai)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from desk_app.domain.case_numbers import case_number
from desk_app.domain.events import Event
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake, registration_payload
from desk_app.domain.sla import CHINA, ms_from_utc
from desk_app.store.desk import Desk

SATISFIED = {d: "satisfied" for d in ("speed", "effect", "service", "feedback")}
NOW = "2026-12-01 12:00"


def ms(local: str) -> int:
    return ms_from_utc(datetime.strptime(local, "%Y-%m-%d %H:%M").replace(tzinfo=CHINA))


class CaseMaker:
    """Writes cases event by event at the given local times, through the desk's one write path."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.serial = 0
        self.ids: dict[str, str] = {}

    def case(self, name: str, at: str, category: str = "010102", **changes: Any) -> CaseBuilder:
        self.serial += 1
        item = self.desk.catalogue.items[category]
        intake = Intake(channel="window", kind="complaint", category=category,
                        description=f"测试诉求{name}：工地噪音扰民，请尽快处理。",
                        urgency="ordinary", community="YT-HS-PW", grid="YT-HS-PW-G01",
                        name="李秀英", phone="13812345678")
        for key, value in changes.items():
            setattr(intake, key, value)
        if intake.anonymous:
            intake.name = intake.phone = ""
        day = datetime.fromtimestamp(ms(at) / 1000, CHINA).date()
        payload = registration_payload(intake, self.desk.catalogue,
                                       case_number(self.desk.code, day, self.serial))
        builder = CaseBuilder(self, uuid7(ms(at)), item.lead, intake.grid or intake.community)
        builder.add("case.registered", at, payload)
        self.ids[name] = builder.case_id
        return builder


class CaseBuilder:
    def __init__(self, maker: CaseMaker, case_id: str, lead: str, org: str) -> None:
        self.maker, self.case_id, self.lead, self.org = maker, case_id, lead, org
        self.wall = 0
        self.clock = HybridClock(maker.desk.code, wall=lambda: self.wall)

    def add(self, type_: str, at: str, payload: dict[str, Any]) -> CaseBuilder:
        self.wall = ms(at)
        event = Event(uuid7(self.wall), "case", self.case_id, type_, payload,
                      f"wangli@{self.maker.desk.code}", self.maker.desk.code, self.clock.now(),
                      self.org).validated()
        self.maker.desk.record([event], origin="demo")
        return self

    def dispatch(self, at: str, lead: str | None = None) -> CaseBuilder:
        return self.add("case.dispatched", at, {"lead": lead or self.lead, "mode": "auto"})

    def sign(self, at: str) -> CaseBuilder:
        return self.add("case.signed", at, {"department": self.lead})

    def resolve(self, at: str, on_spot: bool = False) -> CaseBuilder:
        payload: dict[str, Any] = {"text": "已处理。"}
        if on_spot:
            payload["on_spot"] = True
        return self.add("case.resolved", at, payload)

    def evaluate(self, at: str, **marks: str) -> CaseBuilder:
        return self.add("case.evaluated", at, {**SATISFIED, **marks, "method": "phone"})


@pytest.fixture
def week48(desk: Desk) -> CaseMaker:
    """2026-W48 (Mon 23 – Sun 29 November 2026); the report is made on 1 December at noon.

    A on time and satisfied; B signed late, finished late, basically satisfied; C returned
    after an unsatisfied mark and now overdue; D merged into A; E voided; F settled at the
    window; G anonymous, resolved, not evaluated; H registered on Sunday night, finished on
    Tuesday (the next week); I dispatched on Saturday and never signed for.
    """
    m = CaseMaker(desk)
    a = m.case("A", "2026-11-23 09:00").dispatch("2026-11-23 09:05").sign("2026-11-23 15:00")
    a.resolve("2026-11-25 10:00").evaluate("2026-11-26 10:00")
    m.case("B", "2026-11-24 10:00").dispatch("2026-11-24 10:05").sign("2026-11-25 12:00") \
        .resolve("2026-11-30 10:00").evaluate("2026-11-30 16:00", service="basic")
    m.case("C", "2026-11-25 09:00").dispatch("2026-11-25 09:05").sign("2026-11-25 10:00") \
        .resolve("2026-11-26 10:00").evaluate("2026-11-27 10:00", effect="unsatisfied")
    m.case("D", "2026-11-25 11:00").add("case.merged", "2026-11-25 11:30", {"into": a.case_id})
    m.case("E", "2026-11-26 09:00").add("case.voided", "2026-11-26 09:10", {"reason": "重复录入"})
    m.case("F", "2026-11-26 14:00", category="150101", kind="consultation") \
        .resolve("2026-11-26 14:08", on_spot=True)
    m.case("G", "2026-11-27 10:00", category="030203", anonymous=True) \
        .dispatch("2026-11-27 10:05").sign("2026-11-27 11:00").resolve("2026-11-28 12:00")
    m.case("H", "2026-11-29 22:00", category="030203").dispatch("2026-11-29 22:05") \
        .sign("2026-11-30 09:00").resolve("2026-12-01 09:00")
    m.case("I", "2026-11-28 10:00", category="040103").dispatch("2026-11-28 10:05")
    return m
