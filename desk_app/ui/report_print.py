"""The report as a printable document: HTML from the same tables as the screen and the xlsx,
laid out by QTextDocument, written by QPdfWriter (Qt embeds a subset of the Chinese font in
the PDF, so it reads the same on a machine without CJK fonts) or sent to a printer."""

from __future__ import annotations

import html
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from desk_app.reports.export import export_file
from desk_app.reports.tables import INT, NUM, PCT, Table

CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
                "WenQuanYi Micro Hei", "SimSun", "Noto Serif CJK SC")
LATIN_FAMILIES = ("DejaVu Sans", "Segoe UI", "Arial", "Helvetica")
ROW_LIMIT = 1000  # rows per table in print (laid out on the GUI thread); the xlsx has them all


def chinese_font(point_size: float = 9) -> QFont:
    """Latin letters and digits from a plain TrueType face, Chinese from a CJK one.

    Why two: with Noto Sans CJK alone, Qt's PDF maps some of its digit glyphs to the wrong
    characters in the text layer (search and copy-paste gave control characters); DejaVu's
    digits come out right. Chinese falls through to the first CJK family installed.
    """
    available = set(QFontDatabase.families())
    latin = [f for f in LATIN_FAMILIES if f in available]
    cjk = [f for f in CJK_FAMILIES if f in available] or list(
        QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))[:1]
    font = QFont()
    font.setFamilies(latin[:1] + cjk[:1])
    font.setPointSizeF(point_size)
    return font


def cell_text(value: object, fmt: str) -> str:
    if value is None:
        return "—"
    if fmt == PCT and isinstance(value, int | float):
        return f"{value * 100:.1f}%"
    if fmt == NUM and isinstance(value, int | float):
        return f"{value:.1f}" if isinstance(value, float) else str(value)
    if fmt == INT and isinstance(value, int | float):
        return f"{int(value)}"
    return str(value)


def report_html(title: str, subtitle: str, tables: Sequence[Table]) -> str:
    """Every text is escaped: titles of cases are what people typed."""
    e = html.escape
    parts = [f"<h2>{e(title)}</h2><p style='color:#555'>{e(subtitle)}</p>"]
    for table in tables:
        parts.append(f"<h3>{e(table.title)}</h3>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
                     "<tr style='background:#dde6f0'>"
                     + "".join(f"<th>{e(h)}</th>" for h, _f in table.columns) + "</tr>")
        for r, row in enumerate(table.rows[:ROW_LIMIT]):
            cells = []
            for c, value in enumerate(row):
                fmt = table.format_of(r, c)
                align = " align='right'" if fmt in (INT, PCT, NUM) else ""
                cells.append(f"<td{align}>{e(cell_text(value, fmt))}</td>")
            parts.append("<tr>" + "".join(cells) + "</tr>")
        if not table.rows:
            parts.append(f"<tr><td colspan='{len(table.columns)}'>—</td></tr>")
        parts.append("</table>")
        if len(table.rows) > ROW_LIMIT:
            parts.append(f"<p>… {len(table.rows) - ROW_LIMIT:,} +</p>")
        if table.note:
            parts.append(f"<p style='color:#444; font-size:small'>{e(table.note)}</p>")
    return "".join(parts)


def report_document(title: str, subtitle: str, tables: Sequence[Table]) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultFont(chinese_font())
    document.setHtml(report_html(title, subtitle, tables))
    return document


def write_pdf(title: str, subtitle: str, tables: Sequence[Table], path: Path) -> Path:
    """An A4 PDF of the report; atomically, like the xlsx (ExportError, no partial file)."""
    path = Path(path)
    with export_file(path, ".pdf") as temp:
        writer = QPdfWriter(str(temp))
        writer.setTitle(title)
        writer.setCreator("Community Desk")
        writer.setResolution(150)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                         QPageLayout.Orientation.Portrait,
                                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter))
        document = report_document(title, subtitle, tables)
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        document.setPageSize(QSizeF(rect.size()))
        document.print_(writer)
        del writer  # flushes and closes the file
        if temp.stat().st_size == 0:
            raise OSError("empty PDF")
    return path
