"""A street desk receives every event of its communities whatever collation the centre's
PostgreSQL database was made with (and on SQLite). Under zh_CN.UTF-8 or en_US.UTF-8 the
hyphens of org codes are ignored in comparisons, so a scope range that assumed byte order got
2 of 6 events while every sync reported success."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.store.schema import events

from .conftest import SyncDesk
from .pg import Cluster
from .servers import ServerProcess

COMMUNITIES = ("YT-HS-PW", "YT-HS-HT", "YT-HS-TD", "YT-HS-WT")


@pytest.fixture(params=["sqlite",
                        pytest.param("zh_CN.UTF-8", marks=pytest.mark.postgres),
                        pytest.param("en_US.UTF-8", marks=pytest.mark.postgres)])
def collated_server(request: pytest.FixtureRequest, tmp_path: Path,
                    pg_cluster: Cluster | None) -> Iterator[ServerProcess]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    elif pg_cluster is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL must be installed in CI (scripts/system-deps.sh postgres)")
        pytest.skip("PostgreSQL is not installed here")
    else:
        url = pg_cluster.new_database(locale=request.param)
    process = ServerProcess(url, tmp_path).start()
    yield process
    process.stop()


def case_ids(desk: SyncDesk) -> set[str]:
    with desk.desk.db.read() as conn:
        return set(conn.execute(select(events.c.entity_id).where(events.c.entity == "case"))
                   .scalars())


def test_a_street_desk_gets_every_event_of_its_communities(
        collated_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    mine: set[str] = set()
    for number, community in enumerate(COMMUNITIES, start=1):
        desk = make_desk(f"YT-HS-C{number}", community, collated_server)
        mine |= {desk.register(community=community), desk.register(community=community)}
        assert desk.client().sync().ok
    other = make_desk("YT-YT-C1", "YT-YT-YT", collated_server)
    elsewhere = other.register(community="YT-YT-YT")
    assert other.client().sync().ok

    street = make_desk("YT-HS-01", "YT-HS", collated_server)
    report = street.client(page=3).sync()  # small pages: the cursor moves many times
    assert report.ok
    assert case_ids(street) == mine  # all eight of its communities', none of the next street's
    assert elsewhere not in case_ids(street)
    neighbour = make_desk("YT-YT-01", "YT-YT", collated_server)
    assert neighbour.client(page=3).sync().ok
    assert case_ids(neighbour) == {elsewhere}
