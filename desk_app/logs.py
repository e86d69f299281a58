"""Logging for the desk: a rotating UTF-8 file in the user's log folder, and stderr.

One place for it, so the About dialog can show where the log is and a person can send it
when something went wrong. Rotating keeps the folder small on machines nobody cleans up.
"""

from __future__ import annotations

import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desk_app.config import Paths

LOG_NAME = "desk.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_OURS = "_community_desk_handler"  # marks our handlers, so a second call replaces them


def setup_logging(paths: Paths, level: int = logging.INFO) -> Path:
    """Send the root logger to `paths.logs/desk.log` (1 MB × 5 files) and to stderr.

    Calling it again (a test, a restart of the workspace) replaces the handlers it added
    instead of writing every line twice. Returns the log file's path.
    """
    paths.logs.mkdir(parents=True, exist_ok=True)
    log_file = paths.logs / LOG_NAME
    root = logging.getLogger()
    stop_logging()
    formatter = logging.Formatter(FORMAT)
    handlers: list[logging.Handler] = [
        RotatingFileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
                            encoding="utf-8", delay=False)]
    # A windowed (PyInstaller --windowed) build on Windows has no stderr at all.
    if sys.stderr is not None:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler.setFormatter(formatter)
        setattr(handler, _OURS, True)
        root.addHandler(handler)
    root.setLevel(level)
    logging.captureWarnings(True)
    return log_file


def stop_logging() -> None:
    """Close and remove the handlers `setup_logging` added (at exit, or before setting up again)."""
    root = logging.getLogger()
    for handler in [h for h in root.handlers if getattr(h, _OURS, False)]:
        root.removeHandler(handler)
        handler.close()
