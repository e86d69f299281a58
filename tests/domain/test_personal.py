"""Masking at the source: what a role without "see_phone" gets of a case (desk_app.domain.personal)."""

from __future__ import annotations

from desk_app.domain.case import CaseState, Step
from desk_app.domain.personal import looks_like_number_search, masked_case, masked_text


def test_numbers_typed_into_text_are_masked_and_the_rest_stays() -> None:
    text = "张三（13912345678）反映，身份证440308199001011239，门牌12345号，电话 139 1234 5678"
    assert masked_text(text) == ("张三（139****5678）反映，身份证4403**********1239，门牌12345号，"
                                 "电话 139****5678")
    assert masked_text("0755-25551234 转 8", ["0755-25551234"]) == "075****1234 转 8"
    assert masked_text(masked_text(text)) == masked_text(text), "masking twice changes nothing"


def test_what_counts_as_a_search_by_number() -> None:
    for query in ("13812345678", "138 1234 5678", "5678", "440308199001011239",
                  "44030819900101123X", "(0755) 2555"):
        assert looks_like_number_search(query), query
    for query in ("YT-HS-01-20261202-0001", "楼道灯", "123", "鹏湾3栋", ""):
        assert not looks_like_number_search(query), query


def test_a_masked_case_carries_no_whole_number_anywhere() -> None:
    from datetime import UTC, datetime

    state = CaseState("c1", phone="13812345678", id_number="440308199001011239",
                      name="李秀英", title="13812345678 楼道灯坏了",
                      description="请回电13812345678")
    state.steps.append(Step(datetime.now(UTC), "case.registered", "w@D", "D",
                            {"phone": "13812345678", "id_number": "440308199001011239",
                             "description": "请回电13812345678"}, "e1"))
    masked = masked_case(state)
    assert "13812345678" not in repr(masked) and "440308199001011239" not in repr(masked)
    assert masked.name == "李秀英" and masked.phone == "138****5678"
    assert state.phone == "13812345678", "the original is left as it was"
