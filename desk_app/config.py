"""Where things live: one place for every path, with an override for development and tests.

`COMMUNITY_DESK_HOME` puts the database, attachments, logs and settings under one folder (the
tests give each test its own); otherwise the platform's user folders are used (platformdirs).
Resources (catalogue, calendar, translations) come from the source tree, or from the bundle
when frozen by PyInstaller.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "CommunityDesk"
APP_AUTHOR = "CommunityDesk"


def resources_dir() -> Path:
    override = os.environ.get("COMMUNITY_DESK_RESOURCES")
    if override:
        return Path(override)
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


@dataclass(frozen=True)
class Paths:
    data: Path
    logs: Path
    config: Path

    @property
    def database(self) -> Path:
        return self.data / "desk.sqlite3"

    @property
    def attachments(self) -> Path:
        return self.data / "attachments"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def settings(self) -> Path:
        return self.config / "settings.json"

    def ensure(self) -> Paths:
        """Make the folders, private to this user (0700 on POSIX), and the files already in
        the data, backup and log folders 0600 (an earlier version left them 0644)."""
        for folder in (self.data, self.logs, self.config, self.attachments, self.backups):
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if os.name == "posix":
            for folder in (self.data, self.logs, self.config, self.attachments, self.backups):
                _private(folder, 0o700)
                for entry in folder.iterdir():
                    if entry.is_file() and not entry.is_symlink():
                        _private(entry, 0o600)
        return self


def _private(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 != mode:
            os.chmod(path, mode)
    except OSError:  # a file we do not own (a shared folder): leave it
        pass


def app_paths() -> Paths:
    home = os.environ.get("COMMUNITY_DESK_HOME")
    if home:
        root = Path(home)
        return Paths(root / "data", root / "logs", root / "config")
    import platformdirs

    return Paths(
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
    )


def catalogue_dir() -> Path:
    return resources_dir() / "catalogue"


def calendar_file() -> Path:
    return resources_dir() / "calendar" / "cn_holidays.csv"


def translations_dir() -> Path:
    return resources_dir() / "translations"
