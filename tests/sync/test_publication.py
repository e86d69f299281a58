"""What the centre publishes and to whom (issue 11, "the centre"): Open311 reads need a key unless
a jurisdiction is public, listings show only 同意公开 cases with personal data redacted,
attachments only to the areas whose records name them, revocable keys, 429 for guessers,
security headers, /docs off, positive `issue-code --days`, and rotating log files."""

from __future__ import annotations

import hashlib
import logging
import stat
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import requests
from fastapi.testclient import TestClient

from desk_app.store.outreach import add_patrol_finding, start_patrol
from sync.server.app import create_app
from sync.server.logfiles import KEEP_DAYS, log_handlers
from tests.reading import case_state

from .conftest import SyncDesk
from .servers import CLI, ROOT, ServerProcess, admin

TIMEOUT = 30
BASE = "/open311/v2"
NAME, PHONE, ID_NUMBER = "欧阳秀英", "13812345678", "440308199001011239"
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
       b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def listing(server: ServerProcess, fmt: str = "json", **params: str) -> requests.Response:
    return requests.get(f"{server.url}{BASE}/requests.{fmt}", params=params, timeout=TIMEOUT)


def numbers(answer: requests.Response) -> list[str]:
    assert answer.status_code == 200, answer.text[:300]
    return [r["service_request_id"] for r in answer.json()]


@pytest.fixture
def two_cases(sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]
              ) -> tuple[SyncDesk, str, str]:
    """A Pengwan desk with one window case the resident let publish and one they did not."""
    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    said = f"居民{NAME}（{PHONE}，身份证{ID_NUMBER}）反映鹏湾花园门口井盖缺失，晚上很危险。"
    public = desk.register(public=True, name=NAME, phone=PHONE, id_number=ID_NUMBER,
                           description=said)
    private = desk.register(name="李秀英", description="李秀英反映自家楼上装修噪音，请勿公开。")
    assert desk.client().sync().ok

    return (desk, case_state(desk.desk, public).number, case_state(desk.desk, private).number)


def test_open311_reads_need_a_key_and_list_only_public_cases_redacted(
        sqlite_server: ServerProcess, two_cases: tuple[SyncDesk, str, str]) -> None:
    _desk, public, private = two_cases
    for fmt in ("json", "xml"):
        refused = listing(sqlite_server, fmt)
        assert refused.status_code == 401
        text = refused.text if fmt == "xml" else refused.json()[0]["description"]
        assert "api_key" in text
    one = requests.get(f"{sqlite_server.url}{BASE}/requests/{public}.json", timeout=TIMEOUT)
    assert one.status_code == 401

    key = admin(sqlite_server.database, "open311-key", "--org", "YT-HS-PW")
    shown = listing(sqlite_server, api_key=key)
    assert numbers(shown) == [public]  # the window case without 同意公开 is not listed
    [row] = shown.json()
    assert "井盖缺失" in row["description"]
    for value in (NAME, PHONE, ID_NUMBER, "李秀英", "装修噪音"):
        assert value.encode() not in shown.content and value not in shown.text
    hidden = requests.get(f"{sqlite_server.url}{BASE}/requests/{private}.json",
                          params={"api_key": key}, timeout=TIMEOUT)
    assert hidden.status_code == 404

    # A key of another community reads nothing of Pengwan's.
    other = admin(sqlite_server.database, "open311-key", "--org", "YT-HS-HT")
    assert numbers(listing(sqlite_server, api_key=other)) == []


def test_a_public_jurisdiction_is_readable_without_a_key_until_closed_again(
        sqlite_server: ServerProcess, two_cases: tuple[SyncDesk, str, str]) -> None:
    _desk, public, _private = two_cases
    assert "YT-HS-PW" in admin(sqlite_server.database, "open311-public", "--org", "YT-HS-PW")
    assert numbers(listing(sqlite_server)) == [public]
    assert numbers(listing(sqlite_server, jurisdiction_id="YT-HS-PW")) == [public]
    root = ET.fromstring(listing(sqlite_server, "xml").content)
    assert [n.text for n in root.iter("service_request_id")] == [public]
    assert PHONE not in listing(sqlite_server, "xml").text
    assert listing(sqlite_server, jurisdiction_id="YT-HS-HT").status_code == 401
    admin(sqlite_server.database, "open311-public", "--org", "YT-HS-PW", "--off")
    assert listing(sqlite_server).status_code == 401


def test_a_revoked_api_key_is_refused(sqlite_server: ServerProcess) -> None:
    key = admin(sqlite_server.database, "open311-key", "--org", "YT-HS-PW")
    dept = sqlite_server.department_key("D-URBAN")
    assert listing(sqlite_server, api_key=key).status_code == 200
    assert "revoked" in admin(sqlite_server.database, "revoke-key", "--key", key)
    assert "revoked" in admin(sqlite_server.database, "revoke-key", "--key", dept)
    assert listing(sqlite_server, api_key=key).status_code == 401
    post = requests.post(f"{sqlite_server.url}{BASE}/requests.json", timeout=TIMEOUT, data={
        "api_key": key, "service_code": "030201", "description": "井盖缺失很危险。", "lat": "22.5",
        "long": "114.2"})
    assert post.status_code == 401
    action = requests.post(f"{sqlite_server.url}/v1/cases/00000000-0000-7000-8000-000000000000"
                           "/actions", json={"action": "sign"}, timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {dept}"})
    assert action.status_code == 401
    with pytest.raises(RuntimeError, match="no such API key"):
        admin(sqlite_server.database, "revoke-key", "--key", "not-a-key")


def test_attachments_go_only_to_desks_whose_area_names_them(
        server: ServerProcess, make_desk: Callable[..., SyncDesk], tmp_path: Path) -> None:
    grid = make_desk("PW-01", "YT-HS-PW", server)
    street = make_desk("HS-01", "YT-HS", server)
    other = make_desk("HT-01", "YT-HS-HT", server)
    photo = tmp_path / "manhole.png"
    photo.write_bytes(PNG)
    patrol = start_patrol(grid.desk, grid.user, "YT-HS-PW-G01", "鹏湾一村", "2026-11-22 09:00")
    add_patrol_finding(grid.desk, grid.user, patrol.id, "井盖缺失", photos=[photo])
    assert grid.client().sync().uploaded == 1
    digest = hashlib.sha256(PNG).hexdigest()

    def fetch(desk: SyncDesk, sha: str = digest) -> requests.Response:
        return requests.get(f"{server.url}/v1/attachments/{sha}", timeout=TIMEOUT,
                            headers={"Authorization": f"Bearer {desk.token}"})

    shown = fetch(street)  # the street holds Pengwan's records
    assert shown.status_code == 200 and shown.content == PNG
    assert shown.headers["content-type"] == "image/png"
    assert shown.headers["x-content-type-options"] == "nosniff"
    refused = fetch(other)
    assert refused.status_code == 403 and PNG not in refused.content
    assert fetch(other, "f" * 64).status_code == 404  # nothing stored under that name

    # The stored type is checked: HTML sent as a "photo" is refused, not stored to be served.
    html = b"<html><script>alert(1)</script></html>"
    sneaky = requests.put(f"{server.url}/v1/attachments/{hashlib.sha256(html).hexdigest()}",
                          data=html, timeout=TIMEOUT, headers={
                              "Authorization": f"Bearer {grid.token}", "Content-Type": "image/png"})
    assert sneaky.status_code == 415


def test_repeated_authentication_failures_from_one_address_get_429(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    statuses = [requests.get(f"{sqlite_server.url}/v1/pull", timeout=TIMEOUT,
                             headers={"Authorization": f"Bearer guess-{n}"}).status_code
                for n in range(60)]
    assert statuses[:50] == [401] * 50 and set(statuses[50:]) == {429}
    blocked = requests.get(f"{sqlite_server.url}/v1/pull", timeout=TIMEOUT,
                           headers={"Authorization": f"Bearer {desk.token}"})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "try again" in blocked.json()["message"]
    enrolment = requests.post(f"{sqlite_server.url}/v1/enrol", timeout=TIMEOUT, json={
        "code": "ABCD-EFGH-JKLM-NPQR", "desk_code": "X-01", "desk_name": "x"})
    assert enrolment.status_code == 429
    assert requests.get(f"{sqlite_server.url}/healthz", timeout=TIMEOUT).ok


def test_every_answer_carries_the_security_headers(sqlite_server: ServerProcess) -> None:
    for path in ("/healthz", "/v1/pull", f"{BASE}/services.json", "/p/X"):
        answer = requests.get(sqlite_server.url + path, timeout=TIMEOUT)
        assert answer.headers["x-content-type-options"] == "nosniff", path
        assert answer.headers["x-frame-options"] == "DENY", path
        assert answer.headers["referrer-policy"] == "no-referrer", path
        assert "frame-ancestors 'none'" in answer.headers["content-security-policy"], path
    behind_tls = requests.get(sqlite_server.url + "/healthz", timeout=TIMEOUT,
                              headers={"X-Forwarded-Proto": "https"})
    assert behind_tls.headers["strict-transport-security"].startswith("max-age=")


def test_the_api_documentation_is_served_only_when_asked_for(tmp_path: Path) -> None:
    with TestClient(create_app(f"sqlite:///{tmp_path / 'a.sqlite3'}")) as client:
        assert client.get("/docs").status_code == 404
        assert client.get("/openapi.json").status_code == 404
    with TestClient(create_app(f"sqlite:///{tmp_path / 'b.sqlite3'}", docs=True)) as client:
        assert client.get("/docs").status_code == 200
        assert "/v1/push" in client.get("/openapi.json").text


def test_the_real_server_hides_the_docs(sqlite_server: ServerProcess) -> None:
    assert requests.get(sqlite_server.url + "/docs", timeout=TIMEOUT).status_code == 404
    assert requests.get(sqlite_server.url + "/openapi.json", timeout=TIMEOUT).status_code == 404


@pytest.mark.parametrize("days", ["0", "-3", "many", "366"])
def test_issue_code_needs_a_positive_number_of_days(tmp_path: Path, days: str) -> None:
    database = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    done = subprocess.run([*CLI, "issue-code", "--org", "YT-HS-PW", "--days", days,
                           "--database", database], capture_output=True, text=True, cwd=ROOT,
                          timeout=60)
    assert done.returncode == 2 and "days" in done.stderr and not done.stdout
    assert admin(database, "issue-code", "--org", "YT-HS-PW", "--days", "1")


@pytest.fixture
def handlers(tmp_path: Path) -> Iterator[list[logging.Handler]]:
    made = log_handlers(None, f"sqlite:///{tmp_path / 'server.sqlite3'}")
    yield made
    for handler in made:
        handler.close()


def test_the_log_goes_to_daily_files_kept_at_least_180_days(
        sqlite_server: ServerProcess, handlers: list[logging.Handler], tmp_path: Path) -> None:
    rotating = handlers[0]
    assert getattr(rotating, "backupCount", 0) == KEEP_DAYS >= 180
    assert getattr(rotating, "when", "") == "MIDNIGHT"
    requests.get(f"{sqlite_server.url}/p/PW-01-20261202-0001-ABCDEFGH", timeout=TIMEOUT)
    folder = Path(sqlite_server.database.removeprefix("sqlite:///")).parent / "logs"
    log = folder / "community-desk-server.log"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text(encoding="utf-8")
    assert '"status": 404' in text and "ABCDEFGH" not in text  # the lookup code is not logged


def test_an_existing_centre_is_upgraded_with_its_public_cases_and_photo_areas_filled_in(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk], tmp_path: Path) -> None:
    import sqlite3

    from sqlalchemy import select

    from sync.server import schema as t
    from sync.server.database import ServerDatabase

    desk = make_desk("PW-01", "YT-HS-PW", server=sqlite_server)
    public = desk.register(public=True)
    private = desk.register()
    photo = tmp_path / "manhole.png"
    photo.write_bytes(PNG)
    patrol = start_patrol(desk.desk, desk.user, "YT-HS-PW-G01", "鹏湾一村", "2026-11-22 09:00")
    add_patrol_finding(desk.desk, desk.user, patrol.id, "井盖缺失", photos=[photo])
    assert desk.client().sync().ok
    sqlite_server.stop()
    path = sqlite_server.database.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:  # the centre as it was at s0001
        conn.execute("ALTER TABLE server_cases DROP COLUMN public")
        conn.execute("DROP TABLE attachment_refs")
        conn.execute("UPDATE server_alembic_version SET version_num = 's0001'")

    db = ServerDatabase(sqlite_server.database)
    try:
        db.migrate()
        with db.read() as conn:
            flags = dict(conn.execute(select(t.cases.c.id, t.cases.c.public)).all())
            refs = conn.execute(select(t.attachment_refs)).all()
    finally:
        db.dispose()
    assert flags == {public: True, private: False}
    assert [(r.sha256, r.org) for r in refs] == [(hashlib.sha256(PNG).hexdigest(), "YT-HS-PW-G01")]
