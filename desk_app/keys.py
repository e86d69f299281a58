"""The desk's database key and the recovery key that can always stand in for it.

The database (SQLCipher) and the backups are encrypted with a 256-bit key derived from a
*recovery key*: 32 random base32 characters plus a 4-character checksum, printed once at first
run for the administrator to keep. So the recovery key alone opens this desk's database and
every backup it made, on any machine; the derived key is what the desk keeps day to day.

Where it is kept: the operating system's credential store through `keyring` (Windows
Credential Manager, macOS Keychain, Secret Service), else a file only this user can read in
the config folder (a bare Linux machine, CI). In the second case the data is only as safe as
the user's account, and the desk says so once (`KeyStore.where == "file"`). The recovery key
itself is kept only until the administrator has seen it (`pending_recovery`), then deleted.

No Qt here: the workspace, the self-test and the tests all open the database through this.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import stat
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

if TYPE_CHECKING:
    from desk_app.config import Paths

log = logging.getLogger(__name__)

SERVICE = "community-desk-database"
KEY_FILE = "database.key"
RECOVERY_FILE = "recovery-key.pending"
_GROUP = 4



def usable_keyring() -> Any | None:
    """The keyring module where a real credential store works here, else None (a bare Linux
    machine, CI): the one test for the database key and the desk token alike."""
    try:
        import keyring
        from keyring.backends.fail import Keyring as NoKeyring

        backend = keyring.get_keyring()
        return None if isinstance(backend, NoKeyring) or backend.priority < 1 else keyring
    except Exception:  # no usable backend on this machine
        return None


class RecoveryKeyError(DomainError):
    """A key is missing, wrong or mistyped; nothing was changed."""


def _hkdf(material: bytes, info: bytes, length: int = 32) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=length, salt=b"community-desk",
                info=info).derive(material)


def _checksum(raw: bytes) -> str:
    return base64.b32encode(hashlib.sha256(b"check" + raw).digest())[:_GROUP].decode()


def new_recovery_key() -> str:
    """A fresh recovery key: 160 random bits in groups of four, the last group a checksum."""
    raw = secrets.token_bytes(20)
    text = base64.b32encode(raw).decode() + _checksum(raw)
    return "-".join(text[i:i + _GROUP] for i in range(0, len(text), _GROUP))


def _recovery_bytes(text: str) -> bytes:
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.replace("0", "O").replace("1", "I").replace("8", "B")
    mistyped = RecoveryKeyError(_t("domain", "That is not a recovery key of Community Desk: check every group of four characters and try again."))
    if len(cleaned) != 36:
        raise mistyped
    try:
        raw = base64.b32decode(cleaned[:32])
    except ValueError:
        raise mistyped from None
    if not hmac.compare_digest(_checksum(raw), cleaned[32:]):
        raise mistyped
    return raw


def key_from_recovery(text: str) -> bytes:
    """The database key a recovery key stands for (raises RecoveryKeyError on a mistyped one)."""
    return _hkdf(_recovery_bytes(text), b"database key v1")


def key_id(key: bytes) -> str:
    """A short public name of a key: a backup says which key it needs without revealing it."""
    return _hkdf(key, b"key id v1", 8).hex()


def backup_key(key: bytes) -> bytes:
    """The key that seals backups, apart from the database key itself."""
    return _hkdf(key, b"backup key v1")


def attachment_key(key: bytes) -> bytes:
    """The key that seals the desk's photos on disk, apart from the database key itself."""
    return _hkdf(key, b"attachment key v1")


def sqlcipher_key(key: bytes) -> str:
    """The value for `PRAGMA key`: a raw key, so no slow key derivation on every connection."""
    return f"\"x'{key.hex()}'\""


def private_file(path: Path, payload: bytes) -> None:
    """Write a file only this user can read (0600 on POSIX), atomically."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "wb") as out:
        out.write(payload)
        out.flush()
        os.fsync(out.fileno())
    os.chmod(temp, stat.S_IRUSR | stat.S_IWUSR)
    os.replace(temp, path)


class KeyStore:
    """The database key of one data folder, in the credential store or a private file."""

    def __init__(self, paths: Paths) -> None:
        self.folder = paths.config
        self.account = hashlib.sha256(str(paths.data.resolve()).encode()).hexdigest()[:24]
        self.file = self.folder / KEY_FILE
        choice = os.environ.get("COMMUNITY_DESK_KEY_STORE",
                                os.environ.get("COMMUNITY_DESK_TOKEN_STORE", "auto"))
        self.use_keyring = choice != "file"
        self.where: str | None = None  # "keyring" or "file" once loaded or saved

    def _keyring(self) -> Any | None:
        return usable_keyring() if self.use_keyring else None

    def load(self) -> bytes | None:
        ring = self._keyring()
        if ring is not None:
            try:
                value = ring.get_password(SERVICE, self.account)
                if value:
                    self.where = "keyring"
                    return bytes.fromhex(value)
            except Exception:  # a locked or broken credential store: try the file
                log.warning("the credential store did not give the database key")
        try:
            value = self.file.read_text().strip()
        except OSError:
            return None
        try:
            key = bytes.fromhex(value)
        except ValueError:
            return None
        self.where = "file"
        return key if len(key) == 32 else None

    def save(self, key: bytes) -> str:
        """Keep `key`; returns where ("keyring" or "file"). Read back before it is trusted."""
        ring = self._keyring()
        if ring is not None:
            try:
                ring.set_password(SERVICE, self.account, key.hex())
                if ring.get_password(SERVICE, self.account) == key.hex():
                    self.where = "keyring"
                    if self.file.exists():
                        self.file.unlink()
                    return "keyring"
            except Exception:
                log.warning("the credential store refused the database key; keeping it in a "
                            "private file")
        private_file(self.file, key.hex().encode())
        self.where = "file"
        return "file"

    # The recovery key waits here only until the administrator has written it down.

    @property
    def _pending(self) -> Path:
        return self.folder / RECOVERY_FILE

    def keep_pending_recovery(self, recovery: str) -> None:
        private_file(self._pending, recovery.encode())

    def pending_recovery(self) -> str | None:
        try:
            return self._pending.read_text().strip() or None
        except OSError:
            return None

    def recovery_shown(self) -> None:
        if self._pending.exists():
            self._pending.unlink()
