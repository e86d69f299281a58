"""The intake form's draft: a small JSON file, written atomically, read back without ever raising.

A draft is kept so that a crash, a power cut or the idle lock never loses what a worker was
typing while a resident waited at the window. It is written to a temporary file beside the
draft and renamed over it (`os.replace`), so a write killed half-way leaves the previous draft
whole. A draft that cannot be read is moved aside as `<name>.corrupt` and treated as absent.

No widgets here: the intake form decides what goes into `data` and when to save.
"""

from __future__ import annotations

import json
import logging
import os
from contextlib import suppress
from pathlib import Path

from desk_app.atomic import write_atomically

log = logging.getLogger(__name__)

DRAFT_FILE = "intake-draft.json"
_TEMP_SUFFIX = ".tmp"


def _temp_prefix(path: Path) -> str:
    return f".{path.name}."


def draft_for(folder: Path, username: str) -> Path:
    """Each person's own draft, so that after a switch of user at the lock screen the next
    person starts with an empty form and the draft waits for its owner. The one draft of the
    desk from before drafts were per person goes to the first person who signs in, as then."""
    own = Path(folder) / f"intake-draft.{username}.json"
    shared = Path(folder) / DRAFT_FILE
    if not own.exists() and shared.exists():
        with suppress(OSError):
            os.replace(shared, own)
    return own


def save_draft(path: Path, data: dict[str, object]) -> None:
    """Write `data` as UTF-8 JSON to `path`, atomically.

    Raises TypeError/ValueError when `data` cannot be written as JSON (before anything is
    touched on disk) and OSError when the disk refuses (the previous draft is then unchanged).
    """
    path = Path(path)
    payload = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
    write_atomically(path, payload, _temp_prefix(path), _TEMP_SUFFIX)


def load_draft(path: Path) -> dict[str, object] | None:
    """The saved draft, or None when there is none, it is empty, or it is unreadable.

    Never raises. An unreadable draft (not UTF-8, not JSON, not an object) is renamed to
    `<name>.corrupt` so that it is not offered again but can still be looked at.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        log.warning("cannot read the draft %s: %s", path, error)
        return None
    if not raw.strip():
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        data = None
    if isinstance(data, dict):
        return data
    corrupt = path.with_name(path.name + ".corrupt")
    try:
        os.replace(path, corrupt)
        log.warning("the draft %s could not be read; moved aside to %s", path, corrupt)
    except OSError as error:
        log.warning("the draft %s could not be read nor moved aside: %s", path, error)
    return None


def clear_draft(path: Path) -> None:
    """Remove the draft (after the case was registered or the form cleared); never raises.

    Temporary files left by a write that was killed half-way are removed too.
    """
    path = Path(path)
    with suppress(OSError):
        path.unlink(missing_ok=True)
    with suppress(OSError):
        for leftover in path.parent.glob(f"{_temp_prefix(path)}*{_TEMP_SUFFIX}"):
            with suppress(OSError):
                leftover.unlink()
