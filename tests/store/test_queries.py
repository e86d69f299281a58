"""Reading the case list: search, filters, keyset pages, counts and possible duplicates."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.ids import uuid7
from desk_app.domain.intake import Intake, registration_payload
from desk_app.domain.sla import ms_from_utc
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.case_queries import (
    FAR_FUTURE,
    SORTS,
    CaseQuery,
    CaseRow,
    count_cases,
    list_cases,
    possible_duplicates,
)
from desk_app.store.cases import (
    record_evaluation,
    register_case,
    resolve_case,
    void_case,
)
from desk_app.store.database import Database, open_database
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.users import User, create_user
from tests.reading import READER

MakeIntake = Callable[..., Intake]
ALL_SATISFIED = dict.fromkeys(("speed", "effect", "service", "feedback"), "satisfied")


class FakeWall:
    """A clock the test moves by hand (UTC)."""

    def __init__(self, start: datetime) -> None:
        self.ms = ms_from_utc(start)

    def __call__(self) -> int:
        return self.ms

    def set(self, moment: datetime) -> None:
        self.ms = ms_from_utc(moment)


def ids(rows: list[CaseRow]) -> list[str]:
    return [r.id for r in rows]


def found(db: Desk, text: str, **filters: object) -> set[str]:
    query = CaseQuery(text=text, **filters)  # type: ignore[arg-type]
    rows = list_cases(db, READER, query, limit=1000).rows
    assert count_cases(db.db, READER, query) == len(rows)
    return set(ids(rows))


# --- search -------------------------------------------------------------------------------------


SEARCHABLE = {
    # key: changes to the conftest intake (李秀英, 13812345678, 鹏湾花园3栋, 夜间施工…噪音)
    "noise": {},
    "light": {"description": "海景路的路灯不亮了，晚上走路很危险。", "category": "030203",
              "urgency": "ordinary", "address": "海景路12号", "name": "张伟",
              "phone": "139 0000 1111"},
    "stair": {"description": "楼道灯坏了一个星期，老人上下楼不方便。", "category": "020303",
              "urgency": "ordinary", "address": "梧桐苑2栋", "name": "王芳",
              "phone": "0755-2555 6789"},
    "lift": {"title": "电梯困人求助", "description": "今天早上有人被困了半小时，希望彻查。",
             "category": "020301", "urgency": "urgent", "address": "", "name": "赵敏",
             "phone": "13700002222"},
    "address": {"description": "门口垃圾桶满了没人清理。", "category": "040101",
                "urgency": "ordinary", "address": "海涛花园7栋", "name": "孙丽",
                "phone": "13600003333"},
    "anon": {"description": "公园里有人晚上遛狗不牵绳。", "category": "010204",
             "urgency": "ordinary", "address": "", "name": "", "phone": "", "anonymous": True},
}


def new_desk(path: Path, catalogue: Catalogue, calendar: WorkCalendar,
             wall: FakeWall | None = None) -> Desk:
    """A desk of its own, for data shared by the tests of this module (they only read it)."""
    db = open_database(path)
    identity = setup_desk(db, "YT-HS-01", "海山街道鹏湾社区党群服务中心", "YT-HS-PW", catalogue)
    return Desk(db, identity, catalogue, calendar, wall=wall)


@pytest.fixture(scope="module")
def search_desk(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue,
                calendar: WorkCalendar) -> Iterator[tuple[Desk, dict[str, str]]]:
    """Six cases, each with something findable in only one field."""
    desk = new_desk(tmp_path_factory.mktemp("search") / "desk.sqlite3", catalogue, calendar)
    user = create_user(desk.db, "wangli", "王丽", "window", "correct horse")
    made = {}
    for key, changes in SEARCHABLE.items():
        intake = Intake(channel="window", kind="complaint",
                        description="鹏湾花园3栋楼下工地夜间施工噪音很大，凌晨一点还在打桩，影响休息。",
                        category="010101", urgency="urgent", community="YT-HS-PW",
                        grid="YT-HS-PW-G01", address="鹏湾花园3栋", name="李秀英",
                        phone="13812345678")
        for name, value in changes.items():
            setattr(intake, name, value)
        made[key] = register_case(desk, user, intake).id
    yield desk, made
    desk.db.close()


@pytest.mark.parametrize(("text", "expected"), [
    ("夜间施工", {"noise"}),          # description
    ("鹏湾花园", {"noise"}),          # address (and description)
    ("海涛花园", {"address"}),        # address only
    ("电梯困人", {"lift"}),           # title only
    ("李秀英", {"noise"}),            # 3-character name
    ("楼道灯坏了", {"stair"}),
    ("不牵绳", {"anon"}),
    ("灯", {"light", "stair"}),       # one character
    ("噪音", {"noise"}),              # two characters
    ("张伟", {"light"}),              # two-character name
    ("路灯", {"light"}),
    ("栋", {"noise", "stair", "address"}),
    ("没有这回事", set()),
    ("鱼", set()),
])
def test_text_search(search_desk: tuple[Desk, dict[str, str]], text: str,
                     expected: set[str]) -> None:
    desk, searchable = search_desk
    assert found(desk, text) == {searchable[k] for k in expected}


def test_text_search_combines_with_filters(search_desk: tuple[Desk, dict[str, str]]) -> None:
    desk, searchable = search_desk
    assert found(desk, "灯", category="0302") == {searchable["light"]}
    assert found(desk, "楼道灯", statuses=frozenset({"voided"})) == set()


@pytest.mark.parametrize(("text", "expected"), [
    ("5678", {"noise"}),                     # last 4 of a mobile
    ("1111", {"light"}),
    ("6789", {"stair"}),                     # last 4 of a landline
    ("13812345678", {"noise"}),              # whole mobile
    ("138 1234 5678", {"noise"}),
    ("138-1234-5678", {"noise"}),
    ("1381234", {"noise"}),                  # beginning of a mobile
    ("13900001111", {"light"}),
    ("0755-25556789", {"stair"}),            # landline, as stored
    ("0755 2555 6789", {"stair"}),
    ("075525556789", {"stair"}),
    ("9999", set()),
    ("13999999999", set()),
])
def test_phone_search(search_desk: tuple[Desk, dict[str, str]], text: str,
                      expected: set[str]) -> None:
    desk, searchable = search_desk
    assert found(desk, text) == {searchable[k] for k in expected}


@pytest.mark.parametrize(("text", "expected"), [
    ("(0755)2555-6789", "stair"),
    ("(0755) 2555 6789", "stair"),
    ("+86 138 1234 5678", "noise"),
])
def test_phone_search_accepts_what_registration_accepts(
        search_desk: tuple[Desk, dict[str, str]], text: str, expected: str) -> None:
    desk, searchable = search_desk
    assert found(desk, text) == {searchable[expected]}


def test_landline_with_extension_is_found_by_its_number(
        desk: Desk, window_user: User, intake: MakeIntake) -> None:
    case = register_case(desk, window_user, intake(phone="0755-2555 6789转801"))
    assert case.phone == "0755-25556789-801"
    assert found(desk, "6789") == {case.id}  # last 4 works
    assert found(desk, "0755-25556789") == {case.id}


def test_case_number_search(search_desk: tuple[Desk, dict[str, str]]) -> None:
    desk, searchable = search_desk
    rows = {r.id: r.number for r in list_cases(desk, READER, CaseQuery(), limit=100).rows}
    number = rows[searchable["stair"]]
    assert found(desk, number) == {searchable["stair"]}
    assert found(desk, number.lower()) == {searchable["stair"]}
    prefix = number.rsplit("-", 1)[0]  # YT-HS-01-YYYYMMDD
    assert found(desk, prefix) == set(searchable.values())
    assert found(desk, "YT-HS-01") == set(searchable.values())
    assert found(desk, "YT-HS-02") == set()


@pytest.mark.parametrize("text", [
    '"', '""', '"""', "*", "灯*", "OR", "AND", "NOT", "a OR b", "'; DROP TABLE cases; --",
    "NEAR(", "NEAR(楼道 灯)", "title:楼道", "^楼道", "(", ")", "{}", "%", "_", "%%%", "\\",
    "楼道灯'", "路灯\"不亮", "-", "--", "- 1", "+", "😀", "🏠🏠🏠", "   ", "\t灯\n",
    "x" * 2000,
])
def test_search_text_never_raises(search_desk: tuple[Desk, dict[str, str]], text: str) -> None:
    desk, searchable = search_desk
    rows = list_cases(desk, READER, CaseQuery(text=text)).rows
    assert set(ids(rows)) <= set(searchable.values())
    assert count_cases(desk.db, READER, CaseQuery(text=text)) == len(rows)
    assert count_cases(desk.db, READER, CaseQuery()) == len(searchable), "the table is still there"


def test_fts_syntax_is_searched_literally(desk: Desk, window_user: User,
                                          intake: MakeIntake) -> None:
    odd = register_case(desk, window_user, intake(
        description='居民说"楼道 OR 电梯" NEAR(门口) 都坏了*', address="50%折扣店_二楼"))
    assert found(desk, '"楼道 OR 电梯"') == {odd.id}
    assert found(desk, "NEAR(门口)") == {odd.id}
    assert found(desk, "坏了*") == {odd.id}
    assert found(desk, "%") == {odd.id}
    assert found(desk, "_") == {odd.id}
    assert found(desk, "50%折") == {odd.id}


# --- filters ---------------------------------------------------------------------------------


T0 = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)  # Monday 10:00 in Shenzhen


@pytest.fixture
def wall() -> FakeWall:
    return FakeWall(T0)


@pytest.fixture
def clocked(db: Database, desk: Desk, catalogue: Catalogue, calendar: WorkCalendar,
            wall: FakeWall) -> Desk:
    return Desk(db, desk.identity, catalogue, calendar, wall=wall)


def base_intake(**changes: object) -> Intake:
    intake = Intake(channel="window", kind="complaint",
                    description="鹏湾花园3栋楼下工地夜间施工噪音很大，凌晨一点还在打桩，影响休息。",
                    category="010101", urgency="urgent", community="YT-HS-PW",
                    grid="YT-HS-PW-G01", address="鹏湾花园3栋", name="李秀英",
                    phone="13812345678")
    for name, value in changes.items():
        setattr(intake, name, value)
    return intake


@pytest.fixture(scope="module")
def filter_desk(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue,
                calendar: WorkCalendar) -> Iterator[tuple[Desk, dict[str, str]]]:
    """Seven cases registered on different days by different people, channels and places."""
    wall = FakeWall(T0)
    desk = new_desk(tmp_path_factory.mktemp("filters") / "desk.sqlite3", catalogue, calendar,
                    wall)
    window = create_user(desk.db, "wangli", "王丽", "window", "correct horse")
    grid = create_user(desk.db, "grid1", "网格员", "grid", "correct horse")
    boss = create_user(desk.db, "chenjie", "陈杰", "supervisor", "correct horse")
    made: dict[str, str] = {}

    def reg(key: str, at: datetime, user: User = window, settle: str | None = None,
            **changes: object) -> None:
        wall.set(at)
        made[key] = register_case(desk, user, base_intake(**changes), settle_answer=settle).id

    reg("noise", T0)  # 010101 urgent, window, PW, 24h limit
    reg("lamp", T0 + timedelta(days=1), category="030203", urgency="ordinary",
        description="海景路的路灯不亮了")
    reg("phone_in", T0 + timedelta(days=3), channel="phone", category="020101",
        urgency="ordinary", description="物业不维修漏水的水管")
    reg("haitao", T0 + timedelta(days=4), community="YT-HS-HT", grid="YT-HS-HT-G02",
        category="010203", urgency="very_urgent", description="楼上深夜吵闹")
    reg("yantian", T0 + timedelta(days=5), user=grid, community="YT-YT-YT", grid="",
        channel="patrol", category="040101", urgency="ordinary", description="垃圾桶满了")
    reg("settled", T0 + timedelta(days=6), settle="已当场解答", kind="consultation",
        category="020102", urgency="ordinary", description="咨询物业费标准")
    reg("voided", T0 + timedelta(days=6, hours=1), category="010102", urgency="ordinary",
        description="白天施工噪音太大")
    wall.set(T0 + timedelta(days=6, hours=2))
    void_case(desk, boss, made["voided"], "重复登记")
    yield desk, made
    desk.db.close()


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, {"noise", "lamp", "phone_in", "haitao", "yantian", "settled", "voided"}),
    ({"statuses": frozenset({"resolved"})}, {"settled"}),
    ({"statuses": frozenset({"resolved", "voided"})}, {"settled", "voided"}),
    ({"category": "01"}, {"noise", "haitao", "voided"}),          # level-1 class
    ({"category": "0101"}, {"noise", "voided"}),                  # level-2 class
    ({"category": "010101"}, {"noise"}),                          # an item
    ({"category": "99"}, set()),
    ({"community": "YT-HS-HT"}, {"haitao"}),
    ({"community": "YT-HS"}, set()),                              # a street is not a community
    ({"within": "YT-HS"}, {"noise", "lamp", "phone_in", "haitao", "settled", "voided"}),
    ({"within": "YT-YT"}, {"yantian"}),
    ({"within": "YT-HS-P"}, set()),                               # not a prefix of a code part
    ({"urgency": "very_urgent"}, {"haitao"}),
    ({"urgency": "urgent"}, {"noise"}),
    ({"channel": "phone"}, {"phone_in"}),
    ({"channel": "patrol"}, {"yantian"}),
    ({"registered_by": "grid1@YT-HS-01"}, {"yantian"}),
    ({"registered_from": T0 + timedelta(days=3), "registered_to": T0 + timedelta(days=5)},
     {"phone_in", "haitao"}),
    ({"registered_from": T0 + timedelta(days=6)}, {"settled", "voided"}),
    ({"registered_to": T0 + timedelta(days=1)}, {"noise"}),
    ({"category": "01", "community": "YT-HS-PW", "statuses": frozenset({"dispatched"})},
     {"noise"}),
])
def test_filters(filter_desk: tuple[Desk, dict[str, str]], filters: dict[str, object],
                 expected: set[str]) -> None:
    desk, made = filter_desk
    assert found(desk, "", **filters) == {made[k] for k in expected}


def test_registered_by_a_window_user(filter_desk: tuple[Desk, dict[str, str]]) -> None:
    desk, made = filter_desk
    everyone = found(desk, "")
    assert found(desk, "", registered_by="wangli@YT-HS-01") == everyone - {made["yantian"]}


def _clock_states(db: Desk, now: datetime) -> dict[str, str | None]:
    rows = list_cases(db, READER, CaseQuery(), limit=1000).rows
    return {r.id: r.clock_state(ms_from_utc(now)) for r in rows}


def test_overdue_and_due_soon(filter_desk: tuple[Desk, dict[str, str]]) -> None:
    desk, filtered = filter_desk
    db = desk
    noise = filtered["noise"]  # registered T0, 24 h limit, signing due T0 + 24 h
    later = T0 + timedelta(hours=1)
    soon = T0 + timedelta(hours=20)  # past 80 % of 24 h, before the deadline
    late = T0 + timedelta(hours=25)
    assert found(db, "", now=later, overdue=True) == set()
    # A one-day case is due soon from the start: under 24 hours left (issue 15, defect 16).
    assert found(db, "", now=later, due_soon=True) == {noise}
    assert found(db, "", now=soon, due_soon=True) == {noise}
    assert found(db, "", now=soon, overdue=True) == set()
    assert found(db, "", now=late, overdue=True) == {noise}
    assert found(db, "", now=late, due_soon=True) == set()
    assert found(db, "", now=soon, overdue=True, due_soon=True) == {noise}

    # Far in the future every active case is overdue; settled and voided ones never are.
    far = T0 + timedelta(days=60)
    active = {filtered[k] for k in ("noise", "lamp", "phone_in", "haitao", "yantian")}
    assert found(db, "", now=far, overdue=True) == active
    assert found(db, "", now=far, due_soon=True) == set()

    # The filters agree with what each row shows.
    for moment in (later, soon, late, far):
        states = _clock_states(db, moment)
        assert found(db, "", now=moment, overdue=True) == {
            k for k, v in states.items() if v == "overdue"}
        assert found(db, "", now=moment, due_soon=True) == {
            k for k, v in states.items() if v == "due_soon"}


# --- keyset pagination -----------------------------------------------------------------------

BULK_CASES = 450
INCOMPLETE = 3
CATEGORIES = ("010101", "010201", "030203", "020303", "050101", "040101")
COMMUNITIES = (("YT-HS-PW", "YT-HS-PW-G01"), ("YT-HS-HT", ""), ("YT-YT-YT", "YT-YT-YT-G02"))
DESCRIPTIONS = ("楼道灯坏了一个星期", "夜间施工噪音很大", "垃圾桶满了没人清理",
                "路灯不亮了", "广场舞音响太吵", "井盖丢失很危险")


def _bulk_intakes() -> Iterator[Intake]:
    for i in range(BULK_CASES):
        community, grid = COMMUNITIES[i % 3]
        yield Intake(
            channel=("window", "phone", "online", "patrol")[i % 4], kind="complaint",
            description=DESCRIPTIONS[i % len(DESCRIPTIONS)] + ("" if i % 5 else "，请尽快处理"),
            category=CATEGORIES[i % len(CATEGORIES)],
            urgency=("ordinary", "urgent", "very_urgent")[i % 7 % 3],
            community=community, grid=grid, address=f"{i % 9}号楼", name="居民",
            phone=f"138{i % 40:08d}",
        )


@pytest.fixture(scope="module")
def bulk(tmp_path_factory: pytest.TempPathFactory, catalogue: Catalogue,
         calendar: WorkCalendar) -> Iterator[Desk]:
    """450 cases written in one transaction: many ties on every sort key (three cases share
    each registration millisecond), a mix of statuses, and three cases whose registration has
    not arrived yet (no number, no deadline)."""
    path: Path = tmp_path_factory.mktemp("bulk") / "desk.sqlite3"
    db = open_database(path)
    identity = setup_desk(db, "YT-HS-01", "鹏湾社区党群服务中心", "YT-HS-PW", catalogue)
    user = create_user(db, "wangli", "王丽", "window", "correct horse")
    wall = FakeWall(T0)
    desk = Desk(db, identity, catalogue, calendar, wall=wall)
    actor = user.actor(desk.code)
    with db.begin() as conn:
        batch = []
        for i, intake in enumerate(_bulk_intakes()):
            wall.set(T0 + timedelta(minutes=7 * (i // 3)))
            case_id = uuid7()
            number = desk.next_case_number(conn)
            payload = registration_payload(intake, catalogue, number)
            org = intake.grid or intake.community
            batch.append(desk.new_event(actor, "case", case_id, "case.registered", payload, org))
            item = catalogue.items[intake.category]
            if i % 5 == 0:
                batch.append(desk.new_event(actor, "case", case_id, "case.resolved",
                                            {"text": "已当场答复", "on_spot": True}, org))
            elif i % 7 == 0:
                batch.append(desk.new_event(actor, "case", case_id, "case.voided",
                                            {"reason": "重复"}, org))
            elif i % 11 != 0:
                batch.append(desk.new_event(actor, "case", case_id, "case.dispatched",
                                            {"lead": item.lead, "co": list(item.co),
                                             "mode": "auto"}, org))
        for _ in range(INCOMPLETE):
            batch.append(desk.new_event("zhao@YT-HS-02", "case", uuid7(), "case.commented",
                                        {"text": "登记还没同步过来"}))
        desk.record(batch, conn=conn)
    yield desk
    db.close()


def _python_key(row: CaseRow, sort: str) -> object:
    if sort == "due_at":
        return FAR_FUTURE if row.due_at is None else row.due_at
    return getattr(row, sort)


def _all_pages(db: Desk, query: CaseQuery, limit: int) -> list[list[CaseRow]]:
    pages, after = [], None
    while True:
        page = list_cases(db, READER, query, after=after, limit=limit)
        pages.append(page.rows)
        if page.cursor is None:
            return pages
        after = page.cursor
        assert len(pages) < 100, "paging does not end"


def test_bulk_data_has_ties_and_gaps(bulk: Desk) -> None:
    rows = list_cases(bulk, READER, CaseQuery(), limit=10_000).rows
    assert len(rows) == BULK_CASES + INCOMPLETE == count_cases(bulk.db, READER, CaseQuery())
    assert len({r.registered_at for r in rows}) < len(rows) / 2
    assert sum(r.due_at is None for r in rows) == INCOMPLETE
    assert sum(r.number == "" for r in rows) == INCOMPLETE
    assert {r.status for r in rows} == {"dispatched", "registered", "resolved", "voided",
                                        "incomplete"}


@pytest.mark.parametrize("descending", [True, False], ids=["desc", "asc"])
@pytest.mark.parametrize("sort", list(SORTS))
def test_pages_concatenate_to_the_whole_list(bulk: Desk, sort: str,
                                             descending: bool) -> None:
    query = CaseQuery(sort=sort, descending=descending)
    whole = list_cases(bulk, READER, query, limit=10_000).rows
    assert len(whole) == BULK_CASES + INCOMPLETE
    keys = [(_python_key(r, sort), r.pk) for r in whole]
    assert keys == sorted(keys, reverse=descending), "the list is in the order asked for"

    pages = _all_pages(bulk, query, 100)
    assert [len(p) for p in pages] == [100, 100, 100, 100, 53]
    joined = [r.id for p in pages for r in p]
    assert len(set(joined)) == len(joined), "no case on two pages"
    assert joined == ids(whole), "no gaps, same order"


@pytest.mark.parametrize("sort", ["registered_at", "status", "title", "due_at"])
def test_pages_with_a_filter_and_search(bulk: Desk, sort: str) -> None:
    query = CaseQuery(sort=sort, text="灯", statuses=frozenset({"dispatched", "registered"}))
    whole = list_cases(bulk, READER, query, limit=10_000).rows
    assert 100 < len(whole) == count_cases(bulk.db, READER, query)
    for limit in (7, 50, len(whole)):
        pages = _all_pages(bulk, query, limit)
        assert [r.id for p in pages for r in p] == ids(whole)


def test_count_agrees_with_the_list(bulk: Desk) -> None:
    now = T0 + timedelta(days=2)
    for query in (
        CaseQuery(),
        CaseQuery(category="01"),
        CaseQuery(within="YT-HS"),
        CaseQuery(community="YT-HS-PW"),
        CaseQuery(statuses=frozenset({"voided"})),
        CaseQuery(text="夜间施工"),
        CaseQuery(text="灯", urgency="urgent"),
        CaseQuery(overdue=True, now=now),
        CaseQuery(due_soon=True, now=T0 + timedelta(hours=20)),
        CaseQuery(registered_from=T0 + timedelta(hours=3), registered_to=T0 + timedelta(hours=9)),
    ):
        rows = list_cases(bulk, READER, query, limit=10_000).rows
        assert count_cases(bulk.db, READER, query) == len(rows)
        assert len(rows) > 0, query


# --- possible duplicates -----------------------------------------------------------------------


def test_possible_duplicates(clocked: Desk, wall: FakeWall, window_user: User,
                             supervisor: User, intake: MakeIntake) -> None:
    def reg(at: datetime, **changes: object) -> str:
        wall.set(at)
        return register_case(clocked, window_user, intake(**changes)).id

    now = T0 + timedelta(days=40)
    old = reg(T0, description="很久以前的同号码诉求")  # 40 days ago
    recent_phone = reg(now - timedelta(days=3), category="030203", urgency="ordinary",
                       community="YT-HS-HT", grid="", description="路灯不亮了")
    same_place = reg(now - timedelta(days=2), phone="13900001111", name="张伟",
                     description="工地晚上还在打桩")  # 010101 in PW
    other_place = reg(now - timedelta(days=2), phone="13900002222", community="YT-HS-HT",
                      grid="", description="工地晚上还在打桩")
    voided = reg(now - timedelta(days=1), description="重复登记的")
    wall.set(now - timedelta(hours=20))
    void_case(clocked, supervisor, voided, "重复")
    closed = reg(now - timedelta(hours=12), description="已经答复过的")
    resolve_case(clocked, window_user, closed, "已答复")
    record_evaluation(clocked, window_user, closed, ALL_SATISFIED)

    by_phone = possible_duplicates(clocked.db, READER, phone="138 1234 5678", now=now)
    assert set(ids(by_phone)) == {recent_phone}

    by_place = possible_duplicates(clocked.db, READER, category="010101", community="YT-HS-PW",
                                   now=now)
    assert set(ids(by_place)) == {same_place}

    both = possible_duplicates(clocked.db, READER, phone="13812345678", category="010101",
                               community="YT-HS-PW", now=now)
    assert ids(both) == [same_place, recent_phone], "newest first"

    # 50 days later everything is too old; 40 days back the old one counts again.
    assert possible_duplicates(clocked.db, READER, phone="13812345678", now=now + timedelta(days=50)
                               ) == []
    assert old in ids(possible_duplicates(clocked.db, READER, phone="13812345678",
                                          now=T0 + timedelta(days=1)))
    assert other_place not in ids(both)
    assert possible_duplicates(clocked.db, READER, now=now) == []
    assert possible_duplicates(clocked.db, READER, phone="not a phone", now=now) == []


def test_possible_duplicates_by_address(clocked: Desk, wall: FakeWall, window_user: User,
                                        intake: MakeIntake) -> None:
    wall.set(T0)
    case = register_case(clocked, window_user, intake(community="YT-HS-HT", grid="",
                                                      phone="13900001111"))
    hits = possible_duplicates(clocked.db, READER, category="010101", address=" 鹏湾花园3栋 ",
                               now=T0 + timedelta(days=1))
    assert ids(hits) == [case.id]

