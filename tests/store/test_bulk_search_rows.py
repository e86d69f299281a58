"""The short-query rows a bulk write makes in one go (a pulled page, a rebuild) are those the
triggers make one case at a time: the same cases are found, and they follow later changes."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desk_app.domain.intake import Intake
from desk_app.store.case_queries import CaseQuery, list_cases
from desk_app.store.cases import register_case
from desk_app.store.desk import Desk
from desk_app.store.projection import BULK_ROWS, rebuild_projections
from desk_app.store.schema import cases
from desk_app.store.search_index import grams_in_bulk
from desk_app.store.users import User
from tests.reading import READER

WORDS = ["漏水", "路灯", "噪音", "电梯 困人", "KTV 50%", "井盖_缺失"]
QUERIES = ["水", "灯", "漏水", "电梯", "困", "K", "%", "_", "50", "井盖", "号楼坏", "ktv 50%"]


def found(desk: Desk, text: str) -> set[str]:
    return {r.id for r in list_cases(desk, READER, CaseQuery(text=text), limit=200).rows}


def switch_rows(desk: Desk) -> int:
    with desk.db.read() as conn:
        return conn.exec_driver_sql("SELECT count(*) FROM search_bulk").scalar_one()


def test_a_rebuild_in_bulk_finds_what_the_triggers_found(
        desk: Desk, window_user: User, intake: Callable[..., Intake]) -> None:
    made = [register_case(desk, window_user, intake(
        description=f"{WORDS[n % len(WORDS)]}，第{n}号楼坏了", name=f"居民{n}")).id
        for n in range(BULK_ROWS + 10)]
    before = {q: found(desk, q) for q in QUERIES}
    assert [q for q, ids in before.items() if not ids] == []
    with desk.db.begin() as conn:
        rebuild_projections(conn, desk.calendar)  # one batch of more than BULK_ROWS cases
    assert {q: found(desk, q) for q in QUERIES} == before
    assert switch_rows(desk) == 0
    with desk.db.begin() as conn:  # the bulk rows are deleted by the update trigger as usual
        conn.execute(cases.update().where(cases.c.id == made[0])
                     .values(title="已经修好了", description="已经修好了"))
    assert made[0] not in found(desk, "漏水")
    assert made[0] in found(desk, "修好")


def test_a_bulk_write_that_fails_leaves_the_trigger_on(
        desk: Desk, window_user: User, intake: Callable[..., Intake]) -> None:
    with pytest.raises(RuntimeError), desk.db.begin() as conn, grams_in_bulk(conn):
        raise RuntimeError("cut off")
    assert switch_rows(desk) == 0
    case = register_case(desk, window_user, intake(description="楼道灯坏了"))
    assert case.id in found(desk, "灯")
