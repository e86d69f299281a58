"""The central platform as a real process on loopback, and a fault-injecting TCP proxy."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

from .pg import free_port

CLI = [sys.executable, "-m", "sync.server.cli"]
ROOT = Path(__file__).resolve().parents[2]


def admin(database: str, *args: str) -> str:
    """Run an admin command of community-desk-server; its printed output."""
    done = subprocess.run([*CLI, *args, "--database", database], capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    if done.returncode != 0:
        raise RuntimeError(done.stderr.strip() or done.stdout.strip())
    return done.stdout.strip()


class ServerProcess:
    def __init__(self, database: str, log_dir: Path, workers: int = 1) -> None:
        self.database = database
        self.workers = workers
        self.port = free_port()
        self.log = log_dir / f"server-{self.port}.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30) -> ServerProcess:
        handle = self.log.open("ab")
        self.process = subprocess.Popen(
            [*CLI, "serve", "--database", self.database, "--port", str(self.port),
             "--workers", str(self.workers)],
            stdout=handle, stderr=subprocess.STDOUT, cwd=ROOT, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited: {self.log.read_text()[-2000:]}")
            try:
                if requests.get(self.url + "/healthz", timeout=1).ok:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        raise RuntimeError("server did not start")

    def kill(self) -> None:
        """kill -9: the server dies mid-whatever, as in a power cut."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)  # the workers too, if there are some
            self.process.wait()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()

    def issue_code(self, org: str) -> str:
        return admin(self.database, "issue-code", "--org", org)

    def department_key(self, department: str) -> str:
        return admin(self.database, "department-key", "--department", department)


class FaultProxy:
    """Sits between a desk and the server on loopback and breaks the connection on purpose.

    Modes: "pass"; "drop_response" (forward the request, let the server answer and commit, then
    close on the client without a word); "hang" (accept and never answer); "error500" (answer
    500 without forwarding); "truncate" (forward, then send only half of the answer). `times`
    limits how many requests are broken before it passes again.
    """

    def __init__(self, upstream_port: int) -> None:
        self.upstream = upstream_port
        self.mode = "pass"
        self.times = 1_000_000
        self.broken = 0
        self.requests = 0
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.port = self.sock.getsockname()[1]
        self._stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def set(self, mode: str, times: int = 1_000_000) -> None:
        self.mode, self.times, self.broken = mode, times, 0

    def close(self) -> None:
        self._stop = True
        self.sock.close()

    def _serve(self) -> None:
        while not self._stop:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        with client:
            while True:
                request = _read_http(client)
                if request is None:
                    return
                self.requests += 1
                mode = self.mode if self.broken < self.times else "pass"
                if mode != "pass":
                    self.broken += 1
                if mode == "hang":
                    time.sleep(30)
                    return
                if mode == "error500":
                    body = b'{"error":"internal","message":"injected"}'
                    client.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Type: "
                                   b"application/json\r\nContent-Length: " + str(len(body)).encode()
                                   + b"\r\nConnection: close\r\n\r\n" + body)
                    return
                try:
                    with socket.create_connection(("127.0.0.1", self.upstream), timeout=30) as up:
                        up.sendall(request)
                        response = _read_http(up)
                except OSError:
                    return
                if response is None:
                    return
                if mode == "drop_response":
                    return
                if mode == "truncate":
                    client.sendall(response[: len(response) // 2])
                    return
                client.sendall(response)


def _read_http(sock: socket.socket) -> bytes | None:
    """One whole HTTP message (headers and a Content-Length body) from a socket."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = sock.recv(65536)
        if not chunk:
            return None
        body += chunk
    return head + b"\r\n\r\n" + body
