"""Text and address similarity: the pieces duplicates and hot topics stand on."""

from __future__ import annotations

import pytest

from desk_app.domain.catalogue import Catalogue
from desk_app.domain.classify import split_problems, suggester_for
from desk_app.domain.similarity import (
    cosine,
    estate_of,
    group_similar,
    normalize,
    normalize_address,
    shared_words,
)


@pytest.mark.parametrize(("one", "other"), [
    ("鹏湾花园３栋", "鹏湾花园3栋"),
    ("鹏湾花园 3号楼", "鹏湾花园3栋"),
    ("鹏湾花园三栋", "鹏湾3栋"),
    ("盐田区海山街道鹏湾社区鹏湾花园3幢", "鹏湾花园3栋"),
    ("东和小区12座2单元", "东和12栋2单元"),
    ("ＡＢＣ大厦十二栋", "abc12栋"),
])
def test_one_place_spelled_many_ways_is_one_address(one: str, other: str) -> None:
    assert normalize_address(one) == normalize_address(other)


def test_different_buildings_stay_different() -> None:
    assert normalize_address("鹏湾花园3栋") != normalize_address("鹏湾花园5栋")
    assert estate_of("鹏湾花园3栋") == estate_of("鹏湾 5号楼") == "鹏湾"


def test_full_width_and_digits_do_not_change_the_words() -> None:
    assert normalize("３栋ＡＢ") == normalize("12栋ab") == "0栋ab"


def test_the_same_problem_in_other_words_is_closer_than_another_problem(
        catalogue: Catalogue) -> None:
    vec = suggester_for(catalogue).vector
    dance = vec("楼下广场舞音响太吵了，每天晚上都跳到十点")
    same = vec("晚上有人在楼下跳广场舞，音乐声很大吵得睡不着")
    other = vec("楼下的井盖丢了，晚上很危险")
    assert cosine(dance, same) > 0.3 > cosine(dance, other)


def test_ten_complaints_about_one_square_dance_form_one_group(catalogue: Catalogue) -> None:
    vec = suggester_for(catalogue).meaning
    dance = ["广场舞太吵了", "每天晚上楼下跳舞音响很大", "跳广场舞的音乐声吵得孩子睡不着",
             "广场上大妈跳舞放音乐到十点", "楼下广场舞扰民，希望管一管", "晚上跳舞的音箱声音太大",
             "广场舞噪音严重影响休息", "小区广场每晚跳舞太吵", "跳舞的喇叭声音震耳朵",
             "广场舞从七点跳到十点，太吵"]
    lamp = ["路灯坏了好几天", "晚上路灯不亮，很黑", "这条路的路灯一直不亮"]
    groups = group_similar([vec(t) for t in dance + lamp], 0.25)
    as_sets = sorted((set(g) for g in groups), key=len, reverse=True)
    assert as_sets[0] == set(range(10))
    assert set(range(10, 13)) in as_sets


def test_shared_words_are_what_a_worker_reads_as_the_reason() -> None:
    assert shared_words("楼道灯坏了一个月", "楼道里的灯坏了")[0] in {"灯坏了", "楼道"}


def test_two_problems_are_split_into_their_parts(catalogue: Catalogue) -> None:
    parts = split_problems(catalogue, "楼下广场舞每晚吵到十点，而且那边的路灯坏了，晚上黑乎乎的")
    assert [p.item.code for p in parts] == ["010202", "030203"]
    assert "广场舞" in parts[0].part and "路灯" in parts[1].part
    assert split_problems(catalogue, "楼上装修天天电钻，吵得老人睡不好") == []
