"""The resident's lookup code: the case number plus a secret part, printed on the receipt.

The number alone is guessable (it counts up per desk and day), so the progress page at the
centre asks for the secret too. The secret comes from a CSPRNG, in an alphabet without 0/O and
1/I so it can be read aloud and typed from paper: 8 characters of 32 are 40 bits, and the centre
slows down an address that keeps guessing.
"""

from __future__ import annotations

import re
import secrets
from urllib.parse import urlsplit

from .text import QT_TRANSLATE_NOOP as _t
from .text import DomainError

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SECRET_LENGTH = 8
SECRET_PATTERN = rf"^[{ALPHABET}]{{{SECRET_LENGTH}}}$"
_CODE = re.compile(rf"^(?P<number>[A-Z0-9-]{{1,40}}-\d{{8}}-\d{{4,6}})-(?P<secret>[{ALPHABET}]{{{SECRET_LENGTH}}})$")


def new_secret() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(SECRET_LENGTH))


def lookup_code(number: str, secret: str) -> str:
    """What the receipt prints and the page's address ends with: YT-HS-01-20261201-0001-K7QM3XPA."""
    return f"{number}-{secret}"


def parse_lookup_code(code: str) -> tuple[str, str] | None:
    """(case number, secret) of a code as a resident may type it (any case, spaces), or None."""
    cleaned = re.sub(r"\s+", "", code or "").upper()
    match = _CODE.match(cleaned)
    return (match["number"], match["secret"]) if match else None


def progress_address(base_url: str, number: str, secret: str) -> str:
    """The progress page of a case at the centre's public address for residents."""
    return f"{base_url.rstrip('/')}/p/{lookup_code(number, secret)}"


_LOOPBACK = ("localhost", "127.0.0.1", "::1", "[::1]")


def check_public_address(text: str) -> str:
    """The centre's address for residents as stored: https://host[:port][/path], without a
    trailing slash; plain http only to this computer (for trying it out). DomainError if not."""
    value = text.strip().rstrip("/")
    if not value:
        return ""
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        host = ""
    if (parts.scheme not in ("https", "http") or not host or parts.query or parts.fragment
            or any(c.isspace() for c in value)):
        raise DomainError(_t("domain", "The address for residents looks like https://centre.example.cn (no spaces, no “?”)."),
                          field="public_url")
    if parts.scheme == "http" and host not in _LOOPBACK:
        raise DomainError(_t("domain", "Residents' phones must reach the centre over https://; plain http:// is only for this computer."),
                          field="public_url")
    return value
