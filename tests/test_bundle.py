"""Smoke tests of the *built* PyInstaller bundle (`make dist`), not of the source tree.

Skipped unless COMMUNITY_DESK_BUNDLE points at the built executable:

    make dist
    COMMUNITY_DESK_BUNDLE=dist/community-desk/community-desk \
        .venv/bin/pytest -q -m bundle tests/test_bundle.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.bundle

BUNDLE = os.environ.get("COMMUNITY_DESK_BUNDLE", "")


@pytest.fixture(scope="module")
def exe() -> Path:
    if not BUNDLE:
        pytest.skip("COMMUNITY_DESK_BUNDLE is not set (build with `make dist` first)")
    path = Path(BUNDLE).resolve()
    assert path.is_file(), f"COMMUNITY_DESK_BUNDLE={BUNDLE} does not exist: the build failed?"
    return path


@pytest.fixture(scope="module")
def internal(exe: Path) -> Path:
    """sys._MEIPASS of the bundle: _internal/ next to the executable (PyInstaller 6)."""
    inner = exe.parent / "_internal"
    return inner if inner.is_dir() else exe.parent


def bundle_env(tmp_path: Path) -> dict[str, str]:
    """A clean environment: fresh HOME and data folder, headless Qt, nothing from the venv."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "COMMUNITY_DESK_", "XDG_", "QT_", "VIRTUAL_ENV"))}
    home = tmp_path / "home"
    home.mkdir()
    env.update(HOME=str(home), USERPROFILE=str(home), COMMUNITY_DESK_HOME=str(tmp_path / "desk"),
               QT_QPA_PLATFORM="offscreen", COMMUNITY_DESK_TOKEN_STORE="file")
    return env


def test_built_binary_self_test(exe: Path, tmp_path: Path) -> None:
    """Fresh database in a temporary folder, migrations, one case through register_case, exit 0."""
    env = bundle_env(tmp_path)
    done = subprocess.run([str(exe), "--self-test"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "migrated" in done.stdout, output
    assert "registered: OK" in done.stdout, output
    assert "Traceback" not in output, output
    # The self-test works in a temporary folder of its own, never in the user's data.
    assert not list(Path(env["HOME"]).rglob("*.sqlite3"))


def test_bundle_contents(internal: Path) -> None:
    """What the desk reads at run time is there; the Qt parts it never uses are not."""
    resources = internal / "resources"
    assert (resources / "catalogue" / "items.csv").is_file()
    assert (resources / "calendar" / "cn_holidays.csv").is_file()
    assert (resources / "translations" / "community_desk_zh_CN.qm").is_file()
    # Qt's own dialogs (the backup file dialog) in Chinese: kept by the spec's filters.
    assert (resources / "translations" / "qtbase_zh_CN.qm").is_file()
    assert not list((resources / "translations").glob("*.ts")), "translation sources shipped"
    assert (resources / "icons" / "community-desk.png").is_file()
    migrations = internal / "desk_app" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    assert (migrations / "script.py.mako").is_file()
    assert list((migrations / "versions").glob("0001_*.py")), "no migration scripts in the bundle"
    assert not (internal / "sync" / "server").exists(), "the central server is in the bundle"

    info = json.loads((resources / "build_info.json").read_text(encoding="utf-8"))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    try:
        from desk_app import __version__
    finally:
        sys.path.pop(0)
    assert info["version"] == __version__
    assert info["built_at"].endswith("Z")

    unwanted = ("Qt6Quick", "Qt6Qml", "Qt6WebEngine", "Qt6Pdf", "Qt6VirtualKeyboard",
                "Qt6Multimedia", "Qt63D", "Qt6Charts", "Qt6Designer")
    found = sorted(str(p.relative_to(internal)) for p in internal.rglob("*")
                   if p.name.startswith(tuple(f"{prefix}{u}" for prefix in ("lib", "")
                                              for u in unwanted)))
    assert not found, f"unused Qt libraries in the bundle: {found}"


def test_gui_starts_with_filtered_qt(exe: Path, tmp_path: Path) -> None:
    """The window really opens (offscreen) with only the Qt plugins the spec keeps."""
    env = bundle_env(tmp_path)
    log = tmp_path / "gui.log"
    with log.open("w") as out:
        proc = subprocess.Popen([str(exe), "--demo"], env=env, cwd=tmp_path,
                                stdout=out, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 6
            while time.monotonic() < deadline and proc.poll() is None:
                time.sleep(0.2)
            exited = proc.poll()
        finally:
            proc.kill()
            proc.wait(timeout=30)
    text = log.read_text(errors="replace")
    assert exited is None, f"the desk exited with {exited} on start:\n{text}"
    for bad in ("Traceback", "Could not load the Qt platform plugin", "Cannot load library"):
        assert bad not in text, text
