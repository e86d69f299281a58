"""Desks and centres of different versions side by side. Within one protocol version an event
type or a payload field that a replica does not know is stored, synced on untouched and never
stops a pull; across versions the protocol is checked both ways, and a desk too old for the
centre is told so (HTTP 426 with the minimum) in Chinese in its status bar."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
import requests
from sqlalchemy import select

from desk_app.domain.events import Event, EventError
from desk_app.domain.hlc import HybridClock
from desk_app.domain.ids import uuid7
from desk_app.store.cases import comment_case
from desk_app.store.schema import events
from desk_app.store.sync_state import cursor
from tests.reading import case_state

from .conftest import SyncDesk
from .servers import ServerProcess


def future_events(desk: SyncDesk, case_id: str) -> list[dict]:
    """What a desk of a newer version records on a case: a step this version has no name
    for, a known step with a field it does not know, and a record of a kind it has never
    heard of."""
    clock = HybridClock(desk.desk.code)
    actor = f"worker@{desk.desk.code}"
    base = {"entity": "case", "entity_id": case_id, "actor": actor, "desk": desk.desk.code,
            "org": "YT-HS-PW"}
    return [
        {**base, "id": uuid7(), "type": "case.photo_requested", "hlc": clock.now(),
         "payload": {"note": "请补拍一张照片", "deadline_hours": 24, "nested": {"a": [1, 2]}}},
        {**base, "id": uuid7(), "type": "case.commented", "hlc": clock.now(),
         "payload": {"text": "居民来电补充情况", "mood": "calm", "tags": ["灯", "楼道"]}},
        {**base, "id": uuid7(), "type": "poll.opened", "entity": "poll", "entity_id": uuid7(),
         "hlc": clock.now(), "payload": {"question": "是否同意加装电梯？"}},
    ]


def stored(desk: SyncDesk, event_id: str) -> dict:
    with desk.desk.db.read() as conn:
        row = conn.execute(select(events).where(events.c.id == event_id)).one()
    return {"type": row.type, "payload": json.loads(row.payload)}


def test_events_of_a_newer_version_pass_through_untouched(
        server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    newer = make_desk("YT-HS-01", "YT-HS", server)
    older = make_desk("YT-HS-02", "YT-HS", server)
    case_id = newer.register()
    assert newer.client().sync().ok
    sent = future_events(newer, case_id)
    # The newer desk pushes them: the centre (of this version) stores every one.
    answer = requests.post(server.url + "/v1/push", timeout=10, json={"events": sent},
                           headers={"Authorization": f"Bearer {newer.token}"})
    assert answer.status_code == 200
    assert [r["status"] for r in answer.json()["results"]] == ["accepted"] * 3

    # The older desk pulls them among ordinary events, in pages of one: nothing stops.
    report = older.client(page=1).sync()
    assert report.ok and report.applied == 2 + 3
    with older.desk.db.read() as conn:
        assert cursor(conn) > 0
    for event in sent:
        assert stored(older, event["id"]) == {"type": event["type"], "payload": event["payload"]}
    case = case_state(older.desk, case_id)
    assert not case.conflicts  # the fold ignores what it does not know ...
    assert [s.type for s in case.steps][-2:] == ["case.photo_requested", "case.commented"]
    assert case.status == "dispatched"

    # ... and the older desk goes on working on the case, and syncing.
    comment_case(older.desk, older.user, case_id, "已电话联系居民")
    assert older.client().sync().ok
    assert newer.client().sync().ok  # the newer desk gets its own events back, as sent
    for event in sent:
        assert stored(newer, event["id"])["payload"] == event["payload"]


def test_local_writes_stay_strict(make_desk: Callable[..., SyncDesk]) -> None:
    """Only events from another replica may be of a type or carry a field this version does
    not know; the desk's own screens cannot record such a thing by mistake."""
    desk = make_desk("YT-HS-01", "YT-HS")
    with pytest.raises(EventError):
        desk.desk.new_event("worker@YT-HS-01", "case", uuid7(), "case.photo_requested", {})
    with pytest.raises(EventError):
        desk.desk.new_event("worker@YT-HS-01", "case", uuid7(), "case.commented",
                            {"text": "x", "mood": "calm"})
    with pytest.raises(EventError):  # from outside, the envelope is still checked
        Event.from_dict({"id": uuid7(), "entity": "case", "entity_id": uuid7(),
                         "type": "Case Photo!", "payload": {}, "actor": "a@YT-HS-01",
                         "desk": "YT-HS-01", "hlc": HybridClock("YT-HS-01").now(),
                         "org": "YT-HS"})


def test_a_desk_too_old_for_the_centre_is_told_to_upgrade(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        monkeypatch: pytest.MonkeyPatch, qapp: object) -> None:
    from desk_app.ui.i18n import install_language
    from desk_app.ui.sync_ui import sync_summary

    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    desk.register()
    sqlite_server.stop()
    monkeypatch.setenv("COMMUNITY_DESK_MIN_DESK_PROTOCOL", "2")  # the centre moved on
    sqlite_server.start()
    answer = requests.get(sqlite_server.url + "/v1/pull", timeout=5,
                          headers={"Authorization": f"Bearer {desk.token}",
                                   "X-Desk-Protocol": "1"})
    assert answer.status_code == 426 and answer.json()["minimum"] == 2
    report = desk.client().sync()
    assert not report.ok and report.error_code == "upgrade_required"
    assert "2" in (report.error or "")
    install_language("zh_CN")
    assert "请升级" in sync_summary(desk.desk, report, 2, 0)
    assert report.pending == 2  # nothing was sent or lost


def test_a_centre_too_old_for_the_desk_is_named(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        monkeypatch: pytest.MonkeyPatch) -> None:
    import sync.client

    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    desk.register()
    monkeypatch.setattr(sync.client, "MIN_CENTRE_PROTOCOL", 2)  # this desk needs a newer centre
    report = desk.client().sync()
    assert not report.ok and report.error_code == "centre_too_old"
    assert report.pending == 2


def test_audit_events_are_kept_at_the_centre_but_never_pulled(
        server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    """A desk pushes its own audit records; the centre keeps them, and no desk (not even the
    one that wrote them, re-downloading its area) gets them in a pull."""
    writer = make_desk("YT-HS-01", "YT-HS", server)
    other = make_desk("YT-HS-02", "YT-HS", server)
    case_id = writer.register()
    clock = HybridClock(writer.desk.code)
    audit = {"id": uuid7(), "entity": "audit", "entity_id": uuid7(), "type": "audit.viewed",
             "actor": f"worker@{writer.desk.code}", "desk": writer.desk.code, "org": "YT-HS-PW",
             "hlc": clock.now(), "payload": {"case": case_id, "field": "phone"}}
    assert writer.client().sync().ok
    answer = requests.post(server.url + "/v1/push", timeout=10, json={"events": [audit]},
                           headers={"Authorization": f"Bearer {writer.token}"})
    assert [r["status"] for r in answer.json()["results"]] == ["accepted"]
    kept = requests.get(server.url + "/healthz", timeout=5).json()["events"]
    assert kept == 3  # registered, dispatched and the audit record

    report = other.client().sync()
    assert report.ok and report.applied == 2
    again = requests.get(server.url + "/v1/pull", timeout=10, params={"after": 0},
                         headers={"Authorization": f"Bearer {writer.token}"}).json()
    assert [item["event"]["entity"] for item in again["events"]] == ["case", "case"]
    assert not again["more"] and again["next"] >= 3  # the cursor still moves past it
    with other.desk.db.read() as conn:
        assert conn.execute(select(events.c.id).where(events.c.entity == "audit")).first() is None
