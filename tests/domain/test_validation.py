"""Phone numbers and resident ID numbers as a window worker types them in.

The ID check digits are computed here from the published GB 11643-1999 weights, independently of
`desk_app.domain.validation`, so a wrong table in the code cannot hide behind itself.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.validation import (
    InputError,
    check_digit,
    mask_phone,
    normalize_id_number,
    normalize_phone,
    phone_last4,
)

GB11643_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
GB11643_CHARS = "10X98765432"
TODAY = date(2026, 6, 1)


def gb11643(first17: str) -> str:
    """The check character of an 18-digit resident ID number, straight from the standard."""
    total = sum(int(d) * w for d, w in zip(first17, GB11643_WEIGHTS, strict=True))
    return GB11643_CHARS[total % 11]


def make_id(region: str, born: date, sequence: int) -> str:
    first17 = f"{region}{born:%Y%m%d}{sequence:03d}"
    return first17 + gb11643(first17)


def phone_error(text: str) -> InputError:
    with pytest.raises(InputError) as caught:
        normalize_phone(text)
    assert caught.value.field == "phone"
    return caught.value


def id_error(text: str, today: date = TODAY) -> InputError:
    with pytest.raises(InputError) as caught:
        normalize_id_number(text, today=today)
    assert caught.value.field == "id_number"
    return caught.value


# --- mobile numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        " 13812345678 ",
        "+86 138 1234 5678",
        "+8613812345678",
        "0086 13812345678",
        "0086-138-1234-5678",
    ],
)
def test_mobile_numbers_are_stored_as_eleven_digits(typed: str) -> None:
    assert normalize_phone(typed) == "13812345678"


@pytest.mark.parametrize("prefix", ["13", "14", "15", "16", "17", "18", "19"])
def test_every_mobile_prefix_from_13_to_19_is_accepted(prefix: str) -> None:
    assert normalize_phone(prefix + "912345678") == prefix + "912345678"


@pytest.mark.parametrize(("typed", "count"), [("1381234567", 10), ("138123456789", 12)])
def test_a_mobile_with_the_wrong_length_says_how_many_digits_were_typed(
    typed: str, count: int
) -> None:
    error = phone_error(typed)
    assert "11 digits" in str(error)
    assert f"this one has {count}" in str(error)


@pytest.mark.parametrize("typed", ["12812345678", "11012345678", "10012345678"])
def test_a_mobile_starting_10_to_12_is_refused_with_the_second_digit_named(typed: str) -> None:
    error = phone_error(typed)
    assert "13 to 19" in str(error)
    assert "second digit" in str(error)


@pytest.mark.parametrize("typed", ["138abcd5678", "1381234567O", "电话13812345678"])
def test_letters_in_a_phone_number_are_refused(typed: str) -> None:
    assert "made of digits" in str(phone_error(typed))


@pytest.mark.parametrize("typed", ["", "   "])
def test_an_empty_phone_number_asks_for_one(typed: str) -> None:
    assert str(phone_error(typed)) == "Enter a phone number."


# --- landlines, hotlines, local numbers -----------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0755-83456789", "0755-83456789"),
        ("0755 8345 6789", "0755-83456789"),
        ("075583456789", "0755-83456789"),
        ("(0755)83456789", "0755-83456789"),
        ("（0755）83456789", "0755-83456789"),
        ("010-82345678", "010-82345678"),
        ("010-8234567", "010-8234567"),
        ("01082345678", "010-82345678"),
        ("021-62345678", "021-62345678"),
        ("0769-2234567", "0769-2234567"),
    ],
)
def test_landlines_are_stored_as_area_code_dash_number(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0755-83456789转123", "0755-83456789-123"),
        ("0755-83456789 转 8", "0755-83456789-8"),
        ("0755-83456789 ext 45", "0755-83456789-45"),
        ("0755-83456789 EXT.45", "0755-83456789-45"),
        ("0755-83456789x9", "0755-83456789-9"),
        ("0755-83456789#12", "0755-83456789-12"),
        ("(010)82345678转6001", "010-82345678-6001"),
    ],
)
def test_a_landline_extension_is_kept_after_a_second_dash(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("0755-12345678", "0755-12345678"), ("010-12345678", "010-12345678"),
     ("010-1234567", "010-1234567")],
)
def test_a_local_number_starting_with_1_is_refused_and_the_message_says_why(
        typed: str, stored: str) -> None:
    """Local numbers in China never start with 0 or 1 (1 is for service numbers)."""
    assert stored == typed
    error = phone_error(typed)
    assert "does not start with 0 or 1" in str(error)


def test_an_international_landline_with_plus_86_is_accepted() -> None:
    assert normalize_phone("+86 755 8345 6789") == "0755-83456789"


@pytest.mark.parametrize("typed", ["0755", "0755-", "0755-12345", "0755-234567", "010-23456"])
def test_an_area_code_without_a_full_number_explains_what_a_landline_is(typed: str) -> None:
    error = phone_error(typed)
    assert "area code" in str(error)
    assert "7 or 8 digits" in str(error)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("400-820-8820", "4008208820"), ("4008208820", "4008208820"),
     ("800-810-8888", "8008108888"), ("800 810 8888", "8008108888")],
)
def test_400_and_800_hotlines_are_stored_as_ten_digits(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


def test_a_hotline_extension_is_not_lost() -> None:
    assert normalize_phone("400-820-8820转3") == "4008208820-3"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("83456789", "83456789"), ("8345678", "8345678"), ("8345-6789", "83456789"),
     ("8345678转12", "8345678-12")],
)
def test_local_seven_and_eight_digit_numbers_are_accepted(typed: str, stored: str) -> None:
    assert normalize_phone(typed) == stored


@pytest.mark.parametrize("typed", ["234567", "23456", "123", "834567890"])
def test_a_number_that_is_nothing_recognisable_is_refused(typed: str) -> None:
    error = phone_error(typed)
    assert "11 digits" in str(error) or "landline" in str(error)


@given(st.sampled_from("3456789"), st.integers(0, 10**8 - 1))
def test_normalizing_a_stored_mobile_again_changes_nothing(second: str, rest: int) -> None:
    mobile = f"1{second}{rest:09d}"
    assert normalize_phone(mobile) == mobile
    spaced = f"+86 {mobile[:3]} {mobile[3:7]} {mobile[7:]}"
    assert normalize_phone(normalize_phone(spaced)) == mobile


# --- last four digits and masking -------------------------------------------------------------


@pytest.mark.parametrize(
    ("stored", "last4"),
    [
        ("13812345678", "5678"),
        ("0755-83456789", "6789"),
        ("0755-83456789-123", "6789"),
        ("010-8234567", "4567"),
        ("83456789", "6789"),
        ("83456789-12", "6789"),
        ("4008208820", "8820"),
    ],
)
def test_last4_is_of_the_number_itself_never_of_the_extension(stored: str, last4: str) -> None:
    assert phone_last4(stored) == last4


@pytest.mark.parametrize(
    "typed", ["138 1234 5678", "0755-83456789转123", "(010)8234567", "8345678转12"]
)
def test_last4_of_what_the_worker_typed_matches_the_number_the_resident_reads_out(
    typed: str,
) -> None:
    digits_before_extension = "".join(c for c in typed.split("转")[0] if c.isdigit())
    assert phone_last4(normalize_phone(typed)) == digits_before_extension[-4:]


@pytest.mark.parametrize(
    ("stored", "masked"),
    [("13812345678", "138****5678"), ("0755-83456789", "075****6789"),
     ("4008208820", "400****8820")],
)
def test_mask_phone_shows_only_the_first_three_and_last_four(stored: str, masked: str) -> None:
    assert mask_phone(stored) == masked


def test_mask_phone_hides_a_short_number_completely() -> None:
    assert mask_phone("12345") == "*****"
    assert set(mask_phone("0755-8")) == {"*"}


@pytest.mark.parametrize("stored", ["0755-83456789-123", "83456789-12"])
def test_mask_phone_shows_the_same_last_four_as_phone_last4(stored: str) -> None:
    assert mask_phone(stored).endswith(phone_last4(stored))


# --- resident ID numbers ----------------------------------------------------------------------

REGIONS = ["440308", "440303", "440304", "110101", "110105", "310104", "510107", "650102"]


def test_the_well_known_sample_id_number_is_valid() -> None:
    assert gb11643("11010519491231002") == "X"
    assert check_digit("11010519491231002") == "X"
    assert normalize_id_number("11010519491231002X", today=TODAY) == "11010519491231002X"


@pytest.mark.parametrize(
    ("region", "born", "sequence"),
    [
        ("440308", date(1985, 6, 12), 123),  # Yantian, Shenzhen
        ("110101", date(1962, 10, 1), 47),  # Dongcheng, Beijing
        ("440303", date(2000, 2, 29), 998),  # Luohu, Shenzhen; born on a leap day
        ("650102", date(1900, 1, 1), 0),  # Tianshan, Urumqi; the earliest birth year allowed
    ],
)
def test_real_looking_id_numbers_are_accepted(region: str, born: date, sequence: int) -> None:
    number = make_id(region, born, sequence)
    assert normalize_id_number(number, today=TODAY) == number


@given(
    st.sampled_from(REGIONS),
    st.dates(min_value=date(1900, 1, 1), max_value=TODAY),
    st.integers(0, 999),
)
def test_check_digit_agrees_with_the_standard_and_any_other_last_character_is_refused(
    region: str, born: date, sequence: int
) -> None:
    number = make_id(region, born, sequence)
    assert check_digit(number[:17]) == number[17]
    assert normalize_id_number(number, today=TODAY) == number
    wrong = "0" if number[17] != "0" else "1"
    error = id_error(number[:17] + wrong)
    assert f"should be {number[17]}, not {wrong}" in str(error)


def test_a_wrong_check_digit_names_the_expected_character() -> None:
    error = id_error("110105194912310021")
    assert "last character should be X" in str(error)
    assert error.values["expected"] == "X"


def test_a_lower_case_x_is_accepted_and_stored_upper_case() -> None:
    assert normalize_id_number("11010519491231002x", today=TODAY) == "11010519491231002X"


def test_spaces_and_dashes_inside_an_id_number_are_ignored() -> None:
    assert normalize_id_number("110105 19491231 002X", today=TODAY) == "11010519491231002X"
    assert normalize_id_number("110105-19491231-002x", today=TODAY) == "11010519491231002X"


@pytest.mark.parametrize("province", ["99", "00", "10", "20", "80"])
def test_an_unknown_province_code_is_named_in_the_message(province: str) -> None:
    number = make_id(province + "0101", date(1980, 1, 1), 11)
    error = id_error(number)
    assert f"({province})" in str(error)
    assert "province" in str(error)


@pytest.mark.parametrize("birth", ["20230230", "19991301", "19850000"])
def test_an_impossible_birth_date_is_refused_with_the_digits_shown(birth: str) -> None:
    first17 = f"440308{birth}123"
    error = id_error(first17 + gb11643(first17))
    assert birth in str(error)


def test_a_birth_date_in_the_future_is_refused() -> None:
    tomorrow = TODAY + timedelta(days=1)
    error = id_error(make_id("440308", tomorrow, 1), today=TODAY)
    assert "2026-06-02" in str(error)
    assert "not possible" in str(error)


def test_a_person_born_today_is_accepted() -> None:
    number = make_id("440308", TODAY, 1)
    assert normalize_id_number(number, today=TODAY) == number


def test_a_birth_year_before_1900_is_refused() -> None:
    assert "1899-12-31" in str(id_error(make_id("440308", date(1899, 12, 31), 1)))


def test_an_old_fifteen_digit_number_asks_for_the_new_one() -> None:
    error = id_error("110105491231002")
    assert "15-digit" in str(error)
    assert "18-digit" in str(error)


@pytest.mark.parametrize(
    ("typed", "count"),
    [("11010519491231002", 17), ("1101051949123100200", 19), ("4403", 4), ("", 0)],
)
def test_an_id_number_of_the_wrong_length_says_how_many_characters_it_has(
    typed: str, count: int
) -> None:
    error = id_error(typed)
    assert "18 characters" in str(error)
    assert f"this one has {count}" in str(error)


@pytest.mark.parametrize(
    "typed", ["11010519491231002Y", "1101A519491231002X", "X1010519491231002X"]
)
def test_letters_other_than_a_final_x_are_refused(typed: str) -> None:
    assert "17 digits and a last digit or X" in str(id_error(typed))
