"""The central platform's HTTP API (see sync/protocol.py for the exchange itself)."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any

from fastapi import FastAPI, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from desk_app.config import calendar_file, catalogue_dir
from desk_app.domain.catalogue import FILES, load_catalogue
from desk_app.domain.workcalendar import WorkCalendar
from sync.protocol import (
    MAX_ATTACHMENT_BYTES,
    MAX_PULL_EVENTS,
    MAX_PUSH_EVENTS,
    PROTOCOL_VERSION,
    broken_text,
    may_hold_broken_text,
    push_answer,
)

from .calendar import published_calendar
from .database import ServerDatabase
from .disputes import department_return
from .http import error_response, parse_json, read_body, read_json, timing_and_clock
from .open311 import open311_router
from .progress import progress_router
from .security import install_security, served_type
from .store import DeskRow, KeyRow, ServerError, ServerStore

SHA256 = re.compile(r"[0-9a-f]{64}")


def bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return header[7:].strip()
    return request.headers.get("x-api-key", "").strip()


def create_app(database_url: str, migrate: bool = True, docs: bool = False) -> FastAPI:
    db = ServerDatabase(database_url)
    if migrate:
        db.migrate()
    catalogue = load_catalogue(catalogue_dir())
    store = ServerStore(db, catalogue)
    document = {"version": catalogue.version, "files": {
        name: (catalogue_dir() / name).read_text(encoding="utf-8") for name in FILES}}
    snapshot = json.dumps(document, ensure_ascii=False).encode()
    etag = f'"{catalogue.version}"'
    with_calendar: dict[str, bytes] = {}  # the snapshot with the published calendar, by version

    app = FastAPI(title="Community Desk central platform", version=str(PROTOCOL_VERSION),
                  docs_url="/docs" if docs else None, redoc_url=None,
                  openapi_url="/openapi.json" if docs else None)  # off unless asked for
    app.state.store = store
    app.middleware("http")(timing_and_clock)

    @app.exception_handler(ServerError)
    async def refused(_request: Request, error: ServerError) -> JSONResponse:
        return error_response(error)

    @app.exception_handler(RequestValidationError)
    async def invalid(_request: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return JSONResponse({"error": "invalid", "message": f"{where}: {first.get('msg', 'invalid')}"},
                            status_code=422)

    def desk_of(request: Request) -> DeskRow:
        token = bearer(request)
        if not token:
            raise ServerError(401, "This request needs the desk's token.", "unauthorized")
        return store.desk_for_token(token)

    @app.get("/healthz")
    def healthz() -> dict[str, Any]:
        return {"status": "ok", **store.counts()}

    @app.post("/v1/enrol")
    async def enrol(request: Request) -> dict[str, Any]:
        body = await read_json(request, check_text=False)
        if not isinstance(body, dict) or not all(isinstance(body.get(k), str)
                                                 for k in ("code", "desk_code", "desk_name")):
            raise ServerError(400, "Send the enrolment code, the desk code and the desk name.")
        for key, name in (("code", "enrolment code"), ("desk_code", "desk code"),
                          ("desk_name", "desk name")):
            if broken_text(body[key]):
                raise ServerError(400, f"The {name} holds characters that are not text.",
                                  "bad_text")
        result = await run_in_threadpool(store.enrol, body["code"], body["desk_code"],
                                         body["desk_name"])
        return {"desk_id": result.desk_id, "desk_code": result.desk_code, "org": result.org,
                "token": result.token}

    def push_now(request: Request, raw: bytes) -> bytes:
        """The push's work, on a worker thread: the event loop only moves bytes."""
        desk = desk_of(request)
        body = parse_json(raw, check_text=False)  # checked event by event in the store
        events = body.get("events") if isinstance(body, dict) else None
        if not isinstance(events, list):
            raise ServerError(400, "Send {\"events\": [...]}.")
        if len(events) > MAX_PUSH_EVENTS:
            raise ServerError(413, f"At most {MAX_PUSH_EVENTS} events per push.", "too_large")
        results = store.push(desk, events, reoffer=body.get("reoffer") is True,
                             text_checked=not may_hold_broken_text(raw))
        return push_answer(results)

    @app.post("/v1/push")
    async def push(request: Request) -> Response:
        raw = await read_body(request)
        return Response(await run_in_threadpool(push_now, request, raw),
                        media_type="application/json")

    @app.get("/v1/pull")
    def pull(request: Request, after: int = 0, limit: int = MAX_PULL_EVENTS) -> Response:
        desk = desk_of(request)
        if after < 0 or not 1 <= limit <= MAX_PULL_EVENTS:
            raise ServerError(400, f"`after` must be ≥ 0 and `limit` between 1 and {MAX_PULL_EVENTS}.")
        items, next_after, more = store.pull_json(desk, after, limit)
        # The items come as JSON text (store.pull_json); the rest is plain JSON written by json.dumps
        # (FastAPI's own encoder walks every nested value in Python first).
        tail = json.dumps({"next": next_after, "more": more, "centre": store.centre_id,
                           "epoch": store.epoch}, ensure_ascii=False, separators=(",", ":"))
        return Response(f'{{"events":[{",".join(items)}],{tail[1:]}'.encode(),
                        media_type="application/json")

    @app.get("/v1/catalogue")
    def get_catalogue(request: Request) -> Response:
        desk_of(request)
        published = published_calendar(store)  # issue 10: the calendar travels with it
        tag = etag if published is None else f'"{catalogue.version}+{published[1]}"'
        if request.headers.get("if-none-match") == tag:
            return Response(status_code=304, headers={"ETag": tag})
        body = snapshot
        if published is not None:
            if published[1] not in with_calendar:
                with_calendar.clear()
                with_calendar[published[1]] = json.dumps({**document, "calendar": {
                    "version": published[1], "csv": published[0]}}, ensure_ascii=False).encode()
            body = with_calendar[published[1]]
        return Response(body, media_type="application/json", headers={"ETag": tag})

    @app.put("/v1/attachments/{sha256}")
    async def put_attachment(sha256: str, request: Request) -> dict[str, Any]:
        desk = await run_in_threadpool(desk_of, request)
        if not SHA256.fullmatch(sha256):
            raise ServerError(400, "An attachment is named by its SHA-256 in lower-case hex.")
        data = await read_body(request, MAX_ATTACHMENT_BYTES)
        claimed = request.headers.get("content-type", "application/octet-stream")
        if hashlib.sha256(data).hexdigest() != sha256:
            raise ServerError(422, "The content does not match its SHA-256; nothing was stored.")
        if served_type(data, claimed) == "application/octet-stream":
            raise ServerError(415, "An attachment must be a PNG, JPEG, GIF or WebP image sent "
                              "with its own content type.", "bad_type")
        stored = await run_in_threadpool(store.put_attachment, sha256, data,
                                         served_type(data, claimed), desk.id)
        return {"sha256": sha256, "size": len(data), "stored": stored}

    @app.get("/v1/attachments/{sha256}")
    def get_attachment(sha256: str, request: Request) -> Response:
        desk = desk_of(request)
        found = store.get_attachment(sha256) if SHA256.fullmatch(sha256) else None
        if found is None:
            raise ServerError(404, "No such attachment.", "not_found")
        # Knowing the SHA-256 already means having the photo or a record naming it, so saying
        # that it exists tells another area nothing new; the photo itself it does not get.
        if not store.attachment_visible_to(sha256, desk):
            raise ServerError(403, "No record of this desk's area names this attachment.",
                              "outside_scope")
        data, content_type = found
        return Response(data, media_type=served_type(data, content_type),
                        headers={"ETag": f'"{hashlib.sha256(data).hexdigest()}"'})

    @app.post("/v1/cases/{case_id}/actions")
    async def department_action(case_id: str, request: Request) -> dict[str, Any]:
        key: KeyRow = await run_in_threadpool(store.key_row, bearer(request), "department")
        body = await read_json(request)
        if not isinstance(body, dict) or not isinstance(body.get("action"), str):
            raise ServerError(400, "Send {\"action\": \"sign|reply|resolve\", \"text\": ...}.")
        text = body.get("text", "")
        if not isinstance(text, str):
            raise ServerError(400, "`text` must be text.")
        if body["action"] == "return":  # issue 10: a disputed dispatch (sync/server/disputes.py)
            reason = body.get("reason", text)
            event = await run_in_threadpool(
                department_return, store, key, case_id,
                reason if isinstance(reason, str) else "", str(body.get("person", ""))[:40])
            return {"event": event.to_dict()}
        event = await run_in_threadpool(store.department_action, key, case_id, body["action"],
                                        text, str(body.get("person", ""))[:40])
        return {"event": event.to_dict()}

    app.include_router(open311_router(store))
    app.include_router(progress_router(store, WorkCalendar.load(calendar_file())))
    install_security(app)  # outermost: every answer gets the headers; guessers get 429
    return app
