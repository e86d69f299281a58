"""Entry point of the desk application: `community-desk [--demo] [--self-test]`, and
`community-desk report …` (desk_app/report_cli.py)."""

from __future__ import annotations

import argparse
import logging
import sys


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
    from desk_app.ui.app import run_app

    return run_app(demo=args.demo, language=args.language)


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
