"""HTTP plumbing shared by the platform's routes: bounded bodies, gzip, JSON, errors, logs."""

from __future__ import annotations

import json
import logging
import os
import time
import zlib
from typing import Any

from fastapi import Request
from fastapi.responses import JSONResponse

from sync.protocol import (
    BROKEN_TEXT,
    CENTRE_EPOCH_HEADER,
    CENTRE_ID_HEADER,
    CENTRE_MIN_PROTOCOL_HEADER,
    CENTRE_PROTOCOL_HEADER,
    MAX_BODY_BYTES,
    MIN_DESK_PROTOCOL,
    PROTOCOL_HEADER,
    PROTOCOL_VERSION,
    SERVER_TIME_HEADER,
    broken_text,
)

from .store import ServerError

log = logging.getLogger("community_desk.server")


class JsonLogFormatter(logging.Formatter):
    """One JSON object per line, for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {"time": round(record.created, 3), "level": record.levelname,
                                 "logger": record.name, "message": record.getMessage()}
        extra = getattr(record, "fields", None)
        if isinstance(extra, dict):
            entry.update(extra)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """The request body, refused with 413 past `limit` (also after gunzipping)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise ServerError(413, f"The request is too large (at most {limit // 1024} KB).", "too_large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise ServerError(413, f"The request is too large (at most {limit // 1024} KB).",
                              "too_large")
        chunks.append(chunk)
    body = b"".join(chunks)
    if request.headers.get("content-encoding", "").lower() == "gzip":
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            body = inflater.decompress(body, limit + 1)
        except zlib.error:
            raise ServerError(400, "The body is marked gzip but is not gzip data.", "bad_body") from None
        if len(body) > limit or inflater.unconsumed_tail:
            raise ServerError(413, "The request is too large once decompressed.", "too_large")
    return body


async def read_json(request: Request, check_text: bool = True) -> Any:
    return parse_json(await read_body(request), check_text)


def parse_json(body: bytes, check_text: bool = True) -> Any:
    """A request body as JSON, or a 400 that says why (plain: run it on a worker thread)."""
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        raise ServerError(400, "The body is not valid JSON.", "bad_json") from None
    if check_text and broken_text(value):
        raise ServerError(400, BROKEN_TEXT, "bad_text")
    return value


def error_response(error: ServerError) -> JSONResponse:
    return JSONResponse({"error": error.error, "message": error.message, **error.extra},
                        status_code=error.status)


def desk_protocol_refusal(request: Request, minimum: int) -> JSONResponse | None:
    """426 for a desk older than the centre serves (its `X-Desk-Protocol` below `minimum`);
    None when it may go on. A request without the header (a person with curl) goes on."""
    if not request.url.path.startswith("/v1/"):
        return None
    declared = request.headers.get(PROTOCOL_HEADER)
    if declared is None:
        return None
    if not declared.strip().isdigit():
        return JSONResponse({"error": "bad_protocol", "message": f"{PROTOCOL_HEADER} must be a "
                             "whole number."}, status_code=400)
    if int(declared) >= minimum:
        return None
    return JSONResponse({"error": "upgrade_required", "minimum": minimum,
                         "message": f"This desk speaks sync protocol {int(declared)}; the centre "
                         f"needs {minimum} or later. Please upgrade the desk's software."},
                        status_code=426)


def min_desk_protocol() -> int:
    """The oldest desk protocol served; raised with COMMUNITY_DESK_MIN_DESK_PROTOCOL once every
    desk of the district has been upgraded (and by the version tests)."""
    value = os.environ.get("COMMUNITY_DESK_MIN_DESK_PROTOCOL", "")
    return int(value) if value.isdigit() else MIN_DESK_PROTOCOL


async def timing_and_clock(request: Request, call_next: Any) -> Any:
    started = time.perf_counter()
    address = request.url.path + "?" + request.url.query
    minimum = min_desk_protocol()
    try:
        refusal = desk_protocol_refusal(request, minimum)
        if refusal is not None:
            response: Any = refusal
        elif broken_text(address) or "%00" in address:
            body: Any = {"error": "bad_text", "message": BROKEN_TEXT}
            if request.url.path.startswith("/open311/"):  # errors in the GeoReport format
                body = [{"code": 400, "description": BROKEN_TEXT}]
            response = JSONResponse(body, status_code=400)
        else:
            response = await call_next(request)
    except Exception:
        log.exception("unhandled error", extra={"fields": {"path": request.url.path}})
        response = JSONResponse({"error": "internal", "message": "The centre had an internal "
                                 "error; the request was not completed."}, status_code=500)
    response.headers[SERVER_TIME_HEADER] = str(int(time.time() * 1000))
    response.headers[CENTRE_PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
    response.headers[CENTRE_MIN_PROTOCOL_HEADER] = str(minimum)
    store = getattr(request.app.state, "store", None)
    if store is not None:
        response.headers[CENTRE_ID_HEADER] = store.centre_id
        response.headers[CENTRE_EPOCH_HEADER] = store.epoch
    log.info("request", extra={"fields": {
        "method": request.method, "status": response.status_code,
        "path": "/p/…" if request.url.path.startswith("/p/") else request.url.path,  # a code
        "ms": round((time.perf_counter() - started) * 1000, 1),
        "client": request.client.host if request.client else None}})
    return response
