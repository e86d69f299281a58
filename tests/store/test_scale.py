"""The desk at a million cases, as far as a test can tell without a million cases: every list the
screen asks for is answered through an index (the plans say so), the short-query index finds
what a scan would and stays in step with the case table, and opening a current database does
not import Alembic."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desk_app.domain.intake import Intake
from desk_app.store import case_queries as q
from desk_app.store.case_queries import CaseQuery, count_cases, list_cases
from desk_app.store.cases import register_case, resolve_case
from desk_app.store.database import Database, head_revision, known_revisions, open_database
from desk_app.store.desk import Desk
from desk_app.store.projection import rebuild_projections
from desk_app.store.schema import cases
from desk_app.store.search_index import search_grams, short_match
from desk_app.store.users import User

ROOT = Path(__file__).resolve().parents[2]
MakeIntake = Callable[..., Intake]


def plan(db: Database, statement: object) -> str:
    with db.read() as conn:
        sql = statement.compile(dialect=conn.dialect,  # type: ignore[attr-defined]
                                compile_kwargs={"render_postcompile": True})
        params = sql.construct_params()
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + str(sql),
                                    tuple(params[n] for n in sql.positiontup)).all()
    return " / ".join(r[3] for r in rows)


def page_plan(db: Database, query: CaseQuery) -> str:
    match = q._in_index_order(query)
    statement = q._search_page(query, match, None) if match else q._sorted_page(query, None)
    return plan(db, statement.limit(200))


def test_the_lists_of_the_screen_are_read_through_indexes(db: Database) -> None:
    """No full scan of the cases and no sort of every match, for any of the common lists."""
    now = datetime(2026, 12, 1, tzinfo=UTC)
    base = CaseQuery(now=now)
    expected = {
        "newest first": (base, "ix_cases_registered"),
        "3+ character search": (replace(base, text="楼道问题"), "cases_fts VIRTUAL TABLE"),
        "2 characters": (replace(base, text="漏水"), "cases_grams VIRTUAL TABLE"),
        "1 character": (replace(base, text="灯"), "cases_grams VIRTUAL TABLE"),
        "search and a filter": (replace(base, text="漏水", urgency="urgent"), "cases_grams"),
        "overdue": (replace(base, overdue=True), "ix_cases_open"),
        "due soon": (replace(base, due_soon=True), "ix_cases_open"),
        "overdue or due soon": (replace(base, overdue=True, due_soon=True), "ix_cases_open"),
        "still open": (replace(base, statuses=frozenset({"dispatched", "signed"})),
                       "ix_cases_open"),
        "by deadline": (replace(base, sort="due_at", descending=False), "ix_cases_deadline"),
        "by deadline, latest first": (replace(base, sort="due_at"), "ix_cases_deadline"),
    }
    for label, (query, index) in expected.items():
        found = page_plan(db, query)
        assert index in found, (label, found)
        assert "TEMP B-TREE" not in found, (label, found)
        steps = found.split(" / ")
        assert not any(s == "SCAN cases" for s in steps), (label, found)  # a full table scan


def test_counts_are_read_through_indexes(db: Database) -> None:
    now = datetime(2026, 12, 1, tzinfo=UTC)
    for query, index in ((CaseQuery(now=now, overdue=True), "ix_cases_open"),
                         (CaseQuery(now=now, text="漏水"), "cases_grams"),
                         (CaseQuery(now=now, text="楼道问题"), "cases_fts")):
        match = q.text_match(query.text)
        if match is None:
            statement = select(q.func.count()).select_from(cases).where(
                *q._conditions(query, counting=True))
        else:
            statement = select(q.func.count()).select_from(match.source).where(match.condition())
        found = plan(db, statement)
        assert index in found, found


def test_the_desk_clock_reads_its_latest_stamp_from_an_index(db: Database) -> None:
    with db.read() as conn:
        found = " ".join(r[3] for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT max(hlc) FROM events"))
    assert "ix_events_hlc" in found


def test_short_tokens() -> None:
    assert search_grams("漏水了", None, "张三") == "漏水 水了 了 张三 三"
    assert search_grams("Pipe 坏") == "pi ip pe e 坏"
    assert short_match("漏水") == '"漏水"'
    assert short_match(" 灯 ") == '"灯"*'
    assert short_match("   ") is None
    # ASCII punctuation is kept in tokens (moved out of the tokenizer's way), so it is found.
    assert short_match("%") != short_match("_")


def test_one_and_two_characters_find_what_a_scan_finds(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    texts = ["楼道漏水", "屋顶漏水了", "水管坏了", "张三", "路灯不亮", "漏", "A座水压低",
             "50%的住户停水"]
    made = {}
    for i, text in enumerate(texts):
        made[text] = register_case(desk, window_user, intake(
            description=f"第{i}件：{text}", name=text if len(text) <= 5 else "王五",
            address="", phone=f"1380000{i:04d}")).id
    with desk.db.read() as conn:
        rows = conn.execute(select(cases.c.id, cases.c.title, cases.c.description,
                                   cases.c.address, cases.c.name)).all()

    def scanned(word: str) -> set[str]:
        return {r.id for r in rows if any(word.lower() in (v or "").lower() for v in r[1:])}

    for word in ("漏水", "水", "张三", "三", "灯", "a座", "A", "%", "0%", "坏了", "嗯嗯", "，"):
        query = CaseQuery(text=word)
        found = {r.id for r in list_cases(desk.db, query, limit=100).rows}
        assert found == scanned(word), word
        assert count_cases(desk.db, query) == len(found), word
    assert made["张三"] in {r.id for r in list_cases(desk.db, CaseQuery(text="张三")).rows}


def test_the_short_index_follows_changes_and_rebuilds(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake(description="阳台漏水，楼下遭殃。"))
    resolve_case(desk, window_user, case.id, "已修好")
    assert count_cases(desk.db, CaseQuery(text="漏水")) == 1
    with desk.db.begin() as conn:
        rebuild_projections(conn, desk.calendar)
    assert count_cases(desk.db, CaseQuery(text="漏水")) == 1, "rebuilt once, not twice"
    assert count_cases(desk.db, CaseQuery(text="遭殃")) == 1
    with desk.db.begin() as conn:
        conn.execute(cases.update().where(cases.c.id == case.id)
                     .values(title="已经修好了", description="已经修好了"))
    for text in ("遭殃", "楼下遭殃"):  # both indexes: pairs, and trigrams
        assert count_cases(desk.db, CaseQuery(text=text)) == 0, text
    for text in ("修好", "已经修好"):
        assert count_cases(desk.db, CaseQuery(text=text)) == 1, text
    with desk.db.begin() as conn:  # a change that leaves the text alone rewrites no index
        conn.execute(cases.update().where(cases.c.id == case.id).values(status="closed"))
    assert count_cases(desk.db, CaseQuery(text="已经修好")) == 1


def test_search_pages_come_newest_first_and_concatenate(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    made = [register_case(desk, window_user, intake(
        description=f"第{i}件 漏水", phone=f"1390000{i:04d}")).id for i in range(23)]
    for text in ("漏水", "件 漏水"):
        query = CaseQuery(text=text)
        pages, after = [], None
        while True:
            page = list_cases(desk.db, query, after=after, limit=5)
            pages.append([r.id for r in page.rows])
            if page.cursor is None:
                break
            after = page.cursor
        assert [len(p) for p in pages] == [5, 5, 5, 5, 3]
        assert [i for p in pages for i in p] == made[::-1], "newest first, no gaps, no repeats"


def test_an_older_database_gets_the_indexes_and_its_cases_are_searchable(
        tmp_path: Path, catalogue: object, calendar: object, intake: MakeIntake) -> None:
    """A desk at the revision before 0005 with cases in it: after opening, 2 characters find
    them."""
    from desk_app.store import database

    before = database._revision_graph()["0005"]
    path = tmp_path / "old.sqlite3"
    old = open_database(path)  # at head; go back by hand: drop what 0005 made
    with old.begin() as conn:
        for statement in ("DROP TABLE audit_log",  # 0010, after 0005
                          "DROP TABLE cases_grams", "DROP INDEX ix_events_hlc",
                          "DROP INDEX ix_cases_deadline", "DROP INDEX ix_cases_open",
                          "DROP TRIGGER cases_grams_insert", "DROP TRIGGER cases_grams_delete",
                          "DROP TRIGGER cases_grams_update",
                          f"UPDATE alembic_version SET version_num = '{before}'"):
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql(
            "INSERT INTO cases (id, status, title, description) "
            "VALUES ('c1', 'dispatched', '老楼漏水', '三楼漏水')")
    old.close()
    db = open_database(path)
    try:
        assert count_cases(db, CaseQuery(text="漏水")) == 1
        with db.read() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() \
                == head_revision()
    finally:
        db.close()


def test_the_revisions_are_read_from_the_migration_files() -> None:
    from alembic.script import ScriptDirectory

    from desk_app.store.database import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    assert head_revision() == script.get_current_head()
    assert known_revisions() == {s.revision for s in script.walk_revisions()}


@pytest.mark.parametrize("existing", [True, False], ids=["current", "new"])
def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path,
                                                           existing: bool) -> None:
    path = tmp_path / "desk.sqlite3"
    if existing:
        open_database(path).close()
    code = ("import sys; from pathlib import Path; from desk_app.store.database import "
            f"open_database; open_database(Path({str(path)!r})).close(); "
            "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                         text=True, check=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert out.stdout.strip() == ("False" if existing else "True")
