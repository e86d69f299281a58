"""One Community Desk per data folder: a second start is refused, and asks the first to come to
the front.

Two apps on one database ran side by side before: one crashed on a UNIQUE constraint, and a
restore in one would have swapped the files under the other. A `QLockFile` in the data folder
says who holds it (a lock left by a crashed process is recognised by its dead PID and taken
over); a `QLocalServer` named after the folder lets the second start say "raise" to the first.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

LOCK_NAME = "desk.lock"


class SingleInstance(QObject):
    raise_requested = Signal()  # another start asked this one to show its window

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = Path(folder)
        self.lock: QLockFile | None = None
        digest = hashlib.sha256(str(self.folder.resolve()).encode()).hexdigest()[:20]
        self.name = f"community-desk-{digest}"
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process now owns the folder; False when another does (it was
        asked to raise its window)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self.lock = QLockFile(str(self.folder / LOCK_NAME))
        self.lock.setStaleLockTime(0)  # never stale by age, only when its process is gone
        if self.lock.tryLock(300):
            QLocalServer.removeServer(self.name)  # one a crashed process left
            self.server = QLocalServer(self)
            self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
            self.server.newConnection.connect(self._connected)
            self.server.listen(self.name)
            return True
        self._ask_to_raise()
        return False

    def _ask_to_raise(self) -> None:
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if socket.waitForConnected(1000):
            socket.write(b"raise\n")
            socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()

    def _connected(self) -> None:
        assert self.server is not None
        while (socket := self.server.nextPendingConnection()) is not None:
            socket.disconnected.connect(socket.deleteLater)
            self.raise_requested.emit()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
