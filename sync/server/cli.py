"""`community-desk-server`: serve the central platform, and the admin commands beside it."""

from __future__ import annotations

import argparse
import logging
import sys

from sqlalchemy import or_, select

DEFAULT_DB = "sqlite:///community-desk-server.sqlite3"


def _store(url: str):
    from desk_app.config import catalogue_dir
    from desk_app.domain.catalogue import load_catalogue

    from .database import ServerDatabase
    from .store import ServerStore

    db = ServerDatabase(url)
    db.migrate()
    return ServerStore(db, load_catalogue(catalogue_dir()))


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="community-desk-server",
                                     description="Community Desk central platform")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        sub.add_argument("--database", default=DEFAULT_DB,
                         help="sqlite:///file.sqlite3 or postgresql+psycopg://user@host/db")
        return sub

    serve = command("serve", "serve the platform (creating and migrating the database if new)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8731)
    serve.add_argument("--workers", type=int, default=1,
                       help="server processes sharing the port (use PostgreSQL beyond one)")
    serve.add_argument("--print-code", metavar="ORG",
                       help="also issue and print an enrolment code for this org unit")
    code = command("issue-code", "print a one-time enrolment code for a desk of an org unit")
    code.add_argument("--org", required=True, help="organisation unit code, e.g. YT-HS-PW")
    code.add_argument("--days", type=int, default=7, help="days the code stays valid")
    code.add_argument("--count", type=int, default=1, help="how many codes to print, one a line")
    revoke = command("revoke-desk", "revoke a desk's token")
    revoke.add_argument("--desk", required=True, help="desk code")
    dept = command("department-key", "create an API key for a department")
    dept.add_argument("--department", required=True)
    dept.add_argument("--name", default="")
    o311 = command("open311-key", "create an Open311 api_key that registers requests in an org unit")
    o311.add_argument("--org", required=True)
    o311.add_argument("--name", default="open311")
    act = command("department-action", "sign for, reply to or resolve a case as a department")
    act.add_argument("--case", required=True, help="case number or id")
    act.add_argument("--department", required=True)
    act.add_argument("--action", required=True, choices=("sign", "reply", "resolve"))
    act.add_argument("--text", default="")
    act.add_argument("--person", default="")
    save = command("backup", "copy the centre's database to a file (SQLite: the backup API, safe "
                   "while serving; PostgreSQL: pg_dump's custom format)")
    save.add_argument("--to", required=True, metavar="FILE")
    back = command("restore", "replace the centre's database with a backup and start a new epoch, "
                   "so desks re-offer what they hold (stop the server processes first)")
    back.add_argument("--from", dest="source", required=True, metavar="FILE")
    key = command("make-key", "write a new server key file (for sealing residents' personal "
                  "fields at rest; set COMMUNITY_DESK_SERVER_KEY_FILE to it)")
    key.add_argument("--to", required=True, metavar="FILE")
    keep = command("retain-from", "forget pull positions before this sequence number")
    keep.add_argument("--seq", type=int, required=True)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(sys.argv[1:] if argv is None else argv)
    from .store import KeyRow, ServerError

    try:
        if args.command == "serve":
            return serve(args)
        if args.command == "make-key":
            from pathlib import Path

            from .fields import FieldKeyError, make_key_file

            try:
                make_key_file(Path(args.to))
            except FieldKeyError as error:
                print(error, file=sys.stderr)
                return 2
            print(f"wrote a new server key to {args.to}; keep a copy apart from the backups")
            return 0
        if args.command in ("backup", "restore"):
            from pathlib import Path

            from . import backup

            if args.command == "backup":
                backup.backup(args.database, Path(args.to))
                print(f"backed up to {args.to}")
            else:
                print(f"restored from {args.source}; new epoch {backup.restore(args.database, Path(args.source))}")
            return 0
        store = _store(args.database)
        if args.command == "issue-code":
            for _ in range(max(1, args.count)):
                print(store.issue_enrolment_code(args.org, args.days))
        elif args.command == "revoke-desk":
            if not store.revoke_desk(args.desk):
                print(f"no desk {args.desk}", file=sys.stderr)
                return 1
            print(f"revoked {args.desk}")
        elif args.command == "department-key":
            print(store.create_api_key("department", args.department, args.name or args.department))
        elif args.command == "open311-key":
            print(store.create_api_key("open311", args.org, args.name))
        elif args.command == "department-action":
            from . import schema as t

            with store.db.read() as conn:
                case_id = conn.execute(select(t.cases.c.id).where(
                    or_(t.cases.c.number == args.case, t.cases.c.id == args.case))).scalar()
            if case_id is None:
                print(f"no case {args.case}", file=sys.stderr)
                return 1
            key = KeyRow("department", args.department, args.person or "admin")
            event = store.department_action(key, case_id, args.action, args.text, args.person)
            print(f"{event.type} {event.id}")
        elif args.command == "retain-from":
            store.set_retained_from(args.seq)
    except ServerError as error:
        print(error.message, file=sys.stderr)
        return 2
    return 0


def _log_as_json() -> None:
    from .http import JsonLogFormatter

    handler = logging.StreamHandler()
    handler.setFormatter(JsonLogFormatter())
    logging.basicConfig(level=logging.INFO, handlers=[handler], force=True)


def serve(args: argparse.Namespace) -> int:
    """One process, or `--workers N` processes on one port (uvicorn's supervisor restarts a
    worker that dies). The database is migrated once, before the workers start; they are
    stateless apart from it, so N processes on one PostgreSQL (or behind a reverse proxy on
    several machines) serve the same centre."""
    import os

    import uvicorn

    from .app import create_app

    _log_as_json()
    if args.workers <= 1:
        app = create_app(args.database)
        if args.print_code:
            code = app.state.store.issue_enrolment_code(args.print_code)
            print(f"enrolment code for {args.print_code}: {code}", flush=True)
        uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False)
        return 0
    store = _store(args.database)  # migrates, and makes the centre's identity once
    if args.print_code:
        print(f"enrolment code for {args.print_code}: "
              f"{store.issue_enrolment_code(args.print_code)}", flush=True)
    store.db.dispose()
    os.environ[WORKER_DATABASE] = args.database
    uvicorn.run("sync.server.cli:worker_app", factory=True, workers=args.workers, host=args.host,
                port=args.port, log_config=None, access_log=False)
    return 0


WORKER_DATABASE = "COMMUNITY_DESK_SERVER_DATABASE"


def worker_app():  # type: ignore[no-untyped-def]
    """The app of one of `serve --workers N`'s processes (already migrated)."""
    import os

    from .app import create_app

    _log_as_json()
    return create_app(os.environ[WORKER_DATABASE], migrate=False)


if __name__ == "__main__":
    sys.exit(main())
