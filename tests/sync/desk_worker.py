"""A desk in its own process, so that a test can kill it (-9) between any two steps of a sync.

    python -m tests.sync.desk_worker DB URL TOKEN
"""

from __future__ import annotations

import sys
from pathlib import Path

from desk_app.config import calendar_file, catalogue_dir
from desk_app.domain.catalogue import load_catalogue
from desk_app.domain.workcalendar import WorkCalendar
from desk_app.store.database import open_database
from desk_app.store.desk import Desk, read_identity
from sync.client import SyncClient, http_session


def main() -> int:
    db_path, url, token = sys.argv[1:4]
    db = open_database(Path(db_path))
    identity = read_identity(db)
    assert identity is not None
    desk = Desk(db, identity, load_catalogue(catalogue_dir()), WorkCalendar.load(calendar_file()))
    report = SyncClient(desk, url, token, session=http_session(retries=0), batch=50,
                        page=100).sync()
    print(report)
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
