"""The Open311 GeoReport v2 facade (/open311/v2/): services from the catalogue, service requests
registered online, their status as a department works on them, errors in the spec's format."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
import requests
from sqlalchemy import select

from desk_app.domain.catalogue import Catalogue
from desk_app.store.cases import find_case_id
from sync.client import TokenStore, enrol
from sync.server import schema as t
from sync.server.database import ServerDatabase
from tests.reading import READER, case_state

from .conftest import SyncDesk
from .servers import ServerProcess, admin

TIMEOUT = 30
BASE = "/open311/v2"
SPEC = "http://wiki.open311.org/GeoReport_v2"
MANHOLE, RENOVATION = "030201", "010201"  # lead departments D-URBAN and D-STREET


# Helpers ------------------------------------------------------------------------------------
def get(server: ServerProcess, path: str, **params: str) -> requests.Response:
    return requests.get(server.url + BASE + path, params=params, timeout=TIMEOUT)


def read(server: ServerProcess, key: str, path: str, **params: str) -> requests.Response:
    """A read of requests, which needs the Open311 api_key."""
    return get(server, path, api_key=key, **params)


def post_request(server: ServerProcess, form: dict[str, str], fmt: str = "json"
                 ) -> requests.Response:
    """A form-encoded POST, as GeoReport v2 clients send it."""
    return requests.post(f"{server.url}{BASE}/requests.{fmt}", data=form, timeout=TIMEOUT)


def request_form(key: str, service_code: str = MANHOLE, **fields: str) -> dict[str, str]:
    form = {"api_key": key, "service_code": service_code,
            "description": "鹏湾花园门口的井盖不见了，晚上很危险。", "lat": "22.5581",
            "long": "114.2379", "first_name": "秀英", "last_name": "李", "phone": "13812345678"}
    form.update(fields)
    return {k: v for k, v in form.items() if v is not None}


def spec_error(answer: requests.Response, code: int, fmt: str = "json") -> str:
    """The error as GeoReport v2 writes it; its description."""
    assert answer.status_code == code, (answer.status_code, answer.text[:500])
    if fmt == "json":
        assert answer.headers["content-type"].startswith("application/json")
        [error] = answer.json()
        assert error["code"] == code
        description = error["description"]
    else:
        root = ET.fromstring(answer.content)
        assert root.tag == "errors"
        [error] = list(root)
        assert error.tag == "error" and error.findtext("code") == str(code)
        description = error.findtext("description") or ""
    assert description.strip()
    return description


def numbers(answer: requests.Response) -> list[str]:
    assert answer.status_code == 200, answer.text[:500]
    return [row["service_request_id"] for row in answer.json()]


def case_id_of(server: ServerProcess, number: str) -> str:
    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            return conn.execute(select(t.cases.c.id).where(t.cases.c.number == number)).scalar_one()
    finally:
        db.dispose()


def act(server: ServerProcess, key: str, case_id: str, action: str, text: str = "") -> None:
    answer = requests.post(f"{server.url}/v1/cases/{case_id}/actions", timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {key}"},
                           json={"action": action, "text": text, "person": "张工"})
    assert answer.status_code == 200, answer.text


def event_count(server: ServerProcess) -> int:
    return requests.get(server.url + "/healthz", timeout=TIMEOUT).json()["events"]


def is_postgres(server: ServerProcess) -> bool:
    return server.database.startswith("postgresql")


# One centre for the read-mostly tests ---------------------------------------------------------
@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder: Path = tmp_path_factory.mktemp("open311")
    process = ServerProcess(f"sqlite:///{folder / 'server.sqlite3'}", folder).start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def keys(centre: ServerProcess) -> dict[str, str]:
    """An Open311 api_key for Pengwan community, and D-URBAN's department key."""
    with ThreadPoolExecutor(2) as pool:
        open311 = pool.submit(admin, centre.database, "open311-key", "--org", "YT-HS-PW")
        urban = pool.submit(centre.department_key, "D-URBAN")
        return {"open311": open311.result(), "D-URBAN": urban.result()}


# Discovery and services ----------------------------------------------------------------------------
def test_discovery_names_the_endpoint_and_formats(centre: ServerProcess,
                                                  catalogue: Catalogue) -> None:
    answer = get(centre, "/discovery.json")
    assert answer.status_code == 200
    body = answer.json()
    assert body["changeset"] == catalogue.version and body["contact"]
    [endpoint] = body["endpoints"]
    assert endpoint["specification"] == SPEC and endpoint["type"] == "production"
    assert endpoint["url"] == f"{centre.url}{BASE}/"
    assert set(endpoint["formats"]) == {"text/xml", "application/json"}


def test_discovery_xml_lists_the_endpoint_as_the_spec_shows(centre: ServerProcess) -> None:
    answer = get(centre, "/discovery.xml")
    assert answer.status_code == 200
    root = ET.fromstring(answer.content)
    assert root.tag == "discovery" and root.findtext("changeset")
    assert root.findtext("endpoints/endpoint/url") == f"{centre.url}{BASE}/"
    assert root.findtext("endpoints/endpoint/specification") == SPEC


def test_services_json_lists_every_active_catalogue_item(centre: ServerProcess,
                                                         catalogue: Catalogue) -> None:
    answer = get(centre, "/services.json")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith(
        "application/json")
    services = {s["service_code"]: s for s in answer.json()}
    active = {i.code: i for i in catalogue.active_items()}
    assert set(services) == set(active) and len(answer.json()) == len(active)
    for code, item in active.items():
        service = services[code]
        top, _, _ = catalogue.path(code)
        assert service["service_name"] == item.name_zh
        assert service["group"] == top.name_zh and service["group"]
        assert service["keywords"] == ",".join(item.keywords)
        assert service["metadata"] is False and service["type"] == "realtime"
        assert service["description"]
    assert services[MANHOLE]["service_name"] == "井盖缺失破损"


def test_services_xml_parses_as_services_of_service(centre: ServerProcess,
                                                    catalogue: Catalogue) -> None:
    answer = get(centre, "/services.xml")
    assert answer.status_code == 200 and "xml" in answer.headers["content-type"]
    root = ET.fromstring(answer.content)
    assert root.tag == "services"
    services = root.findall("service")
    assert len(services) == len(list(catalogue.active_items())) == len(list(root))
    by_code = {s.findtext("service_code"): s for s in services}
    manhole = by_code[MANHOLE]
    assert manhole.findtext("service_name") == "井盖缺失破损"
    assert manhole.findtext("group") and manhole.findtext("keywords")
    assert manhole.findtext("metadata") == "false" and manhole.findtext("type") == "realtime"


def test_a_service_definition_and_an_unknown_service(centre: ServerProcess) -> None:
    answer = get(centre, f"/services/{MANHOLE}.json")
    assert answer.status_code == 200
    assert answer.json() == {"service_code": MANHOLE, "attributes": []}
    assert "999999" in spec_error(get(centre, "/services/999999.json"), 404)
    assert "999999" in spec_error(get(centre, "/services/999999.xml"), 404, "xml")
    spec_error(get(centre, f"/services/{MANHOLE}.yaml"), 404)


# A request from registration to resolution ---------------------------------------------------------
def test_a_request_reaches_the_desk_and_closes_when_the_department_resolves_it(
        server: ServerProcess, make_desk: Callable[..., SyncDesk], catalogue: Catalogue) -> None:
    with ThreadPoolExecutor(3) as pool:  # the admin CLI, three commands at once
        runs = [pool.submit(admin, server.database, "open311-key", "--org", "YT-HS-PW"),
                pool.submit(server.department_key, "D-URBAN"),
                pool.submit(server.issue_code, "YT-HS-PW")]
    key, urban, code = (run.result() for run in runs)
    desk = make_desk("PW-01", "YT-HS-PW")
    tokens = TokenStore(desk.home)
    enrol(desk.desk, server.url, code, tokens)
    desk.token, desk.url = tokens.load("PW-01") or "", server.url

    answer = post_request(server, request_form(key))
    assert answer.status_code == 201, answer.text
    [created] = answer.json()
    number, token = created["service_request_id"], created["token"]
    assert number.startswith("CENTRE-") and token
    assert catalogue.departments["D-URBAN"].name_zh in created["service_notice"]

    [shown] = read(server, key, f"/requests/{number}.json").json()
    assert shown["status"] == "open" and shown["service_code"] == MANHOLE
    assert shown["service_name"] == "井盖缺失破损"
    assert shown["description"] == "鹏湾花园门口的井盖不见了，晚上很危险。"
    assert (shown["lat"], shown["long"]) == (22.5581, 114.2379)
    assert shown["address_id"] == "YT-HS-PW"
    assert shown["agency_responsible"] == catalogue.departments["D-URBAN"].name_zh
    assert datetime.fromisoformat(shown["requested_datetime"]).utcoffset().total_seconds() == 8 * 3600
    assert read(server, key, f"/tokens/{token}.json").json() == [
        {"service_request_id": number, "token": token}]

    # The Pengwan desk receives it on its next sync, dispatched to the item's lead department.
    report = desk.client().sync()
    assert report.ok and report.applied == 2, report
    case_id = find_case_id(desk.desk, READER, number)
    assert case_id is not None
    case = case_state(desk.desk, case_id)
    assert (case.status, case.lead, case.channel) == ("dispatched", "D-URBAN", "online")
    assert (case.name, case.phone) == ("李秀英", "13812345678")
    assert case.community == "YT-HS-PW" and case.latitude == 22.5581

    act(server, urban, case_id, "sign")
    act(server, urban, case_id, "resolve", "井盖已补装，现场已清理。")
    [shown] = read(server, key, f"/requests/{number}.json").json()
    assert shown["status"] == "closed"
    assert "井盖已补装，现场已清理。" in shown["status_notes"]
    root = ET.fromstring(read(server, key, f"/requests/{number}.xml").content)
    assert root.tag == "service_requests"
    assert root.findtext("request/service_request_id") == number
    assert root.findtext("request/status") == "closed"

    report = desk.client().sync()
    assert report.ok and report.applied == 2, report
    case = case_state(desk.desk, case_id)
    assert case.status == "resolved" and case.resolution == "井盖已补装，现场已清理。"


def test_requests_filter_by_status_and_service_code(centre: ServerProcess,
                                                    keys: dict[str, str]) -> None:
    manhole = post_request(centre, request_form(keys["open311"]))
    renovation = post_request(centre, request_form(
        keys["open311"], RENOVATION, description="楼上每天中午装修电钻声太吵了。"))
    assert manhole.status_code == 201 and renovation.status_code == 201, renovation.text
    closed, still_open = manhole.json()[0]["service_request_id"], renovation.json()[0][
        "service_request_id"]
    case_id = case_id_of(centre, closed)
    act(centre, keys["D-URBAN"], case_id, "resolve", "井盖已补装。")

    open_rows = read(centre, keys["open311"], "/requests.json", status="open").json()
    assert still_open in [r["service_request_id"] for r in open_rows]
    assert closed not in [r["service_request_id"] for r in open_rows]
    assert {r["status"] for r in open_rows} == {"open"}
    closed_rows = read(centre, keys["open311"], "/requests.json", status="closed").json()
    assert closed in [r["service_request_id"] for r in closed_rows]
    assert still_open not in [r["service_request_id"] for r in closed_rows]
    assert {r["status"] for r in closed_rows} == {"closed"}
    both = numbers(read(centre, keys["open311"], "/requests.json", status="open,closed"))
    assert {closed, still_open} <= set(both)

    noise = read(centre, keys["open311"], "/requests.json", service_code=RENOVATION).json()
    assert still_open in [r["service_request_id"] for r in noise]
    assert {r["service_code"] for r in noise} == {RENOVATION}
    assert numbers(read(centre, keys["open311"], "/requests.json", service_code=RENOVATION,
                        status="closed")) == []
    assert sorted(numbers(read(centre, keys["open311"], "/requests.json",
                              service_request_id=f"{closed},{still_open}"))) == [closed, still_open]
    key = keys["open311"]
    assert numbers(read(centre, key, "/requests.json", start_date="2099-01-01T00:00:00+08:00")) == []
    assert numbers(read(centre, key, "/requests.json", end_date="2000-01-01T00:00:00Z")) == []
    assert "status" in spec_error(read(centre, key, "/requests.json", status="pending"), 400)
    assert "start_date" in spec_error(read(centre, key, "/requests.json", start_date="yesterday"),
                                      400)


# Refusals ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_bad_api_key_gets_401_in_the_spec_format(centre: ServerProcess, keys: dict[str, str],
                                                   fmt: str) -> None:
    before = event_count(centre)
    for key in ("not-a-key", "", keys["D-URBAN"]):  # a department key is not an Open311 key
        description = spec_error(post_request(centre, request_form(key), fmt), 401, fmt)
        assert "key" in description.lower()
    assert event_count(centre) == before


@pytest.mark.parametrize("change,status,words", [
    ({"lat": None, "long": None}, 400, "location"),
    ({"service_code": "999999"}, 404, "999999"),
    ({"service_code": None}, 404, "service"),
    ({"description": "坏了"}, 400, "description"),
    ({"lat": "north"}, 400, "lat"),
    ({"long": "200"}, 400, "long"),
    ({"phone": "call me"}, 400, "phone"),
    ({"address_id": "YT-YT-YT"}, 400, "address_id"),
    ({"address_id": "YT-HS"}, 400, "address_id"),
])
def test_an_incomplete_request_is_refused_and_nothing_is_registered(
        centre: ServerProcess, keys: dict[str, str], change: dict[str, Any], status: int,
        words: str) -> None:
    before = event_count(centre)
    answer = post_request(centre, request_form(keys["open311"], **change))
    assert words in spec_error(answer, status)
    assert event_count(centre) == before


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_an_unknown_request_or_token_is_404_in_the_spec_format(centre: ServerProcess,
                                                              keys: dict[str, str],
                                                              fmt: str) -> None:
    assert "NOPE" in spec_error(read(centre, keys["open311"], f"/requests/NOPE.{fmt}"), 404, fmt)
    spec_error(read(centre, keys["open311"], f"/tokens/NOPE.{fmt}"), 404, fmt)
    spec_error(get(centre, f"/nothing.{fmt}"), 404, fmt)


def test_hostile_lookups_never_cause_a_server_error(server: ServerProcess,
                                                    request: pytest.FixtureRequest) -> None:
    failures = []
    key = admin(server.database, "open311-key", "--org", "YT-HS-PW")
    for path, params in (("/tokens/a%00b.json", {}), ("/requests/a%00b.json", {}),
                         ("/requests.json", {"service_code": "\x00"}),
                         ("/requests.json", {"service_request_id": "\x00"}),
                         ("/requests/%ED%A0%80.json", {}),
                         ("/requests.json", {"service_code": "'; DROP TABLE server_cases; --"}),
                         ("/requests.json", {"start_date": "0001-01-01T00:00:00+14:00"})):
        answer = read(server, key, path, **params)
        if answer.status_code >= 500:
            failures.append(f"{path} {params}: {answer.status_code}")
        else:
            assert isinstance(answer.json(), list), answer.text
    assert not failures
    assert read(server, key, "/requests.json").status_code == 200  # the table is still there
