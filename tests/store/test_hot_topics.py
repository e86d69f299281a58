"""Hot topics for council meetings: the same problem told in other words (and filed under
several categories) is one topic; repeat residents are found without reading the whole table."""

from __future__ import annotations

from collections.abc import Callable

from desk_app.domain.intake import Intake
from desk_app.store.cases import register_case
from desk_app.store.desk import Desk
from desk_app.store.meetings import hot_topics
from desk_app.store.users import User
from tests.reading import READER

DANCE = [("010202", "广场舞太吵了"), ("010202", "每天晚上楼下跳舞音响很大"),
         ("010202", "跳广场舞的音乐声吵得孩子睡不着"), ("010202", "广场上大妈跳舞放音乐到十点"),
         ("010202", "楼下广场舞扰民，希望管一管"), ("010203", "晚上跳舞的音箱声音太大"),
         ("010203", "广场舞噪音严重影响休息"), ("010203", "小区广场每晚跳舞太吵"),
         ("150201", "跳舞的喇叭声音震耳朵，跟她们说了也不听"),
         ("150201", "广场舞从七点跳到十点，太吵")]
LAMPS = ["路灯坏了好几天", "晚上路灯不亮，很黑", "这条路的路灯一直不亮"]


def test_ten_complaints_about_one_square_dance_in_other_words_are_one_topic(
        desk: Desk, window_user: User, intake: Callable[..., Intake]) -> None:
    dance = [register_case(desk, window_user, intake(
        description=text, category=code, urgency="ordinary", phone=f"139000000{n:02d}")).id
        for n, (code, text) in enumerate(DANCE)]
    lamps = [register_case(desk, window_user, intake(
        description=text, category="030203", urgency="ordinary", phone=f"137000000{n:02d}")).id
        for n, text in enumerate(LAMPS)]
    register_case(desk, window_user, intake(description="楼上装修电钻太吵", category="010201",
                                            urgency="ordinary", phone="13600000001"))

    topics = hot_topics(desk, READER)
    similar = [t for t in topics if t.source == "similar"]
    assert len(similar) == 1
    assert set(similar[0].case_ids) == set(dance), "one topic, whatever the category"
    assert similar[0].category == "010202" and "广场舞" in similar[0].title
    by_category = {t.category: set(t.case_ids) for t in topics if t.source == "category"}
    assert by_category["030203"] == set(lamps)
    assert "010201" not in by_category


def test_a_resident_who_comes_back_is_a_topic(desk: Desk, window_user: User,
                                              intake: Callable[..., Intake]) -> None:
    first = register_case(desk, window_user, intake(phone="13812345678")).id
    second = register_case(desk, window_user, intake(phone="13812345678",
                                                     description="还是夜间施工的问题")).id
    residents = [t for t in hot_topics(desk, READER) if t.source == "resident"]
    assert [set(t.case_ids) for t in residents] == [{first, second}]


def test_repeat_residents_read_only_the_date_window(desk: Desk) -> None:
    from desk_app.store import meetings

    captured: list[str] = []

    class Spy:
        def __init__(self, conn: object) -> None:
            self.conn = conn

        def execute(self, statement: object) -> object:
            sql = str(statement.compile(compile_kwargs={"literal_binds": True}))  # type: ignore[attr-defined]
            captured.extend(r[3] for r in self.conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))  # type: ignore[attr-defined]
            return self.conn.execute(statement)  # type: ignore[attr-defined]

    with desk.db.read() as conn:
        meetings.repeat_residents(Spy(conn), READER, 0, 2)
    assert any("ix_cases_registered" in step for step in captured), captured
    assert not any("ix_cases_phone" in step for step in captured), captured
