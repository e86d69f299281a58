"""`community-desk report --period 2026-W48|2026-11 --format xlsx|pdf --out FILE [--demo]`:
the report made headless, for scheduled sending. Exit codes: 0 written, 2 bad arguments
(a bad period, say), 1 could not be written or no desk."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="community-desk report",
                                     description="Write the weekly or monthly report to a file.")
    parser.add_argument("--period", required=True, help="a week (2026-W48) or a month (2026-11)")
    parser.add_argument("--format", choices=("xlsx", "pdf"), help="default: from --out")
    parser.add_argument("--out", required=True, type=Path, help="the file to write")
    parser.add_argument("--demo", action="store_true", help="report on the demo workspace")
    parser.add_argument("--language", choices=("zh_CN", "en"), default="zh_CN")
    parser.add_argument("--scope", help="an org code inside the desk's area (default: all of it)")
    return parser.parse_args(argv)


def main(argv: list[str]) -> int:
    args = parse(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
    from desk_app.domain.text import DomainError
    from desk_app.reports.periods import Period, PeriodError
    from desk_app.ui.i18n import install_language, translate
    from desk_app.workspace import open_workspace

    app = QGuiApplication.instance() or QGuiApplication(["community-desk"])
    install_language(args.language)
    try:
        period = Period.parse(args.period)
    except PeriodError as error:
        print(f"community-desk report: {error.render(translate)}", file=sys.stderr)
        return 2
    fmt = args.format or args.out.suffix.lstrip(".").lower()
    if fmt not in ("xlsx", "pdf"):
        print("community-desk report: " + translate("reports", _t("reports", "Give --format xlsx or pdf (or an --out file ending in .xlsx or .pdf).")), file=sys.stderr)
        return 2
    workspace = open_workspace(demo=args.demo)
    try:
        if workspace.desk is None:
            print("community-desk report: " + translate("reports", _t(
                "reports", "This database has no desk yet: set it up first.")), file=sys.stderr)
            return 1
        try:
            path = write_report(workspace.desk, period, fmt, args.out, args.scope,
                                lambda c, t: translate(c, t), args.language == "zh_CN",
                                user=_reporter())
        except DomainError as error:
            print(f"community-desk report: {error.render(translate)}", file=sys.stderr)
            return 1
        print(path)
        return 0
    finally:
        workspace.close()
        del app


def _reporter() -> object:
    from desk_app.store.users import User

    # The command runs unattended, as the operating-system account that holds the desk's key
    # (so the whole database): it reports as the desk's scheduled reporter, with the
    # supervisor's reading rights (the report's case lines carry no personal data).
    return User("desk", "desk", "scheduled report", "supervisor")


def write_report(desk: object, period: object, fmt: str, out: Path, scope: str | None,
                 translate: object, chinese: bool, progress: object = None, *,
                 user: object) -> Path:
    """Build the report and write it; shared by the command and the Reports page."""
    from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
    from desk_app.reports.export import write_xlsx
    from desk_app.reports.labels import Namer
    from desk_app.reports.report import EMPTY, build_report
    from desk_app.reports.tables import report_tables, report_title
    from desk_app.store.report_queries import read_case_lines

    report = build_report(desk, period, scope=scope, progress=progress)  # type: ignore[arg-type]
    namer = Namer(desk.catalogue, translate, chinese)  # type: ignore[attr-defined, arg-type]
    scope_name = namer.org(report.scope)
    tables = report_tables(report, namer,  # type: ignore[attr-defined]
                           lambda ids: read_case_lines(desk.db, user, ids))  # type: ignore[arg-type, attr-defined]
    title = report_title(report, namer, scope_name)
    if fmt == "xlsx":
        return write_xlsx(tables, out, title, progress)  # type: ignore[arg-type]
    from desk_app.ui.report_print import write_pdf

    subtitle = namer.tr(_t("reports", "Made {when}"), when=namer.day(report.made_at_ms))
    if report.empty:
        subtitle += " · " + namer.tr(EMPTY)
    return write_pdf(title, subtitle, tables, out)
