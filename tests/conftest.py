"""Shared fixtures: the real catalogue and calendar, a fresh SQLite file per test, a desk, users."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from desk_app.config import calendar_file, catalogue_dir
from desk_app.domain.catalogue import Catalogue, load_catalogue
from desk_app.domain.intake import Intake
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.database import Database, open_database
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.users import User, create_user


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data, log and settings folders."""
    home = tmp_path / "home"
    monkeypatch.setenv("COMMUNITY_DESK_HOME", str(home))
    monkeypatch.setenv("COMMUNITY_DESK_KEY_STORE", "file")  # never the machine's own keyring
    return home


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(catalogue_dir())


@pytest.fixture(scope="session")
def calendar() -> WorkCalendar:
    return WorkCalendar.load(calendar_file())


TEST_KEY = bytes(range(32))
"""The database key of the `db` fixture: every store test runs on an encrypted (SQLCipher) file."""


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = open_database(tmp_path / "desk.sqlite3", key=TEST_KEY)
    yield database
    database.close()


@pytest.fixture
def desk(db: Database, catalogue: Catalogue, calendar: WorkCalendar) -> Desk:
    identity = setup_desk(db, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW", catalogue)
    return Desk(db, identity, catalogue, calendar)


@pytest.fixture
def make_user(db: Database) -> Callable[[str], User]:
    def make(role: str, username: str | None = None) -> User:
        return create_user(db, username or f"{role}1", f"测试{role}", role, "correct horse")
    return make


@pytest.fixture
def window_user(make_user: Callable[[str], User]) -> User:
    return make_user("window", "wangli")


@pytest.fixture
def supervisor(make_user: Callable[[str], User]) -> User:
    return make_user("supervisor", "chenjie")


@pytest.fixture
def intake() -> Callable[..., Intake]:
    """A valid walk-in request; override any field."""
    def make(**changes: object) -> Intake:
        base = Intake(
            channel="window", kind="complaint",
            description="鹏湾花园3栋楼下工地夜间施工噪音很大，凌晨一点还在打桩，影响休息。",
            category="010101", urgency="urgent", community="YT-HS-PW",
            grid="YT-HS-PW-G01", address="鹏湾花园3栋", name="李秀英", phone="13812345678",
        )
        for key, value in changes.items():
            setattr(base, key, value)
        return base
    return make
