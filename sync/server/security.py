"""The centre's outer guard: slowing down guessers, and the headers every answer carries.

Failed authentication (an unknown desk token, API key or enrolment code: 401, or 403 from the
enrolment) and wrong lookup codes on the residents' progress page (404 under /p/) are counted per
client address. Past the limit inside the window, that address gets 429 with Retry-After until
the window has passed, whatever it sends; a success does not reset the count, so a guesser cannot
interleave one valid request to keep going. Counts live in the process: behind a load balancer
each process counts for itself, which still bounds a guesser to limit × processes per window.
Behind a reverse proxy the address is the one uvicorn takes from X-Forwarded-For (its
--forwarded-allow-ips), so configure that or every resident shares the proxy's address.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

DEFAULT_LIMIT = 50  # failed authentications per address and window
LOOKUP_LIMIT = 20  # wrong lookup codes on the progress page per address and window
DEFAULT_WINDOW_S = 600.0
LIMIT_ENV = "COMMUNITY_DESK_AUTH_LIMIT"  # "50/600": failures per window in seconds
LOOKUP_ENV = "COMMUNITY_DESK_LOOKUP_LIMIT"  # "20/600"

# The Content-Security-Policy allows no script at all: the progress page is plain HTML and
# forms. Styles are inline in the page; images only from the centre or data: URLs.
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' "
                               "data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
}
HSTS = "max-age=31536000"


def limits_from_env(name: str = LIMIT_ENV, limit: int = DEFAULT_LIMIT,
                    window: float = DEFAULT_WINDOW_S) -> tuple[int, float]:
    """A limit and window from an environment variable ("count/seconds") if set, else the
    defaults given."""
    count, _, seconds = os.environ.get(name, "").partition("/")
    try:
        given, span = int(count), float(seconds)
    except ValueError:
        return limit, window
    return (given, span) if given > 0 and span > 0 else (limit, window)


class FailureLimiter:
    """Failures per address in a sliding window; thread-safe (sync routes run in a pool)."""

    def __init__(self, limit: int = DEFAULT_LIMIT, window_s: float = DEFAULT_WINDOW_S,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window_s, self.clock = limit, window_s, clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, address: str, now: float) -> deque[float] | None:
        times = self._failures.get(address)
        if times is None:
            return None
        while times and times[0] <= now - self.window_s:
            times.popleft()
        if not times:
            del self._failures[address]
            return None
        return times

    def retry_after(self, address: str) -> int | None:
        """Seconds until this address may try again, or None when it is not blocked."""
        now = self.clock()
        with self._lock:
            times = self._recent(address, now)
            if times is None or len(times) < self.limit:
                return None
            return max(1, int(times[len(times) - self.limit] + self.window_s - now) + 1)

    def failed(self, address: str) -> None:
        now = self.clock()
        with self._lock:
            if len(self._failures) > 50_000:  # a flood of addresses: forget the quiet ones
                for key in [k for k, v in self._failures.items() if v[-1] <= now - self.window_s]:
                    del self._failures[key]
            times = self._failures.setdefault(address, deque())
            times.append(now)
            while len(times) > self.limit * 2:
                times.popleft()


def _is_failure(path: str, status: int) -> bool:
    if path.startswith("/p/"):
        return status == 404
    if path.startswith(("/v1/", "/open311/")):
        return status == 401 or (status == 403 and path == "/v1/enrol")
    return False


def _too_many(path: str, seconds: int) -> Response:
    headers = {"Retry-After": str(seconds)}
    if path.startswith("/p/"):
        from .progress import too_many_page

        return HTMLResponse(too_many_page(seconds), status_code=429, headers=headers)
    message = (f"Too many failed attempts from this address; try again in {seconds} seconds.")
    body: Any = {"error": "too_many", "message": message}
    if path.startswith("/open311/"):
        body = [{"code": 429, "description": message}]
    return JSONResponse(body, status_code=429, headers=headers)


def install_security(app: FastAPI) -> None:
    """Add the rate limits and the security headers to `app` (outermost, so every answer —
    errors and 429s included — carries the headers)."""
    auth = FailureLimiter(*limits_from_env())
    lookup = FailureLimiter(*limits_from_env(LOOKUP_ENV, LOOKUP_LIMIT))

    async def guard(request: Request, call_next: Any) -> Any:
        path = request.url.path
        address = request.client.host if request.client else "?"
        limiter = lookup if path.startswith("/p/") else (
            auth if path.startswith(("/v1/", "/open311/")) else None)
        blocked = limiter.retry_after(address) if limiter else None
        if blocked is not None:
            response: Response = _too_many(path, blocked)
        else:
            response = await call_next(request)
            if limiter and _is_failure(path, response.status_code):
                limiter.failed(address)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        forwarded = request.headers.get("x-forwarded-proto", "")
        if request.url.scheme == "https" or forwarded.lower() == "https":
            response.headers.setdefault("Strict-Transport-Security", HSTS)
        if path == "/p" or path.startswith("/p/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    app.middleware("http")(guard)


# What an attachment may be served as: the image types the desk accepts, recognised by their
# first bytes. Anything else, or a stored type its bytes do not bear out, goes as
# application/octet-stream (and nosniff stops a browser from guessing better).
SIGNATURES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
              (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))


def served_type(data: bytes, stored: str) -> str:
    stored = stored.split(";")[0].strip().lower()
    if stored == "image/webp" and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return stored
    for magic, kind in SIGNATURES:
        if data.startswith(magic) and stored == kind:
            return kind
    return "application/octet-stream"
