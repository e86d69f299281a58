"""Residents' personal fields (name, phone, ID number) encrypted at rest in the centre's log,
and so are the photos desks upload (a meeting's sign-in sheet lists residents' names).

A copy of the centre's database alone (a stolen backup, a database dump) does not reveal
them: each is sealed with AES-GCM under a server key that lives outside the database, bound to
its event and field (associated data), and opened again when events are served to desks.

The key: `COMMUNITY_DESK_SERVER_KEY` (32 random bytes in base64) or
`COMMUNITY_DESK_SERVER_KEY_FILE` (a file holding that); `community-desk-server make-key --to
FILE` writes one readable only by its owner. Every server process of one centre needs the same
key, and it must be kept (apart from the database backups): without it the sealed fields are
lost. With no key configured the fields are stored in clear, as before, and the log says so.
"""

from __future__ import annotations

import base64
import binascii
import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from desk_app.domain.events import canonical_json

KEY_ENV = "COMMUNITY_DESK_SERVER_KEY"
KEY_FILE_ENV = "COMMUNITY_DESK_SERVER_KEY_FILE"
PERSONAL = ("name", "phone", "id_number")
SEALED = "enc:v1:"
SEALED_BYTES = b"CDESK-PHOTO\x00\x00\x01"


class FieldKeyError(ValueError):
    """The configured key cannot be used."""


def _decode_key(text: str, where: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise FieldKeyError(f"The server key in {where} is not base64.") from None
    if len(key) != 32:
        raise FieldKeyError(f"The server key in {where} must be 32 bytes (it is {len(key)}).")
    return key


def make_key_file(path: Path) -> None:
    if path.exists():
        raise FieldKeyError(f"{path} exists already; a key is never overwritten.")
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w") as out:
        out.write(base64.b64encode(AESGCM.generate_key(bit_length=256)).decode() + "\n")


class FieldCipher:
    def __init__(self, key: bytes) -> None:
        self._aead = AESGCM(key)

    @classmethod
    def from_environment(cls) -> FieldCipher | None:
        if os.environ.get(KEY_ENV):
            return cls(_decode_key(os.environ[KEY_ENV], KEY_ENV))
        if os.environ.get(KEY_FILE_ENV):
            path = Path(os.environ[KEY_FILE_ENV])
            try:
                text = path.read_text()
            except OSError as error:
                raise FieldKeyError(f"The server key file {path} cannot be read: {error}.") from None
            return cls(_decode_key(text, str(path)))
        return None

    def seal(self, event_id: str, payload: Mapping[str, Any]) -> dict[str, Any]:
        sealed = dict(payload)
        for name in PERSONAL:
            value = sealed.get(name)
            if isinstance(value, str) and value:
                nonce = os.urandom(12)
                box = self._aead.encrypt(nonce, value.encode(), f"{event_id}/{name}".encode())
                sealed[name] = SEALED + base64.b64encode(nonce + box).decode()
        return sealed

    def open(self, event_id: str, payload: dict[str, Any]) -> dict[str, Any]:
        for name in PERSONAL:
            value = payload.get(name)
            if isinstance(value, str) and value.startswith(SEALED):
                try:
                    raw = base64.b64decode(value[len(SEALED):])
                    payload[name] = self._aead.decrypt(raw[:12], raw[12:],
                                                       f"{event_id}/{name}".encode()).decode()
                except (InvalidTag, binascii.Error, ValueError):
                    raise FieldKeyError("A sealed field cannot be opened: the server key is not "
                                    "the one it was sealed with.") from None
        return payload


    def seal_bytes(self, name: str, data: bytes) -> bytes:
        """A file's content sealed under its name (its SHA-256): it opens under no other."""
        nonce = os.urandom(12)
        return SEALED_BYTES + nonce + self._aead.encrypt(nonce, data, name.encode())

    def open_bytes(self, name: str, stored: bytes) -> bytes:
        if not stored.startswith(SEALED_BYTES):
            return stored  # stored in clear, before a key was set
        body = stored[len(SEALED_BYTES):]
        try:
            return self._aead.decrypt(body[:12], body[12:], name.encode())
        except InvalidTag:
            raise FieldKeyError("A sealed photo cannot be opened: the server key is not the one "
                                "it was sealed with.") from None


def sealed_json(cipher: FieldCipher | None, event_id: str, payload: Mapping[str, Any]) -> str:
    """The payload as stored: canonical JSON, personal fields sealed when a key is set."""
    value = cipher.seal(event_id, payload) if cipher else dict(payload)
    return canonical_json(value)
