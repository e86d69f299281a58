"""The push's wire form, built from events as the desk stores them (protocol.push_body): the
same JSON a desk made by encoding each event, payload text passed on as stored."""

from __future__ import annotations

import json

from desk_app.domain.events import Event
from sync.protocol import PushResult, Refusal, Status, push_answer, push_body


def test_a_push_body_reads_back_as_the_events_it_was_made_from() -> None:
    odd = 'say "hi" \\ \t\n\x01 中文 😀'
    events = [
        Event("0190c1a2-0000-7000-8000-000000000001", "case",
              "0190c1a2-0000-7000-8000-000000000002", "case.resolved",
              {"text": odd, "zz_newer": {"nested": [1, 2.5, None, True]}}, f"w{odd}@YT-HS-01",
              "YT-HS-01", "001700000000000-00000-YT-HS-01", "YT-HS-PW"),
        Event("0190c1a2-0000-7000-8000-000000000003", "future", "0190c1a2-0000-7000-8000-0000000"
              "00004", "future.thing", {}, "w@YT-HS-01", "YT-HS-01",
              "001700000000001-00000-YT-HS-01", "YT-HS-PW"),
    ]
    rows = [(e.id, e.entity, e.entity_id, e.type, e.payload_json(), e.actor, e.desk, e.hlc, e.org)
            for e in events]
    assert json.loads(push_body(rows)) == {"events": [e.to_dict() for e in events]}
    assert json.loads(push_body(rows, reoffer=True))["reoffer"] is True
    assert json.loads(push_body([])) == {"events": []}


def test_push_results_read_the_same_on_the_short_path() -> None:
    assert PushResult.from_dict({"id": "a", "status": "accepted"}) == PushResult("a", Status.ACCEPTED)
    assert PushResult.from_dict({"id": "a", "status": "rejected", "reason": "r", "code": "c"}) \
        == PushResult("a", Status.REJECTED, "r", "c")


def test_a_push_answer_reads_back_as_its_results() -> None:
    odd = 'say "hi" \\ \t\n\x01 中文 😀'
    results = [PushResult("a", Status.ACCEPTED), PushResult("b", Status.ALREADY),
               PushResult(odd, Status.REJECTED, odd, Refusal.INVALID),
               PushResult("c", Status.CONFLICT, "kept the first", Refusal.CONFLICT)]
    answer = json.loads(push_answer(results))
    assert answer == {"results": [r.to_dict() for r in results]}
    assert [PushResult.from_dict(r) for r in answer["results"]] == results
    assert json.loads(push_answer([])) == {"results": []}


def test_a_plain_push_result_is_the_same_as_one_made_field_by_field() -> None:
    made = PushResult.plain("a", Status.ACCEPTED)
    assert made == PushResult("a", Status.ACCEPTED) and hash(made) == hash(PushResult("a", Status.ACCEPTED))
    assert made.to_dict() == {"id": "a", "status": "accepted"} and repr(made) == repr(
        PushResult("a", Status.ACCEPTED))
