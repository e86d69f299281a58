"""Duplicates by meaning before saving: the same problem in other words, at the same address
(spelled another way) or in the same community, in the last 30 days."""

from __future__ import annotations

from collections.abc import Callable

from desk_app.domain.intake import Intake
from desk_app.store.case_queries import possible_duplicates
from desk_app.store.cases import register_case
from desk_app.store.desk import Desk
from desk_app.store.users import User
from tests.reading import READER


def test_the_same_problem_in_other_words_is_found_at_the_same_address(
        desk: Desk, window_user: User, intake: Callable[..., Intake]) -> None:
    dance = register_case(desk, window_user, intake(
        description="楼下广场舞音响太吵了，每天晚上跳到十点", category="010202",
        address="鹏湾花园3栋", phone="13900000001")).id
    register_case(desk, window_user, intake(
        description="小区门口的井盖丢了，很危险", category="030201",
        address="鹏湾花园3栋", phone="13900000002"))
    elsewhere = register_case(desk, window_user, intake(
        description="晚上跳舞的音乐声很大", category="010202", community="YT-HS-HT", grid="",
        address="海涛花园1栋", phone="13900000003")).id

    hits = possible_duplicates(desk.db, READER, community="YT-HS-PW", address="鹏湾 3号楼",
                               description="晚上有人在楼下跳舞，音箱震得睡不着",
                               catalogue=desk.catalogue)
    assert [h.id for h in hits] == [dance], "by meaning, whatever the category; not elsewhere"
    assert elsewhere not in [h.id for h in hits]


def test_an_other_problem_in_the_same_community_is_not_a_duplicate(
        desk: Desk, window_user: User, intake: Callable[..., Intake]) -> None:
    register_case(desk, window_user, intake(description="楼下广场舞音响太吵了", category="010202",
                                            address="鹏湾花园3栋", phone="13900000001"))
    hits = possible_duplicates(desk.db, READER, community="YT-HS-PW", address="鹏湾花园9栋",
                               description="家里停水两天了，什么时候来水",
                               catalogue=desk.catalogue)
    assert hits == []


def test_the_same_category_at_an_address_spelled_otherwise_is_found(
        desk: Desk, window_user: User, intake: Callable[..., Intake]) -> None:
    case = register_case(desk, window_user, intake(address="鹏湾花园３栋", phone="13900000001"))
    hits = possible_duplicates(desk.db, READER, category="010101", address="鹏湾花园3号楼",
                               community="YT-HS-HT")
    assert hits == [], "another community's cases are not this one's"
    hits = possible_duplicates(desk.db, READER, category=case.category, address="鹏湾花园3号楼",
                               community="YT-HS-PW")
    assert [h.id for h in hits] == [case.id]


def test_without_the_catalogue_the_words_themselves_still_match(
        desk: Desk, window_user: User, intake: Callable[..., Intake]) -> None:
    case = register_case(desk, window_user, intake(description="三单元的电梯又坏了，老人下不了楼",
                                                   category="020301", phone="13900000001"))
    hits = possible_duplicates(desk.db, READER, community="YT-HS-PW", address="鹏湾花园3栋",
                               description="电梯坏了好几天，老人下不了楼")
    assert [h.id for h in hits] == [case.id]
