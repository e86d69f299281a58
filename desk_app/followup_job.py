"""The follow-through job: at start and every few minutes, on its own thread (never the GUI's),
record the automatic warnings and daily reminders of the desk's area and report what is new.

A BackgroundScheduler of its own (like sync/scheduler.py, and for the same reasons: QtScheduler
leaks timers under PySide6, see NOTES.md) with `max_instances=1` and `coalesce=True`, so a slow
run is never run twice. The job touches no widget: it hands its result to a callback, which the
UI turns into a queued Qt signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from desk_app.domain.followup import Rules
from desk_app.store.desk import Desk
from desk_app.store.followup_actions import desk_level
from desk_app.store.watchlist import Recorded, record_warnings, watch_count

log = logging.getLogger(__name__)
JOB = "followup"


@dataclass(frozen=True)
class FollowupResult:
    recorded: Recorded
    count: int  # items on the watch list now, for the badge
    at: int  # ms


def run_followup(desk: Desk, rules: Rules) -> FollowupResult:
    """One run: record what is new, count what is on the list."""
    now = desk.clock.wall_ms()
    level = desk_level(desk)
    recorded = record_warnings(desk, now, rules, level)
    with desk.db.read() as conn:
        count = watch_count(conn, now, desk.calendar, rules, level)
    return FollowupResult(recorded, count, now)


class FollowupJob:
    def __init__(self, desk: Desk, rules: Callable[[], Rules],
                 on_result: Callable[[FollowupResult], None],
                 interval_minutes: float = 5) -> None:
        self.desk = desk
        self.rules = rules
        self.on_result = on_result
        self.interval = max(0.1, interval_minutes)
        from apscheduler.schedulers.background import BackgroundScheduler  # not at start-up

        self.scheduler = BackgroundScheduler(daemon=True)
        self.runs = 0
        self._lock = threading.Lock()

    def start(self, first_in_seconds: float = 2) -> None:
        self.scheduler.add_job(self._run, "interval", seconds=self.interval * 60, id=JOB,
                               max_instances=1, coalesce=True, misfire_grace_time=None,
                               next_run_time=datetime.now() + timedelta(seconds=first_in_seconds))
        self.scheduler.start()

    def run_now(self) -> None:
        if self.scheduler.running:
            self.scheduler.modify_job(JOB, next_run_time=datetime.now())

    def shutdown(self) -> None:
        if self.scheduler.running:
            self.scheduler.shutdown(wait=True)

    def _run(self) -> None:
        with self._lock:
            try:
                result = run_followup(self.desk, self.rules())
            except Exception:  # never let the scheduler thread die silently
                log.exception("follow-through run failed; nothing of it was recorded")
                return
            self.runs += 1
        self.on_result(result)
