"""A sealed file: any byte stream (here, a backup's zip) encrypted and authenticated with
AES-256-GCM in 1 MiB chunks, so backups of gigabytes are sealed while they are written and read
back with random access (zipfile seeks to its directory at the end) without ever being in
clear on the disk.

Layout: MAGIC, a 4-byte length, a JSON header (format, key id, salt, chunk size), then the
chunks, each its ciphertext and 16-byte tag. Every chunk is sealed with a key of its own file
(HKDF of the backup key and the header's random salt), its number as nonce, and the header
plus a "last chunk" flag as associated data: a changed header, a changed, reordered or
dropped chunk, or a file cut short all fail to open. The header holds nothing personal.
"""

from __future__ import annotations

import io
import json
import os
import struct
from typing import BinaryIO

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

MAGIC = b"CDESK-SEALED\x00\x00\x00\x01"
CHUNK = 1 << 20
TAG = 16
MAX_HEADER = 4096

ALTERED = _t("domain", "{file} is damaged or was altered after it was made: its encrypted content does not check out. Nothing was changed.")


class BackupError(DomainError):
    """A backup cannot be made, trusted or restored; the message says why and what is left.
    (Defined here, the lowest layer of backups; `backup_check` and `backup` re-export it.)"""


def _file_key(key: bytes, salt: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=salt,
                info=b"community-desk sealed file v1").derive(key)


def _aad(header: bytes, last: bool) -> bytes:
    return header + (b"\x01" if last else b"\x00")


def _nonce(index: int) -> bytes:
    return index.to_bytes(12, "big")


def is_sealed(handle: BinaryIO) -> bool:
    position = handle.tell()
    try:
        return handle.read(len(MAGIC)) == MAGIC
    finally:
        handle.seek(position)


def read_header(handle: BinaryIO, file: str) -> tuple[dict[str, object], bytes]:
    """The header (parsed, and its bytes) of a sealed file; the handle is left after it."""
    handle.seek(0)
    broken = BackupError(ALTERED, file=file)
    if handle.read(len(MAGIC)) != MAGIC:
        raise broken
    raw_length = handle.read(4)
    if len(raw_length) != 4:
        raise broken
    (length,) = struct.unpack(">I", raw_length)
    if not 2 <= length <= MAX_HEADER:
        raise broken
    raw = handle.read(length)
    try:
        header = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise broken from None
    if (not isinstance(header, dict) or header.get("format") != 1
            or not isinstance(header.get("key_id"), str) or header.get("chunk") != CHUNK
            or not isinstance(header.get("salt"), str)):
        raise broken
    return header, MAGIC + raw_length + raw


class SealedWriter(io.RawIOBase):
    """Write-only, not seekable (zipfile then writes data descriptors): seals as it goes."""

    def __init__(self, out: BinaryIO, key: bytes, key_id: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        super().__init__()
        salt = os.urandom(16)
        raw = json.dumps({"format": 1, "key_id": key_id, "chunk": CHUNK,
                          "salt": salt.hex()}).encode()
        self.header = MAGIC + struct.pack(">I", len(raw)) + raw
        self.out = out
        self.aead = AESGCM(_file_key(key, salt))
        self.buffer = bytearray()
        self.index = 0
        self.position = 0
        out.write(self.header)

    def writable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.buffer += data
        self.position += len(data)
        while len(self.buffer) > CHUNK:
            self._emit(bytes(self.buffer[:CHUNK]), last=False)
            del self.buffer[:CHUNK]
        return len(data)

    def _emit(self, plain: bytes, last: bool) -> None:
        self.out.write(self.aead.encrypt(_nonce(self.index), plain, _aad(self.header, last)))
        self.index += 1

    def finish(self) -> None:
        """Seal the last chunk (always present, possibly empty) that marks the end."""
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()

    def close(self) -> None:  # the caller closes `out`
        super().close()


class SealedReader(io.RawIOBase):
    """Read-only, seekable view of the clear bytes; every chunk is checked as it is read."""

    def __init__(self, handle: BinaryIO, key: bytes, file: str) -> None:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        super().__init__()
        self.handle, self.file = handle, file
        header, self.header = read_header(handle, file)
        self.aead = AESGCM(_file_key(key, bytes.fromhex(str(header["salt"]))))
        self.start = len(self.header)
        body = handle.seek(0, os.SEEK_END) - self.start
        step = CHUNK + TAG
        self.chunks = max(1, -(-body // step))
        last = body - (self.chunks - 1) * step - TAG
        if body < TAG or last < 0:
            raise BackupError(ALTERED, file=file)
        self.size = (self.chunks - 1) * CHUNK + last
        self.position = 0
        self.cached: tuple[int, bytes] | None = None
        self._chunk(self.chunks - 1)  # the end must check out before anything is trusted

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        base = {os.SEEK_SET: 0, os.SEEK_CUR: self.position, os.SEEK_END: self.size}[whence]
        self.position = max(0, base + offset)
        return self.position

    def _chunk(self, index: int) -> bytes:
        from cryptography.exceptions import InvalidTag

        if self.cached is not None and self.cached[0] == index:
            return self.cached[1]
        step = CHUNK + TAG
        self.handle.seek(self.start + index * step)
        sealed = self.handle.read(step)
        try:
            plain = self.aead.decrypt(_nonce(index), sealed,
                                      _aad(self.header, index == self.chunks - 1))
        except InvalidTag:
            raise BackupError(ALTERED, file=self.file) from None
        self.cached = (index, plain)
        return plain

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        wanted = min(len(buffer), self.size - self.position)
        done = 0
        while done < wanted:
            index, offset = divmod(self.position, CHUNK)
            piece = self._chunk(index)[offset:offset + wanted - done]
            buffer[done:done + len(piece)] = piece
            done += len(piece)
            self.position += len(piece)
        return done
