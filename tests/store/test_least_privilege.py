"""Every public store function, called as every role (issue 11: least privilege in the service
layer).

The functions are found with `inspect`, so a new public function that is not in TABLE
(tests/store/privilege_table.py) fails `test_every_public_store_function_is_in_the_table`.
Each entry either calls the function as a user and names the permission it needs (None: every
role), or says why it takes no acting user. For each checked function and each of window,
deputy, grid, supervisor and admin: allowed, it works (a workflow rule may still refuse where
the entry says so), and a deputy or grid worker finds no whole phone (13812345678) or ID number
anywhere in what comes back; not allowed, it raises NotAllowed and nothing stored changed.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import desk_app.store as store_package
from desk_app.domain.catalogue import Catalogue
from desk_app.domain.roles import ROLES, may
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store import case_queries, cases
from desk_app.store.access import NotAllowed
from desk_app.store.case_queries import CaseQuery
from desk_app.store.database import open_database
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.users import create_user
from tests.conftest import TEST_KEY
from tests.store.privilege_table import (
    ID_NUMBER,
    MASKED_ROLES,
    PASSWORD,
    PHONE,
    TABLE,
    Checked,
    World,
)


def public_functions() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for info in pkgutil.iter_modules(store_package.__path__):
        if info.name == "migrations":
            continue
        module = importlib.import_module(f"desk_app.store.{info.name}")
        for name, value in vars(module).items():
            if (not name.startswith("_") and inspect.isfunction(value)
                    and value.__module__ == module.__name__):
                found[f"{info.name}.{name}"] = value
    return found


def test_every_public_store_function_is_in_the_table() -> None:
    found = public_functions()
    missing = sorted(set(found) - set(TABLE))
    assert not missing, f"add these to TABLE (checked, or why they take no user): {missing}"
    assert not sorted(set(TABLE) - set(found)), "the table names functions that are gone"


def test_the_decorated_functions_say_what_the_table_says() -> None:
    for name, fn in public_functions().items():
        entry = TABLE[name]
        declared = getattr(fn, "permission", None)
        if declared is not None:
            assert isinstance(entry, Checked) and entry.permission == declared, name


def fingerprint(w: World) -> str:
    """What a refused call must leave as it was: every row of the tables it could change, and
    the files beside the database."""
    digest = hashlib.sha256()
    with w.db.read() as conn:
        for table in ("events", "outbox", "users", "meta", "rejections", "audit_log", "cases",
                      "meetings", "outreach", "topics"):
            for row in conn.exec_driver_sql(f"SELECT * FROM {table} ORDER BY 1"):
                digest.update(repr(tuple(row)).encode())
    for path in sorted(w.tmp.rglob("*")):
        digest.update(str(path.relative_to(w.tmp)).encode())
    return digest.hexdigest()


def leaks(value: Any) -> list[str]:
    text = repr(value)
    return [number for number in (PHONE, ID_NUMBER) if number in text]


@pytest.fixture
def world(tmp_path: Path, catalogue: Catalogue, calendar: WorkCalendar) -> World:
    db = open_database(tmp_path / "desk.sqlite3", key=TEST_KEY)
    identity = setup_desk(db, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW", catalogue)
    desk = Desk(db, identity, catalogue, calendar)
    people = {role: create_user(db, f"{role}1", f"测试{role}", role, PASSWORD) for role in ROLES}
    w = World(desk, people, tmp_path)
    (tmp_path / "attachments").mkdir()
    state = cases.register_case(desk, people["window"], w.intake())
    w.case_id, w.case_number = state.id, state.number
    yield w
    db.close()


CHECKED = sorted(name for name, entry in TABLE.items() if isinstance(entry, Checked))


@pytest.mark.parametrize("name", CHECKED)
def test_each_role_gets_what_its_permission_allows(world: World, name: str) -> None:
    entry = TABLE[name]
    assert isinstance(entry, Checked)
    for role in ROLES:
        user = world.users[role]
        prepared = entry.prepare(world)
        allowed = entry.permission is None or may(role, entry.permission)
        before = fingerprint(world)
        if not allowed:
            with pytest.raises(NotAllowed):
                entry.call(world, user, prepared)
            assert fingerprint(world) == before, f"{name} as {role}: refused, yet changed"
            continue
        try:
            result = entry.call(world, user, prepared)
        except NotAllowed:
            pytest.fail(f"{name} as {role} was refused, but the role has the permission")
        except DomainError:
            if not entry.workflow_may_refuse:
                raise
            continue
        if role in MASKED_ROLES:
            assert not leaks(result), f"{name} as {role} handed out {leaks(result)}"


def test_a_deputy_cannot_find_whose_number_it_is(world: World) -> None:
    """A phone or ID number search by a role that may not see them is refused with a message
    (digits would otherwise tell whose number it is); case numbers and words still work."""
    for role in MASKED_ROLES:
        user = world.users[role]
        for query in (PHONE, "138 1234 5678", "5678", ID_NUMBER, "440308"):
            with pytest.raises(NotAllowed, match="phone or ID number"):
                case_queries.list_cases(world.desk, user, CaseQuery(text=query))
            with pytest.raises(NotAllowed):
                case_queries.count_cases(world.db, user, CaseQuery(text=query))
        found = case_queries.list_cases(world.desk, user, CaseQuery(text=world.case_number))
        assert [r.id for r in found.rows] == [world.case_id]
        assert found.rows[0].phone == "138****5678"
        assert case_queries.list_cases(world.desk, user, CaseQuery(text="李秀英")).rows
        same = case_queries.possible_duplicates(world.db, user, phone=PHONE)
        assert same == [], "the phone is not compared for a role that may not see it"
    window = case_queries.list_cases(world.desk, world.users["window"], CaseQuery(text=PHONE))
    assert [r.phone for r in window.rows] == [PHONE]


def test_the_case_comes_masked_to_a_deputy_everywhere_it_carries_the_numbers(
        world: World) -> None:
    deputy = world.users["deputy"]
    state = cases.get_case(world.desk, deputy, world.case_id)
    assert (state.phone, state.id_number) == ("138****5678", "4403**********1239")
    assert "138****5678" in state.description and PHONE not in state.description
    registered = state.steps[0].payload
    assert registered["phone"] == "138****5678"
    assert registered["id_number"] == "4403**********1239"
    assert state.name == "李秀英", "names stay: a deputy receiving a resident needs them"
    full = cases.get_case(world.desk, world.users["window"], world.case_id)
    assert (full.phone, full.id_number) == (PHONE, ID_NUMBER)
    made = cases.register_case(world.desk, world.users["grid"], world.intake())
    assert made.phone == "138****5678", "what register_case returns is masked too"
