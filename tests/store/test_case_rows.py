"""The case list's first page read by the DB driver (the start path, before SQLAlchemy is
imported) gives what the store's SQLAlchemy list gives: the same rows, in the same order, with
the same cursor, masked the same way for the roles that may not see phones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from desk_app.domain.intake import Intake
from desk_app.store.access import NotAllowed
from desk_app.store.case_queries import CaseQuery, count_cases, list_cases
from desk_app.store.case_rows import count_all, first_page, unfiltered
from desk_app.store.cases import register_case
from desk_app.store.desk import Desk
from desk_app.store.users import User


@pytest.fixture
def seven(desk: Desk, supervisor: User, intake: Callable[..., Intake]) -> Desk:
    """Seven cases, four of them registered in the same millisecond (ties the pk orders)."""
    for n in range(7):
        register_case(desk, supervisor, intake(phone=f"1381234567{n}"))
    with desk.write() as unit:
        unit.conn.exec_driver_sql("UPDATE cases SET registered_at = 1700000000000 "
                                  "WHERE pk IN (SELECT pk FROM cases ORDER BY pk LIMIT 4 OFFSET 2)")
    return desk


@pytest.mark.parametrize("descending", [True, False])
@pytest.mark.parametrize("role", ["supervisor", "grid"])
def test_the_driver_page_is_the_store_page(seven: Desk, make_user: Callable[[str], User],
                                           role: str, descending: bool) -> None:
    user = make_user(role)
    query = CaseQuery(descending=descending)
    for limit in (3, 7, 50):
        ours = first_page(seven.db, user, query, limit=limit)
        theirs = list_cases(seven, user, query, limit=limit)
        assert ours.rows == theirs.rows and ours.cursor == theirs.cursor
        assert len(ours.rows) == min(limit, 7)
    if role == "grid":  # masked at the source, both ways
        assert all("*" in row.phone for row in first_page(seven.db, user, query).rows)
    assert count_all(seven.db, user) == count_cases(seven.db, user, query) == 7
    # and the next page after the driver's first follows on in the same order
    page = first_page(seven.db, user, query, limit=3)
    rest = list_cases(seven, user, query, after=page.cursor, limit=10)
    every = list_cases(seven, user, query, limit=10)
    assert page.rows + rest.rows == every.rows


def test_only_the_unfiltered_list_is_read_by_the_driver(seven: Desk, supervisor: User) -> None:
    assert unfiltered(CaseQuery()) and unfiltered(CaseQuery(descending=False))
    for narrowed in (CaseQuery(text="施工"), CaseQuery(community="YT-HS-PW"),
                     CaseQuery(statuses=frozenset({"signing"})), CaseQuery(sort="due_at"),
                     CaseQuery(overdue=True)):
        assert not unfiltered(narrowed)
        with pytest.raises(ValueError):
            first_page(seven.db, supervisor, narrowed)
    assert unfiltered(replace(CaseQuery(), extra={"x": 1}))


def test_the_driver_page_needs_the_right_to_read_cases(seven: Desk) -> None:
    nobody = User("x", "x", "x", "no-such-role")
    with pytest.raises(NotAllowed):
        first_page(seven.db, nobody, CaseQuery())
    with pytest.raises(NotAllowed):
        count_all(seven.db, nobody)
