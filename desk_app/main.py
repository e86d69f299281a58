"""Entry point of the desk application: `community-desk [--demo] [--self-test]`, and
`community-desk report …` (desk_app/report_cli.py)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="community-desk", description="Community Desk")
    parser.add_argument("--demo", action="store_true",
                        help="open the demo workspace (kept apart from real data)")
    parser.add_argument("--self-test", action="store_true",
                        help="open a database, register one case, and exit 0 if all went well")
    parser.add_argument("--language", choices=("zh_CN", "en"), help="interface language")
    parser.add_argument("--rebuild-projections", action="store_true",
                        help="derive every projection (case table, search index) again from the "
                             "event log, then exit")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    argv = argv if argv is not None else sys.argv[1:]
    if argv[:1] == ["report"]:  # community-desk report --period … --format … --out …
        from desk_app.report_cli import main as report_main

        return report_main(argv[1:])
    args = parse_args(argv)
    if os.name == "posix":
        os.umask(0o077)  # every file the desk makes (database, WAL, logs, backups) is private
    logging.getLogger("alembic").setLevel(logging.WARNING)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    if args.self_test:
        logging.basicConfig(level=logging.WARNING)
    else:
        from desk_app.config import app_paths
        from desk_app.logs import setup_logging
        from desk_app.workspace import demo_paths

        paths = app_paths()
        setup_logging((demo_paths(paths) if args.demo else paths).ensure())
    if args.self_test:
        from desk_app.selftest import run_self_test

        return run_self_test()
    if args.rebuild_projections:
        return rebuild(demo=args.demo)
    problem = display_problem(os.environ)
    if problem is not None:
        return explain_no_display(problem, args.language)
    from desk_app.ui.app import run_app

    return run_app(demo=args.demo, language=args.language)


def display_problem(env: os._Environ[str] | dict[str, str]) -> str | None:
    """Why a window cannot open here (Linux without a reachable display), or None.

    Checked before Qt starts: Qt's own answer is an abort with "could not connect to display"
    and a list of platform plugins, which says nothing of what to do.
    """
    if not sys.platform.startswith("linux"):
        return None
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, vnc, eglfs…: no display server needed
    if env.get("WAYLAND_DISPLAY"):
        return None
    display = env.get("DISPLAY", "")
    if not display:
        return "none"
    if display.startswith(":"):  # a local X server listens on /tmp/.X11-unix/X<n>
        number = display[1:].split(".", 1)[0]
        if number.isdigit() and not Path(f"/tmp/.X11-unix/X{number}").exists():
            return display
    return None


def explain_no_display(problem: str, language: str | None) -> int:
    """Say, in the desk's language, that a display is missing and how to run without one."""
    from PySide6.QtCore import QCoreApplication

    from desk_app.ui.i18n import install_language, translate

    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0]])
    install_language(language or "zh_CN")
    if problem == "none":
        first = translate("main", "Community Desk needs a display to open its window, and "
                                  "this session has none (DISPLAY is not set).")
    else:
        first = translate("main", "Community Desk cannot reach the display %1 that this "
                                  "session names.").replace("%1", problem)
    advice = translate("main", "Start it from the desktop, or without a screen run it under "
                               "a virtual display:\n    xvfb-run -a community-desk --demo\n"
                               "(Debian/Ubuntu: scripts/system-deps.sh qt window installs "
                               "xvfb.)")
    print(f"{first}\n{advice}", file=sys.stderr)
    del app
    return 1


def rebuild(demo: bool) -> int:
    """Rebuild the projections of this desk's database from its event log."""
    from desk_app.store.projection import rebuild_projections
    from desk_app.workspace import open_workspace

    workspace = open_workspace(demo=demo)
    try:
        with workspace.db.begin() as conn:
            count = rebuild_projections(
                conn, workspace.calendar,
                progress=lambda done, total: print(f"\r{done:,}/{total:,} cases", end="", flush=True))
        print(f"\nrebuilt {count:,} cases from the event log of {workspace.db.path}")
    finally:
        workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
