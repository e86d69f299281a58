"""Residents' names, phones and ID numbers are sealed in the centre's log with the server key:
a copy of the centre's database alone (or its backup) does not reveal them, while desks still
receive them as recorded."""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from sync.server import schema as t
from sync.server.database import ServerDatabase
from tests.reading import case_state

from .conftest import SyncDesk
from .servers import ServerProcess, admin

PHONE, NAME, ID_NUMBER = "13812345678", "李秀英", "440308198001010020"


@pytest.fixture
def keyed_server(server_url_for_db: str, tmp_path: Path,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[ServerProcess]:
    monkeypatch.setenv("COMMUNITY_DESK_SERVER_KEY", base64.b64encode(os.urandom(32)).decode())
    process = ServerProcess(server_url_for_db, tmp_path).start()
    yield process
    process.stop()


def stored_payloads(server: ServerProcess) -> list[str]:
    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            return list(conn.execute(select(t.events.c.payload)).scalars())
    finally:
        db.dispose()


def test_personal_fields_are_sealed_at_rest_and_served_in_clear(
        keyed_server: ServerProcess, make_desk: Callable[..., SyncDesk], tmp_path: Path) -> None:
    a, b = make_desk("YT-HS-01", "YT-HS", keyed_server), make_desk("YT-HS-02", "YT-HS", keyed_server)
    case_id = a.register(name=NAME, phone=PHONE, id_number=ID_NUMBER)
    assert a.client().sync().ok and b.client().sync().ok
    payloads = " ".join(stored_payloads(keyed_server))
    assert "enc:v1:" in payloads
    for secret in (PHONE, NAME, ID_NUMBER):
        assert secret not in payloads
    if keyed_server.database.startswith("sqlite"):
        backup = tmp_path / "centre.backup"
        admin(keyed_server.database, "backup", "--to", str(backup))
        raw = backup.read_bytes()
        assert PHONE.encode() not in raw and NAME.encode() not in raw
    case = case_state(b.desk, case_id)
    assert (case.name, case.phone) == (NAME, PHONE)
    assert a.client().sync().ok  # the centre's copy still equals the desk's: "already had"
    assert a.client().sync().refused == 0


def test_a_key_file_is_made_once_and_readable_only_by_its_owner(tmp_path: Path) -> None:
    from sync.server.fields import FieldCipher, FieldKeyError, make_key_file

    path = tmp_path / "centre.key"
    make_key_file(path)
    assert path.stat().st_mode & 0o077 == 0
    with pytest.raises(FieldKeyError):
        make_key_file(path)  # never overwritten
    os.environ["COMMUNITY_DESK_SERVER_KEY_FILE"] = str(path)
    try:
        cipher = FieldCipher.from_environment()
    finally:
        del os.environ["COMMUNITY_DESK_SERVER_KEY_FILE"]
    assert cipher is not None
    sealed = cipher.seal("e1", {"phone": PHONE, "text": "ok"})
    assert sealed["text"] == "ok" and PHONE not in sealed["phone"]
    assert cipher.open("e1", dict(sealed))["phone"] == PHONE
    with pytest.raises(FieldKeyError):
        cipher.open("e2", dict(sealed))  # bound to its event: not movable to another


def stored_photos(server: ServerProcess) -> list[bytes]:
    db = ServerDatabase(server.database)
    try:
        with db.read() as conn:
            return [bytes(d) for d in conn.execute(select(t.attachments.c.data)).scalars()]
    finally:
        db.dispose()


def test_an_uploaded_sign_in_sheet_is_sealed_at_the_centre_and_reaches_the_other_desk(
        keyed_server: ServerProcess, make_desk: Callable[..., SyncDesk], tmp_path: Path) -> None:
    from desk_app.store.attachments import read_attachment
    from desk_app.store.outreach import add_patrol_finding, start_patrol
    from tests.sync.test_attachments_sync import PNG

    photo_bytes = PNG + f"签到：{NAME} {PHONE}".encode()  # a caption after the image's end
    photo = tmp_path / "签到表.png"
    photo.write_bytes(photo_bytes)
    a, b = make_desk("YT-HS-01", "YT-HS", keyed_server), make_desk("YT-HS-02", "YT-HS", keyed_server)
    patrol = start_patrol(a.desk, a.user, "YT-HS-PW-G01", "鹏湾一村", "2026-11-22 09:00")
    add_patrol_finding(a.desk, a.user, patrol.id, "居民签到表", photos=[photo])
    assert a.client().sync().uploaded == 1
    stored = stored_photos(keyed_server)
    assert len(stored) == 1 and NAME.encode() not in stored[0] and PHONE.encode() not in stored[0]
    assert b.client().sync().downloaded == 1
    digest = hashlib.sha256(photo_bytes).hexdigest()
    assert read_attachment(b.desk.db, digest) == photo_bytes
