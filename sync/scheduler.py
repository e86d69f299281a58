"""When the desk syncs: every N minutes and on "Sync now", always off the GUI thread.

APScheduler's BackgroundScheduler runs the job on its own thread (QtScheduler would leak timers
under PySide6, see NOTES.md). The job never touches widgets: it hands its report to callbacks,
which the UI turns into queued Qt signals. `max_instances=1` and `coalesce=True` keep a slow
sync from ever running twice; the client's own lock refuses a second one from anywhere else.
A failed push is retried at the next tick even if nothing new was written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .client import SyncBusy, SyncClient, SyncReport

if TYPE_CHECKING:
    from apscheduler.schedulers.background import BackgroundScheduler

log = logging.getLogger(__name__)
JOB = "sync"


class SyncScheduler:
    def __init__(self, make_client: Callable[[], SyncClient | None], interval_minutes: int,
                 on_report: Callable[[SyncReport], None],
                 on_progress: Callable[[str, int, int], None] | None = None,
                 on_started: Callable[[], None] | None = None) -> None:
        self.make_client = make_client
        self.interval = max(1, interval_minutes)
        self.on_report = on_report
        self.on_progress = on_progress
        self.on_started = on_started
        self._scheduler: BackgroundScheduler | None = None
        self.running = False
        self._again = False

    @property
    def scheduler(self) -> BackgroundScheduler:
        """APScheduler's scheduler, made (and APScheduler imported, ~40 ms) when first used:
        the desk starts it after its window is painted."""
        if self._scheduler is None:
            from apscheduler.schedulers.background import BackgroundScheduler

            self._scheduler = BackgroundScheduler(daemon=True)
        return self._scheduler

    def start(self, first_in_seconds: float = 5) -> None:
        self.scheduler.add_job(self._run, "interval", minutes=self.interval, id=JOB,
                               max_instances=1, coalesce=True, misfire_grace_time=None,
                               next_run_time=datetime.now() + timedelta(seconds=first_in_seconds))
        self.scheduler.start()

    def add_daily(self, job: Callable[[], object], job_id: str, first_in_seconds: float = 60
                  ) -> None:
        """Another housekeeping job on the same background thread (the daily backup)."""
        self.scheduler.add_job(job, "interval", hours=24, id=job_id, max_instances=1,
                               coalesce=True, misfire_grace_time=None,
                               next_run_time=datetime.now() + timedelta(seconds=first_in_seconds))

    def sync_now(self) -> None:
        """Run the sync job at once; asked while one runs, it runs again right after (a request
        made as the last one was finishing is never dropped)."""
        self._again = True
        if self.scheduler.running and not self.running:
            self.scheduler.modify_job(JOB, next_run_time=datetime.now())

    def set_interval(self, minutes: int) -> None:
        self.interval = max(1, minutes)
        if self.scheduler.running:
            self.scheduler.reschedule_job(JOB, trigger="interval", minutes=self.interval)

    def shutdown(self) -> None:
        if self._scheduler is not None and self._scheduler.running:
            self.scheduler.shutdown(wait=True)

    def _run(self) -> None:
        self.running = True
        try:
            while True:
                self._again = False
                client = self.make_client()
                if client is None:
                    return  # not enrolled yet
                if self.on_started:
                    self.on_started()
                try:
                    report = client.sync(self.on_progress)
                except SyncBusy:
                    return
                except Exception as error:  # never let the scheduler thread die silently
                    log.exception("sync failed")
                    report = SyncReport(error=f"{error.__class__.__name__}: {error}")
                self.on_report(report)
                if not self._again:
                    return
        finally:
            self.running = False
            if self._again and self.scheduler.running:  # asked for in the last instant
                self.scheduler.modify_job(JOB, next_run_time=datetime.now())
