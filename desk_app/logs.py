"""Logging for the desk: a rotating UTF-8 file in the user's log folder, and stderr.

One place for it, so the About dialog can show where the log is and a person can send it
when something went wrong. Rotating keeps the folder small on machines nobody cleans up.

A log is sent around, so it must never hold residents' personal data: every line (tracebacks
included) is scrubbed on its way out. The parameters of a failed SQL statement are cut (the
engine already hides them, `hide_parameters=True`; this catches any other path), and anything
shaped like a mobile number or an 18-digit ID number is masked as the screens mask it. The log
files are 0600 in a 0700 folder.
"""

from __future__ import annotations

import logging
import os
import re
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

_PARAMETERS = re.compile(r"\[parameters: .*$", re.MULTILINE)
_ID_NUMBER = re.compile(r"(?<![0-9])(\d{4})\d{10}(\d{3}[\dXx])(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<![0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])")


def scrub(text: str) -> str:
    """The text with SQL parameters cut and phone and ID numbers masked."""
    text = _PARAMETERS.sub("[parameters hidden]", text)
    text = _ID_NUMBER.sub(lambda m: f"{m[1]}{'*' * 10}{m[2]}", text)
    return _PHONE.sub(lambda m: f"{m[1]}****{m[2]}", text)


class ScrubbingFormatter(logging.Formatter):
    """Formats as usual (with the traceback), then scrubs the whole text; see `scrub`."""

    def format(self, record: logging.LogRecord) -> str:
        return scrub(super().format(record))


class _PrivateRotatingFileHandler(RotatingFileHandler):
    """Every log file, the current one and the rotated ones, readable by this user only."""

    def _open(self):  # type: ignore[no-untyped-def]
        if os.name == "posix":
            os.close(os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT, 0o600))
            os.chmod(self.baseFilename, 0o600)
        return super()._open()


def setup_logging(paths: Paths, level: int = logging.INFO) -> Path:
    """Send the root logger to `paths.logs/desk.log` (1 MB × 5 files) and to stderr.

    Calling it again (a test, a restart of the workspace) replaces the handlers it added
    instead of writing every line twice. Returns the log file's path.
    """
    paths.logs.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        os.chmod(paths.logs, 0o700)
    log_file = paths.logs / LOG_NAME
    root = logging.getLogger()
    stop_logging()
    formatter = ScrubbingFormatter(FORMAT)
    handlers: list[logging.Handler] = [
        _PrivateRotatingFileHandler(log_file, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT,
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
