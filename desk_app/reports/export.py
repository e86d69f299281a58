"""Writing the report's tables to a formatted xlsx, atomically.

One sheet per table: a title row, the header row (bold, shaded), frozen panes below the header,
column widths from the content, number formats (0.0% for rates, 0.0 for days, 0 for counts),
and the table's note (definitions, the score formula) under it. Streamed by xlsx_writer (see
there why not openpyxl) to a temp file beside the target, then renamed over it: a folder that
cannot be written gives ExportError, and no partial file is left behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.domain.text import DomainError

from .report import CANCELLED, Cancelled, Progress
from .tables import INT, NUM, PCT, Table
from .xlsx_writer import DECIMAL, HEADER, INTEGER, NOTE, PERCENT, PLAIN, TITLE, Workbook

STYLES = {PCT: PERCENT, NUM: DECIMAL, INT: INTEGER}
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


def publish(temp: Path, path: Path) -> None:
    """Give the finished temp file the permissions of a normal new file (mkstemp makes it
    private) and rename it over the target in one step."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(temp, 0o666 & ~umask)
    os.replace(temp, path)


@contextmanager
def export_file(path: Path, suffix: str) -> Iterator[Path]:
    """A temp file beside `path` to write the export into; renamed over `path` when the block
    ends without error, removed otherwise. A folder that cannot be written, or a write that
    fails, gives ExportError and leaves no partial file (the xlsx and the PDF alike)."""
    folder = path.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK):
        raise ExportError(_t("reports", "Cannot write to the folder {folder}. Choose another place; nothing was written."),
                          folder=str(folder))
    handle, temp = tempfile.mkstemp(dir=folder, prefix=".report-", suffix=f"{suffix}.tmp")
    os.close(handle)
    try:
        yield Path(temp)
        publish(Path(temp), path)
    except OSError as error:
        with suppress(OSError):
            os.unlink(temp)
        raise ExportError(_t("reports", "Cannot write {file}: {error}. Nothing was written."),
                          file=str(path), error=error.strerror or str(error)) from None
    except BaseException:
        with suppress(OSError):
            os.unlink(temp)
        raise


def write_xlsx(tables: Sequence[Table], path: Path, title: str = "",
               progress: Progress | None = None) -> Path:
    """Write `tables` to `path` (.xlsx); reports progress in rows, and can be cancelled."""
    path = Path(path)
    total = sum(len(t.rows) for t in tables) or 1
    done = 0
    with export_file(path, ".xlsx") as temp:
        book = Workbook(temp)
        used: set[str] = set()
        try:
            for table in tables:
                widths = [_width(h) + 2 for h, _f in table.columns]
                for row in table.rows[:2000]:  # from a sample: exact enough, fast on 100k rows
                    for i, value in enumerate(row):
                        widths[i] = max(widths[i], min(MAX_WIDTH, _width(value) + 2))
                freeze = "B3" if table.key == "overview" else "A3"
                with book.sheet(_sheet_name(table.title, used), [min(MAX_WIDTH, w) for w in widths],
                                freeze) as sheet:
                    sheet.append([(title or table.title, TITLE), table.title if title else None])
                    sheet.append([(text, HEADER) for text, _f in table.columns])
                    column_styles = [STYLES.get(f, PLAIN) for _h, f in table.columns]
                    for r, row in enumerate(table.rows):
                        override = table.row_formats[r] if r < len(table.row_formats) else None
                        styles = column_styles if not override else [column_styles[0]] + [
                            STYLES.get(override, PLAIN)] * (len(row) - 1)
                        sheet.append([(value, styles[c]) if type(value) in (int, float)
                                      else ("—" if value is None and c > 0 else value)
                                      for c, value in enumerate(row)])
                        done += 1
                        if progress is not None and done % 2000 == 0:
                            if progress.cancelled:
                                raise Cancelled(CANCELLED)
                            progress.report(done, total)
                    if not table.rows:
                        sheet.append(["—"])
                    if table.note:
                        sheet.append([])
                        sheet.append([(table.note, NOTE)])
        finally:
            book.close()
    if progress is not None:
        progress.report(total, total)
    return path
