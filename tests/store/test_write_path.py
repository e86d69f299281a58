"""One path for every write: a unit of work is one BEGIN IMMEDIATE transaction from its first
read, and what it changed reaches the listeners after it commits (and only then)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.intake import Intake
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.cases import register_case, remind_case
from desk_app.store.database import open_database
from desk_app.store.desk import Changes, Desk, setup_desk
from desk_app.store.users import create_user
from tests.reading import case_state


@pytest.fixture
def desk(tmp_path: Path, catalogue: Catalogue, calendar: WorkCalendar) -> Desk:
    db = open_database(tmp_path / "desk.sqlite3")
    identity = setup_desk(db, "YT-HS-01", "海山", "YT-HS", catalogue)
    return Desk(db, identity, catalogue, calendar)


def intake() -> Intake:
    return Intake(description="楼道灯坏了一个星期，晚上上下楼很危险。", category="030201",
                  community="YT-HS-PW", anonymous=True)


def test_the_first_read_of_a_unit_is_inside_its_transaction(desk: Desk) -> None:
    with desk.write() as unit:
        raw = unit.conn.connection.dbapi_connection
        assert raw is not None and raw.in_transaction, "BEGIN came before the first read"
        unit.conn.execute(text("SELECT count(*) FROM cases")).scalar()
        assert raw.in_transaction


def test_a_second_writer_cannot_come_between_a_read_and_its_write(desk: Desk) -> None:
    """While one unit of work holds its read, another writer waits; it never interleaves."""
    order: list[str] = []
    read_done, release = threading.Event(), threading.Event()

    def first() -> None:
        with desk.write() as unit:
            unit.conn.execute(text("SELECT value FROM meta WHERE key = 'desk.id'")).scalar()
            order.append("first read")
            read_done.set()
            release.wait(5)
            unit.conn.execute(text("INSERT INTO meta(key, value) VALUES ('t.first', '1')"))
            order.append("first wrote")

    def second() -> None:
        read_done.wait(5)
        with desk.write() as unit:  # BEGIN IMMEDIATE waits for the first to commit
            order.append("second began")
            unit.conn.execute(text("INSERT INTO meta(key, value) VALUES ('t.second', '1')"))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    read_done.wait(5)
    threading.Event().wait(0.3)  # give the second writer every chance to cut in
    release.set()
    for thread in threads:
        thread.join(10)
    assert order == ["first read", "first wrote", "second began"]


def test_listeners_hear_of_a_write_after_it_commits_and_never_of_a_rollback(
        desk: Desk, tmp_path: Path) -> None:
    user = create_user(desk.db, "wangli", "王丽", "window", "password-123")
    heard: list[Changes] = []
    seen_committed: list[bool] = []

    def listener(changes: Changes) -> None:
        heard.append(changes)
        other = open_database(tmp_path / "desk.sqlite3")  # another connection sees it already
        with other.read() as conn:
            seen_committed.append(conn.execute(text("SELECT count(*) FROM cases")).scalar() > 0)
        other.close()

    stop = desk.listen(listener)
    case = register_case(desk, user, intake())
    assert len(heard) == 1 and heard[0].touches("case", case.id) and heard[0].moved("outbox")
    assert seen_committed == [True]
    with pytest.raises(RuntimeError), desk.write() as unit:
        unit.record([desk.new_event(user.actor(desk.code), "case", case.id, "case.commented",
                                    {"text": "回滚"}, case.org)])
        raise RuntimeError("the unit fails half-way")
    assert len(heard) == 1, "a rolled-back unit is not broadcast"
    remind_case(desk, user, case.id, "请尽快")
    assert len(heard) == 2
    stop()
    remind_case(desk, user, case.id, "再催")
    assert len(heard) == 2


def test_registering_returns_the_state_without_reading_it_back(desk: Desk) -> None:

    user = create_user(desk.db, "wangli", "王丽", "window", "password-123")
    case = register_case(desk, user, intake())
    assert case == case_state(desk, case.id)
    reminded = remind_case(desk, user, case.id, "请尽快")
    assert reminded == case_state(desk, case.id) and reminded.reminders == 1
