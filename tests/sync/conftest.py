"""Sync fixtures: the central platform as a real process on loopback (SQLite, and PostgreSQL in
a throwaway cluster), desks on their own SQLite files, and a fault-injecting proxy."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.intake import Intake
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.cases import register_case
from desk_app.store.database import open_database
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.users import User, create_user
from sync.client import SyncClient, TokenStore, enrol, http_session

from .pg import Cluster, binaries
from .servers import FaultProxy, ServerProcess

os.environ["COMMUNITY_DESK_TOKEN_STORE"] = "file"


@pytest.fixture
def chinese_screen(qapp: object) -> Iterator[None]:
    """The desk's screens in Chinese, their default language, whatever ran before in this
    worker (only tests/gui installs it for every test; a worker that ran none had no
    translation at all, and a screen's texts were English)."""
    from desk_app.ui.i18n import install_language

    install_language("zh_CN")
    yield
    install_language("zh_CN")


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster | None]:
    if binaries() is None:
        yield None
        return
    cluster = Cluster().start()
    yield cluster
    cluster.stop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def server_url_for_db(request: pytest.FixtureRequest, tmp_path: Path,
                      pg_cluster: Cluster | None) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'server.sqlite3'}"
    if pg_cluster is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL must be installed in CI (scripts/system-deps.sh postgres)")
        pytest.skip("PostgreSQL is not installed here")
    return pg_cluster.new_database()


@pytest.fixture
def server(server_url_for_db: str, tmp_path: Path) -> Iterator[ServerProcess]:
    process = ServerProcess(server_url_for_db, tmp_path).start()
    yield process
    process.stop()


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """For tests about the desk's side, where the server's database does not matter."""
    process = ServerProcess(f"sqlite:///{tmp_path / 'server.sqlite3'}", tmp_path).start()
    yield process
    process.stop()


@pytest.fixture
def proxy_for() -> Iterator[Callable[[ServerProcess], FaultProxy]]:
    made: list[FaultProxy] = []

    def make(target: ServerProcess) -> FaultProxy:
        made.append(FaultProxy(target.port))
        return made[-1]
    yield make
    for proxy in made:
        proxy.close()


@dataclass
class SyncDesk:
    desk: Desk
    user: User
    home: Path
    token: str = ""
    url: str = ""

    def client(self, url: str | None = None, retries: int = 3, timeout: tuple[float, float] = (3, 10),
               batch: int = 200, page: int = 1000) -> SyncClient:
        return SyncClient(self.desk, url or self.url, self.token,
                          session=http_session(retries=retries, backoff=0.05), timeout=timeout,
                          batch=batch, page=page)

    def register(self, community: str = "YT-HS-PW", **changes: object) -> str:
        intake = Intake(description="楼道灯坏了一个星期，晚上上下楼很危险。", category="030201",
                        community=community, name="李秀英", phone="13812345678")
        for key, value in changes.items():
            setattr(intake, key, value)
        return register_case(self.desk, self.user, intake).id


@pytest.fixture
def make_desk(tmp_path: Path, catalogue: Catalogue, calendar: WorkCalendar
              ) -> Callable[..., SyncDesk]:
    def make(code: str, org: str = "YT-HS", server: ServerProcess | None = None,
             wall: Callable[[], int] | None = None) -> SyncDesk:
        home = tmp_path / code
        db = open_database(home / "desk.sqlite3")
        identity = setup_desk(db, code, f"{code} 党群服务中心", org, catalogue)
        desk = Desk(db, identity, catalogue, calendar, wall=wall)
        user = create_user(db, "worker", "工作人员", "supervisor", "password-123")
        made = SyncDesk(desk, user, home)
        if server is not None:
            tokens = TokenStore(home)
            enrol(desk, server.url, server.issue_code(org), tokens)
            made.token, made.url = tokens.load(code) or "", server.url
        return made
    return make
