"""Entry point of the desk application: `community-desk [--demo] [--self-test]`."""

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
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv if argv is not None else sys.argv[1:])
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if args.self_test:
        from desk_app.selftest import run_self_test

        return run_self_test()
    from desk_app.ui.app import run_app

    return run_app(demo=args.demo, language=args.language)


if __name__ == "__main__":
    sys.exit(main())
