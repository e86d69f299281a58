"""The centre's logs: JSON lines on stderr and in daily files kept 190 days (MLPS 2.0 asks for at
least six months), in a folder only the server's account can read."""

from __future__ import annotations

import logging
import os
from logging.handlers import TimedRotatingFileHandler
from pathlib import Path

from sqlalchemy.engine import make_url

from .http import JsonLogFormatter

KEEP_DAYS = 190
LOG_NAME = "community-desk-server.log"


def default_log_dir(database_url: str) -> Path:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir("community-desk-server", appauthor=False))


def log_handlers(log_dir: str | None, database_url: str) -> list[logging.Handler]:
    folder = Path(log_dir) if log_dir else default_log_dir(database_url)
    folder.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        folder.chmod(0o700)
    path = folder / LOG_NAME
    path.touch(mode=0o600, exist_ok=True)
    if os.name == "posix":
        path.chmod(0o600)
    rotating = TimedRotatingFileHandler(path, when="midnight", backupCount=KEEP_DAYS,
                                        encoding="utf-8", utc=True)
    console = logging.StreamHandler()
    for handler in (rotating, console):
        handler.setFormatter(JsonLogFormatter())
    return [rotating, console]
