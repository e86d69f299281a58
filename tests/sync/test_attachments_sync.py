"""A patrol photo taken offline reaches the centre once and the other desks of the area."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import requests

from desk_app.store.attachments import pending_uploads, read_attachment
from desk_app.store.outreach import add_patrol_finding, get_record, start_patrol
from tests.reading import READER

from .conftest import SyncDesk
from .servers import ServerProcess

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
       b"\x90wS\xde\x00\x00\x00\x0cIDATx\x9cc\xf8\xcf\xc0\x00\x00\x03\x01\x01\x00\xc9\xfe\x92\xef"
       b"\x00\x00\x00\x00IEND\xaeB`\x82")


def test_a_patrol_photo_is_uploaded_once_and_reaches_the_other_desk(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk], tmp_path: Path) -> None:
    grid = make_desk("YT-HS-01", "YT-HS", sqlite_server)
    office = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    photo = tmp_path / "manhole.png"
    photo.write_bytes(PNG)
    patrol = start_patrol(grid.desk, grid.user, "YT-HS-PW-G01", "鹏湾一村", "2026-11-22 09:00")
    add_patrol_finding(grid.desk, grid.user, patrol.id, "井盖缺失", photos=[photo])
    digest = hashlib.sha256(PNG).hexdigest()
    assert [a.sha256 for a in pending_uploads(grid.desk.db)] == [digest]

    report = grid.client().sync()
    assert report.ok and report.accepted == 2, report  # started, and the finding
    assert report.uploaded == 1 and not pending_uploads(grid.desk.db)
    assert grid.client().sync().uploaded == 0  # once
    stored = requests.get(f"{sqlite_server.url}/v1/attachments/{digest}", timeout=5,
                          headers={"Authorization": f"Bearer {grid.token}"})
    assert stored.status_code == 200 and stored.content == PNG

    report = office.client().sync()
    assert report.ok and report.downloaded == 1
    assert read_attachment(office.desk.db, digest) == PNG
    finding = next(iter(get_record(office.desk, READER, patrol.id).findings.values()))
    assert finding.photos == (digest,)
