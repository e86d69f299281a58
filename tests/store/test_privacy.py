"""Residents' data at rest: the encrypted database, its WAL, sealed backups, private files and
scrubbed logs, on real files opened the way the app opens them (`open_workspace`)."""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from desk_app.config import Paths, app_paths
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake
from desk_app.keys import KeyStore, RecoveryKeyError, key_from_recovery, new_recovery_key
from desk_app.logs import setup_logging, stop_logging
from desk_app.store.attachments import add_attachment, path_of, read_attachment
from desk_app.store.backup import (
    BackupError,
    NeedsRecoveryKey,
    check_backup,
    restore_backup,
    write_backup,
)
from desk_app.store.cases import register_case
from desk_app.store.database import SQLITE_HEADER, WrongKey, open_database
from desk_app.store.desk import setup_desk
from desk_app.store.sealed import MAGIC
from desk_app.store.users import User
from desk_app.workspace import MissingKey, Workspace, open_workspace
from tests.reading import ADMIN, READER

PHONE = "13812345678"
ID_NUMBER = "11010519491231002X"
NAME = "李秀英"
USER = User(uuid7(), "wangli", "王丽", "window")
SECRETS = (PHONE.encode(), ID_NUMBER[:17].encode(), NAME.encode("utf-8"),
           PHONE.encode("utf-16-le"))


def assert_no_personal_data(path: Path) -> None:
    data = path.read_bytes()
    for secret in SECRETS:
        assert secret not in data, f"{path.name} holds {secret!r} in clear"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def cases_of(workspace: Workspace) -> int:
    with workspace.db.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()


def set_up(workspace: Workspace) -> Workspace:
    setup_desk(workspace.db, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW",
               workspace.catalogue)
    workspace.attach_desk()
    return workspace


@pytest.fixture
def paths(_isolated_home: Path) -> Paths:
    return app_paths()


@pytest.fixture
def workspace(paths: Paths) -> Iterator[Workspace]:
    ws = set_up(open_workspace(paths))
    yield ws
    ws.close()


def register(workspace: Workspace, intake: Callable[..., Intake], **changes: object) -> str:
    assert workspace.desk is not None
    case = register_case(workspace.desk, USER, intake(id_number=ID_NUMBER, **changes))
    return case.number


@pytest.fixture
def logging_restored() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    stop_logging()
    root.setLevel(level)


# --- bytes on the disk -----------------------------------------------------------------------


def test_database_wal_backup_and_log_hold_no_phone_id_number_or_name(
        paths: Paths, workspace: Workspace, intake: Callable[..., Intake],
        logging_restored: None, tmp_path: Path) -> None:
    log_file = setup_logging(paths)
    for _ in range(3):
        register(workspace, intake)
    wal = Path(f"{paths.database}-wal")
    assert wal.exists() and wal.stat().st_size > 0, "the desk is open: its WAL holds the writes"
    assert_no_personal_data(wal)
    assert_no_personal_data(paths.database)
    assert paths.database.read_bytes()[:16] != SQLITE_HEADER

    # A failed statement whose parameters are personal data, logged with its traceback, and
    # a careless message: neither may reach the file in clear.
    with pytest.raises(IntegrityError) as caught, workspace.db.begin() as conn:
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)", ("x", PHONE))
        conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)", ("x", ID_NUMBER))
    assert PHONE not in str(caught.value), "the engine hides the parameters"
    try:
        raise ValueError(f"bad input {PHONE} / {ID_NUMBER}")
    except ValueError:
        logging.getLogger("test").exception("a failure with %s", PHONE)
    logging.getLogger("test").error("%s", caught.value)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "138****5678" in text and "bad input" in text, "the line is there, masked"
    assert_no_personal_data(log_file)

    backup = write_backup(paths.database, paths.attachments, tmp_path / "b.cdbackup",
                         key=workspace.key)
    assert backup.read_bytes().startswith(MAGIC)
    assert_no_personal_data(backup)


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_folders_are_0700_and_files_0600(paths: Paths, workspace: Workspace,
                                         intake: Callable[..., Intake],
                                         logging_restored: None) -> None:
    log_file = setup_logging(paths)
    register(workspace, intake)
    backup = write_backup(paths.database, paths.attachments, paths.backups / "x.cdbackup",
                         key=workspace.key)
    for folder in (paths.data, paths.backups, paths.logs, paths.config, paths.attachments):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in (paths.database, Path(f"{paths.database}-wal"), Path(f"{paths.database}-shm"),
                 backup, log_file, KeyStore(paths).file):
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes")
def test_files_an_earlier_version_left_readable_are_made_private(paths: Paths) -> None:
    paths.data.mkdir(parents=True)
    os.chmod(paths.data, 0o755)
    old = paths.data / "desk.sqlite3"
    db = open_database(old)
    db.close()
    os.chmod(old, 0o644)
    ws = open_workspace(paths)
    ws.close()
    assert stat.S_IMODE(paths.data.stat().st_mode) == 0o700
    assert stat.S_IMODE(old.stat().st_mode) == 0o600


# --- keys ------------------------------------------------------------------------------------


def test_the_wrong_key_is_refused_and_nothing_changes(workspace: Workspace,
                                                      intake: Callable[..., Intake]) -> None:
    register(workspace, intake)
    path = workspace.db.path
    workspace.close()
    before = digest(path)
    with pytest.raises(WrongKey, match="Nothing was changed"):
        open_database(path, key=os.urandom(32))
    with pytest.raises(WrongKey):
        open_workspace(recovery=new_recovery_key())
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name)) == [
        path.name]


def test_a_missing_key_is_refused_then_the_recovery_key_opens_and_keeps_it(
        paths: Paths, intake: Callable[..., Intake]) -> None:
    ws = set_up(open_workspace(paths))
    recovery = ws.keys.pending_recovery()  # type: ignore[union-attr]
    assert recovery, "a new desk's recovery key waits for the administrator"
    number = register(ws, intake)
    ws.close()
    KeyStore(paths).file.unlink()
    before = digest(paths.database)
    with pytest.raises(MissingKey, match="recovery key"):
        open_workspace(paths)
    assert digest(paths.database) == before, "nothing changed, and no new key made"
    assert not KeyStore(paths).file.exists()
    with pytest.raises(RecoveryKeyError):
        open_workspace(paths, recovery=recovery[:-1] + ("A" if recovery[-1] != "A" else "B"))
    ws = open_workspace(paths, recovery=recovery.lower().replace("-", " "))
    assert ws.desk is not None and cases_of(ws) == 1
    assert ws.desk.identity.code == "YT-HS-01" and number
    ws.close()
    ws = open_workspace(paths)  # the key is kept again
    assert cases_of(ws) == 1
    ws.close()


def test_the_recovery_key_catches_typing_mistakes() -> None:
    text = new_recovery_key()
    assert len(text.split("-")) == 9
    assert key_from_recovery(text) == key_from_recovery(text.lower().replace("-", ""))
    swapped = text[1] + text[0] + text[2:]
    if swapped != text:
        with pytest.raises(RecoveryKeyError):
            key_from_recovery(swapped)


def test_the_demo_workspace_is_encrypted_too(paths: Paths) -> None:
    ws = open_workspace(paths, demo=True)
    try:
        assert ws.desk is not None and cases_of(ws) > 0
        assert ws.db.path.read_bytes()[:16] != SQLITE_HEADER
        assert ws.keys is not None and ws.keys.pending_recovery() is None
    finally:
        ws.close()


# --- upgrade of a plain database -------------------------------------------------------------


def test_a_plain_database_is_backed_up_and_encrypted_in_place_with_nothing_lost(
        paths: Paths, intake: Callable[..., Intake], catalogue: object,
        calendar: object) -> None:
    from desk_app.store.case_queries import CaseQuery, list_cases
    from desk_app.store.desk import Desk

    paths.ensure()
    plain = open_database(paths.database)  # today's version: no key
    identity = setup_desk(plain, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW",
                          catalogue)  # type: ignore[arg-type]
    desk = Desk(plain, identity, catalogue, calendar)  # type: ignore[arg-type]
    numbers = [register_case(desk, USER, intake(id_number=ID_NUMBER)).number for _ in range(5)]
    with plain.read() as conn:
        events = conn.exec_driver_sql("SELECT id, payload FROM events ORDER BY id").all()
    (paths.attachments / "photo.jpg").write_bytes(b"a photo")
    old_daily = write_backup(paths.database, paths.attachments,
                            paths.backups / "desk-20261130.cdbackup")  # today's: a plain zip
    plain.close()
    assert PHONE.encode() in paths.database.read_bytes(), "today's file holds it in clear"

    ws = open_workspace(paths)
    try:
        assert paths.database.read_bytes()[:16] != SQLITE_HEADER
        assert_no_personal_data(paths.database)
        with ws.db.read() as conn:
            assert conn.exec_driver_sql("SELECT id, payload FROM events ORDER BY id").all() \
                == events
        found = list_cases(ws.desk, READER, CaseQuery(text=numbers[2])).rows
        assert [r.number for r in found] == [numbers[2]], "the search index came along"
        assert ws.keys is not None and ws.keys.pending_recovery(), \
            "the administrator will be shown the new recovery key"
    finally:
        ws.close()
    saved = list(paths.backups.glob("desk-before-encryption-*.cdbackup"))
    assert len(saved) == 1, "a backup was made before encrypting"
    assert saved[0].read_bytes().startswith(MAGIC)
    assert_no_personal_data(saved[0])
    assert check_backup(saved[0], key=ws.key).desk_code == "YT-HS-01"
    assert not list(paths.data.glob("*.encrypting"))
    assert old_daily.read_bytes().startswith(MAGIC), "the old plain backup is sealed too"
    assert_no_personal_data(old_daily)
    manifest = check_backup(old_daily, key=ws.key)
    assert manifest.attachment_count == 1
    restore_backup(ADMIN, old_daily, paths.database, paths.attachments, key=ws.key)
    again = open_workspace(paths)
    try:
        assert cases_of(again) == 5
        assert (paths.attachments / "photo.jpg").read_bytes() == b"a photo"
    finally:
        again.close()


# --- sealed backups --------------------------------------------------------------------------


def test_a_backup_opens_with_the_desk_key_or_on_a_new_machine_with_the_recovery_key(
        paths: Paths, tmp_path: Path, intake: Callable[..., Intake],
        monkeypatch: pytest.MonkeyPatch) -> None:
    ws = set_up(open_workspace(paths))
    recovery = ws.keys.pending_recovery()  # type: ignore[union-attr]
    assert recovery
    register(ws, intake)
    photo = tmp_path / "签到表.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + "李秀英 13812345678".encode())
    sheet = add_attachment(ws.db, photo)
    backup = write_backup(paths.database, paths.attachments, tmp_path / "old-desk.cdbackup",
                         key=ws.key)
    assert check_backup(backup, key=ws.key).desk_code == "YT-HS-01"
    ws.close()

    monkeypatch.setenv("COMMUNITY_DESK_HOME", str(tmp_path / "new-machine"))
    fresh = app_paths()
    new = open_workspace(fresh)
    try:
        with pytest.raises(NeedsRecoveryKey, match="recovery key"):
            check_backup(backup, key=new.key)
        with pytest.raises(NeedsRecoveryKey):
            restore_backup(ADMIN, backup, fresh.database, fresh.attachments, key=new.key)
        manifest = check_backup(backup, key=new.key, recovery=key_from_recovery(recovery))
        assert manifest.desk_code == "YT-HS-01"
        new_key = new.key
    finally:
        new.close()
    restore_backup(ADMIN, backup, fresh.database, fresh.attachments, key=new_key,
                   recovery=key_from_recovery(recovery))
    back = open_workspace(fresh)
    try:
        assert back.key == new_key, "the restored data opens with this machine's key"
        assert back.desk is not None and cases_of(back) == 1
        # the photo was sealed with the old desk's key: now with this one's, and it opens
        assert read_attachment(back.db, sheet.sha256) == photo.read_bytes()
        assert "李秀英".encode() not in path_of(back.db, sheet.sha256).read_bytes()
    finally:
        back.close()


def test_a_backup_whose_photo_was_damaged_is_refused_and_the_new_desk_is_unchanged(
        paths: Paths, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = set_up(open_workspace(paths))
    recovery = ws.keys.pending_recovery()  # type: ignore[union-attr]
    photo = tmp_path / "签到表.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n" + "李秀英".encode())
    sheet = add_attachment(ws.db, photo)
    sealed = path_of(ws.db, sheet.sha256)
    damaged = bytearray(sealed.read_bytes())
    damaged[-1] ^= 1  # changed on the old desk's disk before the backup was made
    sealed.write_bytes(bytes(damaged))
    backup = write_backup(paths.database, paths.attachments, tmp_path / "old.cdbackup",
                         key=ws.key)
    ws.close()

    monkeypatch.setenv("COMMUNITY_DESK_HOME", str(tmp_path / "new-machine"))
    fresh = app_paths()
    new = set_up(open_workspace(fresh))
    new_key, before = new.key, cases_of(new)
    new.close()
    with pytest.raises(BackupError, match="could not be put in place"):
        restore_backup(ADMIN, backup, fresh.database, fresh.attachments, key=new_key,
                       recovery=key_from_recovery(recovery))
    again = open_workspace(fresh)
    try:
        assert cases_of(again) == before and again.desk is not None
        assert again.desk.code == "YT-HS-01" and not path_of(again.db, sheet.sha256).exists()
    finally:
        again.close()


@pytest.mark.parametrize("damage", ["flip", "truncate", "header"])
def test_an_altered_backup_is_refused(workspace: Workspace, intake: Callable[..., Intake],
                                      tmp_path: Path, damage: str) -> None:
    register(workspace, intake)
    good = write_backup(workspace.db.path, workspace.paths.attachments, tmp_path / "g.cdbackup",
                       key=workspace.key)
    data = bytearray(good.read_bytes())
    if damage == "flip":
        data[len(data) // 2] ^= 1
    elif damage == "truncate":
        data = data[:-20]
    else:  # the salt in the clear header changed: every chunk fails
        at = bytes(data).index(b'"salt": "') + 10
        data[at] = ord("0") if data[at] != ord("0") else ord("1")
    bad = tmp_path / "bad.cdbackup"
    bad.write_bytes(bytes(data))
    with pytest.raises(BackupError):
        check_backup(bad, key=workspace.key)
    workspace.close()
    before = digest(workspace.db.path)
    with pytest.raises(BackupError):
        restore_backup(ADMIN, bad, workspace.paths.database, workspace.paths.attachments,
                       key=workspace.key)
    assert digest(workspace.db.path) == before


def test_an_old_plain_backup_is_restored_encrypted(paths: Paths, tmp_path: Path,
                                                   intake: Callable[..., Intake]) -> None:
    paths.ensure()
    shutil.rmtree(paths.data)
    plain = open_database(tmp_path / "old.sqlite3")
    setup_desk(plain, "YT-HS-01", "鹏湾", "YT-HS-PW", open_workspace.__globals__[
        "_catalogue"](paths))
    plain.close()
    old = write_backup(tmp_path / "old.sqlite3", None, tmp_path / "old.cdbackup")
    ws = open_workspace(paths)
    key = ws.key
    ws.close()
    restore_backup(ADMIN, old, paths.database, paths.attachments, key=key)
    assert paths.database.read_bytes()[:16] != SQLITE_HEADER
    ws = open_workspace(paths)
    assert ws.desk is not None and ws.desk.identity.code == "YT-HS-01"
    ws.close()
