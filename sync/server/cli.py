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
    serve.add_argument("--docs", action="store_true",
                       help="serve the API documentation at /docs (off by default)")
    serve.add_argument("--log-dir", help="folder of the daily log files, kept 190 days "
                       "(default: logs/ beside a SQLite database, else the user's log folder)")
    serve.add_argument("--ssl-certfile", help="serve HTTPS with this certificate (PEM)")
    serve.add_argument("--ssl-keyfile", help="the certificate's private key (PEM)")
    code = command("issue-code", "print a one-time enrolment code for a desk of an org unit")
    code.add_argument("--org", required=True, help="organisation unit code, e.g. YT-HS-PW")
    code.add_argument("--days", type=positive_days, default=7,
                      help="days the code stays valid (1 to 365)")
    code.add_argument("--count", type=int, default=1, help="how many codes to print, one a line")
    revoke_key = command("revoke-key", "revoke a department or Open311 API key")
    revoke_key.add_argument("--key", required=True, help="the key, as it was printed")
    public = command("open311-public", "let anyone read an org unit's public Open311 listing "
                     "without a key (only cases the resident agreed to publish, redacted)")
    public.add_argument("--org", required=True)
    public.add_argument("--off", action="store_true", help="require a key again")
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
    act.add_argument("--action", required=True, choices=("sign", "reply", "resolve", "return"))
    act.add_argument("--text", default="")
    act.add_argument("--reason", default="", help="why the case is not this department's duty")
    act.add_argument("--person", default="")
    cal = command("import-calendar", "import the State Council's holiday notice (date,kind,name)")
    cal.add_argument("--file", required=True, help="CSV file: date,kind,name")
    adj = command("adjudicate", "decide which department owns a disputed case")
    adj.add_argument("--case", required=True, help="case number or id")
    adj.add_argument("--to", required=True, help="the department that owns it")
    adj.add_argument("--co", default="", help="co-departments, separated by commas")
    adj.add_argument("--reason", required=True)
    command("adjudication-queue", "list the cases returned by two departments, and disputed items")
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
        elif args.command == "revoke-key":
            row = store.revoke_api_key(args.key)
            if row is None:
                print("no such API key", file=sys.stderr)
                return 1
            print(f"revoked the {row.kind} key {row.name!r} of {row.subject}")
        elif args.command == "open311-public":
            from .open311 import set_public_jurisdiction

            print(", ".join(set_public_jurisdiction(store, args.org, not args.off)) or "none")
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
            if args.action == "return":
                from .disputes import department_return

                event = department_return(store, key, case_id, args.reason or args.text,
                                          args.person)
            else:
                event = store.department_action(key, case_id, args.action, args.text, args.person)
            print(f"{event.type} {event.id}")
        elif args.command in ("import-calendar", "adjudicate", "adjudication-queue"):
            from .disputes import admin_command

            return admin_command(store, args)
        elif args.command == "retain-from":
            store.set_retained_from(args.seq)
    except ServerError as error:
        print(error.message, file=sys.stderr)
        return 2
    return 0


def positive_days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if not 1 <= days <= 365:
        raise argparse.ArgumentTypeError("the code must stay valid for 1 to 365 days")
    return days


def _log_setup(log_dir: str | None, database: str) -> None:
    from .logfiles import log_handlers

    logging.basicConfig(level=logging.INFO, handlers=log_handlers(log_dir, database), force=True)


def serve(args: argparse.Namespace) -> int:
    """One process, or `--workers N` processes on one port (uvicorn's supervisor restarts a
    worker that dies). The database is migrated once, before the workers start; they are
    stateless apart from it, so N processes on one PostgreSQL (or behind a reverse proxy on
    several machines) serve the same centre."""
    import json
    import os

    import uvicorn

    from .app import create_app

    if bool(args.ssl_certfile) != bool(args.ssl_keyfile):
        print("--ssl-certfile and --ssl-keyfile go together", file=sys.stderr)
        return 2
    _log_setup(args.log_dir, args.database)
    tls = {"ssl_certfile": args.ssl_certfile, "ssl_keyfile": args.ssl_keyfile}
    if args.workers <= 1:
        app = create_app(args.database, docs=args.docs)
        if args.print_code:
            code = app.state.store.issue_enrolment_code(args.print_code)
            print(f"enrolment code for {args.print_code}: {code}", flush=True)
        uvicorn.run(app, host=args.host, port=args.port, log_config=None, access_log=False,
                    **tls)
        return 0
    store = _store(args.database)  # migrates, and makes the centre's identity once
    if args.print_code:
        print(f"enrolment code for {args.print_code}: "
              f"{store.issue_enrolment_code(args.print_code)}", flush=True)
    store.db.dispose()
    os.environ[WORKER_SETTINGS] = json.dumps({"database": args.database, "docs": args.docs,
                                              "log_dir": args.log_dir})
    uvicorn.run("sync.server.cli:worker_app", factory=True, workers=args.workers, host=args.host,
                port=args.port, log_config=None, access_log=False, **tls)
    return 0


WORKER_SETTINGS = "COMMUNITY_DESK_SERVER_WORKER"


def worker_app():  # type: ignore[no-untyped-def]
    """The app of one of `serve --workers N`'s processes (already migrated)."""
    import json
    import os

    from .app import create_app

    settings = json.loads(os.environ[WORKER_SETTINGS])
    _log_setup(settings["log_dir"], settings["database"])
    return create_app(settings["database"], migrate=False, docs=settings["docs"])
    return 0



if __name__ == "__main__":
    sys.exit(main())
