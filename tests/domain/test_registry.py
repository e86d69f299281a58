"""One declaration per event type: every type has every part, and every reader agrees with it."""

from __future__ import annotations

import re

import pytest

import desk_app.domain  # noqa: F401 - declares every type
from desk_app.domain.events import EVENT_TYPES, Event, EventType, creation_types, types_of
from desk_app.domain.ids import uuid7
from desk_app.domain.roles import PERMISSIONS, ROLES, event_permission, may
from desk_app.domain.schema import check_payload

ALL_PERMISSIONS = set().union(*PERMISSIONS.values())
RECORD_KINDS = {"case", "meeting", "topic", "visit", "duty", "patrol", "audit"}


@pytest.mark.parametrize("kind", list(EVENT_TYPES.values()), ids=list(EVENT_TYPES))
def test_every_type_is_declared_whole(kind: EventType) -> None:
    assert kind.entity in RECORD_KINDS, "a type belongs to a known record kind"
    assert kind.fold is not None, "a type says how it folds"
    assert kind.label and kind.label[0].isupper(), "a type has a human label"
    assert kind.permission in ALL_PERMISSIONS, "some role may record it"
    for name in kind.timeline:
        assert name in kind.payload, f"timeline field {name} is in the payload"
    if kind.sample is not None:
        check_payload(kind.payload, kind.sample)  # the sample passes the schema
    if kind.action:
        assert kind.sample is not None, "a step offered on screen can be asked of the fold"


def test_every_record_kind_has_exactly_one_creating_type() -> None:
    for entity in RECORD_KINDS:
        creating = [k.name for k in types_of(entity) if k.creates]
        if entity == "duty" or entity == "topic":
            assert len(creating) == 1
        else:
            assert len(creating) == 1, (entity, creating)
    assert creation_types() == {k.name for k in EVENT_TYPES.values() if k.creates}


def test_the_store_the_screen_and_the_centre_read_the_registry() -> None:
    from desk_app.store.projection import PROJECTORS
    from sync.server.store import CREATION

    assert set(PROJECTORS) >= RECORD_KINDS, "every record kind has a projection"
    assert creation_types() == CREATION
    for name, kind in EVENT_TYPES.items():
        assert event_permission(name) == kind.permission
    assert event_permission("case.from_the_future") not in ALL_PERMISSIONS


def test_the_case_screen_offers_the_declared_steps_with_their_permissions() -> None:
    pytest.importorskip("PySide6")
    from desk_app.ui.case_actions import STEPS

    offered = {s.event: s.permission for s in STEPS}
    declared = {k.name: k.permission for k in types_of("case") if k.action}
    assert offered == declared
    assert "case.split" in offered, "split is finished end to end"


def test_roles_see_only_what_they_may_record() -> None:
    for role in ROLES:
        for kind in EVENT_TYPES.values():
            assert may(role, event_permission(kind.name)) == (kind.permission in PERMISSIONS[role])


def test_a_type_cannot_be_declared_or_folded_twice() -> None:
    from desk_app.domain.events import declare, handles
    from desk_app.domain.schema import Text

    with pytest.raises(ValueError, match="declared twice"):
        declare("case.commented", "Comment", permission="comment", text=Text())
    with pytest.raises(ValueError, match="folded twice"):
        handles("case.commented")(lambda s, e, at: None)


def test_an_unknown_type_is_listed_not_folded_and_not_a_conflict() -> None:
    """A newer desk's event: kept in the case's path for the timeline, changing nothing."""
    from desk_app.domain.case import fold
    from tests.domain.factory import Timeline

    case = Timeline()
    case.register()
    case.add("case.dispatched", lead="D-HOUSING", mode="auto")
    future = Event(uuid7(), "case", case.case_id, "case.from_the_future", {"x": 1},
                   "wangli@YT-HS-01", "YT-HS-01", case.clock.now(), "YT-HS-PW")
    state = fold(case.case_id, [*case.events, future])
    assert not state.conflicts
    assert state.steps[-1].type == "case.from_the_future"
    assert state.status == fold(case.case_id, case.events).status == "dispatched"


def test_labels_are_in_the_chinese_translation() -> None:
    """The labels and step titles are translatable source texts (context "events")."""
    from pathlib import Path

    ts = (Path(__file__).resolve().parents[2] / "resources" / "translations"
          / "community_desk_zh_CN.ts").read_text(encoding="utf-8")
    block = re.search(r"<name>events</name>(.*?)</context>", ts, re.S)
    assert block is not None
    for kind in EVENT_TYPES.values():
        for text in filter(None, (kind.label, kind.action)):
            escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            assert f"<source>{escaped}</source>" in block.group(1), text


@pytest.mark.parametrize("first", ["events", "case", "case_events", "audit", "meeting",
                                   "outreach"])
def test_the_registry_is_whole_whatever_is_imported_first(first: str) -> None:
    """The package imports nothing (the start path skips the declarations): whichever module a
    program imports first, every type ends up declared and folded, none left waiting."""
    import subprocess
    import sys
    from pathlib import Path

    probe = (f"import desk_app.domain.{first}\n"
             "from desk_app.domain import events\n"
             "print(len(events.EVENT_TYPES), sum(k.fold is not None for k in "
             "events.EVENT_TYPES.values()), len(events._WAITING))")
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", probe], cwd=root, capture_output=True,
                          text=True, timeout=60, env={"PYTHONPATH": str(root)})
    assert done.returncode == 0, done.stderr
    declared, folded, waiting = (int(n) for n in done.stdout.split())
    assert declared == folded == len(EVENT_TYPES) and waiting == 0
