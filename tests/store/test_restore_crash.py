"""`kill -9` at every step of a restore, then start the desk: the data is back, whole.

A real child process restores a real backup and kills itself (SIGKILL, no clean-up runs) right
after the named step; the parent then opens the workspace as the app does.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desk_app.config import app_paths
from desk_app.domain.ids import uuid7
from desk_app.store.backup import write_backup
from desk_app.store.cases import register_case
from desk_app.store.desk import setup_desk
from desk_app.store.restore import INTENT
from desk_app.store.users import User
from desk_app.workspace import open_workspace

USER = User(uuid7(), "wangli", "王丽", "window")
# database out, attachments out, staged database in (the commit), staged attachments in
STEPS = ["staged", "intent", "move-1", "move-2", "move-3", "move-4", "done"]
COMMITTED_FROM = STEPS.index("move-3")

CHILD = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    from desk_app.config import app_paths
    from desk_app.store import restore
    from desk_app.store.backup import restore_backup
    from desk_app.store.users import User
    from desk_app.workspace import open_workspace

    def kill(step):
        if step == sys.argv[2]:
            os.kill(os.getpid(), signal.SIGKILL)

    paths = app_paths()
    workspace = open_workspace(paths)
    key = workspace.key
    workspace.close()
    restore.after_step = kill
    admin = User("a1", "admin", "管理员", "admin")
    restore_backup(admin, Path(sys.argv[1]), paths.database, paths.attachments, key=key)
""")


def _count(workspace: object) -> int:
    with workspace.db.read() as conn:  # type: ignore[attr-defined]
        return conn.exec_driver_sql("SELECT count(*) FROM cases").scalar_one()


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
@pytest.mark.parametrize("step", STEPS)
def test_killed_at_any_step_of_a_restore_the_next_start_has_the_data(
        step: str, tmp_path: Path, intake: object) -> None:
    paths = app_paths()
    ws = open_workspace(paths)
    setup_desk(ws.db, "YT-HS-01", "鹏湾社区", "YT-HS-PW", ws.catalogue)
    desk = ws.attach_desk()
    assert desk is not None
    register_case(desk, USER, intake())  # type: ignore[operator]
    (paths.attachments / "photo.jpg").write_bytes(b"backup photo")
    backup = write_backup(paths.database, paths.attachments, tmp_path / "b.cdbackup", key=ws.key)
    register_case(desk, USER, intake())  # type: ignore[operator]
    (paths.attachments / "photo.jpg").write_bytes(b"newer photo")
    ws.close()

    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(backup), step],
        env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])},
        capture_output=True, text=True, timeout=120)
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]

    ws = open_workspace(paths)
    try:
        assert ws.desk is not None, "never an empty database"
        restored = STEPS.index(step) >= COMMITTED_FROM
        assert _count(ws) == (1 if restored else 2)
        assert (paths.attachments / "photo.jpg").read_bytes() == (
            b"backup photo" if restored else b"newer photo"), "attachments match the database"
    finally:
        ws.close()
    assert not (paths.data / INTENT).exists()
    assert not list(paths.data.glob("restore-staging-*")), "stale staging folders are removed"
