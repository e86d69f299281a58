"""The desk's side of the wire: the centre's address checked, an HTTP session with retries
on transient failures and the OS trust store, the desk token kept, enrolment, and the errors a
sync reports (in words the status bar translates). No sync logic here: see client.py."""

from __future__ import annotations

import logging
import os
import signal
import stat
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.store.desk import Desk, DeskIdentity, write_meta
from desk_app.store.sync_state import set_sync_facts
from sync.protocol import PROTOCOL_HEADER, PROTOCOL_VERSION, Enrolment

if TYPE_CHECKING:
    import requests
else:
    class _Requests:
        """`requests`, imported when first used: ~70 ms (with urllib3) that the desk's start
        would otherwise spend before its window is painted, for a sync that runs later."""

        def __getattr__(self, name: str) -> Any:
            import requests as module

            globals()["requests"] = module  # every later use is a plain module lookup
            return getattr(module, name)

    requests = _Requests()

log = logging.getLogger("sync.client")
FAILPOINT = "COMMUNITY_DESK_FAILPOINT"


_passes: dict[str, int] = {}


def failpoint(name: str) -> None:
    """Die here, as a power cut would, when the fault tests ask for it (never otherwise):
    `name` on the first pass, `name@N` on the N-th (half-way through a long pull)."""
    wanted = os.environ.get(FAILPOINT)
    if not wanted:
        return
    _passes[name] = _passes.get(name, 0) + 1
    point, _, nth = wanted.partition("@")
    if point == name and _passes[name] == (int(nth) if nth.isdigit() else 1):
        os.kill(os.getpid(), signal.SIGKILL)


class SyncError(Exception):
    """Sync could not finish; `transient` ones are retried by the schedule. `code` names the
    kinds the desk says in its own words ("upgrade_required", "centre_too_old")."""

    def __init__(self, message: str, transient: bool = True, code: str = "") -> None:
        super().__init__(message)
        self.transient = transient
        self.code = code


class SyncBusy(SyncError):
    def __init__(self) -> None:
        super().__init__("A sync is already running.", transient=False)


class TokenStore:
    """The desk token: in the system keyring where one works, else a file only the user reads."""

    SERVICE = "community-desk"

    def __init__(self, folder: Path) -> None:
        self.file = folder / "desk-token"
        self.use_keyring = os.environ.get("COMMUNITY_DESK_TOKEN_STORE", "auto") != "file"

    def _keyring(self) -> Any | None:
        from desk_app.keys import usable_keyring

        return usable_keyring() if self.use_keyring else None

    def save(self, desk_code: str, token: str) -> str:
        ring = self._keyring()
        if ring is not None:
            try:
                ring.set_password(self.SERVICE, desk_code, token)
                return "keyring"
            except Exception:
                log.warning("keyring refused the token; keeping it in a private file")
        self.file.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(fd, "w") as out:
            out.write(token)
        os.chmod(self.file, stat.S_IRUSR | stat.S_IWUSR)
        return "file"

    def load(self, desk_code: str) -> str | None:
        ring = self._keyring()
        if ring is not None:
            try:
                value = ring.get_password(self.SERVICE, desk_code)
                if value:
                    return value
            except Exception:
                pass
        try:
            return self.file.read_text().strip() or None
        except OSError:
            return None


@cache
def _trust_store_adapter() -> type:
    """An HTTPAdapter verifying HTTPS against the operating system's trust store (truststore),
    so a centre with a certificate from a government network's own CA is trusted once the OS
    trusts it. A class made on first use, so that importing this module imports no requests."""
    from requests.adapters import HTTPAdapter

    class _TrustStoreAdapter(HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            import ssl

            import truststore

            kwargs["ssl_context"] = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            super().init_poolmanager(*args, **kwargs)

    return _TrustStoreAdapter


def check_server_url(url: str) -> str:
    """The centre's address, refused unless it is https:// (or http:// to this computer,
    for a centre run on the desk itself): tokens and residents' data never travel in clear."""
    from ipaddress import ip_address
    from urllib.parse import urlsplit

    parts = urlsplit(url.strip())
    host = parts.hostname or ""
    if parts.scheme == "https" and host:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and host:
        try:
            loopback = host == "localhost" or ip_address(host).is_loopback
        except ValueError:
            loopback = False
        if loopback:
            return url.strip().rstrip("/")
        raise SyncError(f"The centre's address {url.strip()} uses plain http://, which sends "
                        "the desk's token and residents' data unencrypted. Use its https:// "
                        "address (plain http:// is allowed only to this computer itself).",
                        transient=False)
    raise SyncError(f"{url.strip()!r} is not the web address of a centre "
                    "(it should start with https://).", transient=False)


def http_session(retries: int = 3, backoff: float = 0.5) -> requests.Session:
    """Retries with exponential backoff on transient failures only: no connection, 5xx, 429.
    Push and pull are idempotent, so POST may be retried too. HTTPS is verified with the
    operating system's trust store."""
    from requests.adapters import HTTPAdapter
    from urllib3.util.retry import Retry

    session = requests.Session()
    retry = Retry(total=retries, connect=retries, read=retries, status=retries,
                  backoff_factor=backoff, status_forcelist=(429, 500, 502, 503, 504),
                  allowed_methods=frozenset({"GET", "POST", "PUT"}), raise_on_status=False,
                  respect_retry_after_header=True)
    session.mount("http://", HTTPAdapter(max_retries=retry))
    session.mount("https://", _trust_store_adapter()(max_retries=retry))
    session.headers[PROTOCOL_HEADER] = str(PROTOCOL_VERSION)
    return session


def lane_session(session: requests.Session) -> requests.Session:
    """A session for another thread beside `session` (a push lane): the same headers (the
    token) and settings, the same adapters (retries, trust store, connection pools: urllib3's
    pools are thread-safe), but its own cookies and state, since one session is not meant for
    two threads at once. Not to be closed: that would close the adapters it shares."""
    lane = requests.Session()
    lane.headers = requests.structures.CaseInsensitiveDict(session.headers)
    lane.adapters = session.adapters  # type: ignore[assignment]
    lane.auth, lane.verify, lane.cert = session.auth, session.verify, session.cert
    lane.proxies, lane.trust_env = dict(session.proxies), session.trust_env
    return lane


def enrol(desk: Desk, server_url: str, code: str, tokens: TokenStore,
          session: requests.Session | None = None, timeout: tuple[float, float] = (5, 30)
          ) -> Enrolment:
    """Present a one-time enrolment code; keep the token; adopt the scope the centre gives."""
    session = session or http_session()
    url = check_server_url(server_url)
    try:
        answer = session.post(f"{url}/v1/enrol", timeout=timeout, json={
            "code": code.strip(), "desk_code": desk.code, "desk_name": desk.identity.name})
    except requests.exceptions.SSLError as error:
        raise _network_error(error) from None
    except requests.RequestException as error:
        raise SyncError(f"The centre cannot be reached at {url}: {error.__class__.__name__}.") from None
    if answer.status_code != 200:
        raise SyncError(_message(answer), transient=answer.status_code >= 500)
    enrolment = Enrolment.from_dict(_json(answer))
    tokens.save(desk.code, enrolment.token)
    with desk.db.begin() as conn:
        set_sync_facts(conn, server_url=url, desk_id=enrolment.desk_id)
        write_meta(conn, "desk.org", enrolment.org)
    desk.identity = DeskIdentity(desk.identity.id, desk.code, desk.identity.name, enrolment.org)
    return enrolment


def _network_error(error: requests.RequestException) -> SyncError:
    if isinstance(error, requests.exceptions.SSLError):
        reason = str(error)
        if "CERTIFICATE_VERIFY_FAILED" in reason or "certificate verify failed" in reason:
            detail = reason.split("certificate verify failed:")[-1].split("(_ssl")[0].strip(" ')\"")
            return SyncError(
                "The centre's certificate could not be verified"
                f"{f' ({detail})' if detail else ''}: this computer does not trust it. If the "
                "centre uses your network's own certificate authority, install that "
                "authority's certificate in this computer's trust store; if not, the address "
                "may not be the centre's.", transient=False)
        return SyncError(f"A secure connection to the centre could not be made: {reason[:200]}")
    if isinstance(error, requests.exceptions.ChunkedEncodingError | requests.exceptions.ContentDecodingError):
        return SyncError("The centre's answer was cut off on the way; it will be fetched again.")
    if isinstance(error, requests.Timeout):
        return SyncError("The centre did not answer in time.")
    return SyncError(f"The centre cannot be reached: {error.__class__.__name__}.")


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        raise SyncError("The centre's answer was cut off or unreadable.") from None


def _message(response: requests.Response) -> str:
    try:
        body = response.json()
        return str(body.get("message") or body)[:500]
    except ValueError:
        return f"HTTP {response.status_code}"
