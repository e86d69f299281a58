"""Redaction of free text before the centre publishes it, and the receipt's lookup code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.catalogue import load_catalogue
from desk_app.domain.intake import Intake, registration_payload
from desk_app.domain.lookup import (
    ALPHABET,
    SECRET_LENGTH,
    check_public_address,
    lookup_code,
    parse_lookup_code,
    progress_address,
)
from desk_app.domain.redact import PHONE_MARK, redact
from desk_app.domain.text import DomainError


@pytest.mark.parametrize("text,gone,kept", [
    ("张三（13912345678）反映楼道灯坏了", ["13912345678"], ["反映楼道灯坏了"]),
    ("请回电 139 1234 5678 或 139-1234-5678", ["1234"], ["请回电"]),
    ("+86 13912345678 转告物业", ["13912345678"], ["转告物业"]),
    ("物业电话0755-83456789转123，座机(0755)25551234", ["83456789", "25551234"], ["物业电话"]),
    ("联系方式：83456789", ["83456789"], ["联系方式"]),
    ("身份证440308199001011239，旧证440308900101123", ["440308199001011239", "440308900101123"],
     ["身份证"]),
    ("我叫李小红，住在3栋", ["李小红"], ["住在3栋"]),
    ("居民王建国反映噪音扰民", ["王建国"], ["反映噪音扰民"]),
    ("请联系王女士或欧阳先生", ["王女士", "欧阳先生"], ["某女士", "某先生"]),
    ("邮箱 li.xh@example.com", ["li.xh@example.com"], ["邮箱"]),
])
def test_personal_data_in_free_text_is_removed(text: str, gone: list[str], kept: list[str]
                                               ) -> None:
    out = redact(text)
    for value in gone:
        assert value not in out, out
    for value in kept:
        assert value in out, out


def test_the_cases_own_values_go_wherever_they_appear() -> None:
    out = redact("刘海燕说鹏湾花园7栋302房漏水，刘海燕的电话是0755-1234567",
                 ["刘海燕", "0755-1234567", "鹏湾花园7栋302房", None, ""])
    assert "刘海燕" not in out and "302" not in out and "1234567" not in out
    assert "漏水" in out


@pytest.mark.parametrize("text", [
    "案件号 YT-HS-01-20261202-0001 于 2026-12-02 10:30 受理", "井盖缺失，已于20261202补装",
    "这位先生反映的问题已处理", "周边路灯已修复", "共 3 栋 120 户", ""])
def test_ordinary_text_stays_as_it_was(text: str) -> None:
    assert redact(text) == text


@given(st.text(max_size=200))
def test_redaction_never_fails_and_leaves_no_mobile_number(text: str) -> None:
    out = redact(text + " 13812345678 " + text)
    assert "13812345678" not in out and PHONE_MARK in out


def test_the_lookup_secret_is_random_per_case_and_not_derived_from_the_number() -> None:
    from desk_app.config import catalogue_dir

    catalogue = load_catalogue(catalogue_dir())
    intake = Intake(description="楼道灯坏了一个星期。", category="030201", community="YT-HS-PW",
                    name="李秀英", phone="13812345678")
    secrets = {str(registration_payload(intake, catalogue, "PW-01-20261202-0001")["lookup"])
               for _ in range(200)}
    assert len(secrets) == 200
    assert all(len(s) == SECRET_LENGTH and set(s) <= set(ALPHABET) for s in secrets)
    assert not set(ALPHABET) & set("01OI")


def test_a_lookup_code_as_typed_from_paper() -> None:
    code = lookup_code("PW-01-20261202-0001", "K7QM3XPA")
    assert code == "PW-01-20261202-0001-K7QM3XPA"
    assert parse_lookup_code(" pw-01-20261202-0001-k7qm3xpa\n") == ("PW-01-20261202-0001",
                                                                    "K7QM3XPA")
    for wrong in ("PW-01-20261202-0001", "PW-01-20261202-0001-K7QM3XP0", "x", "",
                  "PW-01-20261202-0001-K7QM3XPAA", "../../etc/passwd"):
        assert parse_lookup_code(wrong) is None, wrong
    assert progress_address("https://c.cn/", "PW-01-20261202-0001", "K7QM3XPA") == \
        "https://c.cn/p/PW-01-20261202-0001-K7QM3XPA"


def test_the_public_address_must_be_https_except_on_this_computer() -> None:
    assert check_public_address(" https://centre.example.cn/ ") == "https://centre.example.cn"
    assert check_public_address("http://127.0.0.1:8731") == "http://127.0.0.1:8731"
    assert check_public_address("") == ""
    for bad in ("http://centre.example.cn", "centre.example.cn", "https://", "https://a b.cn",
                "https://c.cn/?x=1", "ftp://c.cn", "https://c.cn:99999"):
        with pytest.raises(DomainError):
            check_public_address(bad)
