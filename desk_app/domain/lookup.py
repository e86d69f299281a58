"""The resident's lookup code: the case number plus a secret part, printed on the receipt.

The number alone is guessable (it counts up per desk and day), so the progress page at the
centre asks for the secret too. The secret comes from a CSPRNG, in an alphabet without 0/O and
1/I so it can be read aloud and typed from paper: 8 characters of 32 are 40 bits, and the centre
slows down an address that keeps guessing.
"""

from __future__ import annotations

import re
import secrets

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
