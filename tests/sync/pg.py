"""A throwaway PostgreSQL cluster on loopback for the server's PostgreSQL tests.

Debian's cluster does not start by itself here and initdb refuses to run as root, so as root
the cluster belongs to a system user made for it (NOTES.md). Tests connect over 127.0.0.1 with
trust authentication and get a fresh database each.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

USER = "cdpgtest"


def binaries() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    def __init__(self) -> None:
        bin_dir = binaries()
        if bin_dir is None:
            raise RuntimeError("PostgreSQL is not installed (scripts/system-deps.sh postgres)")
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="cd-pg-"))
        self.port = free_port()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                pwd.getpwnam(USER)
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", USER], check=True)
            shutil.chown(self.root, USER, USER)

    def _run(self, *args: str) -> None:
        command = [str(a) for a in args]
        if self.as_root:
            command = ["runuser", "-u", USER, "--", *command]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def start(self) -> Cluster:
        data = self.root / "data"
        self._run(self.bin / "initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                  "--locale=C.UTF-8")
        self._run(self.bin / "pg_ctl", "-D", data, "-l", self.root / "log", "-w", "-o",
                  f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.root} "
                  f"-c fsync=off -c synchronous_commit=off -c max_connections=200", "start")
        return self

    def stop(self) -> None:
        try:
            self._run(self.bin / "pg_ctl", "-D", self.root / "data", "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def new_database(self, locale: str | None = None) -> str:
        """A fresh database; `locale` (e.g. "zh_CN.UTF-8") gives it that collation, as a
        cluster made under that system locale would have."""
        import psycopg

        name = "t_" + uuid.uuid4().hex[:12]
        collation = (f" TEMPLATE template0 LC_COLLATE '{locale}' LC_CTYPE '{locale}'"
                     if locale else "")
        with psycopg.connect(f"host=127.0.0.1 port={self.port} user=postgres dbname=postgres",
                             autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"{collation}')
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{name}"
