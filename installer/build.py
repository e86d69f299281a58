"""Build the desk's one-folder bundle: `python installer/build.py [--tarball] [--installer]`.

1. compiles resources/translations/*.ts to .qm with pyside6-lrelease (when out of date);
2. runs PyInstaller on installer/community-desk.spec into build/ and dist/community-desk/;
3. writes resources/build_info.json INTO THE BUNDLE only (version, UTC build time, platform);
4. checks the bundle (every kept Qt plugin/library resolves its Qt dependencies on Linux),
   prints its size in MB and its number of files;
5. --tarball: dist/community-desk-<version>-linux-x86_64.tar.gz with the folder, the .desktop
   entry, the icon and an install.sh that installs per-user (~/.local/share/community-desk,
   ~/.local/share/applications, ~/.local/bin);
   --installer (Windows): runs Inno Setup's ISCC on installer/windows/community-desk.iss with
   /DAppVersion=<version>.

`make dist` runs it; `make tarball` runs it with --tarball.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "installer" / "community-desk.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
NAME = "community-desk"
IS_WINDOWS = sys.platform.startswith("win")


def version() -> str:
    sys.path.insert(0, str(ROOT))
    try:
        from desk_app import __version__
    finally:
        sys.path.pop(0)
    return __version__


def tool(name: str) -> str:
    """A console script of this Python's environment (the venv), else one on PATH."""
    folder = Path(sys.executable).parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (is the venv set up? `make` does it)")
    return found


def compile_translations() -> None:
    for ts in sorted((ROOT / "resources" / "translations").glob("*.ts")):
        qm = ts.with_suffix(".qm")
        if qm.exists() and qm.stat().st_mtime >= ts.stat().st_mtime:
            continue
        print(f"lrelease {ts.relative_to(ROOT)}")
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def run_pyinstaller(clean: bool) -> None:
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(BUILD), str(SPEC)]
    if clean:
        cmd.insert(3, "--clean")
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=ROOT)


def bundle_dir() -> Path:
    return DIST / NAME


def internal_dir() -> Path:
    """sys._MEIPASS of the bundle: _internal/ (PyInstaller 6), or the folder itself."""
    inner = bundle_dir() / "_internal"
    return inner if inner.is_dir() else bundle_dir()


def executable() -> Path:
    return bundle_dir() / (f"{NAME}.exe" if IS_WINDOWS else NAME)


def write_build_info(ver: str) -> Path:
    info = {
        "name": NAME,
        "version": ver,
        "built_at": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace(
            "+00:00", "Z"),
        "platform": f"{sys.platform}-{platform.machine()}",
        "python": platform.python_version(),
        "qt_filtered": os.environ.get("COMMUNITY_DESK_NO_QT_FILTER", "") in ("", "0"),
    }
    try:
        import PySide6

        info["pyside6"] = PySide6.__version__
    except ImportError:
        pass
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.strip()
        info["commit"] = commit
    except (OSError, subprocess.CalledProcessError):
        pass
    target = internal_dir() / "resources" / "build_info.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(info, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return target


def check_linux_dependencies() -> list[str]:
    """Every .so in the bundle that links a Qt library the filter removed (empty: all good)."""
    if not sys.platform.startswith("linux") or not shutil.which("ldd"):
        return []
    problems = []
    for lib in internal_dir().rglob("*.so*"):
        if not lib.is_file():
            continue
        out = subprocess.run(["ldd", str(lib)], capture_output=True, text=True).stdout
        missing = [line.split()[0] for line in out.splitlines()
                   if "not found" in line and "Qt6" in line]
        if missing:
            problems.append(f"{lib.relative_to(bundle_dir())}: {', '.join(missing)}")
    return problems


def size_of(folder: Path) -> tuple[float, int]:
    files = [p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()]
    return sum(p.stat().st_size for p in files) / 1_000_000, len(files)


INSTALL_SH = r"""#!/bin/sh
# Installs Community Desk for the current user only (no root needed):
#   the program    ~/.local/share/community-desk/
#   a launcher     ~/.local/bin/community-desk
#   the menu entry ~/.local/share/applications/community-desk.desktop (+ icon)
# `./install.sh --uninstall` removes those again. Neither touches your data, which stays in
# ~/.local/share/CommunityDesk (and ~/.config/CommunityDesk, ~/.local/state/CommunityDesk).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=$data_home/community-desk
bindir=$HOME/.local/bin
apps=$data_home/applications
icons=$data_home/icons/hicolor

if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$prefix"
  rm -f "$bindir/community-desk" "$apps/community-desk.desktop" \
        "$icons/256x256/apps/community-desk.png" "$icons/scalable/apps/community-desk.svg"
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
  echo "Community Desk removed (your data in $data_home/CommunityDesk was kept)."
  exit 0
fi

mkdir -p "$prefix" "$bindir" "$apps" "$icons/256x256/apps" "$icons/scalable/apps"
rm -rf "$prefix.new"
cp -R "$here/community-desk" "$prefix.new"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
ln -sf "$prefix/community-desk" "$bindir/community-desk"
cp "$here/community-desk.png" "$icons/256x256/apps/community-desk.png"
cp "$here/community-desk.svg" "$icons/scalable/apps/community-desk.svg"
# The menu entry runs the installed program by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=.*|Exec=\"$prefix/community-desk\"|" -e "s|^TryExec=.*|TryExec=$prefix/community-desk|" \
    "$here/community-desk.desktop" > "$apps/community-desk.desktop"
chmod 644 "$apps/community-desk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
echo "Community Desk installed in $prefix; start it from the menu or with $bindir/community-desk"
"""


def make_tarball(ver: str) -> Path:
    arch = platform.machine() or "x86_64"
    top = f"{NAME}-{ver}"
    target = DIST / f"{NAME}-{ver}-linux-{arch}.tar.gz"
    icons = ROOT / "resources" / "icons"

    def add_text(tar: tarfile.TarFile, name: str, text: str, mode: int) -> None:
        import io

        data = text.encode("utf-8")
        info = tarfile.TarInfo(f"{top}/{name}")
        info.size, info.mode, info.mtime = len(data), mode, int(time.time())
        tar.addfile(info, io.BytesIO(data))

    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle_dir(), arcname=f"{top}/{NAME}")
        tar.add(ROOT / "installer" / "linux" / f"{NAME}.desktop", arcname=f"{top}/{NAME}.desktop")
        tar.add(icons / f"{NAME}.png", arcname=f"{top}/{NAME}.png")
        tar.add(icons / f"{NAME}.svg", arcname=f"{top}/{NAME}.svg")
        add_text(tar, "install.sh", INSTALL_SH, 0o755)
    return target


def make_installer(ver: str) -> None:
    iscc = shutil.which("iscc") or shutil.which("ISCC")
    default = Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)"))
    if not iscc and (default / "Inno Setup 6" / "ISCC.exe").exists():
        iscc = str(default / "Inno Setup 6" / "ISCC.exe")
    if not iscc:
        raise SystemExit("Inno Setup 6 (ISCC.exe) not found; install it to build the installer")
    subprocess.run([iscc, f"/DAppVersion={ver}",
                    str(ROOT / "installer" / "windows" / f"{NAME}.iss")], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tarball", action="store_true",
                        help="also make dist/community-desk-<version>-linux-<arch>.tar.gz")
    parser.add_argument("--installer", action="store_true",
                        help="also build the Windows installer with Inno Setup (Windows only)")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's cache first")
    parser.add_argument("--skip-build", action="store_true",
                        help="reuse dist/community-desk as it is (for --tarball/--installer)")
    args = parser.parse_args(argv)

    ver = version()
    started = time.monotonic()
    if not args.skip_build:
        compile_translations()
        run_pyinstaller(args.clean)
        write_build_info(ver)
    if not executable().exists():
        raise SystemExit(f"{executable()} is missing: the build failed")
    problems = check_linux_dependencies()
    for problem in problems:
        print(f"MISSING Qt library: {problem}", file=sys.stderr)
    megabytes, files = size_of(bundle_dir())
    print(f"bundle: {bundle_dir().relative_to(ROOT)} — {megabytes:.1f} MB in {files:,} files "
          f"(version {ver}, built in {time.monotonic() - started:.0f} s)")
    print(f"executable: {executable().relative_to(ROOT)}")
    if problems:
        return 1
    if args.tarball:
        tarball = make_tarball(ver)
        print(f"tarball: {tarball.relative_to(ROOT)} — {tarball.stat().st_size / 1e6:.1f} MB")
    if args.installer:
        make_installer(ver)
    return 0


if __name__ == "__main__":
    sys.exit(main())
