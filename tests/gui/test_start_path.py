"""Issue 14's start path: the real program shows its sign-in window, signs in and paints the
main window without importing SQLAlchemy (or Alembic); the main window is painted with its
first screen, and the case list with its first page, before either is imported; and every page
still works when first shown right after."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot

from desk_app.config import calendar_file, catalogue_dir
from desk_app.domain.catalogue import load_catalogue
from desk_app.domain.intake import Intake
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.cases import register_case
from desk_app.store.database import open_database
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.users import User, create_user
from desk_app.ui.lazy_page import LazyPage
from desk_app.ui.main_window import MainWindow
from desk_app.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def plain_desk_with_cases(path: Path, count: int) -> None:
    """A desk database at the current schema, with `count` cases (plain SQLite: the bench's
    start child opens it as the benchmark's databases are opened)."""
    db = open_database(path)
    catalogue = load_catalogue(catalogue_dir())
    identity = setup_desk(db, "YT-HS-01", "鹏湾社区党群服务中心", "YT-HS", catalogue)
    desk = Desk(db, identity, catalogue, WorkCalendar.load(calendar_file()))
    boss = create_user(db, "chenjie", "陈洁", "supervisor", "password-123")
    for n in range(count):
        register_case(desk, boss, Intake(
            description=f"鹏湾花园{n}栋楼下工地夜间施工，凌晨还在打桩，吵得无法休息。",
            category="010101", urgency="urgent", community="YT-HS-PW",
            address=f"鹏湾花园{n}栋", name="李秀英", phone="13812345678"))
    db.close()


def first_paint_in_a_new_process(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "bench.startup_child", "probe", str(database)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def real_start_in_a_new_process(*credentials: str) -> dict[str, dict[str, str]]:
    """`desk_app.main` on this test's home (COMMUNITY_DESK_HOME), watched by the bench's child:
    what was imported at the sign-in window's first paint and, signed in, at the main
    window's."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "bench.startup_child", "signin", *credentials],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    seen: dict[str, dict[str, str]] = {}
    for line in done.stdout.splitlines():
        where, *pairs = line.split()
        seen[where] = dict(zip(pairs[::2], pairs[1::2], strict=True))
    return seen


def test_the_program_signs_in_to_its_main_window_without_sqlalchemy(
        workspace: Workspace, users: dict[str, User], add_case: Callable[..., object]) -> None:
    add_case()
    workspace.close()  # the desk is set up (encrypted, its key in the home's key file)
    seen = real_start_in_a_new_process("chenjie", "password-123")
    assert seen["signin"]["sqlalchemy"] == "0" and seen["signin"]["alembic"] == "0"
    assert "window" in seen, "the right password did not open the main window"
    assert seen["window"]["sqlalchemy"] == "0" and seen["window"]["alembic"] == "0"


def test_the_window_is_painted_with_the_first_page_before_sqlalchemy(tmp_path: Path) -> None:
    database = tmp_path / "desk.sqlite3"
    plain_desk_with_cases(database, 5)
    seen = first_paint_in_a_new_process(database)
    assert seen["sqlalchemy"] == "0" and seen["alembic"] == "0"
    assert seen["rows"] == "5"  # the case list's first page is in, read by the DB driver
    assert seen["shown"] == "IntakeForm"  # a supervisor registers: the first screen


def test_every_page_works_when_first_shown_right_after_the_start(
        qtbot: QtBot, workspace: Workspace, users: dict[str, User],
        add_case: Callable[..., object]) -> None:
    case = add_case()
    window = MainWindow(workspace, users["supervisor"])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.cases.model.rowCount() == 1, timeout=10_000)

    def titles() -> list[str]:
        return [window.nav.item(row).text() for row in range(window.nav.count())]

    # The watch list joins the sidebar a moment after the paint (its count is a store read).
    qtbot.waitUntil(lambda: any(t.startswith("督办台") for t in titles()), timeout=10_000)
    assert window.sync_label.text()  # the sync state, read once the window was painted
    for row in range(window.nav.count()):
        window.nav.setCurrentRow(row)
        page = window.pages.currentWidget()
        assert page.isVisible()
        if isinstance(page, LazyPage):
            qtbot.waitUntil(lambda p=page: p.page is not None and p.page.isVisible(),
                            timeout=20_000)
    window.show_page(window.cases)
    window.open_case(window.cases.model.case_at(0).id)
    assert window.pages.currentWidget() is window.detail and window.detail.isVisible()
    assert window.cases.model.case_at(0).id == case.id  # type: ignore[attr-defined]
