"""scripts/system-deps.sh: silent and without apt when nothing is missing, exact, lock-waiting.

Runs the real script against a fake machine: `ldconfig`, `apt-get`, `sudo` and `id` are stubs
on PATH that record their calls, and SYSTEM_DEPS_ROOT holds the files it looks for.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "system-deps.sh"
FILES = ("usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", "usr/bin/xvfb-run",
         "usr/bin/xauth", "usr/lib/postgresql/15/bin/initdb", "usr/bin/chromium",
         "usr/share/doc/locales-all")


def _libraries() -> list[str]:
    return re.findall(r"need_lib (\S+) ", SCRIPT.read_text(encoding="utf-8"))


class FakeMachine:
    def __init__(self, base: Path) -> None:
        self.bin, self.root, self.calls = base / "bin", base / "root", base / "calls"
        self.bin.mkdir()
        for name in FILES:
            (self.root / name).parent.mkdir(parents=True, exist_ok=True)
            (self.root / name).write_text("")
        self.cache = base / "ld.so.cache.txt"
        self.set_libraries(_libraries())
        record = f'#!/bin/sh\necho "$(basename "$0") $*" >> {self.calls}\n'
        self._tool("apt-get", record)
        self._tool("sudo", record)
        self._tool("id", "#!/bin/sh\necho 0\n")  # as root: nothing in the way of apt
        self._tool("ldconfig", f"#!/bin/sh\ncat {self.cache}\n")

    def _tool(self, name: str, text: str) -> None:
        path = self.bin / name
        path.write_text(text)
        path.chmod(path.stat().st_mode | stat.S_IEXEC)

    def set_libraries(self, names: list[str], padding: int = 0) -> None:
        lines = [f"{len(names) + padding} libs found in cache `/etc/ld.so.cache'"]
        lines += [f"\t{n} (libc6,x86-64) => /lib/x86_64-linux-gnu/{n}" for n in names]
        # A cache longer than a pipe holds (64 KB) after the hits: `ldconfig -p | grep -q` died
        # of SIGPIPE on such output.
        lines += [f"\tlibpad{i}.so.1 (libc6,x86-64) => /lib/libpad{i}.so.1"
                  for i in range(padding)]
        self.cache.write_text("\n".join(lines) + "\n")

    def run(self, *groups: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "PATH": f"{self.bin}:{os.environ['PATH']}",
               "SYSTEM_DEPS_ROOT": str(self.root)}
        return subprocess.run([str(SCRIPT), *groups], capture_output=True, text=True, env=env,
                              timeout=60)

    def recorded(self) -> list[str]:
        return self.calls.read_text().splitlines() if self.calls.exists() else []


@pytest.fixture
def machine(tmp_path: Path) -> FakeMachine:
    return FakeMachine(tmp_path)


def test_twenty_runs_with_everything_present_print_nothing_and_never_call_apt(
        machine: FakeMachine) -> None:
    machine.set_libraries(_libraries(), padding=5_000)
    for _ in range(20):
        done = machine.run("qt", "window", "postgres", "browser")
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    assert machine.recorded() == []


def test_only_what_is_missing_is_installed_waiting_for_the_lock(machine: FakeMachine) -> None:
    machine.set_libraries([n for n in _libraries() if n != "libxcb-icccm.so.4"])
    (machine.root / "usr/bin/xauth").unlink()
    done = machine.run("qt", "window")
    assert done.returncode == 0, done.stderr
    assert "libxcb-icccm4 xauth" in done.stdout
    calls = machine.recorded()
    assert len(calls) == 2 and all("DPkg::Lock::Timeout=" in c for c in calls)
    assert calls[1].endswith("install -y -qq --no-install-recommends libxcb-icccm4 xauth")


def test_a_similar_name_is_not_taken_for_the_library(machine: FakeMachine) -> None:
    """Exact: libGL.so.1 is missing even when libGLX.so.1 and libGL.so.1.7.0 are there."""
    names = [n for n in _libraries() if n != "libGL.so.1"] + ["libGLX.so.1", "libGL.so.1.7.0"]
    machine.set_libraries(names)
    done = machine.run("qt")
    assert "Installing system packages: libgl1" in done.stdout
    assert any(c.endswith("libgl1") for c in machine.recorded())


def test_an_unknown_group_is_refused(machine: FakeMachine) -> None:
    done = machine.run("qt", "gpu")
    assert done.returncode == 2 and "unknown group: gpu" in done.stderr
    assert machine.recorded() == []
