"""The centre's other resources: the catalogue snapshot (ETag), content-addressed attachments,
/healthz, the structured request log, and the server clock on every answer."""

from __future__ import annotations

import hashlib
import json
import struct
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from desk_app.config import catalogue_dir
from desk_app.domain.catalogue import FILES, Catalogue
from sync.protocol import MAX_ATTACHMENT_BYTES, SERVER_TIME_HEADER

from .servers import ServerProcess

TIMEOUT = 30


def tiny_png() -> bytes:
    """A real 1×1 PNG (what a desk uploads for a photo, only smaller)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x80\x00")) + chunk(b"IEND", b""))


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    folder: Path = tmp_path_factory.mktemp("resources")
    process = ServerProcess(f"sqlite:///{folder / 'server.sqlite3'}", folder).start()
    yield process
    process.stop()


@pytest.fixture(scope="module")
def token(centre: ServerProcess) -> str:
    answer = requests.post(centre.url + "/v1/enrol", timeout=TIMEOUT, json={
        "code": centre.issue_code("YT-HS"), "desk_code": "RES-01", "desk_name": "海山街道服务台"})
    assert answer.status_code == 200, answer.text
    return answer.json()["token"]


def call(centre: ServerProcess, method: str, path: str, token: str | None = None,
         **kwargs: Any) -> requests.Response:
    headers = kwargs.pop("headers", {})
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.request(method, centre.url + path, headers=headers, timeout=TIMEOUT, **kwargs)


# Catalogue ------------------------------------------------------------------------------------------
def test_the_catalogue_snapshot_and_its_etag(centre: ServerProcess, token: str,
                                             catalogue: Catalogue) -> None:
    answer = call(centre, "GET", "/v1/catalogue", token)
    assert answer.status_code == 200
    etag = answer.headers["ETag"]
    assert etag == f'"{catalogue.version}"'
    body = answer.json()
    assert body["version"] == catalogue.version
    assert set(body["files"]) == set(FILES) and len(FILES) == 4
    for name in FILES:
        assert body["files"][name] == (catalogue_dir() / name).read_text(encoding="utf-8")
    assert "YT-HS-PW" in body["files"]["orgs.csv"]

    unchanged = call(centre, "GET", "/v1/catalogue", token, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["ETag"] == etag
    stale = call(centre, "GET", "/v1/catalogue", token, headers={"If-None-Match": '"0000"'})
    assert stale.status_code == 200 and stale.json()["version"] == catalogue.version

    refused = call(centre, "GET", "/v1/catalogue", headers={"If-None-Match": etag})
    assert refused.status_code == 401 and refused.json()["message"]


# Attachments ----------------------------------------------------------------------------------------
def test_an_attachment_is_stored_once_and_comes_back_byte_for_byte(centre: ServerProcess,
                                                                  token: str) -> None:
    photo = tiny_png()
    name = sha(photo)
    first = call(centre, "PUT", f"/v1/attachments/{name}", token, data=photo,
                 headers={"Content-Type": "image/png"})
    assert first.status_code == 200, first.text
    assert first.json() == {"sha256": name, "size": len(photo), "stored": True}
    again = call(centre, "PUT", f"/v1/attachments/{name}", token, data=photo,
                 headers={"Content-Type": "image/png"})
    assert again.status_code == 200 and again.json()["stored"] is False

    back = call(centre, "GET", f"/v1/attachments/{name}", token)
    assert back.status_code == 200
    assert back.content == photo and sha(back.content) == name
    assert back.headers["content-type"] == "image/png"
    assert back.headers["ETag"] == f'"{name}"'


def test_content_that_does_not_match_its_name_is_refused_and_not_stored(
        centre: ServerProcess, token: str) -> None:
    photo = tiny_png()
    name = sha(photo + b"the real photo")
    answer = call(centre, "PUT", f"/v1/attachments/{name}", token, data=photo)
    assert answer.status_code == 422
    assert "SHA-256" in answer.json()["message"]
    missing = call(centre, "GET", f"/v1/attachments/{name}", token)
    assert missing.status_code == 404 and missing.json()["message"]


@pytest.mark.parametrize("name", [
    "A" * 64, "a" * 63, "a" * 65, "g" * 64, "z" * 64 + ".png", "0x" + "a" * 62,
    sha(b"x").upper()])
def test_an_attachment_name_must_be_64_lower_case_hex(centre: ServerProcess, token: str,
                                                      name: str) -> None:
    answer = call(centre, "PUT", f"/v1/attachments/{name}", token, data=b"x")
    assert answer.status_code == 400, answer.text
    assert "SHA-256" in answer.json()["message"]
    assert call(centre, "GET", f"/v1/attachments/{name}", token).status_code == 404


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_an_attachment_over_10_mb_is_refused(centre: ServerProcess, token: str,
                                              chunked: bool) -> None:
    big = b"\x89PNG" + bytes(MAX_ATTACHMENT_BYTES)
    name = sha(big)
    body: Any = big
    if chunked:
        body = (big[i:i + 1024 * 1024] for i in range(0, len(big), 1024 * 1024))
    try:
        answer = call(centre, "PUT", f"/v1/attachments/{name}", token, data=body)
    except requests.ConnectionError as error:
        pytest.fail(f"the centre dropped the connection instead of answering 413: {error}")
    assert answer.status_code == 413, answer.text
    assert "too large" in answer.json()["message"]
    assert call(centre, "GET", f"/v1/attachments/{name}", token).status_code == 404


# Health, logs and the clock --------------------------------------------------------------------------
def test_healthz_needs_no_token_and_counts(centre: ServerProcess, token: str) -> None:
    answer = call(centre, "GET", "/healthz")
    assert answer.status_code == 200
    body = answer.json()
    assert body["status"] == "ok"
    assert isinstance(body["events"], int) and body["desks"] >= 1


def test_every_request_is_logged_as_one_json_line(centre: ServerProcess, token: str) -> None:
    marker = f"/v1/no-such-thing-{time.time_ns()}"
    call(centre, "GET", "/healthz")
    call(centre, "POST", "/v1/push", data=b'{"events": []}')  # no token: 401
    call(centre, "GET", marker)
    call(centre, "GET", "/v1/pull", token, params={"after": 0})

    deadline = time.monotonic() + 5
    while True:
        text = centre.log.read_text(encoding="utf-8")
        if marker in text or time.monotonic() > deadline:
            break
        time.sleep(0.05)
    records = []
    for line in text[:text.rfind("\n") + 1].splitlines():  # whole lines only
        if line.strip():
            record = json.loads(line)  # every line is one JSON object
            assert isinstance(record, dict) and record["level"] and "time" in record
            records.append(record)
    requests_logged = [r for r in records if r.get("message") == "request"]
    for record in requests_logged:
        assert {"method", "path", "status", "ms"} <= set(record), record
        assert isinstance(record["status"], int) and isinstance(record["ms"], (int, float))
        assert record["ms"] >= 0
    seen = {(r["method"], r["path"], r["status"]) for r in requests_logged}
    assert {("GET", "/healthz", 200), ("POST", "/v1/push", 401), ("GET", marker, 404),
            ("GET", "/v1/pull", 200)} <= seen
    assert token not in text  # the desk's secret never reaches the log


@pytest.mark.parametrize("method,path,authorised,extra,status", [
    ("GET", "/healthz", False, {}, 200),
    ("GET", "/v1/catalogue", True, {}, 200),
    ("GET", "/v1/catalogue", False, {}, 401),
    ("GET", "/v1/pull", True, {"params": {"after": -1}}, 400),
    ("GET", "/v1/pull", True, {"params": {"after": "x"}}, 422),
    ("POST", "/v1/push", True, {"data": b"{"}, 400),
    ("PUT", f"/v1/attachments/{'a' * 64}", True, {"data": b"x"}, 422),
    ("GET", f"/v1/attachments/{'a' * 64}", True, {}, 404),
    ("GET", "/nowhere", False, {}, 404),
    ("DELETE", "/v1/push", True, {}, 405),
    ("GET", "/open311/v2/services.json", False, {}, 200),
    ("GET", "/open311/v2/requests/NOPE.xml", False, {}, 401),  # reads need an api_key
])
def test_every_answer_carries_the_server_clock(centre: ServerProcess, token: str, method: str,
                                               path: str, authorised: bool,
                                               extra: dict[str, Any], status: int) -> None:
    before = int(time.time() * 1000)
    answer = call(centre, method, path, token if authorised else None, **extra)
    after = int(time.time() * 1000)
    assert answer.status_code == status, answer.text[:300]
    stamp = answer.headers.get(SERVER_TIME_HEADER, "")
    assert stamp.isdigit(), dict(answer.headers)
    assert before - 1000 <= int(stamp) <= after + 1000  # same machine, same clock
