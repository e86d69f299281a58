"""A desk that pulled its area finds the same cases as the desk that registered them, by one-,
two- and three-or-more-character queries: the bulk pull writes both search indexes as a
registration does."""

from __future__ import annotations

from collections.abc import Callable

from desk_app.store.case_queries import CaseQuery, list_cases
from desk_app.store.desk import Desk
from tests.reading import READER

from .conftest import SyncDesk
from .servers import ServerProcess

CASES = [
    {"description": "楼道灯坏了一个星期，晚上上下楼很危险。", "name": "李秀英"},
    {"description": "小区东门路灯不亮", "name": "王建国", "address": "鹏湾花园3栋"},
    {"description": "地下车库漏水严重，墙面发霉", "name": "张伟"},
    {"description": "噪音扰民：KTV 营业到凌晨 2 点", "name": "陈 静"},
    {"description": "电梯困人，物业 50% 的时间不接电话_", "name": "Li Na"},
    {"description": "垃圾桶满溢（三天未清运）", "name": "赵敏", "address": "海天社区12号"},
    {"description": "井盖缺失，夜间易摔倒", "name": "刘洋", "address": "路口 A-3"},
    {"description": "占道经营，早市摊位堵塞消防通道", "name": "孙丽"},
] + [{"description": f"第{n}号楼{word}，请处理", "name": f"居民{n}"}
     for n, word in enumerate(["外墙脱落", "水管爆裂", "路灯闪烁", "绿化带缺损"] * 6)]
QUERIES = ["灯", "水", "K", "%", "_", "3", "漏水", "路灯", "电梯", "王建", "ktv", "陈 静", "50",
           "楼道灯", "车库漏水", "鹏湾花园", "早市摊位", "Li Na", "三天未清运", "不存在的词",
           "一个星期", "口 A"]


def found(desk: Desk, text: str) -> set[str]:
    return {r.id for r in list_cases(desk, READER, CaseQuery(text=text), limit=100).rows}


def test_a_pulled_desk_finds_what_the_registering_desk_finds(
        sqlite_server: ServerProcess, make_desk: Callable[..., SyncDesk]) -> None:
    source = make_desk("YT-HS-02", "YT-HS", sqlite_server)
    for changes in CASES:
        source.register(**changes)
    assert source.client().sync().ok
    # pages of 3 (each case's index rows by the triggers) and of 1,000 (the bulk path's)
    by_pages = [make_desk(code, "YT-HS", sqlite_server) for code in ("YT-HS-01", "YT-HS-03")]
    for pulled, page in zip(by_pages, (3, 1000), strict=True):
        report = pulled.client(page=page).sync()
        assert report.ok, report.error
        assert report.applied >= 2 * len(CASES)
        with pulled.desk.db.read() as conn:  # the bulk path's switch never outlives its write
            assert conn.exec_driver_sql("SELECT count(*) FROM search_bulk").scalar() == 0
    answered = 0
    for query in [*QUERIES, "号楼", "楼", "爆裂", "路灯闪烁", "居民1"]:
        expected = found(source.desk, query)
        for pulled in by_pages:
            assert found(pulled.desk, query) == expected, query
        answered += bool(expected)
    assert answered == len(QUERIES) + 4, "every query but the nonsense one finds something"
