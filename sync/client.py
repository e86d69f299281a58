"""The desk's side of sync: push the outbox, re-offer after the centre went back in time,
pull the scope, always push then pull (the wire, the token and enrolment are in transport.py).

Network work only; every local change goes through the store in one transaction, so a crash
between any two steps loses nothing and repeats nothing visible:
- an outbox row goes only after the centre's answer for it is committed locally;
- a pulled page and the cursor that follows it are committed together.
Only transient failures (network, 5xx, an unreadable answer) stop a sync; the schedule retries.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import shutil
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from desk_app.domain.catalogue import FILES as CATALOGUE_FILES
from desk_app.domain.catalogue import load_catalogue
from desk_app.domain.events import Event, EventError
from desk_app.domain.text import DomainError
from desk_app.store.attachments import (
    keep_attachment,
    mark_uploaded,
    path_of,
    pending_uploads,
    read_attachment,
    referenced,
)
from desk_app.store.desk import Desk, read_meta
from desk_app.store.eventlog import pending_count
from desk_app.store.sync_state import (
    advance_reoffer,
    centre_seen,
    cursor,
    note_centre,
    note_push_failure,
    open_rejection_count,
    outbox_rows,
    record_answers,
    reoffer_batch,
    reoffer_position,
    set_cursor,
    set_sync_facts,
    start_reoffer,
)
from sync.protocol import (
    CENTRE_EPOCH_HEADER,
    CENTRE_ID_HEADER,
    CENTRE_PROTOCOL_HEADER,
    MAX_PULL_EVENTS,
    MAX_PUSH_EVENTS,
    MIN_CENTRE_PROTOCOL,
    SERVER_TIME_HEADER,
    ProtocolError,
    PushResult,
    Status,
    push_body,
)
from sync.transport import (  # noqa: F401 (callers import these from here)
    FAILPOINT,
    SyncBusy,
    SyncError,
    TokenStore,
    _json,
    _message,
    _network_error,
    check_server_url,
    enrol,
    failpoint,
    http_session,
    lane_session,
)

if TYPE_CHECKING:
    import requests
else:
    from sync.transport import requests  # imported when first used (see there)

log = logging.getLogger(__name__)
# Level 1 is ~10× faster than gzip's default 9 on event JSON, and only ~35 % larger: a push is
# bound by the desk's CPU, not by its line.
GZIP_LEVEL = 1
# The outbox is pushed in this many lanes side by side, split by record: the centre (several
# processes, or PostgreSQL) works on one lane's batch while the desk encodes another's.
PUSH_LANES = 2


class CentreChanged(Exception):
    """The centre went back in time (a new epoch, or a cursor ahead of its log): the re-offer
    is set up; push and pull start over."""


class _PushTally:
    """What the push lanes share: the report and its progress, counted under one lock, and
    the first error (which stops the other lanes)."""

    def __init__(self, report: SyncReport, total: int,
                 progress: Callable[[str, int, int], None] | None) -> None:
        self.report, self.total, self.progress = report, total, progress
        self.done = 0
        self.errors: list[BaseException] = []
        self.stop = threading.Event()
        self._lock = threading.Lock()

    def add(self, sent: int, results: list[PushResult], refused: int) -> None:
        with self._lock:
            report = self.report
            report.pushed += sent
            report.accepted += sum(r.status is Status.ACCEPTED for r in results)
            report.already += sum(r.status is Status.ALREADY for r in results)
            report.refused += refused
            self.done += sent
            if self.progress:
                self.progress("push", self.done, max(self.total, self.done))

    def fail(self, error: BaseException) -> None:
        with self._lock:
            self.errors.append(error)
            self.stop.set()


@dataclass
class SyncReport:
    pushed: int = 0
    accepted: int = 0
    already: int = 0
    refused: int = 0
    pulled: int = 0
    applied: int = 0
    resets: int = 0
    pending: int = 0
    open_rejections: int = 0
    clock_skew_ms: int | None = None
    catalogue_updated: bool = False
    uploaded: int = 0
    downloaded: int = 0
    reoffered: int = 0
    error: str | None = None
    error_code: str = ""
    finished_at: float = field(default_factory=time.time)

    @property
    def ok(self) -> bool:
        return self.error is None


class SyncClient:
    """Push then pull for one desk. Thread-safe: a second sync while one runs is refused."""

    _locks: ClassVar[dict[str, threading.Lock]] = {}  # one sync at a time per database

    def __init__(self, desk: Desk, server_url: str, token: str, *,
                 session: requests.Session | None = None, timeout: tuple[float, float] = (5, 30),
                 batch: int = MAX_PUSH_EVENTS, page: int = MAX_PULL_EVENTS,
                 catalogue_dir: Path | None = None, lanes: int = PUSH_LANES) -> None:
        self.desk = desk
        self.url = server_url.rstrip("/")
        self.session = session or http_session()
        self.session.headers["Authorization"] = f"Bearer {token}"
        self.timeout = timeout
        self.batch = batch
        self.page = page
        self.catalogue_dir = catalogue_dir
        self.lanes = lanes
        self._centre_lock = threading.Lock()  # push lanes read and note the centre one at a time
        self._lock = self._locks.setdefault(str(desk.db.path), threading.Lock())

    def sync(self, progress: Callable[[str, int, int], None] | None = None) -> SyncReport:
        if not self._lock.acquire(blocking=False):
            raise SyncBusy
        report = SyncReport()
        try:
            check_server_url(self.url)
            for _round in range(3):
                try:
                    self.push(report, progress)
                    self.reoffer(report, progress)
                    self.upload_attachments(report)
                    self.pull(report, progress)
                    break
                except CentreChanged:
                    report.resets += 1
            else:
                raise SyncError("The centre keeps going back in time; try again later.")
            if self.catalogue_dir is not None:
                report.catalogue_updated = self.fetch_catalogue(self.catalogue_dir)
        except SyncError as error:
            report.error = str(error)
            report.error_code = error.code
        finally:
            with self.desk.db.begin() as conn:
                report.pending = pending_count(conn)
                report.open_rejections = open_rejection_count(conn)
                facts: dict[str, object] = {"last_attempt": int(time.time() * 1000),
                                            "last_error": report.error or "",
                                            "last_error_code": report.error_code}
                if report.ok:
                    facts["last_success"] = facts["last_attempt"]
                if report.clock_skew_ms is not None:
                    facts["clock_skew_ms"] = report.clock_skew_ms
                set_sync_facts(conn, **facts)
            self._lock.release()
        return report

    # Push ----------------------------------------------------------------------------------
    def push(self, report: SyncReport, progress: Callable[[str, int, int], None] | None = None
             ) -> None:
        """The outbox in `lanes` lanes side by side, split by record (outbox_rows: every event
        of a record in one lane), each lane's batches one at a time (a record's first event
        reaches the centre before the events that follow it). The first lane to fail stops the
        others (each at its batch in flight) and its error is raised; each lane's answers are
        committed before its outbox rows go, as with one lane."""
        with self.desk.db.read() as conn:
            total = pending_count(conn)
        tally = _PushTally(report, total, progress)
        if self.lanes <= 1 or total <= self.batch:  # one batch (or none): one lane
            self._push_lane(0, 1, self.session, tally)
            return
        # (The lanes' sessions are not closed: that would close the adapters they share.)
        sessions = [self.session, *(lane_session(self.session) for _ in range(self.lanes - 1))]
        with ThreadPoolExecutor(self.lanes - 1, thread_name_prefix="push-lane") as pool:
            others = [pool.submit(self._push_lane, lane, self.lanes, sessions[lane], tally)
                      for lane in range(1, self.lanes)]
            with suppress(Exception):  # (kept in the tally, raised below)
                self._push_lane(0, self.lanes, self.session, tally)
            for other in others:
                with suppress(Exception):
                    other.result()
        if tally.errors:
            raise tally.errors[0]

    def _push_lane(self, lane: int, lanes: int, session: requests.Session,
                   tally: _PushTally) -> None:
        """One lane of the outbox, in batches. The desk's own work overlaps the centre's: the
        next batch is read and encoded (gzip included) while one is on its way, and it is sent
        as soon as the answer before it has been read, before that answer is recorded (a crash
        in between only means the next push hears "already had" for it)."""
        try:
            with self.desk.db.read() as conn:
                batch = outbox_rows(conn, self.batch, lane=lane, lanes=lanes)
            with ThreadPoolExecutor(1, thread_name_prefix="push-send") as sender:
                sending = (sender.submit(self._post_push, self._push_body(batch), session)
                           if batch and not tally.stop.is_set() else None)
                with self.desk.db.read() as conn:  # the rows after this batch, meanwhile
                    upcoming = outbox_rows(conn, self.batch, skip=len(batch), lane=lane,
                                           lanes=lanes) if sending else []
                body = self._push_body(upcoming) if upcoming else b""  # ready before the answer
                while sending is not None:
                    ids = [row[0] for row in batch]
                    results = self._answered(sending, ids, tally.report)
                    complete = len(results) >= len(batch)
                    sending = (sender.submit(self._post_push, body, session)
                               if upcoming and complete and not tally.stop.is_set() else None)
                    answered = [r.id for r in results
                                if r.status in (Status.ACCEPTED, Status.ALREADY)]
                    refused = {r.id: (r.code or r.status.value, r.reason or r.status.value)
                               for r in results if r.status in (Status.REJECTED, Status.CONFLICT)}
                    with self.desk.db.begin() as conn:
                        record_answers(conn, answered, refused)
                    failpoint("push.recorded")
                    tally.add(len(batch), results, len(refused))
                    if not complete:
                        raise SyncError("The centre answered only part of a batch.")
                    batch = upcoming if sending else []
                    with self.desk.db.read() as conn:  # what follows the batch now on its way
                        upcoming = outbox_rows(conn, self.batch, skip=len(batch), lane=lane,
                                               lanes=lanes) if batch else []
                    body = self._push_body(upcoming) if upcoming else b""
        except BaseException as error:
            tally.fail(error)
            raise

    def _answered(self, sending: Future[requests.Response], ids: list[str],
                  report: SyncReport) -> list[PushResult]:
        """The centre's answers to one batch sent, or SyncError (the batch's attempt noted)."""
        try:
            answer = sending.result()
        except requests.RequestException as error:
            failure = _network_error(error)
            note_push_failure(self.desk.db, ids, str(failure))
            raise failure from None
        self._clock(answer, report)
        if answer.status_code != 200:
            note_push_failure(self.desk.db, ids, _message(answer))
            raise SyncError(_message(answer), transient=answer.status_code >= 500)
        self._centre_changed(answer)  # the answers stand; the re-offer follows the push
        results = self._results(answer, set(ids))
        failpoint("push.answered")
        return results

    @staticmethod
    def _push_body(batch: list[tuple[str, ...]]) -> bytes:
        return gzip.compress(push_body(batch), compresslevel=GZIP_LEVEL)

    def _post_push(self, body: bytes, session: requests.Session | None = None
                   ) -> requests.Response:
        return (session or self.session).post(f"{self.url}/v1/push", data=body, timeout=self.timeout,
                                 headers={"Content-Encoding": "gzip",
                                          "Content-Type": "application/json"})

    def reoffer(self, report: SyncReport, progress: Callable[[str, int, int], None] | None = None
                ) -> None:
        """After the centre went back in time: offer it every event this desk holds, in log
        order and in batches, each batch's progress committed with its answers (so a sync cut
        off goes on where it stopped). Idempotent at the centre: what it has is "already"."""
        while True:
            with self.desk.db.read() as conn:
                after = reoffer_position(conn)
                batch = reoffer_batch(conn, after, self.batch) if after is not None else []
            if after is None:
                return
            if not batch:
                with self.desk.db.begin() as conn:
                    advance_reoffer(conn, None)
                return
            sent = [e for _, e in batch]
            body = gzip.compress(json.dumps({"events": [e.to_dict() for e in sent],
                                             "reoffer": True}, ensure_ascii=False).encode(),
                                 compresslevel=GZIP_LEVEL)
            try:
                answer = self.session.post(f"{self.url}/v1/push", data=body, timeout=self.timeout,
                                           headers={"Content-Encoding": "gzip",
                                                    "Content-Type": "application/json"})
            except requests.RequestException as error:
                raise _network_error(error) from None
            self._clock(answer, report)
            if answer.status_code != 200:
                raise SyncError(_message(answer), transient=answer.status_code >= 500)
            if self._centre_changed(answer):
                continue  # yet another epoch: the re-offer started again from the first event
            results = self._results(answer, {e.id for e in sent})
            if len(results) < len(sent):
                raise SyncError("The centre answered only part of a batch.")
            own = {e.id for e in sent if e.desk == self.desk.code}
            # This desk's own events refused now go to its rejections list as usual; others'
            # (taken only if they predate the restore) are their own desk's to offer.
            refused = {r.id: (r.code or r.status.value, r.reason or r.status.value)
                       for r in results if r.status in (Status.REJECTED, Status.CONFLICT)
                       and r.id in own}
            with self.desk.db.begin() as conn:
                record_answers(conn, [], refused)
                advance_reoffer(conn, batch[-1][0])
            failpoint("reoffer.recorded")
            report.reoffered += len(sent)
            report.accepted += sum(r.status is Status.ACCEPTED for r in results)
            if progress:
                progress("reoffer", report.reoffered, report.reoffered + self.batch)

    def _centre_changed(self, answer: requests.Response) -> bool:
        """Whether this answer comes from another centre or a new epoch of this one: if so the
        re-offer and a pull from the start are set up (in one local transaction)."""
        centre, epoch = answer.headers.get(CENTRE_ID_HEADER), answer.headers.get(CENTRE_EPOCH_HEADER)
        if not centre or not epoch:
            return False  # a centre older than epochs
        with self._centre_lock:
            return self._note_centre(centre, epoch)

    def _note_centre(self, centre: str, epoch: str) -> bool:
        with self.desk.db.read() as conn:
            seen = centre_seen(conn)
        if seen == (centre, epoch):
            return False
        with self.desk.db.begin() as conn:
            if seen == (None, None):
                note_centre(conn, centre, epoch)  # the first answer: adopt it
                return False
            log.warning("the centre %s is at epoch %s (was %s at %s): re-offering and pulling "
                        "again", centre, epoch, seen[0], seen[1])
            start_reoffer(conn, centre, epoch)
        return True

    def _results(self, answer: requests.Response, sent: set[str]) -> list[PushResult]:
        body = _json(answer)
        raw = body.get("results") if isinstance(body, dict) else None
        if not isinstance(raw, list):
            raise SyncError("The centre's answer to a push has no results.")
        try:
            results = [PushResult.from_dict(r) for r in raw]
        except ProtocolError as error:
            raise SyncError(f"The centre's answer is not understood: {error}.") from None
        return [r for r in results if r.id in sent]

    # Pull ----------------------------------------------------------------------------------
    def pull(self, report: SyncReport, progress: Callable[[str, int, int], None] | None = None
             ) -> None:
        """Pages after the cursor, each applied with the cursor that follows it in one local
        transaction (one short write: the desk stays usable). The next page is fetched while
        this one is applied, so the centre's work and the desk's overlap."""
        with self.desk.db.read() as conn:
            after = cursor(conn)
        with (ThreadPoolExecutor(1, thread_name_prefix="pull-fetch") as fetcher,
              self.desk.db.bulk_checkpoints() as committed):
            pending = fetcher.submit(self._fetch_page, after)
            while True:
                answer = pending.result()
                self._clock(answer, report)
                if self._centre_changed(answer):
                    raise CentreChanged  # this page is not applied: re-offer, then pull from 0
                if answer.status_code == 410:
                    log.warning("the centre asks for a reset: %s", _message(answer))
                    if _json(answer).get("why") == "ahead":  # the centre's log went back in time
                        with self.desk.db.begin() as conn:
                            start_reoffer(conn, answer.headers.get(CENTRE_ID_HEADER, ""),
                                          answer.headers.get(CENTRE_EPOCH_HEADER, ""))
                        raise CentreChanged
                    with self.desk.db.begin() as conn:
                        set_cursor(conn, 0)
                    report.resets += 1
                    if report.resets > 2:
                        raise SyncError("The centre keeps asking for a reset.")
                    pending = fetcher.submit(self._fetch_page, 0)
                    continue
                if answer.status_code != 200:
                    raise SyncError(_message(answer), transient=answer.status_code >= 500)
                events, next_after, more = self._page(answer)
                if more:
                    pending = fetcher.submit(self._fetch_page, next_after)
                failpoint("pull.received")
                with self.desk.db.begin() as conn:
                    added = self.desk.record(events, origin="pulled", conn=conn).added
                    set_cursor(conn, next_after)
                committed()
                failpoint("pull.applied")
                self.fetch_attachments(events, report)
                report.pulled += len(events)
                report.applied += len(added)
                if progress:
                    progress("pull", report.pulled, report.pulled + (self.page if more else 0))
                if not more:
                    return

    def _fetch_page(self, after: int) -> requests.Response:
        try:
            return self.session.get(f"{self.url}/v1/pull", timeout=self.timeout,
                                    params={"after": after, "limit": self.page})
        except requests.RequestException as error:
            raise _network_error(error) from None

    def _page(self, answer: requests.Response) -> tuple[list[Event], int, bool]:
        """The page's events, each checked by `Event.from_dict` (its per-type checks are
        compiled once from the schemas: schema.compile_payload)."""
        body = _json(answer)
        try:
            raw = body["events"]
            next_after = int(body["next"])
            more = bool(body["more"])
            events = [Event.from_dict(item["event"]) for item in raw]
        except (KeyError, TypeError, ValueError) as error:
            raise SyncError(f"A page from the centre is not understood ({error}).") from None
        except EventError as error:
            raise SyncError(f"The centre sent an event this desk cannot read: {error}.") from None
        return events, next_after, more

    # Attachments --------------------------------------------------------------------------------
    def upload_attachments(self, report: SyncReport) -> None:
        """Photos go once each, named by their SHA-256; the centre checks the content."""
        for item in pending_uploads(self.desk.db):
            data = read_attachment(self.desk.db, item.sha256)
            if data is None:
                continue  # removed from this desk's folder: nothing to send
            try:
                answer = self.session.put(f"{self.url}/v1/attachments/{item.sha256}", data=data,
                                          timeout=self.timeout,
                                          headers={"Content-Type": item.content_type})
            except requests.RequestException as error:
                raise _network_error(error) from None
            if answer.status_code != 200:
                raise SyncError(_message(answer), transient=answer.status_code >= 500)
            mark_uploaded(self.desk.db, item.sha256)
            report.uploaded += 1

    def fetch_attachments(self, events: list[Event], report: SyncReport) -> None:
        """Photos named by pulled events that this desk does not have yet."""
        for event in events:
            for sha256 in referenced(dict(event.payload)):
                if path_of(self.desk.db, sha256).exists():
                    continue
                try:
                    answer = self.session.get(f"{self.url}/v1/attachments/{sha256}",
                                              timeout=self.timeout)
                except requests.RequestException as error:
                    raise _network_error(error) from None
                if answer.status_code == 404:
                    continue  # not uploaded yet by its desk: fetched at a later sync
                if answer.status_code != 200:
                    raise SyncError(_message(answer), transient=answer.status_code >= 500)
                if hashlib.sha256(answer.content).hexdigest() != sha256:
                    raise SyncError("An attachment from the centre does not match its SHA-256.")
                keep_attachment(self.desk.db, answer.content, sha256, uploaded=True)
                report.downloaded += 1

    # Catalogue --------------------------------------------------------------------------------
    def fetch_catalogue(self, folder: Path) -> bool:
        """Keep the centre's catalogue snapshot in `folder` (used from the next start). A bad
        snapshot is refused and the desk keeps working with the one it has."""
        from desk_app.store.calendar_store import CENTRE_VERSION, adopt_centre_calendar

        with self.desk.db.read() as conn:
            calendar = read_meta(conn, CENTRE_VERSION)
        tag = self.desk.catalogue.version + (f"+{calendar}" if calendar else "")
        headers = {"If-None-Match": f'"{tag}"'}
        try:
            answer = self.session.get(f"{self.url}/v1/catalogue", timeout=self.timeout,
                                      headers=headers)
        except requests.RequestException as error:
            raise _network_error(error) from None
        if answer.status_code == 304:
            return False
        if answer.status_code != 200:
            raise SyncError(_message(answer), transient=answer.status_code >= 500)
        body = _json(answer)
        published = body.get("calendar") if isinstance(body, dict) else None
        if isinstance(published, dict) and isinstance(published.get("csv"), str):
            try:  # issue 10: a newer calendar moves the deadlines of open cases at once
                adopt_centre_calendar(self.desk, published["csv"], str(published.get("version")))
            except DomainError as error:
                raise SyncError(f"The centre's calendar was refused: {error}",
                                transient=False) from None
        try:
            files = {name: body["files"][name] for name in CATALOGUE_FILES}
        except (KeyError, TypeError):
            raise SyncError("The centre's catalogue snapshot is incomplete.") from None
        staging = folder.with_name(folder.name + ".new")
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        for name, text in files.items():
            (staging / name).write_text(str(text), encoding="utf-8")
        try:
            fresh = load_catalogue(staging)
        except DomainError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise SyncError(f"The centre's catalogue was refused: {error}", transient=False) from None
        if fresh.version == self.desk.catalogue.version:
            shutil.rmtree(staging, ignore_errors=True)
            return False
        old = folder.with_name(folder.name + ".old")
        shutil.rmtree(old, ignore_errors=True)
        if folder.exists():
            folder.rename(old)
        staging.rename(folder)
        shutil.rmtree(old, ignore_errors=True)
        return True

    def _clock(self, answer: requests.Response, report: SyncReport) -> None:
        """The clock skew, and the versions checked both ways: a desk too old for the centre
        (426), or a centre too old for this desk."""
        if answer.status_code == 426:
            raise SyncError(_message(answer), transient=False, code="upgrade_required")
        spoken = answer.headers.get(CENTRE_PROTOCOL_HEADER, "")
        if spoken.isdigit() and int(spoken) < MIN_CENTRE_PROTOCOL:
            raise SyncError(f"The centre speaks sync protocol {spoken}; this desk needs "
                            f"{MIN_CENTRE_PROTOCOL} or later. The centre must be upgraded.",
                            transient=False, code="centre_too_old")
        stamp = answer.headers.get(SERVER_TIME_HEADER, "")
        if stamp.isdigit():
            report.clock_skew_ms = self.desk.clock.wall_ms() - int(stamp)
