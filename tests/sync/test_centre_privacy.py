"""Residents' names, phones and ID numbers are sealed in the centre's log with the server key:
a copy of the centre's database alone (or its backup) does not reveal them, while desks still
receive them as recorded."""

from __future__ import annotations

import base64
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
