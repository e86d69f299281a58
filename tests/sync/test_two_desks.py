"""Two desks and the centre: offline work on both, a department's answer at the centre, an
evaluation on the other desk; afterwards everyone holds the same log and the same states."""

from __future__ import annotations

from collections.abc import Callable

import requests
from sqlalchemy import select

from desk_app.domain.case import fold
from desk_app.store.cases import record_evaluation
from desk_app.store.schema import events
from tests.reading import case_state

from .conftest import SyncDesk
from .servers import ServerProcess


def log_of(desk: SyncDesk) -> set[str]:
    with desk.desk.db.read() as conn:
        return set(conn.execute(select(events.c.id)).scalars())


def test_two_desks_a_department_and_an_evaluation_converge(
        server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    a = make_desk("YT-HS-01", "YT-HS", server)
    b = make_desk("YT-HS-02", "YT-HS", server)
    first = a.register(description="海山路路灯不亮，晚上很黑。")
    second = b.register(description="田东小区井盖缺失，存在安全隐患。", community="YT-HS-TD")
    assert a.client().sync().ok and b.client().sync().ok

    key = server.department_key("D-URBAN")
    for action, text in (("sign", ""), ("reply", "已派人维修"), ("resolve", "路灯已修复")):
        answer = requests.post(f"{server.url}/v1/cases/{first}/actions", timeout=10,
                               headers={"Authorization": f"Bearer {key}"},
                               json={"action": action, "text": text, "person": "张工"})
        assert answer.status_code == 200, answer.text

    report = b.client().sync()
    assert report.ok and report.applied == 3  # the department's three steps
    assert case_state(b.desk, first).status == "resolved"
    record_evaluation(b.desk, b.user, first, {"speed": "satisfied", "effect": "satisfied",
                                              "service": "satisfied", "feedback": "basic"})
    assert b.client().sync().ok and a.client().sync().ok

    assert log_of(a) == log_of(b)
    assert len(log_of(a)) == server_event_count(server)
    for case_id in (first, second):
        assert case_state(a.desk, case_id) == case_state(b.desk, case_id)
    closed = case_state(a.desk, first)
    assert closed.status == "closed" and not closed.conflicts
    assert [s.type for s in closed.steps][-4:] == ["case.signed", "case.replied", "case.resolved",
                                                   "case.evaluated"]
    assert fold(first, server_events(server, first)) == closed


def server_event_count(server: ServerProcess) -> int:
    return requests.get(server.url + "/healthz", timeout=5).json()["events"]


def server_events(server: ServerProcess, case_id: str) -> list:
    from sync.server import schema as t
    from sync.server.database import ServerDatabase
    from sync.server.store import _row_event

    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            return [_row_event(r) for r in conn.execute(
                select(t.events).where(t.events.c.entity_id == case_id))]
    finally:
        db.dispose()
