"""Start of the real program, the built bundle and the source tree, to its first window on a
real X display (Xvfb), beside a bare QMainWindow shown the same way.

    Xvfb :93 & BENCH_DISPLAY=:93 python -m bench bundle_start   # after `make dist` (else source only)

The program is started as a person starts it (`community-desk`, its sign-in window is the first
thing on screen) on a workspace whose database is the generated 10 k or 1 M desk, encrypted
once into a copy beside it (as every desk's database is); the time is
from spawning the process to its first window being mapped (seen with xwininfo, polled every
few ms). Median of several starts, taken in turns with the floor.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE = ROOT / "dist" / "community-desk" / "community-desk"
SIGN_IN = "登录"  # the sign-in window's title, in Chinese (the default language)
BARE = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv)
w = QMainWindow(); w.setWindowTitle("bare floor"); w.resize(1280, 800); w.show()
app.exec()
"""


def shown(display: str, title: str) -> bool:
    """Whether a window whose name contains `title` is on screen (mapped and viewable)."""
    env = {**os.environ, "DISPLAY": display}
    out = subprocess.run(["xwininfo", "-root", "-children"], env=env, capture_output=True,
                         text=True).stdout
    for line in out.splitlines():
        if line.strip().startswith("0x") and title in line:
            info = subprocess.run(["xwininfo", "-id", line.split()[0]], env=env,
                                  capture_output=True, text=True).stdout
            if "IsViewable" in info:
                return True
    return False


def first_window_ms(command: list[str], env: dict[str, str], display: str, title: str) -> float:
    """Spawn `command`; the time until its window (named with `title`) is on screen; the
    process is then stopped. (By name: X may give a new client the window ids of the last.)"""
    while shown(display, title):  # the last one is still going away
        time.sleep(0.05)
    started = time.perf_counter()
    log = (Path(tempfile.gettempdir()) / "desk-bundle-bench.log").open("w")
    process = subprocess.Popen(command, env={**env, "DISPLAY": display},
                               stdout=log, stderr=log)
    try:
        while time.perf_counter() - started < 90:
            if shown(display, title):
                return (time.perf_counter() - started) * 1000
            time.sleep(0.005)
        names = subprocess.run(["xwininfo", "-root", "-children"], capture_output=True,
                               text=True, env={**os.environ, "DISPLAY": display}).stdout
        raise RuntimeError(f"no window from {command}; on screen:\n{names}")
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def start_ms(command: list[str], env: dict[str, str], display: str, title: str) -> float:
    """`first_window_ms`, tried again if a start never showed its window (seen now and then
    on this loaded machine; the log of that start is printed)."""
    for attempt in range(3):
        try:
            return first_window_ms(command, env, display, title)
        except RuntimeError as error:
            log = Path(tempfile.gettempdir()) / "desk-bundle-bench.log"
            print(f"  (attempt {attempt + 1}: {str(error)[:300]}\n   {log.read_text()[-500:]})")
    raise RuntimeError(f"{command} never showed its window")


KEY = bytes(range(32))  # the benchmark desks' key (in the home's key file)


def encrypted(database: Path) -> Path:
    """An encrypted (SQLCipher) copy of the generated desk, made once and kept beside it: the
    program meeting a plain database would back it up and encrypt it in place first (minutes
    at 1 M cases, with a progress window instead of the sign-in), as an upgraded desk does
    once, not at every start."""
    from desk_app.store.database import encrypt_in_place

    target = database.with_name(f"{database.stem}.encrypted{database.suffix}")
    if not target.exists() or target.stat().st_mtime < database.stat().st_mtime:
        print(f"  encrypting a copy of {database.name} (once) ...", flush=True)
        work = target.with_name(f"{target.name}.part")
        shutil.copyfile(database, work)
        encrypt_in_place(work, KEY)
        work.rename(target)
    return target


def workspace(database: Path) -> Path:
    """A home whose desk database is `database` (a hard link: the same file, not a copy),
    with its key in the key file (COMMUNITY_DESK_KEY_STORE=file)."""
    home = Path(tempfile.mkdtemp(prefix="desk-bundle-bench-"))
    for folder in ("data", "config"):
        (home / folder).mkdir(mode=0o700)
    os.link(database, home / "data" / "desk.sqlite3")
    key_file = home / "config" / "database.key"
    key_file.write_text(KEY.hex())
    key_file.chmod(0o600)
    return home


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from bench.generate import ensure, with_bench_user

    display = os.environ.get("BENCH_DISPLAY") or os.environ.get("DISPLAY") or ":93"
    reachable = shutil.which("xwininfo") and subprocess.run(
        ["xwininfo", "-root"], env={**os.environ, "DISPLAY": display},
        capture_output=True).returncode == 0
    if not reachable:
        print(f"\nbundle start: skipped (needs xwininfo and an X display at {display}, e.g. "
              f"`Xvfb {display} &`; and `make dist` for the bundle)")
        return
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONDONTWRITEBYTECODE", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    runs = int(os.environ.get("BENCH_RUNS", "5"))
    print("\nstart to the first window (sign-in), on X (Xvfb), median ms:")
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "").split(",") if s] or [10_000,
                                                                                   1_000_000]
    for size in sizes:
        database = encrypted(with_bench_user(ensure(size)))
        home = workspace(database)
        env_home = {**env, "COMMUNITY_DESK_HOME": str(home), "COMMUNITY_DESK_KEY_STORE": "file"}
        programs = {"bundle": [str(BUNDLE)], "source": [sys.executable, "-m", "desk_app"]}
        if not BUNDLE.exists():
            del programs["bundle"]
            print("  (no bundle: run `make dist` first)")
        for command in programs.values():  # warm-up
            start_ms(command, env_home, display, SIGN_IN)
        bare_command = [sys.executable, "-c", BARE]
        start_ms(bare_command, env, display, "bare floor")
        samples: dict[str, list[float]] = {name: [] for name in (*programs, "bare")}
        for _ in range(runs):
            for name, command in programs.items():
                samples[name].append(start_ms(command, env_home, display, SIGN_IN))
            samples["bare"].append(start_ms(bare_command, env, display, "bare floor"))
        floor = statistics.median(samples["bare"])
        for name in programs:
            value = statistics.median(samples[name])
            print(f"  {size:>9,} cases  {name:<7} {value:8.0f}   | floor {floor:6.0f} bare "
                  f"QMainWindow (python)  | {value / floor:5.1f}×")
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
