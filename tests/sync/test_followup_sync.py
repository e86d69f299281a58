"""Follow-through against a real centre process: one automatic warning from two desks of one
area; escalation that routes to the street desk; a department's return, re-dispatch, a second
return, adjudication; co-departments on their own clock; a newer calendar reaching every desk."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import requests
from sqlalchemy import func, select

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.sla import CHINA, ms_from_utc, utc_from_ms
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.calendar_store import deadline_history
from desk_app.store.cases import dispatch_case, escalate_case
from desk_app.store.desk import Desk
from desk_app.store.followup_actions import desk_level, list_for_supervision, take_over
from desk_app.store.schema import cases, events
from desk_app.store.watchlist import disputed_items, record_warnings, watch_list
from tests.reading import READER, case_state

from .conftest import SyncDesk
from .servers import ServerProcess, admin

HOUR = 3_600_000


def now_ms() -> int:
    return int(time.time() * 1000)


def at(desk: SyncDesk, catalogue: Catalogue, moment: int | None) -> SyncDesk:
    """The same desk with its clock at `moment` (None: the real clock)."""
    wall = (lambda: moment) if moment is not None else None
    desk.desk = Desk(desk.desk.db, desk.desk.identity, catalogue, desk.desk.calendar, wall=wall)
    return desk


def kinds(desk: SyncDesk, case_id: str) -> list[str]:
    d = desk.desk
    with d.db.read() as conn:
        listing = watch_list(conn, READER, d.clock.wall_ms(), d.calendar, desk_level=desk_level(d))
    return [k for item in listing.items if item.id == case_id for k in item.kinds]


def act(server: ServerProcess, key: str, case_id: str, **body: str) -> requests.Response:
    return requests.post(f"{server.url}/v1/cases/{case_id}/actions", json=body, timeout=10,
                         headers={"Authorization": f"Bearer {key}"})


def count(desk: SyncDesk, type_: str) -> int:
    with desk.desk.db.read() as conn:
        return conn.execute(select(func.count()).select_from(events).where(
            events.c.type == type_)).scalar_one()


def test_two_desks_of_one_area_record_one_automatic_warning(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        catalogue: Catalogue) -> None:
    a = make_desk("YT-HS-01", "YT-HS", sqlite_server, wall=lambda: now_ms() - 26 * HOUR)
    b = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    case_id = a.register(category="010101")  # 24 hours, a day and more ago
    assert a.client().sync().ok and b.client().sync().ok
    at(a, catalogue, None)
    first = record_warnings(a.desk, now_ms())
    second = record_warnings(b.desk, now_ms())
    assert len(first.warnings) == len(second.warnings) == 3  # both desks noticed
    ra, rb = a.client().sync(), b.client().sync()
    assert ra.ok and rb.ok and rb.open_rejections == 0, rb
    assert a.client().sync().ok
    health = requests.get(sqlite_server.url + "/healthz", timeout=5).json()
    assert health["events"] == 2 + 3 + 1  # registration, dispatch, 3 warnings, 1 daily reminder
    for desk in (a, b):
        assert count(desk, "case.warned") == 3 and count(desk, "case.reminded") == 1
        assert case_state(desk.desk, case_id).reminders == 1


def test_an_escalated_case_reaches_the_street_desk_and_is_taken_over_there(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    community = make_desk("YT-HS-01", "YT-HS-PW", sqlite_server)
    street = make_desk("YT-HS-90", "YT-HS", sqlite_server)
    case_id = community.register(category="010101")
    escalate_case(community.desk, community.user, case_id, "street", "涉及多个部门，社区无法协调")
    assert community.client().sync().ok and street.client().sync().ok
    assert "escalated" in kinds(street, case_id)
    assert "escalated" not in kinds(community, case_id)  # it is the street's to act on now
    take_over(street.desk, street.user, case_id, "街道接办")
    list_for_supervision(street.desk, street.user, case_id, "王副主任", date(2026, 12, 31),
                         "群众反映强烈")
    assert street.client().sync().ok and community.client().sync().ok
    assert "escalated" not in kinds(street, case_id)
    state = case_state(community.desk, case_id)
    assert state.taken_over == "street" and state.listed == {"leader": "王副主任",
                                                              "due": "2026-12-31"}
    assert "listed" in kinds(community, case_id)


def test_a_return_flows_back_is_redispatched_and_a_second_return_is_adjudicated(
        server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", server)
    case_id = desk.register(category="010101")  # lead D-ENV, co D-HOUSING
    assert desk.client().sync().ok
    env = server.department_key("D-ENV")
    refused = act(server, env, case_id, action="return", reason="  ")
    assert refused.status_code == 400 and "reason" in refused.json()["message"]
    answer = act(server, env, case_id, action="return", reason="属于住建部门职责")
    assert answer.status_code == 200, answer.text
    assert desk.client().sync().ok
    state = case_state(desk.desk, case_id)
    assert state.status == "registered" and state.dept_returns == [("D-ENV", "属于住建部门职责")]
    assert kinds(desk, case_id)[0] == "dept_returned"
    with desk.desk.db.read() as conn:
        [item] = [i for i in watch_list(conn, READER, now_ms(), desk.desk.calendar).items
                  if i.id == case_id]
    assert item.returned == "D-ENV：属于住建部门职责"  # the reason shows on the watch list
    dispatch_case(desk.desk, desk.user, case_id, "D-URBAN", note="改派城管")
    assert desk.client().sync().ok
    urban = server.department_key("D-URBAN")
    assert act(server, urban, case_id, action="sign").status_code == 200
    assert act(server, urban, case_id, action="return",
               reason="不属于城管职责").status_code == 200
    queue = admin(server.database, "adjudication-queue")
    number = case_state(desk.desk, case_id).number
    assert number in queue and "item 010101: returned 2" in queue
    assert desk.client().sync().ok  # the desk sees the dispute history of its area too
    with desk.desk.db.read() as conn:
        assert disputed_items(conn) == [("010101", 2)]
    admin(server.database, "adjudicate", "--case", number, "--to", "D-HOUSING",
          "--reason", "区里裁定由住建部门牵头")
    assert number not in admin(server.database, "adjudication-queue").split("#")[0]
    assert desk.client().sync().ok
    state = case_state(desk.desk, case_id)
    assert state.status == "dispatched" and state.lead == "D-HOUSING"
    housing = server.department_key("D-HOUSING")
    assert act(server, housing, case_id, action="sign").status_code == 200


def test_a_return_of_a_closed_case_is_refused(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    case_id = desk.register(category="010101")
    assert desk.client().sync().ok
    env = sqlite_server.department_key("D-ENV")
    for action in ("sign", "reply", "resolve"):
        assert act(sqlite_server, env, case_id, action=action, text="已处理").status_code == 200
    desk.client().sync()
    from desk_app.store.cases import record_evaluation
    record_evaluation(desk.desk, desk.user, case_id, dict.fromkeys(
        ("speed", "effect", "service", "feedback"), "satisfied"))
    assert desk.client().sync().ok
    refused = act(sqlite_server, env, case_id, action="return", reason="不是我们的")
    assert refused.status_code == 409 and "closed" in refused.json()["message"]


def test_a_co_department_signs_on_its_own_clock(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk],
        catalogue: Catalogue) -> None:
    desk = make_desk("YT-HS-01", "YT-HS", sqlite_server, wall=lambda: now_ms() - 25 * HOUR)
    case_id = desk.register(category="010101")
    assert desk.client().sync().ok
    at(desk, catalogue, None)
    housing = sqlite_server.department_key("D-HOUSING")
    assert act(sqlite_server, housing, case_id, action="sign").status_code == 200
    assert desk.client().sync().ok
    state = case_state(desk.desk, case_id)
    assert state.status == "dispatched" and set(state.signed_by) == {"D-HOUSING"}
    assert "sign_overdue" in kinds(desk, case_id)  # the lead has not signed
    assert "co_sign_overdue" not in kinds(desk, case_id)  # the co-department has
    env = sqlite_server.department_key("D-ENV")
    assert act(sqlite_server, env, case_id, action="sign").status_code == 200
    assert desk.client().sync().ok
    assert case_state(desk.desk, case_id).status == "signed"
    assert "sign_overdue" not in kinds(desk, case_id)


def test_a_newer_calendar_from_the_centre_moves_deadlines_on_every_desk(
        server: ServerProcess, make_desk: Callable[..., SyncDesk],
        catalogue: Catalogue, tmp_path: Path) -> None:
    # The desks know 2024 only; a 15-working-day case of 16 December 2024 runs into 2025.
    only_2024 = WorkCalendar(years=frozenset({2024}))
    registered = ms_from_utc(datetime(2024, 12, 16, 10, 0, tzinfo=CHINA))
    a = make_desk("YT-HS-01", "YT-HS", server, wall=lambda: registered)
    b = make_desk("YT-HS-02", "YT-HS", server)
    a.desk.calendar = b.desk.calendar = only_2024
    case_id = a.register(category="010402", urgency="ordinary")
    assert a.client().sync().ok and b.client().sync().ok

    def last_day(desk: SyncDesk) -> date:
        with desk.desk.db.read() as conn:
            due = conn.execute(select(cases.c.due_at).where(cases.c.id == case_id)).scalar_one()
        return date.fromordinal(utc_from_ms(due).astimezone(CHINA).date().toordinal() - 1)

    assert last_day(a) == last_day(b) == date(2025, 1, 6)  # Monday to Friday: an estimate
    notice = tmp_path / "2025.csv"
    notice.write_text("date,kind,name\n2025-01-01,holiday,元旦\n", encoding="utf-8")
    assert "2025" in admin(server.database, "import-calendar", "--file", str(notice))
    bad = tmp_path / "bad.csv"
    bad.write_text("date,kind,name\n2025-01-01,holiday,元旦\n2025-13-01,holiday,x\n",
                   encoding="utf-8")
    try:
        admin(server.database, "import-calendar", "--file", str(bad))
    except RuntimeError as error:
        assert "bad.csv" in str(error) and "line 3" in str(error)
    else:
        raise AssertionError("a bad calendar file was accepted")
    for desk in (a, b):
        client = desk.client()
        client.catalogue_dir = tmp_path / f"catalogue-{desk.desk.code}"
        assert client.sync().ok
        assert last_day(desk) == date(2025, 1, 7), desk.desk.code  # 1 January is a holiday
        [change] = deadline_history(desk.desk.db, case_id)
        assert change.new_due - change.old_due == 86_400_000  # type: ignore[operator]
        assert 2025 in desk.desk.calendar.years
        # The next sync is a 304: nothing recomputed twice.
        assert client.sync().ok and len(deadline_history(desk.desk.db, case_id)) == 1
