"""Prints and exports of residents' data, recorded in the access audit by the screens that make
them (the receipt, the reminder letter, a report with case lines): who, when, what document,
to which printer or file, how many cases, and the case itself when it is one.

Why here and not in the store: printing and writing a file happen in the UI (Qt's printer, a
file the worker chose); the store is told afterwards, once the paper or the file exists."""

from __future__ import annotations

from collections.abc import Sequence

from desk_app.reports.tables import Table
from desk_app.store.audit import Audited, record_audit
from desk_app.store.desk import Desk
from desk_app.store.users import User

# The report's tables that list cases one per line (number, title as typed: names and phones a
# worker typed into a description show there); the others are counts and rates only.
CASE_LINE_TABLES = frozenset({"model_cases", "overdue", "cases"})
# The documents, as the entry's detail names them (stored in these words in every language).
DOCUMENTS = ("receipt", "reminder letter", "report")


def cases_listed(tables: Sequence[Table]) -> list[tuple[str, str]]:
    """(case id, case number) of every case the tables list line by line, each once."""
    found: dict[str, str] = {}
    for table in tables:
        if table.key not in CASE_LINE_TABLES:
            continue
        for row, ids in zip(table.rows, table.row_ids, strict=False):
            for case_id in ids:
                found.setdefault(case_id, str(row[0]) if row else "")
    return list(found.items())


def note_personal_output(desk: Desk, user: User | None, action: str, document: str,
                         cases: Sequence[tuple[str, str]], where: str = "") -> None:
    """One entry per print or export (`action`: personal.printed or personal.exported);
    `document` says which ("receipt", "reminder letter D-ENV", "report …"), `where` the printer
    or the file's name (never its folder)."""
    if user is None:
        return
    assert document.startswith(DOCUMENTS), document
    case_id, number = cases[0] if len(cases) == 1 else ("", "")
    record_audit(desk, user, Audited(action, case_id, number, target=where[:100],
                                     detail=f"{document}; cases={len(cases)}"[:500]))


def output_detail(detail: str, words: dict[str, str], shape: str) -> str:
    """An entry's detail as this module wrote it ("receipt; cases=1"), in the screen's words
    (`words`: document → its label; `shape`: "%1 (cases: %2)" in the screen's language); any
    other detail is shown as stored."""
    document, sep, count = detail.rpartition("; cases=")
    kind = next((d for d in DOCUMENTS if document.startswith(d)), None)
    if not sep or kind is None or not count.isdigit():
        return detail
    rest = document[len(kind):].strip()
    named = " ".join(p for p in (words[kind], rest) if p)
    return shape.replace("%1", named).replace("%2", count)
