"""Several desks, random operations, random partial syncs, random faults: at the end everything
converges, and no event is lost or stored twice (cr-sqlite's property test, against a real
server process)."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.cases import record_case_event
from desk_app.store.database import open_database
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.schema import cases, events
from desk_app.store.users import create_user
from sync.client import SyncReport, TokenStore, enrol
from tests.reading import case_state

from .conftest import SyncDesk
from .servers import FaultProxy, ServerProcess, admin

COMMUNITIES = ("YT-HS-PW", "YT-HS-HT", "YT-HS-TD", "YT-HS-WT")
STEPS = {
    "comment": ("case.commented", {"text": "备注"}),
    "remind": ("case.reminded", {"note": "催办"}),
    "void": ("case.voided", {"reason": "误登记"}),
    "resolve": ("case.resolved", {"text": "已办结"}),
    "evaluate": ("case.evaluated", {"speed": "satisfied", "effect": "unsatisfied",
                                    "service": "basic", "feedback": "satisfied",
                                    "method": "phone"}),
    "escalate": ("case.escalated", {"to_level": "street", "reason": "跨部门"}),
}
operation = st.one_of(
    st.tuples(st.just("register"), st.integers(0, 2), st.sampled_from(COMMUNITIES)),
    st.tuples(st.just("step"), st.integers(0, 2), st.integers(0, 30), st.sampled_from(sorted(STEPS))),
    st.tuples(st.sampled_from(["push", "pull", "sync"]), st.integers(0, 2)),
    st.tuples(st.just("fault"), st.integers(0, 2), st.sampled_from(["drop_response", "truncate",
                                                                     "error500"])),
    st.tuples(st.just("department"), st.integers(0, 30), st.sampled_from(["sign", "reply",
                                                                          "resolve"])),
)


class World:
    """One server (process), a proxy in front of it, a department key and a supply of codes."""

    def __init__(self, server: ServerProcess, proxy: FaultProxy, tmp: Path, catalogue: Catalogue,
                 calendar: WorkCalendar) -> None:
        self.server, self.proxy, self.tmp = server, proxy, tmp
        self.catalogue, self.calendar = catalogue, calendar
        self.codes = iter(admin(server.database, "issue-code", "--org", "YT-HS",
                                "--count", "80").split())
        self.key = server.department_key("D-URBAN")
        self.numbers = itertools.count(1)

    def new_desk(self) -> SyncDesk:
        code = f"YT-HS-{next(self.numbers):02d}"
        home = self.tmp / code
        db = open_database(home / "desk.sqlite3")
        desk = Desk(db, setup_desk(db, code, code, "YT-HS", self.catalogue), self.catalogue,
                    self.calendar)
        user = create_user(db, "worker", "工作人员", "supervisor", "password-123")
        tokens = TokenStore(home)
        enrol(desk, self.server.url, next(self.codes), tokens)
        return SyncDesk(desk, user, home, tokens.load(code) or "", self.server.url)


@pytest.fixture
def world(sqlite_server: ServerProcess, proxy_for: Callable[[ServerProcess], FaultProxy],
          tmp_path: Path, catalogue: Catalogue, calendar: WorkCalendar) -> Iterator[World]:
    yield World(sqlite_server, proxy_for(sqlite_server), tmp_path, catalogue, calendar)


def ids_of(desk: SyncDesk) -> set[str]:
    with desk.desk.db.read() as conn:
        return set(conn.execute(select(events.c.id)).scalars())


def case_ids(desk: SyncDesk) -> list[str]:
    with desk.desk.db.read() as conn:
        return list(conn.execute(select(cases.c.id).order_by(cases.c.pk)).scalars())


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(operations=st.lists(operation, min_size=5, max_size=25))
def test_random_work_and_partial_syncs_converge(world: World,
                                                operations: list[tuple]) -> None:
    desks = [world.new_desk() for _ in range(3)]
    made: set[str] = set()
    for op in operations:
        kind = op[0]
        if kind == "register":
            desks[op[1]].register(community=op[2])
        elif kind == "step":
            desk = desks[op[1]]
            known = case_ids(desk)
            if known:
                type_, payload = STEPS[op[3]]
                record_case_event(desk.desk, desk.user, known[op[2] % len(known)], type_, payload)
        elif kind in ("push", "pull"):
            client = desks[op[1]].client(retries=0)
            getattr(client, kind)(SyncReport())
        elif kind == "sync":
            desks[op[1]].client().sync()
        elif kind == "fault":
            world.proxy.set(op[2], times=1)
            desks[op[1]].client(world.proxy.url, retries=0).sync()
            world.proxy.set("pass")
        elif kind == "department":
            known = case_ids(desks[0])
            if known:
                requests.post(f"{world.server.url}/v1/cases/{known[op[1] % len(known)]}/actions",
                              json={"action": op[2], "text": "部门答复"}, timeout=10,
                              headers={"Authorization": f"Bearer {world.key}"})
        for desk in desks:
            made |= ids_of(desk)

    for _ in range(2):  # everyone pushes, then everyone pulls what the others pushed
        for desk in desks:
            assert desk.client().sync().ok
    logs = [ids_of(desk) for desk in desks]
    assert logs[0] == logs[1] == logs[2]
    assert made <= logs[0]  # nothing any desk recorded was lost
    server_total = requests.get(world.server.url + "/healthz", timeout=5).json()["events"]
    assert len(logs[0]) == server_total  # the street's desks hold exactly the centre's log
    for desk in desks:
        with desk.desk.db.read() as conn:
            assert conn.execute(select(func.count()).select_from(events)).scalar_one() == len(logs[0])
    for case_id in case_ids(desks[0]):
        states = [case_state(desk.desk, case_id) for desk in desks]
        assert states[0] == states[1] == states[2]
    for desk in desks:
        desk.desk.db.close()
