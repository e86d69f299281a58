"""Backups, restore, upgrades and logs, on real SQLite files and real zips.

The one mock is a rename that fails in the middle of a restore's swap: that fault cannot be
produced for real on a test machine, and it is the one a restore must survive.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import shutil
import sqlite3
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, event

from desk_app.config import Paths, app_paths
from desk_app.domain.catalogue import Catalogue
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.logs import BACKUP_COUNT, MAX_BYTES, setup_logging, stop_logging
from desk_app.store import backup as backup_module
from desk_app.store.backup import (
    DATABASE,
    FORMAT,
    MANIFEST,
    BackupError,
    backup_before_migrate,
    check_backup,
    restore_backup,
    scheduled_backup,
    write_backup,
)
from desk_app.store.cases import find_case_id, register_case
from desk_app.store.database import (
    Database,
    DatabaseTooNew,
    _alembic_config,
    _on_connect,
    head_revision,
    known_revisions,
    open_database,
)
from desk_app.store.desk import Desk, read_identity, setup_desk
from desk_app.store.users import User, authenticate
from tests.reading import ADMIN, READER, case_state

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "desk-schema-0002.sqlite3"
USER = User(uuid7(), "wangli", "王丽", "window")  # no Argon2 hash per test; accounts: test_users
SWAP_RENAMES = 4  # database out, attachments out, staged database in, staged attachments in
MakeIntake = Callable[..., Intake]


# --- helpers ---------------------------------------------------------------------------------


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder`, by relative path, with its bytes."""
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def state_of(paths: Paths) -> dict[str, object]:
    """What must stay byte for byte the same when a restore is refused or undone."""
    return {
        "database": digest(paths.database),
        "sidecars": sorted(p.name for p in paths.data.iterdir()
                           if p.name.startswith(paths.database.name + "-")),
        "attachments": {k: hashlib.sha256(v).hexdigest()
                        for k, v in tree(paths.attachments).items()},
        "folders": sorted(p.name for p in paths.data.iterdir() if p.is_dir()),
    }


def add_attachments(folder: Path) -> dict[str, bytes]:
    files = {
        "3f/3fa9c1e0.jpg": os.urandom(300_000),
        "a1/身份证扫描件.pdf": os.urandom(20_000),
        "notes/现场记录.txt": "楼道灯已修好，居民满意。\n".encode() * 200,
        "empty.bin": b"",
    }
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)
    return files


def count_cases(db: Database) -> int:
    with db.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()


def revision_of(path: Path) -> str:
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True) as con:
        value = con.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    con.close()
    return value


def sidecars(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir()
                  if p.name.startswith(path.name) and p.name != path.name)


@pytest.fixture
def paths(_isolated_home: Path) -> Paths:
    return app_paths().ensure()


@pytest.fixture
def live(paths: Paths, catalogue: Catalogue, calendar: WorkCalendar) -> Iterator[Desk]:
    """A desk in the per-test data folder, as the app opens it."""
    db = open_database(paths.database)
    identity = setup_desk(db, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW", catalogue)
    yield Desk(db, identity, catalogue, calendar)
    db.close()


# --- making a backup -------------------------------------------------------------------------


def test_a_backup_is_one_zip_with_a_manifest_that_describes_it(
        paths: Paths, live: Desk, intake: MakeIntake, tmp_path: Path) -> None:
    register_case(live, USER, intake())
    files = add_attachments(paths.attachments)
    seen: list[tuple[int, int]] = []
    target = write_backup(paths.database, paths.attachments, paths.backups / "x.cdbackup",
                         progress=lambda done, total: seen.append((done, total)))
    assert sorted(p.name for p in paths.backups.iterdir()) == ["x.cdbackup"], \
        "no temporary files may be left beside the backup"
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        manifest = json.loads(archive.read(MANIFEST))
        assert names[-1] == MANIFEST
        assert set(names) == {MANIFEST, DATABASE, *(f"attachments/{n}" for n in files)}
        for name, entry in manifest["members"].items():
            data = archive.read(name)
            assert entry == {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, content in files.items():
            assert archive.read(f"attachments/{name}") == content
        (tmp_path / "copy.sqlite3").write_bytes(archive.read(DATABASE))
    assert manifest["app"] == "CommunityDesk"
    assert manifest["format"] == FORMAT
    assert manifest["schema_revision"] == head_revision()
    assert (manifest["desk_code"], manifest["desk_name"]) == ("YT-HS-01", "海山街道鹏湾社区党群服务中心")
    assert datetime.fromisoformat(manifest["created_at"]).utcoffset() == timedelta(0)
    with sqlite3.connect(tmp_path / "copy.sqlite3") as con:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    con.close()
    assert seen and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen), "progress only goes forward"
    checked = check_backup(target)
    assert checked.attachment_count == len(files)
    assert checked.desk_code == "YT-HS-01"


def test_a_backup_taken_while_the_desk_keeps_writing_is_consistent(
        paths: Paths, live: Desk, intake: MakeIntake, tmp_path: Path) -> None:
    for i in range(40):
        register_case(live, USER, intake(description=f"第{i}号：楼道灯坏了，晚上很黑，老人上下楼不安全。"))
    add_attachments(paths.attachments)
    stop, written, errors = threading.Event(), [0], []

    def writer() -> None:
        try:
            while not stop.is_set():
                register_case(live, USER, intake(description=f"备份期间登记的第{written[0]}件诉求。"))
                written[0] += 1
        except Exception as error:  # pragma: no cover - reported below
            errors.append(error)

    thread = threading.Thread(target=writer)
    made: list[Path] = []
    backup: threading.Thread | None = None
    thread.start()
    try:
        while written[0] < 3:
            time.sleep(0.005)
        before = count_cases(live.db)
        started = time.perf_counter()
        # Small steps and a slow progress bar: the copy spans many of the writer's commits.
        # In a thread, so that a copy that restarts after every commit (what SQLite's backup
        # does without a held read snapshot) fails the test instead of hanging it.
        def back_up() -> None:
            try:
                made.append(write_backup(paths.database, paths.attachments,
                                        paths.backups / "busy.cdbackup",
                                        progress=lambda done, total: time.sleep(0.003), pages=4))
            except Exception as error:  # pragma: no cover - reported below
                errors.append(error)

        backup = threading.Thread(target=back_up)
        backup.start()
        backup.join(timeout=60)
        took = time.perf_counter() - started
        after = count_cases(live.db)
        assert not backup.is_alive(), "the backup never finished while the desk kept writing"
    finally:
        stop.set()
        thread.join()
        if backup is not None:
            backup.join()
    assert not errors
    [target] = made
    assert after > before, f"the writer must have committed during the backup ({took:.2f} s)"

    fresh = tmp_path / "fresh"
    restore_backup(ADMIN, target, fresh / "desk.sqlite3", fresh / "attachments")
    db = open_database(fresh / "desk.sqlite3")
    try:
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            in_backup = count_cases(db)
            per_case = conn.exec_driver_sql(
                "SELECT entity_id, group_concat(type, ',') FROM"
                " (SELECT entity_id, type FROM events WHERE entity='case' ORDER BY seq)"
                " GROUP BY entity_id").all()
            projected = {r[0] for r in conn.exec_driver_sql("SELECT id FROM cases")}
            event_count = conn.exec_driver_sql("SELECT count(*) FROM events").scalar_one()
            queued = conn.exec_driver_sql("SELECT count(*) FROM outbox").scalar_one()
    finally:
        db.close()
    assert before <= in_backup <= after
    assert {r[0] for r in per_case} == projected, "every case has its events, every event its case"
    assert all(types == "case.registered,case.dispatched" for _, types in per_case)
    assert event_count == queued == 2 * in_backup
    assert tree(fresh / "attachments") == tree(paths.attachments)


def test_an_interrupted_backup_leaves_no_file_under_its_name(
        paths: Paths, live: Desk, intake: MakeIntake) -> None:
    register_case(live, USER, intake())
    add_attachments(paths.attachments)
    target = paths.backups / "desk-20261122.cdbackup"
    paths.backups.mkdir(exist_ok=True)
    target.write_bytes(b"yesterday's good backup")

    class Cancelled(Exception):
        pass

    for stage in ("database", "attachments"):
        def cancel(done: int, total: int, stage: str = stage) -> None:
            # The attachments come after twice the database's size in the progress count.
            if stage == "database" or done > total - 300_000:
                raise Cancelled

        with pytest.raises(Cancelled):
            write_backup(paths.database, paths.attachments, target, progress=cancel)
        assert target.read_bytes() == b"yesterday's good backup"
        assert sorted(p.name for p in paths.backups.iterdir()) == [target.name]


def test_there_is_no_backup_of_a_missing_database(paths: Paths) -> None:
    with pytest.raises(BackupError, match="no database to back up"):
        write_backup(paths.database, paths.attachments, paths.backups / "x.cdbackup")
    assert not (paths.backups / "x.cdbackup").exists()


# --- restore ---------------------------------------------------------------------------------


def test_restore_brings_back_the_backup_exactly(
        paths: Paths, live: Desk, intake: MakeIntake, monkeypatch: pytest.MonkeyPatch) -> None:
    kept = register_case(live, USER, intake())
    files = add_attachments(paths.attachments)
    target = write_backup(paths.database, paths.attachments, paths.backups / "a.cdbackup")

    later = register_case(live, USER, intake(description="备份之后才登记的诉求，恢复后应当不见。"))
    (paths.attachments / "3f/3fa9c1e0.jpg").write_bytes(b"changed after the backup")
    (paths.attachments / "new-after-backup.png").write_bytes(os.urandom(1000))
    (paths.attachments / "empty.bin").unlink()
    live.db.close()  # the caller closes its engine before a restore
    after_backup = digest(paths.database)

    renames: list[tuple[str, str]] = []
    real_replace = os.replace

    def counting(source: str | Path, target: str | Path) -> None:
        renames.append((str(source), str(target)))
        real_replace(source, target)

    monkeypatch.setattr(backup_module.os, "replace", counting)
    restored = restore_backup(ADMIN, target, paths.database, paths.attachments)
    monkeypatch.undo()

    assert len(renames) == SWAP_RENAMES, "the fault test below covers every rename of the swap"
    assert tree(paths.attachments) == files
    assert restored.manifest.desk_name == "海山街道鹏湾社区党群服务中心"
    assert restored.undo.parent == paths.data and restored.undo.name.startswith("restore-undo-")
    assert digest(restored.undo / "desk.sqlite3") == after_backup
    assert (restored.undo / "attachments" / "new-after-backup.png").exists()
    assert not [p for p in paths.data.iterdir() if p.name.startswith("restore-staging")]
    db = open_database(paths.database)
    try:
        desk = Desk(db, live.identity, live.catalogue, live.calendar)
        assert find_case_id(desk, READER, kept.number) == kept.id
        assert find_case_id(desk, READER, later.number) is None
        assert case_state(desk, kept.id).status == "dispatched"
    finally:
        db.close()


def _members(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _write_zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def _rehashed(members: dict[str, bytes], **manifest_changes: object) -> dict[str, bytes]:
    """The members with a manifest that lists them truthfully (plus the given changes)."""
    manifest = json.loads(members[MANIFEST])
    manifest["members"] = {n: {"sha256": hashlib.sha256(d).hexdigest(), "size": len(d)}
                           for n, d in members.items() if n != MANIFEST}
    manifest.update(manifest_changes)
    return {**members, MANIFEST: json.dumps(manifest).encode()}


def _damaged_database(data: bytes) -> bytes:
    page = 4096
    pages = len(data) // page
    broken = bytearray(data)
    for n in range(pages // 3, pages - 1, 2):  # garble every other page past the first third
        broken[n * page + 8: n * page + 400] = os.urandom(392)
    return bytes(broken)


def _another_programs_database(folder: Path) -> bytes:
    path = folder / "contacts.db"
    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        con.execute("INSERT INTO contacts VALUES ('李秀英', '13812345678')")
    con.close()
    return path.read_bytes()


def _bad(kind: str, good: Path, folder: Path) -> Path:
    out = folder / f"{kind}.cdbackup"
    data = good.read_bytes()
    members = _members(good)
    attachment = "attachments/notes/现场记录.txt"
    if kind == "random-bytes":
        out.write_bytes(os.urandom(200_000))
    elif kind == "empty-file":
        out.write_bytes(b"")
    elif kind == "truncated-half":
        out.write_bytes(data[: len(data) // 2])
    elif kind == "truncated-end":
        out.write_bytes(data[:-30])
    elif kind == "member-hash-mismatch":
        content = bytearray(members[attachment])
        content[len(content) // 2] ^= 0xFF
        _write_zip(out, {**members, attachment: bytes(content)})
    elif kind == "another-programs-zip":
        _write_zip(out, {"[Content_Types].xml": b"<Types/>",
                         "word/document.xml": "<w:t>会议纪要</w:t>".encode()})
    elif kind == "another-apps-manifest":
        _write_zip(out, _rehashed(members, app="OtherTool"))
    elif kind == "newer-format":
        _write_zip(out, _rehashed(members, format=FORMAT + 1))
    elif kind == "unknown-schema-revision":
        _write_zip(out, _rehashed(members, schema_revision="9999"))
    elif kind == "member-missing":
        _write_zip(out, {n: d for n, d in members.items() if n != attachment})
    elif kind == "member-not-in-manifest":
        _write_zip(out, {**members, "attachments/extra.txt": b"smuggled"})
    elif kind == "path-escape":
        _write_zip(out, _rehashed({**members, "attachments/../../evil.txt": b"zip slip"}))
    elif kind == "damaged-database":
        _write_zip(out, _rehashed({**members, DATABASE: _damaged_database(members[DATABASE])}))
    elif kind == "another-programs-database":
        _write_zip(out, _rehashed({**members, DATABASE: _another_programs_database(folder)}))
    else:  # pragma: no cover
        raise AssertionError(kind)
    return out


BAD = {
    "random-bytes": "not a Community Desk backup, or it is damaged",
    "empty-file": "not a Community Desk backup, or it is damaged",
    "truncated-half": "not a Community Desk backup, or it is damaged",
    "truncated-end": "not a Community Desk backup, or it is damaged",
    "member-hash-mismatch": r"damaged: attachments/\S+ does not match its checksum",
    "another-programs-zip": "has no manifest",
    "another-apps-manifest": r"made by another program \(OtherTool\)",
    "newer-format": rf"newer version of Community Desk \(backup format {FORMAT + 1}\)",
    "unknown-schema-revision": r"newer version of Community Desk \(schema 9999\)",
    "member-missing": r"incomplete: attachments/\S+ is missing",
    "member-not-in-manifest": "contains attachments/extra.txt, which its manifest does not list",
    "path-escape": r"forbidden name \(attachments/\.\./\.\./evil\.txt\)",
    "damaged-database": r"database in the backup .* is damaged",
    "another-programs-database": "does not match its manifest",
}


@pytest.mark.parametrize("kind", list(BAD))
def test_a_bad_backup_is_refused_and_nothing_changes(
        kind: str, paths: Paths, live: Desk, intake: MakeIntake, tmp_path: Path) -> None:
    register_case(live, USER, intake())
    add_attachments(paths.attachments)
    good = write_backup(paths.database, paths.attachments, tmp_path / "good.cdbackup")
    register_case(live, USER, intake(description="备份之后登记的诉求，拒绝恢复后必须还在。"))
    live.db.close()
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    bad = _bad(kind, good, incoming)
    bad_bytes = bad.read_bytes()
    before = state_of(paths)

    for attempt in (lambda: check_backup(bad),
                    lambda: restore_backup(ADMIN, bad, paths.database, paths.attachments)):
        with pytest.raises(BackupError, match=BAD[kind]) as caught:
            attempt()
        assert str(bad) in str(caught.value), "the message names the file"
        assert state_of(paths) == before, "a refused restore changes nothing"
        assert bad.read_bytes() == bad_bytes
    assert not (tmp_path / "evil.txt").exists() and not (paths.data.parent / "evil.txt").exists()
    db = open_database(paths.database)
    assert count_cases(db) == 2
    db.close()


def test_a_file_that_does_not_exist_is_refused(tmp_path: Path) -> None:
    with pytest.raises(BackupError, match="There is no file"):
        check_backup(tmp_path / "nowhere.cdbackup")


@pytest.fixture
def backed_up(paths: Paths, live: Desk, intake: MakeIntake, tmp_path: Path) -> Path:
    """A backup, then a later case; the engine closed as a restore requires."""
    register_case(live, USER, intake())
    add_attachments(paths.attachments)
    target = write_backup(paths.database, paths.attachments, tmp_path / "good.cdbackup")
    register_case(live, USER, intake(description="备份之后登记的诉求。"))
    live.db.close()
    return target


def _failing_replace(monkeypatch: pytest.MonkeyPatch, fail_on: set[int]) -> list[int]:
    """os.replace that raises EIO on the given calls (1-based) and renames for real otherwise."""
    real, calls = os.replace, [0]

    def replace(source: str | Path, target: str | Path) -> None:
        calls[0] += 1
        if calls[0] in fail_on:
            raise OSError(errno.EIO, "simulated I/O error", str(target))
        real(source, target)

    monkeypatch.setattr(backup_module.os, "replace", replace)
    return calls


@pytest.mark.parametrize("fail_on", range(1, SWAP_RENAMES + 1))
def test_a_rename_failing_in_the_middle_of_the_swap_puts_everything_back(
        fail_on: int, paths: Paths, backed_up: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = state_of(paths)
    _failing_replace(monkeypatch, {fail_on})
    with pytest.raises(BackupError, match=r"simulated I/O error.*left as it was"):
        restore_backup(ADMIN, backed_up, paths.database, paths.attachments)
    monkeypatch.undo()
    assert state_of(paths) == before, "the old database and attachments are back, byte for byte"
    db = open_database(paths.database)
    assert count_cases(db) == 2, "the old database opens, with the case made after the backup"
    db.close()


def test_when_putting_back_fails_too_the_message_says_where_the_data_is(
        paths: Paths, backed_up: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old_attachments = tree(paths.attachments)
    old_database = digest(paths.database)
    # 3rd rename (staged database in) fails; then the first put-back (attachments) fails too.
    _failing_replace(monkeypatch, {3, 4})
    with pytest.raises(BackupError, match="could not all be put back") as caught:
        restore_backup(ADMIN, backed_up, paths.database, paths.attachments)
    monkeypatch.undo()
    undo = next(p for p in paths.data.iterdir() if p.name.startswith("restore-undo-"))
    assert str(undo) in str(caught.value)
    assert tree(undo / "attachments") == old_attachments, "nothing is lost: it is in the folder"
    assert digest(paths.database) == old_database, "the database itself was put back"


# --- the daily schedule ----------------------------------------------------------------------


def test_the_daily_backup_is_made_once_a_day_and_only_the_last_n_are_kept(
        paths: Paths, live: Desk, intake: MakeIntake) -> None:
    register_case(live, USER, intake())
    paths.backups.mkdir(exist_ok=True)
    manual = paths.backups / "desk-my-own-copy.cdbackup"
    before_upgrade = paths.backups / "desk-before-0001-to-0002-20261001-080000.cdbackup"
    for other in (manual, before_upgrade):
        other.write_bytes(b"not the schedule's")
    start = datetime(2026, 11, 1, 9, 30).astimezone()
    for day in range(6):
        now = start + timedelta(days=day)
        made = scheduled_backup(paths, keep=3, now=now)
        assert made == paths.backups / f"desk-{now:%Y%m%d}.cdbackup"
        assert scheduled_backup(paths, keep=3, now=now + timedelta(hours=8)) is None
    daily = sorted(p.name for p in paths.backups.glob("desk-2*.cdbackup"))
    assert daily == ["desk-20261104.cdbackup", "desk-20261105.cdbackup",
                     "desk-20261106.cdbackup"]
    assert manual.exists() and before_upgrade.exists(), "only the schedule's own files go"
    assert check_backup(paths.backups / daily[-1]).desk_code == "YT-HS-01"


def test_no_daily_backup_without_a_database(paths: Paths) -> None:
    assert scheduled_backup(paths) is None
    assert not paths.backups.exists() or not list(paths.backups.iterdir())


# --- upgrades --------------------------------------------------------------------------------

FIXTURE_CASES = {  # description → state folded from the fixture's events
    "鹏湾花园3栋楼下工地夜间施工噪音很大，凌晨一点还在打桩，影响休息。": "dispatched",
    "海山路口的路灯坏了一个多星期，晚上很黑，老人过马路不安全。": "dispatched",
    "小区垃圾桶满了没人清理，气味难闻，请尽快处理。": "closed",
}


def recording(hook: Callable[[Path, str, str], None], calls: list[tuple[Path, str, str]]
              ) -> Callable[[Path, str, str], None]:
    def wrapped(path: Path, old: str, new: str) -> None:
        calls.append((Path(path), old, new))
        hook(path, old, new)
    return wrapped


def test_the_fixture_database_opens_after_every_migration(
        tmp_path: Path, catalogue: Catalogue, calendar: WorkCalendar) -> None:
    """tests/fixtures/desk-schema-0002.sqlite3 was made by the program at schema 0002 (setup,
    an account, three cases, one resolved and evaluated). Keep it; every future migration must
    open it with its data intact."""
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    shutil.copyfile(FIXTURE, path)
    fixture_revision = revision_of(path)
    assert fixture_revision == "0002"
    backups = tmp_path / "backups"
    calls: list[tuple[Path, str, str]] = []
    db = open_database(path, before_migrate=recording(backup_before_migrate(backups), calls))
    try:
        with db.read() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
                == head_revision()
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            case_ids = [r[0] for r in conn.exec_driver_sql(
                "SELECT DISTINCT entity_id FROM events WHERE entity='case'")]
            projected = dict(conn.exec_driver_sql("SELECT description, status FROM cases").all())
        identity = read_identity(db)
        assert identity is not None and identity.code == "YT-HS-01"
        desk = Desk(db, identity, catalogue, calendar)
        folded = {case_state(desk, i).description: case_state(desk, i).status for i in case_ids}
        assert folded == FIXTURE_CASES
        assert projected == FIXTURE_CASES
        closed = next(case_state(desk, i) for i in case_ids
                      if case_state(desk, i).status == "closed")
        assert closed.resolution == "已通知环卫站清运，垃圾桶已清理干净。"
        assert authenticate(db, "wangli", "correct horse").display_name == "王丽"
    finally:
        db.close()

    made = sorted(backups.glob("*.cdbackup")) if backups.exists() else []
    if fixture_revision == head_revision():
        assert calls == [] and made == [], "nothing to migrate, so no backup"
    else:
        assert calls == [(path, fixture_revision, head_revision())]
        assert len(made) == 1
        assert made[0].name.startswith(f"desk-before-{fixture_revision}-to-{head_revision()}-")
        manifest = check_backup(made[0])
        assert manifest.schema_revision == fixture_revision
        assert manifest.desk_code == "YT-HS-01"


def _database_at_0001(path: Path) -> None:
    """A database as the first released schema made it, with a desk and one event."""
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "0001")
    with engine.begin() as conn:
        for key, value in (("desk.id", uuid7()), ("desk.code", "YT-HS-01"),
                           ("desk.name", "海山街道鹏湾社区党群服务中心"), ("desk.org", "YT-HS-PW")):
            conn.exec_driver_sql("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
        conn.exec_driver_sql(
            "INSERT INTO events (id, entity, entity_id, type, payload, actor, desk, hlc, org,"
            " origin, recorded_at) VALUES (?, 'case', ?, 'case.commented', ?, 'wangli@YT-HS-01',"
            " 'YT-HS-01', '000000000000001-00000-YT-HS-01', 'YT-HS-PW', 'local', 1)",
            (uuid7(), uuid7(), json.dumps({"text": "旧版本写下的记录"}, ensure_ascii=False)))
    engine.dispose()


def test_the_hook_backs_up_an_older_database_before_it_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    _database_at_0001(path)
    assert revision_of(path) == "0001" != head_revision()
    backups = tmp_path / "backups"
    calls: list[tuple[Path, str, str]] = []
    db = open_database(path, before_migrate=recording(backup_before_migrate(backups), calls))
    db.close()
    assert calls == [(path, "0001", head_revision())]
    assert revision_of(path) == head_revision()
    [made] = backups.glob("*.cdbackup")
    manifest = check_backup(made)
    assert (manifest.schema_revision, manifest.desk_code) == ("0001", "YT-HS-01")

    # The backup is the old database: restored, it migrates again when opened.
    fresh = tmp_path / "fresh"
    restore_backup(ADMIN, made, fresh / "desk.sqlite3", fresh / "attachments")
    assert revision_of(fresh / "desk.sqlite3") == "0001"
    db = open_database(fresh / "desk.sqlite3")
    with db.read() as conn:
        assert conn.exec_driver_sql("SELECT payload FROM events").scalar() \
            == json.dumps({"text": "旧版本写下的记录"}, ensure_ascii=False)
    db.close()
    assert revision_of(fresh / "desk.sqlite3") == head_revision()


def test_no_backup_no_upgrade(tmp_path: Path) -> None:
    """If the backup before a migration fails, the database is not migrated and not changed."""
    path = tmp_path / "data" / "desk.sqlite3"
    path.parent.mkdir()
    _database_at_0001(path)
    before = digest(path)
    not_a_folder = tmp_path / "backups"
    not_a_folder.write_text("a file where the backups folder should be")
    with pytest.raises(BackupError, match="could not be written"):
        open_database(path, before_migrate=backup_before_migrate(not_a_folder))
    assert digest(path) == before
    assert revision_of(path) == "0001"
    assert sidecars(path) == []


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite3"
    shutil.copyfile(FIXTURE, path)
    future = "9" * 4
    assert future not in known_revisions()
    with sqlite3.connect(path) as con:
        con.execute("UPDATE alembic_version SET version_num = ?", (future,))
    con.close()
    before = digest(path)
    backups = tmp_path / "backups"
    calls: list[tuple[Path, str, str]] = []
    with pytest.raises(DatabaseTooNew, match=f"newer version.*schema {future}"):
        open_database(path, before_migrate=recording(backup_before_migrate(backups), calls))
    assert digest(path) == before
    assert sidecars(path) == []
    assert calls == [] and not backups.exists()


# --- logs ------------------------------------------------------------------------------------


@pytest.fixture
def logging_restored() -> Iterator[None]:
    root = logging.getLogger()
    level = root.level
    yield
    stop_logging()
    root.setLevel(level)
    logging.captureWarnings(False)


def test_logs_rotate_at_a_megabyte(paths: Paths, logging_restored: None) -> None:
    log_file = setup_logging(paths)
    setup_logging(paths)  # a second call must not write every line twice
    assert log_file == paths.logs / "desk.log"
    line = "受理登记 " + "x" * 990
    logger = logging.getLogger("desk_app.test")
    for i in range(1300):  # about 1.3 MB
        logger.info("%05d %s", i, line)
    names = sorted(p.name for p in paths.logs.iterdir())
    assert names == ["desk.log", "desk.log.1"]
    assert (paths.logs / "desk.log.1").stat().st_size <= MAX_BYTES
    text = (paths.logs / "desk.log.1").read_text(encoding="utf-8")
    assert "受理登记" in text
    numbers = [ln.split(": ", 1)[1][:5] for ln in text.splitlines()]
    assert len(numbers) == len(set(numbers)), "each line once"
    for _ in range(BACKUP_COUNT * 2):
        for i in range(1100):
            logger.info("%05d %s", i, line)
    assert len(list(paths.logs.iterdir())) == BACKUP_COUNT + 1, "at most 5 old files are kept"


def test_logs_are_readable_utf8_even_from_a_thread(paths: Paths, logging_restored: None) -> None:
    log_file = setup_logging(paths)
    thread = threading.Thread(target=lambda: logging.getLogger("desk_app.sync").warning(
        "同步失败：%s", "服务器无响应"), name="sync-worker")
    thread.start()
    thread.join()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "sync-worker desk_app.sync: 同步失败：服务器无响应" in text
