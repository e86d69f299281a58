"""The desk's settings: a small versioned JSON file, migrated forward when its version is old
(the way Orange3 migrates widget settings), written atomically so a crash never leaves half."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from desk_app.atomic import write_atomically

VERSION = 1


@dataclass
class Settings:
    language: str = "zh_CN"
    auto_lock_minutes: int = 10
    sync_interval_minutes: int = 10
    server_url: str = ""
    demo: bool = False
    last_user: str = ""
    list_page_size: int = 200
    # Follow-through (issue 10): the job's interval, evaluation wait, notification hours.
    followup_interval_minutes: int = 5
    evaluate_within_days: int = 3
    notify_from_hour: int = 8
    notify_until_hour: int = 18

    @classmethod
    def load(cls, path: Path) -> Settings:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        data = migrate(data)
        known = {f.name: f for f in fields(cls)}
        kept: dict[str, Any] = {}
        defaults = cls()
        for key, value in data.items():
            if key in known and isinstance(value, type(getattr(defaults, key))):
                kept[key] = value
        return cls(**kept)

    def save(self, path: Path) -> None:
        payload = json.dumps({"version": VERSION, **asdict(self)}, ensure_ascii=False, indent=2)
        write_atomically(path, payload.encode("utf-8"), ".settings-", ".json")


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring settings written by an older version up to VERSION, one step at a time."""
    version = data.get("version", 0)
    if not isinstance(version, int):
        version = 0
    # Version 0 (never released) called the language "locale".
    if version < 1 and "locale" in data and "language" not in data:
        data["language"] = data.pop("locale")
    data.pop("version", None)
    return data
