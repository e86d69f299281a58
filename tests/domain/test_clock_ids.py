"""Event ids (UUIDv7) and the hybrid logical clock: the two things that keep events in order
across desks whose clocks disagree."""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.hlc import MAX_COUNTER, HybridClock, Stamp, stamp_wall_ms
from desk_app.domain.ids import is_uuid, uuid7, uuid7_time_ms
from desk_app.domain.text import DomainError

DAY_MS = 24 * 3600 * 1000
T0 = 1_780_000_000_000  # June 2026, in ms


# --- UUIDv7 -----------------------------------------------------------------------------------


def test_uuid7_is_a_canonical_version_7_rfc_9562_uuid() -> None:
    value = uuid7()
    parsed = uuid.UUID(value)
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    assert str(parsed) == value  # lower case, 8-4-4-4-12
    assert is_uuid(value)


def test_ten_thousand_uuid7s_in_a_tight_loop_are_unique_and_strictly_increasing() -> None:
    ids = [uuid7() for _ in range(10_000)]
    assert all(a < b for a, b in itertools.pairwise(ids))
    assert all(uuid.UUID(v).version == 7 for v in ids)


def test_uuid7_carries_the_millisecond_it_was_made() -> None:
    ms = uuid7_time_ms(uuid7()) + 1  # later than anything this process has made so far
    value = uuid7(ms)
    assert uuid7_time_ms(value) == ms
    assert uuid.UUID(value).version == 7


def test_uuid7s_made_in_the_same_millisecond_still_increase() -> None:
    ms = uuid7_time_ms(uuid7()) + 1
    ids = [uuid7(ms) for _ in range(1_000)]
    assert ids == sorted(ids)
    assert len(set(ids)) == len(ids)
    assert {uuid7_time_ms(v) for v in ids} == {ms}


def test_a_clock_step_backwards_does_not_break_the_order_of_ids() -> None:
    ms = uuid7_time_ms(uuid7()) + 1
    first = uuid7(ms)
    earlier = uuid7(ms - 5_000)
    assert earlier > first
    assert uuid7_time_ms(earlier) == ms


@pytest.mark.parametrize(
    "value",
    [
        "01a2007c-7f8c-70a8-bc27-8a36e849db3b",
        "00000000-0000-0000-0000-000000000000",
        "123e4567-e89b-12d3-a456-426614174000",
    ],
)
def test_is_uuid_accepts_uuids(value: str) -> None:
    assert is_uuid(value)


@pytest.mark.parametrize(
    "value",
    [
        None,
        123,
        uuid.UUID("01a2007c-7f8c-70a8-bc27-8a36e849db3b"),
        "",
        "not-a-uuid",
        "01a2007c7f8c70a8bc278a36e849db3b",  # no dashes
        "01a2007c-7f8c-70a8-bc27-8a36e849db3",  # one digit short
        "01a2007c-7f8c-70a8-bc27-8a36e849db3g",  # g is not hex
        "{01a2007c-7f8c-70a8-bc27-8a36e849db3b}",
    ],
)
def test_is_uuid_refuses_everything_else(value: object) -> None:
    assert not is_uuid(value)


@pytest.mark.parametrize(
    "value",
    ["1234-5678-1234-5678-1234567812345678", "----12345678123456781234567812345678"],
)
def test_is_uuid_refuses_dashes_in_the_wrong_places(value: str) -> None:
    assert not is_uuid(value)


# --- Stamp ------------------------------------------------------------------------------------

walls = st.integers(0, 10**15 - 1)
counters = st.integers(0, MAX_COUNTER)
NODE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.:-"
nodes = st.text(alphabet=NODE_CHARS, min_size=1, max_size=64)
stamps = st.builds(Stamp, walls, counters, nodes)


def test_a_stamp_prints_as_fixed_width_wall_counter_and_node() -> None:
    stamp = Stamp(T0, 7, "YT-HS-01")
    assert str(stamp) == "001780000000000-00007-YT-HS-01"
    assert stamp_wall_ms(str(stamp)) == T0


@given(stamps)
def test_a_stamp_survives_printing_and_parsing(stamp: Stamp) -> None:
    assert Stamp.parse(str(stamp)) == stamp


@given(stamps, stamps)
def test_the_text_form_sorts_like_the_stamps(a: Stamp, b: Stamp) -> None:
    assert (str(a) < str(b)) == (a < b)
    assert (str(a) == str(b)) == (a == b)


@given(st.lists(st.builds(Stamp, walls, counters, st.sampled_from(["A", "B", "YT-HS-01"])),
                min_size=2, max_size=30))
def test_sorting_text_stamps_gives_the_same_order_as_sorting_stamps(items: list[Stamp]) -> None:
    assert sorted(str(s) for s in items) == [str(s) for s in sorted(items)]


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "abc",
        "1000-0-A",  # not fixed width
        "001780000000000-00000-",  # no node
        "001780000000000-00000-A B",  # space in the node
        "001780000000000-000001-A",  # six-digit counter
        "1001780000000000-00000-A",  # sixteen-digit wall
        "001780000000000_00000_A",
        " 001780000000000-00000-A",
        None,
        12345,
    ],
)
def test_stamp_parse_rejects_garbage_with_a_readable_error(garbage: object) -> None:
    with pytest.raises(DomainError) as caught:
        Stamp.parse(garbage)  # type: ignore[arg-type]
    assert "Not a valid clock stamp" in str(caught.value)


def test_stamp_parse_rejects_a_trailing_newline() -> None:
    with pytest.raises(DomainError):
        Stamp.parse("001780000000000-00000-A\n")


def test_a_hybrid_clock_refuses_a_garbage_last_stamp() -> None:
    with pytest.raises(DomainError):
        HybridClock("A", wall=lambda: T0, last="yesterday")


# --- HybridClock ------------------------------------------------------------------------------


def scripted(readings: list[int]) -> HybridClock:
    it: Iterator[int] = iter(readings)
    return HybridClock("YT-HS-01", wall=lambda: next(it))


def test_stamps_follow_the_wall_clock_when_it_moves_forward() -> None:
    clock = scripted([T0, T0 + 5, T0 + 9])
    assert [Stamp.parse(clock.now()).wall_ms for _ in range(3)] == [T0, T0 + 5, T0 + 9]


def test_stamps_increase_when_the_wall_clock_stands_still() -> None:
    clock = scripted([T0] * 5)
    made = [clock.now() for _ in range(5)]
    assert made == sorted(set(made))
    assert [Stamp.parse(s).counter for s in made] == [0, 1, 2, 3, 4]


def test_stamps_increase_when_the_wall_clock_goes_back_an_hour() -> None:
    clock = scripted([T0, T0 - 3_600_000, T0 - 3_600_000 + 1, T0 + 1])
    made = [clock.now() for _ in range(4)]
    assert all(a < b for a, b in itertools.pairwise(made))
    assert Stamp.parse(made[1]).wall_ms == T0  # never goes back with the wall clock
    assert Stamp.parse(made[3]) == Stamp(T0 + 1, 0, "YT-HS-01")


@given(st.lists(st.integers(T0 - DAY_MS, T0 + DAY_MS), min_size=1, max_size=200))
def test_stamps_strictly_increase_whatever_the_wall_clock_does(readings: list[int]) -> None:
    clock = scripted(readings)
    made = [clock.now() for _ in readings]
    assert all(a < b for a, b in itertools.pairwise(made))
    assert all(Stamp.parse(s).wall_ms >= r for s, r in zip(made, readings, strict=True))


def test_after_observing_a_stamp_from_a_desk_a_day_ahead_local_stamps_sort_after_it() -> None:
    ahead = str(Stamp(T0 + DAY_MS, 3, "YT-MS-02"))
    clock = HybridClock("YT-HS-01", wall=lambda: T0)
    before = clock.now()
    clock.observe(ahead)
    after = clock.now()
    assert before < ahead < after
    assert Stamp.parse(after) > Stamp.parse(ahead)
    assert Stamp.parse(after).node == "YT-HS-01"


def test_observing_an_older_stamp_changes_nothing_visible() -> None:
    clock = HybridClock("YT-HS-01", wall=lambda: T0)
    first = clock.now()
    clock.observe(str(Stamp(T0 - DAY_MS, 50, "YT-MS-02")))
    assert first < clock.now()


@given(st.lists(st.one_of(st.integers(T0 - DAY_MS, T0 + DAY_MS).map(lambda w: ("wall", w)),
                          st.builds(Stamp, st.integers(T0 - DAY_MS, T0 + 2 * DAY_MS), counters,
                                    st.sampled_from(["B", "C"])).map(lambda s: ("seen", s))),
                min_size=1, max_size=100))
def test_every_local_stamp_sorts_after_every_stamp_seen_or_made_before_it(
    steps: list[tuple[str, object]],
) -> None:
    wall = [T0]
    clock = HybridClock("A", wall=lambda: wall[0])
    latest = ""
    for kind, value in steps:
        if kind == "seen":
            clock.observe(str(value))
            latest = max(latest, str(value))
        else:
            wall[0] = value  # type: ignore[assignment]
            made = clock.now()
            assert made > latest
            latest = made


def test_observe_refuses_garbage() -> None:
    clock = HybridClock("A", wall=lambda: T0)
    with pytest.raises(DomainError):
        clock.observe("tomorrow")


def test_a_counter_at_its_maximum_rolls_over_to_the_next_millisecond() -> None:
    clock = HybridClock("A", wall=lambda: T0, last=str(Stamp(T0, MAX_COUNTER, "A")))
    made = Stamp.parse(clock.now())
    assert made == Stamp(T0 + 1, 0, "A")
    assert str(made) > str(Stamp(T0, MAX_COUNTER, "A"))
    assert Stamp.parse(clock.now()) == Stamp(T0 + 1, 1, "A")


def test_observing_a_stamp_with_a_full_counter_rolls_over_too() -> None:
    clock = HybridClock("A", wall=lambda: T0)
    seen = str(Stamp(T0, MAX_COUNTER, "B"))
    clock.observe(seen)
    assert clock.now() > seen
    assert len(clock.now()) == len(seen)  # still fixed width: no six-digit counter


def test_a_clock_restarted_from_its_last_stamp_continues_after_it() -> None:
    first = HybridClock("A", wall=lambda: T0 + 500)
    last = first.now()
    restarted = HybridClock("A", wall=lambda: T0, last=last)  # the machine's clock was reset
    assert restarted.now() > last
    assert restarted.last > last
