"""The push's batches at the centre and its lanes on the desk: one batch mixing every answer gets
the right one per event and leaves the centre's case rows equal to a fold of its log (SQLite
and PostgreSQL centres); the lanes split the outbox by record, and a lane that fails leaves its
rows in the outbox and stops the others."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import requests
from sqlalchemy import select

from desk_app.domain.case import fold
from desk_app.store.cases import comment_case
from desk_app.store.eventlog import pending_count
from desk_app.store.schema import outbox
from desk_app.store.sync_state import outbox_batch, outbox_rows
from sync import client as client_module
from sync.client import SyncReport

from .conftest import SyncDesk
from .servers import ServerProcess


def _outbox(desk: SyncDesk) -> list[dict[str, Any]]:
    with desk.desk.db.read() as conn:
        return [e.to_dict() for e in outbox_batch(conn, 10_000)]


def _centre(server: ServerProcess) -> tuple[dict[str, list[Any]], dict[str, dict[str, Any]],
                                             list[str]]:
    """The centre's events by case, its case rows by id, and the ids its conflicts keep."""
    from sync.server import schema as t
    from sync.server.database import ServerDatabase
    from sync.server.store import _row_event

    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            log: dict[str, list[Any]] = {}
            for row in conn.execute(select(t.events)):
                log.setdefault(row.entity_id, []).append(_row_event(row))
            cases = {r.id: dict(r._mapping) for r in conn.execute(select(t.cases))}
            clashes = list(conn.execute(select(t.conflicts.c.event_id)).scalars())
        return log, cases, clashes
    finally:
        db.dispose()


def test_a_mixed_batch_is_answered_event_by_event_and_projected_as_the_log_folds(
        server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    from sync.server.records import _case_values

    desk = make_desk("YT-HS-01", "YT-HS", server)
    first, second = desk.register(), desk.register(description="田东小区井盖缺失。")
    stored = {e["id"]: e for e in _outbox(desk)}
    assert desk.client().sync().ok
    comment_case(desk.desk, desk.user, first, "已联系诉求人")
    third = desk.register(description="海山路路灯不亮，晚上很黑。")
    comment_case(desk.desk, desk.user, third, "已派人查看")
    new = _outbox(desk)  # first's comment; third's registration, dispatch and comment
    again = next(e for e in stored.values() if e["entity_id"] == first)
    clash = dict(next(e for e in stored.values() if e["entity_id"] == second
                      and e["type"] == "case.registered"))
    clash["payload"] = {**clash["payload"], "description": "另一段描述，同一个编号。"}
    foreign = {**new[0], "id": "0190c1a2-0000-7000-8000-00000000f001",
               "actor": "worker@YT-HS-02", "desk": "YT-HS-02"}
    orphan = {**new[0], "id": "0190c1a2-0000-7000-8000-00000000f002",
              "entity_id": "0190c1a2-0000-7000-8000-00000000f003"}
    broken = {**new[0], "id": "not-an-id"}
    later = f"{int(new[-1]['hlc'][:15]) + 60_000:015d}{new[-1]['hlc'][15:]}"
    misfiled = {**new[-1], "id": "0190c1a2-0000-7000-8000-00000000f004", "org": "YT-HS-TD",
                "hlc": later}
    # The third case's later events before its registration: judged after it all the same
    # (and its rows not taken from what was folded before the judging, which had `misfiled`).
    batch = [new[-1], again, clash, *new[:-1][::-1], foreign, orphan, broken, misfiled]
    answer = requests.post(f"{server.url}/v1/push", json={"events": batch}, timeout=30,
                           headers={"Authorization": f"Bearer {desk.token}"})
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["id"] for r in results] == [e["id"] for e in batch]
    assert [r["status"] for r in results] == (
        ["accepted", "already", "conflict"] + ["accepted"] * (len(new) - 1)
        + ["rejected"] * 4)
    assert [r.get("code") for r in results[-4:]] == ["foreign_actor", "invalid", "invalid",
                                                     "outside_scope"]

    log, cases, clashes = _centre(server)
    assert clashes == [clash["id"]]
    assert sorted(log) == sorted([first, second, third])
    assert sum(len(v) for v in log.values()) == len(stored) + len(new)
    kept = next(e for e in log[second] if e.id == clash["id"])
    assert kept.payload["description"] != clash["payload"]["description"]  # the first is kept
    assert set(cases) == {first, second, third}
    for case_id, events in log.items():
        folded = _case_values(fold(case_id, events))
        assert folded is not None and {k: cases[case_id][k] for k in folded} == folded, case_id
    assert cases[third]["updated_at"] > cases[third]["registered_at"]


def _lanes_desk(make_desk: Callable[..., SyncDesk], server: ServerProcess | None,
                cases: int) -> SyncDesk:
    desk = make_desk("YT-HS-01", "YT-HS", server)
    for i in range(cases):
        case_id = desk.register(description=f"第{i}件：小区门口垃圾堆积。")
        if i % 3 == 0:
            comment_case(desk.desk, desk.user, case_id, f"第{i}件已联系")
    return desk


def test_the_lanes_split_the_outbox_by_record_in_queued_order(
        make_desk: Callable[..., SyncDesk]) -> None:
    desk = _lanes_desk(make_desk, None, 24)
    with desk.desk.db.read() as conn:
        whole = outbox_rows(conn, 10_000)
        lanes = [outbox_rows(conn, 10_000, lane=k, lanes=2) for k in range(2)]
        paged = [outbox_rows(conn, 5, skip=5, lane=k, lanes=2) for k in range(2)]
    assert all(lanes) and sorted(lanes[0] + lanes[1]) == sorted(whole)
    records = [{row[2] for row in lane} for lane in lanes]
    assert not records[0] & records[1]  # every event of a record in one lane
    for k, lane in enumerate(lanes):
        assert lane == [row for row in whole if row[2] in records[k]]  # the queued order kept
        assert paged[k] == lane[5:10]
    with desk.desk.db.read() as conn:
        three = [outbox_rows(conn, 10_000, lane=k, lanes=3) for k in range(3)]
    assert sorted(three[0] + three[1] + three[2]) == sorted(whole)


def test_a_push_in_lanes_sends_everything(sqlite_server: ServerProcess,
                                          make_desk: Callable[..., SyncDesk]) -> None:
    desk = _lanes_desk(make_desk, sqlite_server, 30)
    sent = {e["id"] for e in _outbox(desk)}
    client = desk.client(batch=4)
    assert client.lanes == 2
    seen: list[tuple[int, int]] = []
    report = SyncReport()
    client.push(report, lambda _stage, done, total: seen.append((done, total)))
    assert report.accepted == report.pushed == len(sent) and report.ok
    with desk.desk.db.read() as conn:
        assert pending_count(conn) == 0
    log, cases, _ = _centre(sqlite_server)
    assert {e.id for events in log.values() for e in events} == sent
    assert len(cases) == 30
    assert [d for d, _ in seen] == sorted(d for d, _ in seen) and seen[-1][0] == len(sent)


def test_a_failing_lane_keeps_its_rows_and_stops_the_others(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        monkeypatch: pytest.MonkeyPatch) -> None:
    desk = _lanes_desk(make_desk, sqlite_server, 60)
    with desk.desk.db.read() as conn:
        lane_rows = [{r[0] for r in outbox_rows(conn, 10_000, lane=k, lanes=2)} for k in range(2)]
    made = client_module.lane_session

    class Unreachable(requests.Session):
        def post(self, *args: Any, **kwargs: Any) -> requests.Response:  # type: ignore[override]
            raise requests.ConnectionError("refused")

    def failing(session: requests.Session) -> requests.Session:
        lane = made(session)
        broken = Unreachable()
        broken.headers, broken.adapters = lane.headers, lane.adapters
        return broken

    monkeypatch.setattr(client_module, "lane_session", failing)
    report = desk.client(batch=2, retries=0).sync()
    assert not report.ok and report.error
    with desk.desk.db.read() as conn:
        left = dict(conn.execute(select(outbox.c.event_id, outbox.c.attempts)).all())
    assert lane_rows[1] <= set(left)  # the failing lane's rows all still waiting
    assert {left[i] for i in lane_rows[1]} == {0, 1}  # its batch in flight noted as tried
    assert lane_rows[0] & set(left)  # the other lane stopped before its end
    log, _, _ = _centre(sqlite_server)
    at_centre = {e.id for events in log.values() for e in events}
    assert at_centre == (lane_rows[0] | lane_rows[1]) - set(left)  # gone = answered

    monkeypatch.setattr(client_module, "lane_session", made)
    again = desk.client(batch=2).sync()
    assert again.ok and again.pending == 0
    log, _, _ = _centre(sqlite_server)
    assert {e.id for events in log.values() for e in events} == lane_rows[0] | lane_rows[1]


@pytest.mark.postgres
def test_a_centre_on_postgresql_analyzes_a_log_that_doubled(
        pg_cluster: Any, make_desk: Callable[..., SyncDesk], catalogue: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The push's reads are planned from the log's statistics: a process that saw the log
    double since it last analyzed it analyzes it (ANALYZE_EVERY: from this many events)."""
    if pg_cluster is None:
        pytest.skip("PostgreSQL is not installed here")
    from sync.server import intake
    from sync.server.database import ServerDatabase
    from sync.server.store import ServerStore

    monkeypatch.setattr(intake, "ANALYZE_EVERY", 3)
    db = ServerDatabase(pg_cluster.new_database())
    try:
        db.migrate()
        store = ServerStore(db, catalogue)
        enrolled = store.enrol(store.issue_enrolment_code("YT-HS"), "YT-HS-01", "desk")
        desk = store.desk_for_token(enrolled.token)

        def analyzed() -> float:
            with db.read() as conn:
                return conn.exec_driver_sql("SELECT reltuples FROM pg_class "
                                            "WHERE relname = 'server_events'").scalar()

        assert analyzed() < 0  # never analyzed
        maker = make_desk("YT-HS-01", "YT-HS")
        maker.register()
        assert [r.status.value for r in store.push(desk, _outbox(maker))] == ["accepted"] * 2
        assert analyzed() < 0  # 2 < 3 events
        maker.register()
        store.push(desk, _outbox(maker))
        assert analyzed() == 4  # 4 ≥ 3: analyzed
        maker.register()
        store.push(desk, _outbox(maker))
        assert analyzed() == 4  # 6 < 2 × 4: not yet
    finally:
        db.dispose()
