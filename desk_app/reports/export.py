"""Writing the report's tables to a formatted xlsx (openpyxl), atomically.

One sheet per table: a title row, the header row (bold, shaded), frozen panes below the header,
column widths from the content, number formats (0.0% for rates, 0.0 for days, 0 for counts),
and the table's note (definitions, the score formula) under it. Written in openpyxl's
write-only mode (streamed, ~4× faster on 100,000 rows) to a temp file beside the target, then
renamed over it: a folder that cannot be written gives ExportError, and no partial file is
left behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .report import CANCELLED, Cancelled, Progress
from .tables import INT, NUM, PCT, Table

FORMATS = {PCT: "0.0%", NUM: "0.0", INT: "0"}
MAX_WIDTH = 60


class ExportError(DomainError):
    context = "reports"


def _width(value: object) -> int:
    text = "" if value is None else str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)  # CJK characters are double width


def _sheet_name(title: str, used: set[str]) -> str:
    name = "".join(ch for ch in title if ch not in "[]:*?/\\")[:31] or "Sheet"
    base, n = name, 2
    while name in used:
        name = f"{base[:28]} {n}"
        n += 1
    used.add(name)
    return name


def write_xlsx(tables: Sequence[Table], path: Path, title: str = "",
               progress: Progress | None = None) -> Path:
    """Write `tables` to `path` (.xlsx); reports progress in rows."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    path = Path(path)
    folder = path.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise ExportError(_t("reports", "Cannot write to the folder {folder}. Choose another place; nothing was written."),
                          folder=str(folder))
    total = sum(len(t.rows) for t in tables) or 1
    done = 0
    book = Workbook(write_only=True)
    bold, title_font = Font(bold=True), Font(bold=True, size=13)
    shade = PatternFill("solid", start_color="DDE6F0")
    wrap = Alignment(wrap_text=True, vertical="top")
    used: set[str] = set()
    for table in tables:
        sheet = book.create_sheet(_sheet_name(table.title, used))
        widths = [_width(h) + 2 for h, _f in table.columns]
        for row in table.rows[:2000]:  # widths from a sample: exact enough, fast on 100k rows
            for i, value in enumerate(row):
                widths[i] = max(widths[i], min(MAX_WIDTH, _width(value) + 2))
        for i, width in enumerate(widths):
            sheet.column_dimensions[get_column_letter(i + 1)].width = min(MAX_WIDTH, width)
        sheet.freeze_panes = "B3" if table.key == "overview" else "A3"
        head = WriteOnlyCell(sheet, title or table.title)
        head.font = title_font
        sheet.append([head, table.title if title else None])
        header = []
        for text, _fmt in table.columns:
            cell = WriteOnlyCell(sheet, text)
            cell.font, cell.fill = bold, shade
            header.append(cell)
        sheet.append(header)
        for r, row in enumerate(table.rows):
            cells = []
            for c, value in enumerate(row):
                fmt = FORMATS.get(table.format_of(r, c))
                if fmt and isinstance(value, int | float):
                    cell = WriteOnlyCell(sheet, value)
                    cell.number_format = fmt
                    cells.append(cell)
                else:
                    cells.append("—" if value is None and c > 0 else value)
            sheet.append(cells)
            done += 1
            if progress is not None and done % 2000 == 0:
                if progress.cancelled:
                    raise Cancelled(CANCELLED)
                progress.report(done, total)
        if not table.rows:
            sheet.append(["—"])
        if table.note:
            sheet.append([])
            note = WriteOnlyCell(sheet, table.note)
            note.alignment = wrap
            sheet.append([note])
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".report-", suffix=".xlsx.tmp")
    os.close(handle)
    try:
        book.save(temp)
        os.replace(temp, path)
    except OSError as error:
        with suppress(OSError):
            os.unlink(temp)
        raise ExportError(_t("reports", "Cannot write {file}: {error}. Nothing was written."),
                          file=str(path), error=error.strerror or str(error)) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise
    if progress is not None:
        progress.report(total, total)
    return path
