"""The report as tables: one list of tables that the screen, the xlsx and the PDF all show,
so that the three can never disagree. Each row keeps the ids of the cases behind it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from desk_app.domain.text import QT_TRANSLATE_NOOP as _t
from desk_app.store.report_queries import CaseLine

from .labels import Namer
from .periods import Period
from .rates import DEFINITIONS, RATE_LABELS, Rate
from .report import PERIOD_NAMES, Count, Report
from .scores import FORMULA

# Column formats: text, int (a count), pct (a 0–1 rate, None shown as —), num (1 decimal).
TEXT, INT, PCT, NUM = "text", "int", "pct", "num"


@dataclass
class Table:
    key: str  # the sheet's stable name
    title: str
    columns: list[tuple[str, str]]  # (header, format)
    rows: list[list[object]] = field(default_factory=list)
    row_ids: list[tuple[str, ...]] = field(default_factory=list)
    note: str = ""
    row_formats: list[str | None] = field(default_factory=list)  # overrides, but not column 0

    def add(self, values: list[object], case_ids: Sequence[str] = (),
            fmt: str | None = None) -> None:
        self.rows.append(values)
        self.row_ids.append(tuple(case_ids))
        self.row_formats.append(fmt)

    def format_of(self, row: int, column: int) -> str:
        override = self.row_formats[row] if row < len(self.row_formats) else None
        return override if override and column > 0 else self.columns[column][1]


def report_title(report: Report, namer: Namer, scope_name: str) -> str:
    """“海山街道 民意诉求周报 2026年第48期（11月23日—11月29日）”."""
    p = report.period
    return namer.tr(_t("reports", "{scope} · {name} {year}, issue {number} ({first} – {last})"),
                    scope=scope_name, name=namer.tr(PERIOD_NAMES[p.kind]), year=p.year,
                    number=p.number, first=p.first_day.isoformat(), last=p.last_day.isoformat())


def period_label(period: Period) -> str:
    return period.code()


def _share(count: int, total: int) -> float | None:
    return count / total if total else None


def overview(report: Report, namer: Namer) -> Table:
    t = namer.tr
    table = Table("overview", t(_t("reports", "Overview")), [
        (t(_t("reports", "Figure")), TEXT), (period_label(report.period), NUM),
        (t(_t("reports", "Previous period")) + f" {period_label(report.previous.period)}", NUM),
        (t(_t("reports", "A year before")) + f" {period_label(report.year_before.period)}", NUM)],
        note=t(DEFINITIONS))
    s, p, y = report.summary, report.previous, report.year_before
    table.add([t(_t("reports", "Requests registered")), s.total, p.total, y.total],
              report.all_ids, INT)
    for count, label in ((report.voided, _t("reports", "of which voided")),
                         (report.merged, _t("reports", "of which merged as duplicates")),
                         (report.split, _t("reports", "of which split")),
                         (report.on_spot, _t("reports", "settled at the window")),
                         (report.anonymous, _t("reports", "anonymous"))):
        table.add([t(label), count.count, None, None], count.case_ids, INT)
    table.add([t(_t("reports", "Raised again (repeats)")), report.repeats, None, None], (), INT)
    for key, rate in s.rates.items():
        table.add([t(RATE_LABELS[key]), rate.value, p.rates[key].value, y.rates[key].value],
                  rate.denominator, PCT)
    table.add([t(_t("reports", "Average handling time (working days)")), s.average_handling,
               p.average_handling, y.average_handling])
    table.add([t(_t("reports", "Overdue now")), report.overdue_total, None, None],
              report.overdue_now.case_ids, INT)
    if report.holidays:
        table.note = t(_t("reports", "Public holidays in this period: {days}."),
                       days=", ".join(d.isoformat() for d in report.holidays)) + " " + table.note
    return table


def _breakdown(key: str, title: str, header: str, counts: list[Count], total: int,
               name: Callable[[str], str], namer: Namer) -> Table:
    t = namer.tr
    table = Table(key, t(title), [(t(header), TEXT), (t(_t("reports", "Requests")), INT),
                                  (t(_t("reports", "Share")), PCT)])
    for c in counts:
        table.add([name(c.key), c.count, _share(c.count, total)], c.case_ids)
    return table


def _rate_cell(rate: Rate) -> float | None:
    return rate.value


def scores_table(report: Report, namer: Namer) -> Table:
    t = namer.tr
    table = Table("scores", t(_t("reports", "Department scores")), [
        (t(_t("reports", "Department")), TEXT), (t(_t("reports", "Requests")), INT),
        (t(RATE_LABELS["signing"]), PCT), (t(RATE_LABELS["completion"]), PCT),
        (t(RATE_LABELS["satisfaction"]), PCT), (t(_t("reports", "Score")), NUM),
        (t(_t("reports", "Grade")), TEXT)],
        note=t(FORMULA, **report.score_settings.formula_values()))
    for s in report.scores:
        table.add([namer.department(s.department), len(s.case_ids), _rate_cell(s.signing),
                   _rate_cell(s.completion), _rate_cell(s.satisfaction), s.score,
                   namer.grade(s.grade)], s.case_ids)
    return table


def report_tables(report: Report, namer: Namer,
                  lines: Callable[[Sequence[str]], list[CaseLine]] | None = None) -> list[Table]:
    """Every table of the report, in the order a reader meets them. `lines` fetches the case
    lines for the overdue, model-case and case-list tables (omitted: those are left out)."""
    t = namer.tr
    valid = report.summary.rates["completion"].denominator
    tables = [overview(report, namer),
              _breakdown("kinds", _t("reports", "By kind"), _t("reports", "Kind"), report.by_kind,
                         report.total, namer.kind, namer),
              _breakdown("channels", _t("reports", "By channel"), _t("reports", "Channel"),
                         report.by_channel, report.total, namer.channel, namer),
              _breakdown("classes", _t("reports", "By category"), _t("reports", "Category"),
                         report.by_class, len(valid), namer.category, namer),
              _breakdown("items", _t("reports", "Top items"), _t("reports", "Catalogue item"),
                         report.by_item, len(valid), namer.category, namer),
              _breakdown("communities", _t("reports", "By community"), _t("reports", "Community"),
                         report.by_community, len(valid), namer.org, namer),
              _breakdown("grids", _t("reports", "By grid"), _t("reports", "Grid"),
                         report.by_grid, len(valid), namer.org, namer)]
    hot = Table("hot_topics", t(_t("reports", "Hot topics")), [
        (t(_t("reports", "Catalogue item")), TEXT), (t(_t("reports", "Community")), TEXT),
        (t(_t("reports", "Requests")), INT)])
    for c in report.hot_topics:
        item, community = c.key.split("|", 1)
        hot.add([namer.category(item), namer.org(community), c.count], c.case_ids)
    spots = Table("hot_spots", t(_t("reports", "Hot spots")), [
        (t(_t("reports", "Grid")), TEXT), (t(_t("reports", "Community")), TEXT),
        (t(_t("reports", "Requests")), INT)],
        note=t(_t("reports", "Grids with at least 3 requests and 1.5 times the average grid.")))
    for c in report.hot_spots:
        parent = report.facts and next((f.community for f in report.facts if f.grid == c.key), "")
        spots.add([namer.org(c.key), namer.org(parent or ""), c.count], c.case_ids)
    alerts = Table("alerts", t(_t("reports", "Keyword alerts")), [
        (t(_t("reports", "Word or item")), TEXT), (t(_t("reports", "This period")), INT),
        (t(_t("reports", "Previous period")), INT), (t(_t("reports", "A year before")), INT)],
        note=t(_t("reports", "Flagged when a word or item has at least 3 requests, more than both the previous period and the same period a year before, and at least 1.5 times the larger of them plus one.")))
    for a in report.alerts:
        name = a.key if a.kind == "word" else namer.category(a.key)
        alerts.add([f"“{name}”" if a.kind == "word" else name, a.count, a.previous,
                    a.year_before], a.case_ids)
    tables += [hot, spots, alerts, scores_table(report, namer), outlook_table(report, namer)]
    if lines is not None:
        tables += _case_tables(report, namer, lines)
    if report.notices:
        notices = Table("notices", t(_t("reports", "District notices")), [
            (t(_t("reports", "Date")), TEXT), (t(_t("reports", "Notice")), TEXT)])
        for day, text in report.notices:
            notices.add([day, text])
        tables.append(notices)
    return tables


def outlook_table(report: Report, namer: Namer) -> Table:
    t = namer.tr
    table = Table("foresight", t(_t("reports", "Expected to rise")), [
        (t(_t("reports", "Category")), TEXT), (t(_t("reports", "Community")), TEXT),
        (t(_t("reports", "Last 4 weeks")), INT), (t(_t("reports", "Expected, next 4 weeks")), NUM),
        (t(_t("reports", "Same 4 weeks a year before")), INT)])
    for f in report.outlook:
        table.add([namer.category(f.category), namer.org(f.community), f.recent, f.expected,
                   f.last_year])
    replay = report.replay
    table.note = t(_t("reports", "Method: the mean of the same weeks (±2) in earlier years, times the recent trend; flagged when at least 3 requests and 1.5 times the last four weeks are expected in the next four."))
    if replay is not None and replay.flags:
        table.note += " " + t(_t("reports", "Replayed week by week over the year before: {flags} flags, {hits} came true ({rate}); rises happened in {base} of all category-community-weeks."),
                              flags=replay.flags, hits=replay.came_true,
                              rate=f"{(replay.hit_rate or 0) * 100:.0f}%",
                              base=f"{(replay.base_rate or 0) * 100:.0f}%")
    return table


def _line_columns(namer: Namer) -> list[tuple[str, str]]:
    t = namer.tr
    return [(t(_t("reports", "Case number")), TEXT), (t(_t("reports", "Registered")), TEXT),
            (t(_t("reports", "Title")), TEXT), (t(_t("reports", "Catalogue item")), TEXT),
            (t(_t("reports", "Community")), TEXT), (t(_t("reports", "Department")), TEXT),
            (t(_t("reports", "Status")), TEXT)]


def _line_row(line: CaseLine, namer: Namer) -> list[object]:
    return [line.number, namer.day(line.registered_at), line.title, namer.category(line.category),
            namer.org(line.community), namer.department(line.lead), namer.status(line.status)]


def _case_tables(report: Report, namer: Namer,
                 lines: Callable[[Sequence[str]], list[CaseLine]]) -> list[Table]:
    t = namer.tr
    model = Table("model_cases", t(_t("reports", "Model cases")),
                  [*_line_columns(namer), (t(_t("reports", "Why")), TEXT)],
                  note=t(_t("reports", "Marked by a supervisor, or proposed: closed within one working day with every mark satisfied.")))
    by_id = {line.id: line for line in lines([m.case_id for m in report.model_cases])}
    for m in report.model_cases:
        if m.case_id in by_id:
            why = (t(_t("reports", "Marked: {note}"), note=m.note) if m.marked
                   else t(_t("reports", "Proposed: closed in {days} working days, satisfied"),
                          days=f"{m.handling_wd or 0:.1f}"))
            model.add([*_line_row(by_id[m.case_id], namer), why], (m.case_id,))
    overdue = Table("overdue", t(_t("reports", "Overdue now")), _line_columns(namer))
    for line in lines(report.overdue_now.case_ids[:500]):
        overdue.add(_line_row(line, namer), (line.id,))
    every = Table("cases", t(_t("reports", "All requests of the period")), _line_columns(namer))
    for line in lines(report.all_ids):
        every.add(_line_row(line, namer), (line.id,))
    return [model, overdue, every]
