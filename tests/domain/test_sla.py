"""Deadlines as the supervisor sees them: when work is due, when it turns amber, when it is late.

Local days are China's (Asia/Shanghai, UTC+8, no daylight saving): local midnight is 16:00 UTC
of the previous UTC date. The 2026 dates come from resources/calendar/cn_holidays.csv.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.sla import (
    Clock,
    ClockState,
    TimeLimit,
    Unit,
    deadline,
    finish_deadline,
    sign_deadline,
)
from desk_app.domain.text import DomainError
from desk_app.domain.workcalendar import CalendarError, WorkCalendar

MS = timedelta(milliseconds=1)


def utc(y: int, m: int, d: int, h: int = 2, mi: int = 0) -> datetime:
    """A UTC moment; the default 02:00 UTC is 10:00 in Shenzhen, well inside the local day."""
    return datetime(y, m, d, h, mi, tzinfo=UTC)


def end_of_local_day(y: int, m: int, d: int) -> datetime:
    """Local midnight at the end of local day y-m-d, as UTC."""
    return utc(y, m, d, 16)


def limit(text: str) -> TimeLimit:
    return TimeLimit.parse(text)


# --- TimeLimit.parse --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("same_day", 0, Unit.SAME_DAY),
        ("24h", 24, Unit.HOURS),
        ("3d", 3, Unit.NATURAL_DAYS),
        ("5wd", 5, Unit.WORKING_DAYS),
        ("15wd", 15, Unit.WORKING_DAYS),
        ("365d", 365, Unit.NATURAL_DAYS),
    ],
)
def test_time_limits_parse_and_print_back_the_same(text: str, amount: int, unit: Unit) -> None:
    parsed = TimeLimit.parse(text)
    assert (parsed.amount, parsed.unit) == (amount, unit)
    assert str(parsed) == text


@pytest.mark.parametrize("text", ["0d", "0h", "00wd", "5x", "", "3 d", "-1d", "1000d", None])
def test_a_bad_time_limit_is_refused_with_the_examples_of_good_ones(text: object) -> None:
    with pytest.raises(DomainError) as caught:
        TimeLimit.parse(text)  # type: ignore[arg-type]
    message = str(caught.value)
    assert f"“{text if text is not None else 'None'}”" in message
    assert "same_day, 24h, 3d or 5wd" in message


# --- deadline: hours and signing --------------------------------------------------------------


def test_an_hours_limit_ends_exactly_that_many_hours_later(calendar: WorkCalendar) -> None:
    start = datetime(2026, 3, 10, 7, 31, 12, 345000, tzinfo=UTC)
    assert deadline(start, limit("24h"), calendar) == start + timedelta(hours=24)
    assert deadline(start, limit("48h"), calendar) == datetime(2026, 3, 12, 7, 31, 12, 345000,
                                                               tzinfo=UTC)


def test_hours_count_through_weekends_and_holidays(calendar: WorkCalendar) -> None:
    before_national_day = utc(2026, 9, 30, 9)
    assert deadline(before_national_day, limit("24h"), calendar) == utc(2026, 10, 1, 9)


def test_signing_at_exactly_the_deadline_is_on_time_and_a_millisecond_later_is_overdue() -> None:
    dispatched = datetime(2026, 3, 10, 7, 31, 12, 345000, tzinfo=UTC)
    due = sign_deadline(dispatched)
    assert due == dispatched + timedelta(hours=24)
    clock = Clock(dispatched, due)
    assert clock.state(due) is not ClockState.OVERDUE
    assert clock.state(due + MS) is ClockState.OVERDUE
    assert clock.remaining(due + MS) == -MS


def test_sign_deadline_refuses_a_naive_datetime() -> None:
    with pytest.raises(ValueError):
        sign_deadline(datetime(2026, 3, 10, 10, 0))


# --- deadline: local days ---------------------------------------------------------------------


def test_same_day_ends_at_local_midnight(calendar: WorkCalendar) -> None:
    due = deadline(utc(2026, 3, 10, 1), limit("same_day"), calendar)
    assert due == end_of_local_day(2026, 3, 10)


def test_a_request_at_2359_local_and_one_at_0001_belong_to_different_days(
    calendar: WorkCalendar,
) -> None:
    just_before_midnight = utc(2026, 3, 10, 15, 59)  # Tuesday 23:59 in Shenzhen
    just_after_midnight = utc(2026, 3, 10, 16, 1)  # Wednesday 00:01 in Shenzhen
    assert deadline(just_before_midnight, limit("same_day"), calendar) == utc(2026, 3, 10, 16)
    assert deadline(just_after_midnight, limit("same_day"), calendar) == utc(2026, 3, 11, 16)
    assert deadline(just_before_midnight, limit("3d"), calendar) == end_of_local_day(2026, 3, 13)
    assert deadline(just_after_midnight, limit("3d"), calendar) == end_of_local_day(2026, 3, 14)
    assert deadline(just_before_midnight, limit("1wd"), calendar) == end_of_local_day(2026, 3, 11)
    assert deadline(just_after_midnight, limit("1wd"), calendar) == end_of_local_day(2026, 3, 12)


def test_friday_evening_utc_is_already_saturday_in_shenzhen(calendar: WorkCalendar) -> None:
    friday_2300_local = utc(2026, 3, 13, 15)
    saturday_0100_local = utc(2026, 3, 13, 17)
    assert deadline(friday_2300_local, limit("same_day"), calendar) == end_of_local_day(2026, 3, 13)
    assert deadline(saturday_0100_local, limit("same_day"), calendar) == end_of_local_day(
        2026, 3, 14)
    assert deadline(saturday_0100_local, limit("1wd"), calendar) == end_of_local_day(2026, 3, 16)


@pytest.mark.parametrize(
    ("start", "limit_text", "due"),
    [
        (utc(2026, 3, 21), "3d", end_of_local_day(2026, 3, 24)),  # the docstring's own example
        (utc(2026, 1, 30), "3d", end_of_local_day(2026, 2, 2)),  # across a month end
        (utc(2025, 12, 30), "5d", end_of_local_day(2026, 1, 4)),  # across a year end
        (utc(2028, 2, 27), "3d", end_of_local_day(2028, 3, 1)),  # leap year: 28, 29, 1 March
        (utc(2027, 2, 27), "3d", end_of_local_day(2027, 3, 2)),  # common year: 28, 1, 2 March
        (utc(2026, 9, 30), "5d", end_of_local_day(2026, 10, 5)),  # holidays count as natural days
    ],
)
def test_natural_days_end_at_local_midnight_after_the_last_day(
    calendar: WorkCalendar, start: datetime, limit_text: str, due: datetime
) -> None:
    assert deadline(start, limit(limit_text), calendar) == due


@pytest.mark.parametrize(
    ("start", "limit_text", "due"),
    [
        # An ordinary week in March 2026: Friday 6th + 1 working day is Monday 9th.
        (utc(2026, 3, 6), "1wd", end_of_local_day(2026, 3, 9)),
        (utc(2026, 3, 6), "5wd", end_of_local_day(2026, 3, 13)),
        (utc(2026, 3, 7), "1wd", end_of_local_day(2026, 3, 9)),  # from a Saturday
        (utc(2026, 3, 9), "5wd", end_of_local_day(2026, 3, 16)),  # Mon + 5 skips one weekend
        # National Day 2026: 1-7 October off; Sunday 20 Sep and Saturday 10 Oct are worked.
        (utc(2026, 9, 30), "1wd", end_of_local_day(2026, 10, 8)),
        (utc(2026, 9, 30), "3wd", end_of_local_day(2026, 10, 10)),
        (utc(2026, 9, 30), "4wd", end_of_local_day(2026, 10, 12)),
        (utc(2026, 9, 18), "1wd", end_of_local_day(2026, 9, 20)),
        (utc(2026, 10, 3), "1wd", end_of_local_day(2026, 10, 8)),  # asked during the holiday
        # Mid-Autumn 25-27 Sep 2026 then National Day: Thu 24 Sep + 5wd.
        (utc(2026, 9, 24), "5wd", end_of_local_day(2026, 10, 9)),
        (utc(2026, 9, 24), "6wd", end_of_local_day(2026, 10, 10)),
        # Spring Festival 2026: 15-23 Feb off; Saturday 14 and Saturday 28 Feb are worked.
        (utc(2026, 2, 13), "1wd", end_of_local_day(2026, 2, 14)),
        (utc(2026, 2, 14), "1wd", end_of_local_day(2026, 2, 24)),
        (utc(2026, 2, 14), "5wd", end_of_local_day(2026, 2, 28)),
        (utc(2026, 2, 12), "5wd", end_of_local_day(2026, 2, 26)),
        # New Year 2026: 1-3 Jan off, Sunday 4 Jan worked.
        (utc(2025, 12, 31), "1wd", end_of_local_day(2026, 1, 4)),
    ],
)
def test_working_days_skip_weekends_and_holidays_and_count_make_up_days(
    calendar: WorkCalendar, start: datetime, limit_text: str, due: datetime
) -> None:
    assert deadline(start, limit(limit_text), calendar) == due


def test_the_real_calendar_has_the_2026_national_day_arrangement(calendar: WorkCalendar) -> None:
    for day in range(1, 8):
        assert not calendar.is_working_day(date(2026, 10, day))
    assert calendar.is_working_day(date(2026, 9, 20))  # Sunday, worked
    assert calendar.is_working_day(date(2026, 10, 10))  # Saturday, worked
    assert not calendar.is_working_day(date(2026, 10, 11))  # ordinary Sunday
    assert calendar.is_working_day(date(2026, 10, 8))


@given(
    st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 20),
                 timezones=st.just(UTC)),
    st.integers(1, 10),
)
def test_a_working_day_deadline_always_ends_at_local_midnight_after_a_working_day(
    calendar: WorkCalendar, start: datetime, amount: int
) -> None:
    due = deadline(start, TimeLimit(amount, Unit.WORKING_DAYS), calendar)
    assert (due.hour, due.minute, due.second, due.microsecond) == (16, 0, 0, 0)
    last_day = (due - timedelta(hours=1)).date()  # 23:00 local is 15:00 UTC, same date
    assert calendar.is_working_day(last_day)
    start_day = (start + timedelta(hours=8)).date()
    counted = sum(calendar.is_working_day(start_day + timedelta(days=n))
                  for n in range(1, (last_day - start_day).days + 1))
    assert counted == amount


# --- finish_deadline --------------------------------------------------------------------------


def test_ordinary_work_uses_the_item_limit_even_when_it_is_longer_than_5_days(
    calendar: WorkCalendar,
) -> None:
    start = utc(2026, 3, 2)  # Monday
    assert finish_deadline(start, "ordinary", limit("15wd"), calendar) == end_of_local_day(
        2026, 3, 23)
    assert finish_deadline(start, "ordinary", limit("24h"), calendar) == start + timedelta(hours=24)


@pytest.mark.parametrize(
    ("item_limit", "due"),
    [
        ("24h", utc(2026, 3, 3, 2)),  # the item is tighter than 3 natural days
        ("15wd", end_of_local_day(2026, 3, 5)),  # 3 natural days is tighter
        ("3d", end_of_local_day(2026, 3, 5)),
    ],
)
def test_urgent_work_takes_the_tighter_of_three_days_and_the_item_limit(
    calendar: WorkCalendar, item_limit: str, due: datetime
) -> None:
    assert finish_deadline(utc(2026, 3, 2), "urgent", limit(item_limit), calendar) == due


@pytest.mark.parametrize(
    ("start", "item_limit", "due"),
    [
        (utc(2026, 3, 2, 2), "5wd", end_of_local_day(2026, 3, 2)),
        (utc(2026, 3, 2, 2), "2h", utc(2026, 3, 2, 4)),  # 2 h is tighter than the day's end
        (utc(2026, 3, 2, 15), "24h", end_of_local_day(2026, 3, 2)),  # 23:00 local: 1 h left
    ],
)
def test_very_urgent_work_is_due_the_same_day_unless_the_item_is_tighter(
    calendar: WorkCalendar, start: datetime, item_limit: str, due: datetime
) -> None:
    assert finish_deadline(start, "very_urgent", limit(item_limit), calendar) == due


@pytest.mark.parametrize(
    ("urgency", "due"),
    [
        ("very_urgent", end_of_local_day(2026, 3, 2)),
        ("urgent", end_of_local_day(2026, 3, 5)),
        ("ordinary", end_of_local_day(2026, 3, 7)),
    ],
)
def test_without_an_item_limit_the_urgency_decides(
    calendar: WorkCalendar, urgency: str, due: datetime
) -> None:
    assert finish_deadline(utc(2026, 3, 2), urgency, None, calendar) == due


# --- Clock ------------------------------------------------------------------------------------


def test_the_clock_turns_due_soon_at_exactly_80_percent_used() -> None:
    start = utc(2026, 3, 10)
    clock = Clock(start, start + timedelta(hours=120))  # 80 % used = 24 h left
    eighty_percent = start + timedelta(hours=96)
    assert clock.due_soon_at == eighty_percent
    assert clock.used_fraction(eighty_percent) == pytest.approx(0.8)
    assert clock.state(start) is ClockState.ON_TIME
    assert clock.state(eighty_percent - MS) is ClockState.ON_TIME
    assert clock.state(eighty_percent) is ClockState.DUE_SOON
    assert clock.state(clock.due) is ClockState.DUE_SOON
    assert clock.state(clock.due + MS) is ClockState.OVERDUE


def test_under_a_day_left_is_due_soon() -> None:
    """Issue 15, defect 16: a 3-day case with 20 hours left was never amber."""
    start = utc(2026, 3, 10)
    three_days = Clock(start, start + timedelta(days=3))
    assert three_days.state(three_days.due - timedelta(hours=20)) is ClockState.DUE_SOON
    assert three_days.due_soon_at == three_days.due - timedelta(hours=24)
    one_day = Clock(start, start + timedelta(hours=24))
    assert one_day.state(start) is ClockState.DUE_SOON  # to be done by tomorrow
    ten_days = Clock(start, start + timedelta(days=10))
    assert ten_days.due_soon_at == start + timedelta(days=8)  # 80 % first on long limits


@given(st.integers(1, 30 * 24 * 3600 * 1000).flatmap(
    lambda span: st.tuples(st.just(span), st.integers(0, 2 * span))))
def test_clock_state_follows_the_fraction_of_time_used(span_and_elapsed: tuple[int, int]) -> None:
    span_ms, elapsed_ms = span_and_elapsed
    start = utc(2026, 3, 10)
    clock = Clock(start, start + timedelta(milliseconds=span_ms))
    state = clock.state(start + timedelta(milliseconds=elapsed_ms))
    left_ms = span_ms - elapsed_ms
    if elapsed_ms > span_ms:
        assert state is ClockState.OVERDUE
    elif 5 * elapsed_ms >= 4 * span_ms or left_ms <= 24 * 3600 * 1000:
        assert state is ClockState.DUE_SOON  # 80 % used (in exact integers) or under a day left
    else:
        assert state is ClockState.ON_TIME


def test_a_clock_whose_deadline_has_passed_shows_negative_remaining_time() -> None:
    start = utc(2026, 3, 10)
    clock = Clock(start, start + timedelta(hours=2))
    assert clock.remaining(start + timedelta(hours=3)) == timedelta(hours=-1)
    assert clock.used_fraction(start + timedelta(hours=3)) == pytest.approx(1.5)


# --- naive datetimes --------------------------------------------------------------------------


@pytest.mark.parametrize("limit_text", ["24h", "same_day", "3d", "5wd"])
def test_deadline_refuses_a_naive_start(calendar: WorkCalendar, limit_text: str) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        deadline(datetime(2026, 3, 10, 10), limit(limit_text), calendar)


def test_finish_deadline_refuses_a_naive_start(calendar: WorkCalendar) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        finish_deadline(datetime(2026, 3, 10, 10), "urgent", limit("3d"), calendar)


def test_a_clock_cannot_be_read_with_a_naive_now() -> None:
    start = utc(2026, 3, 10)
    with pytest.raises(TypeError):
        Clock(start, start + timedelta(hours=24)).state(datetime(2026, 3, 10, 12))


# --- WorkCalendar -----------------------------------------------------------------------------


def test_the_calendar_covers_only_the_years_whose_notice_was_loaded(
    calendar: WorkCalendar,
) -> None:
    assert calendar.covers(date(2026, 1, 1))
    assert calendar.covers(date(2026, 12, 31))
    assert not calendar.covers(date(2025, 12, 31))
    assert not calendar.covers(date(2027, 1, 1))


def test_an_empty_calendar_covers_nothing_and_knows_only_weekends() -> None:
    empty = WorkCalendar()
    assert not empty.covers(date(2026, 10, 1))
    assert empty.is_working_day(date(2026, 10, 1))  # a Thursday, unknown as a holiday
    assert not empty.is_working_day(date(2026, 10, 10))  # a Saturday


def write(tmp_path: Path, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "cn_holidays.csv"
    path.write_bytes(text.encode(encoding))
    return path


GOOD = "date,kind,name\n2026-01-01,holiday,元旦\n2026-01-02,holiday,元旦\n"


def load_error(path: Path) -> str:
    with pytest.raises(CalendarError) as caught:
        WorkCalendar.load(path)
    return str(caught.value)


def test_a_small_calendar_file_loads(tmp_path: Path) -> None:
    loaded = WorkCalendar.load(write(tmp_path, GOOD + "\n2026-01-04,workday,元旦调休上班\n"))
    assert loaded.holidays == {date(2026, 1, 1), date(2026, 1, 2)}
    assert loaded.workdays == {date(2026, 1, 4)}
    assert loaded.names[date(2026, 1, 4)] == "元旦调休上班"
    assert loaded.years == {2026}


@pytest.mark.parametrize("header", ["day,kind,name", "date,kind", "", "date;kind;name"])
def test_a_bad_header_names_the_file_and_line_1(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, header + "\n2026-01-01,holiday,元旦\n")
    message = load_error(path)
    assert str(path) in message
    assert "line 1" in message
    assert "date,kind,name" in message


@pytest.mark.parametrize("bad_row", ["2026-02-30,holiday,春节", "2026/02/14,workday,春节调休上班",
                                     "2026-01-03,holiday", "2026-01-03,holiday,元旦,extra"])
def test_a_bad_date_or_row_names_the_file_and_line(tmp_path: Path, bad_row: str) -> None:
    path = write(tmp_path, GOOD + "\n" + bad_row + "\n")  # a blank line 4, then line 5
    message = load_error(path)
    assert str(path) in message
    assert "line 5" in message
    assert "YYYY-MM-DD" in message


def test_an_unknown_kind_names_the_file_line_and_kind(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "2026-01-04,work,元旦调休上班\n")
    message = load_error(path)
    assert str(path) in message
    assert "line 4" in message
    assert "“work”" in message


def test_a_date_listed_twice_names_the_file_and_the_second_line(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "2026-01-03,holiday,元旦\n2026-01-01,workday,元旦\n")
    message = load_error(path)
    assert str(path) in message
    assert "line 5" in message
    assert "listed twice" in message


def test_a_date_listed_twice_names_the_date(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD + "2026-01-01,workday,元旦\n")
    message = load_error(path)
    assert "2026-01-01" in message
    assert "is not holiday or workday" not in message


def test_a_missing_calendar_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.csv"
    message = load_error(path)
    assert str(path) in message
    assert "Cannot read" in message


def test_a_calendar_saved_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    loaded = WorkCalendar.load(write(tmp_path, "\ufeff" + GOOD))
    assert loaded.holidays == {date(2026, 1, 1), date(2026, 1, 2)}


def test_a_calendar_file_that_is_not_utf8_is_reported_with_its_name(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD, encoding="gbk")
    assert str(path) in load_error(path)
