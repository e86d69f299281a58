"""Writing a file so that a crash leaves either the old file or the new one, never half."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Make a rename durable on POSIX; Windows cannot open folders and does not need it."""
    if os.name != "posix":
        return
    with suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_atomically(path: Path, payload: bytes, prefix: str = ".tmp-", suffix: str = ".tmp"
                     ) -> None:
    """Write to a temp file beside `path`, flush it to disk, then rename it over `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(payload)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    fsync_dir(path.parent)
