"""The intake draft: Chinese text round-trips, a damaged file is set aside and never raises, and
a write killed half-way never damages the draft already saved."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desk_app.ui.drafts import DRAFT_FILE, clear_draft, load_draft, save_draft

DRAFT = {
    "description": "鹏湾花园3栋楼下工地夜间施工，凌晨还在打桩，吵得无法休息。",
    "name": "李秀英",
    "phone": "13812345678",
    "category": "010101",
    "urgency": "urgent",
    "attachments": ["现场照片.jpg"],
    "anonymous": False,
    "saved_at_ms": 1_795_000_000_000,
}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / DRAFT_FILE


def test_round_trip_keeps_chinese_text_readable(path: Path) -> None:
    save_draft(path, DRAFT)
    assert load_draft(path) == DRAFT
    raw = path.read_text(encoding="utf-8")
    assert "楼下工地夜间施工" in raw  # UTF-8, not \\u escapes: a person can read it
    save_draft(path, {**DRAFT, "name": "王丽"})
    assert load_draft(path) == {**DRAFT, "name": "王丽"}
    assert [p.name for p in path.parent.iterdir()] == [DRAFT_FILE]  # no temp files left


def test_missing_or_empty_draft_is_none(path: Path) -> None:
    assert load_draft(path) is None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"")
    assert load_draft(path) is None
    path.write_bytes(b"  \n")
    assert load_draft(path) is None


@pytest.mark.parametrize("content", [
    b'{"description": "\xe9\xb9\x8f\xe6\xb9\xbe',  # cut off in the middle of a character
    b"\xff\xfe not utf-8",
    b"[1, 2, 3]",  # JSON, but not a draft
    b"null",
    b"[" * 100_000,  # deeper than the parser goes
])
def test_a_damaged_draft_is_set_aside_and_never_raises(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    assert load_draft(path) is None
    assert not path.exists()
    corrupt = path.with_name(DRAFT_FILE + ".corrupt")
    assert corrupt.read_bytes() == content  # kept for a person to look at
    assert load_draft(path) is None  # and not offered again
    save_draft(path, DRAFT)
    assert load_draft(path) == DRAFT


def test_a_write_killed_half_way_leaves_the_previous_draft(path: Path) -> None:
    save_draft(path, DRAFT)
    # What a power cut during save_draft leaves: a partial temporary file beside the draft.
    full = json.dumps({**DRAFT, "name": "王丽"}, ensure_ascii=False).encode()
    partial = path.with_name(f".{DRAFT_FILE}.k2j4h.tmp")
    partial.write_bytes(full[: len(full) // 2])
    assert load_draft(path) == DRAFT
    save_draft(path, {**DRAFT, "urgency": "normal"})
    assert load_draft(path) == {**DRAFT, "urgency": "normal"}
    clear_draft(path)
    assert load_draft(path) is None
    assert list(path.parent.iterdir()) == []  # the leftover went with it


def test_a_failed_write_keeps_the_previous_draft(path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    save_draft(path, DRAFT)

    def disk_full(_src: object, _dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    with pytest.raises(OSError):
        save_draft(path, {**DRAFT, "name": "王丽"})
    monkeypatch.undo()
    assert load_draft(path) == DRAFT
    assert [p.name for p in path.parent.iterdir()] == [DRAFT_FILE]


def test_data_that_is_not_json_is_refused_before_touching_the_disk(path: Path) -> None:
    save_draft(path, DRAFT)
    with pytest.raises(TypeError):
        save_draft(path, {"photo": object()})
    with pytest.raises(ValueError):
        save_draft(path, {"amount": float("nan")})
    assert load_draft(path) == DRAFT


def test_clear_draft_is_quiet_when_there_is_none(path: Path) -> None:
    clear_draft(path)
    path.parent.mkdir(parents=True)
    clear_draft(path)
