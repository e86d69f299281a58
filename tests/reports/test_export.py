"""The xlsx and the PDF carry the report's figures; the command writes them headless."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desk_app.main import main
from desk_app.reports.export import ExportError, write_xlsx
from desk_app.reports.labels import Namer
from desk_app.reports.periods import Period
from desk_app.reports.report import build_report
from desk_app.reports.tables import report_tables
from desk_app.store.desk import Desk, setup_desk
from desk_app.store.report_queries import read_case_lines
from desk_app.workspace import open_workspace
from tests.reading import READER

from .conftest import NOW, CaseMaker, ms

W48 = Period.parse("2026-W48")


def tables_of(desk: Desk, chinese: bool = False) -> list:
    report = build_report(desk, W48, now_ms=ms(NOW))
    return report_tables(report, Namer(desk.catalogue, None, chinese),
                         lambda ids: read_case_lines(desk.db, READER, ids))


def rows_by_label(sheet) -> dict[str, list]:
    return {r[0]: list(r[1:]) for r in sheet.iter_rows(min_row=3, values_only=True) if r and r[0]}


def test_the_xlsx_has_one_formatted_sheet_per_table_with_the_figures(
        desk: Desk, week48: CaseMaker, tmp_path: Path) -> None:
    path = write_xlsx(tables_of(desk), tmp_path / "w48.xlsx", "Weekly report 48")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask  # a normal file, not mkstemp's 0600
    book = load_workbook(path)
    assert book.sheetnames[:4] == ["Overview", "By kind", "By channel", "By category"]
    assert {"Department scores", "Model cases", "Overdue now", "All requests of the period"} \
        <= set(book.sheetnames)
    overview = book["Overview"]
    assert overview.freeze_panes == "B3"
    assert overview["A2"].font.bold
    figures = rows_by_label(overview)
    assert figures["Requests registered"][0] == 9
    assert figures["Signing timeliness"][0] == pytest.approx(4 / 6)
    assert figures["On-time completion"][0] == pytest.approx(4 / 7)
    assert figures["Satisfaction (incl. basically satisfied)"][0] == pytest.approx(2 / 3)
    assert figures["Overdue now"][0] == 2
    rate_cell = next(r for r in overview.iter_rows(min_row=3) if r[0].value == "Signing timeliness")[1]
    assert rate_cell.number_format == "0.0%"
    scores = rows_by_label(book["Department scores"])
    housing = scores["住房和建设局"] if "住房和建设局" in scores else next(
        v for k, v in scores.items() if "HOUSING" in k or "住房" in k or "Housing" in k)
    assert housing[4] == pytest.approx(100 * 2 / 3) and housing[5] == "Fair"
    notes = [r[0] for r in book["Department scores"].iter_rows(values_only=True) if r and r[0]]
    assert any(str(n).startswith("Score = 100 × (30 × signing") for n in notes)
    assert len(list(book["All requests of the period"].iter_rows(min_row=3))) == 9


def test_an_unwritable_place_says_so_and_leaves_nothing(desk: Desk, week48: CaseMaker,
                                                        tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="Cannot write to the folder"):
        write_xlsx(tables_of(desk), blocker / "w48.xlsx")
    assert not list(blocker.parent.glob("*.xlsx"))
    with pytest.raises(ExportError, match="Cannot write to the folder"):
        write_xlsx(tables_of(desk), tmp_path / "missing" / "w48.xlsx")
    assert not list(tmp_path.glob(".report-*"))


def test_the_pdf_in_an_unwritable_place_says_so_and_leaves_nothing(qapp, desk: Desk,
                                                                     week48: CaseMaker,
                                                                     tmp_path: Path) -> None:
    from desk_app.ui.report_print import write_pdf

    with pytest.raises(ExportError, match="Cannot write to the folder"):
        write_pdf("周报", "测试", tables_of(desk), tmp_path / "missing" / "w48.pdf")
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="Cannot write to the folder"):
        write_pdf("周报", "测试", tables_of(desk), blocker / "w48.pdf")
    assert not list(tmp_path.glob(".report-*"))


def test_the_pdf_carries_the_chinese_text(qapp, desk: Desk, week48: CaseMaker,
                                          tmp_path: Path) -> None:
    from PySide6.QtPdf import QPdfDocument

    from desk_app.ui.report_print import write_pdf

    path = write_pdf("海山街道 民意诉求周报", "测试", tables_of(desk, chinese=True), tmp_path / "w48.pdf")
    document = QPdfDocument()
    document.load(str(path))
    text = "".join(document.getAllText(page).text() for page in range(document.pageCount()))
    # Noto CJK shares glyphs between some ideographs and Kangxi radicals (山 / ⼭), and the PDF's
    # text layer names the radical; NFKC folds them back, as a PDF reader's search does.
    text = unicodedata.normalize("NFKC", text)
    assert "意诉求周报" in text  # 民 comes out as the radical ⺠ (U+2EA0), which NFKC keeps
    assert "日间建筑施工噪音" in text  # the top item, by its catalogue name
    assert "66.7" in text  # D-HOUSING's score
    assert b"FontFile" in path.read_bytes()  # the font is embedded


def prepare_workspace() -> None:
    workspace = open_workspace()
    identity = setup_desk(workspace.db, "YT-HS-01", "海山街道党群服务中心", "YT-HS",
                          workspace.catalogue)
    desk = Desk(workspace.db, identity, workspace.catalogue, workspace.calendar)
    maker = CaseMaker(desk)
    maker.case("A", "2026-11-23 09:00").dispatch("2026-11-23 09:05").sign("2026-11-23 15:00") \
        .resolve("2026-11-25 10:00").evaluate("2026-11-26 10:00")
    maker.case("B", "2026-11-24 10:00").dispatch("2026-11-24 10:05")
    workspace.close()


def test_the_command_writes_an_xlsx_that_reads_back(qapp, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    prepare_workspace()
    out = tmp_path / "report.xlsx"
    assert main(["report", "--period", "2026-W48", "--format", "xlsx", "--out", str(out),
                 "--language", "en"]) == 0
    figures = rows_by_label(load_workbook(out)["Overview"])
    assert figures["Requests registered"][0] == 2
    assert figures["Completion rate"][0] == pytest.approx(0.5)
    assert main(["report", "--period", "2026-11", "--out", str(tmp_path / "m.pdf")]) == 0
    assert (tmp_path / "m.pdf").stat().st_size > 1000


@pytest.mark.parametrize("period", ["2026-W99", "next week", "2026-13"])
def test_the_command_refuses_a_bad_period_with_exit_2(qapp, tmp_path: Path, period: str,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.xlsx"
    assert main(["report", "--period", period, "--format", "xlsx", "--out", str(out),
                 "--language", "en"]) == 2
    assert "is not a period: write a week as 2026-W48" in capsys.readouterr().err
    assert not out.exists()


def test_an_empty_period_gives_an_empty_report(qapp, tmp_path: Path) -> None:
    prepare_workspace()
    out = tmp_path / "empty.xlsx"
    assert main(["report", "--period", "2020-W10", "--out", str(out), "--language", "en"]) == 0
    assert rows_by_label(load_workbook(out)["Overview"])["Requests registered"][0] == 0


class CancelAfter:
    """A progress that asks to stop after `steps` reports."""

    def __init__(self, steps: int) -> None:
        self.steps, self.calls = steps, 0

    def report(self, done: int, total: int) -> None:
        self.calls += 1

    @property
    def cancelled(self) -> bool:
        return self.calls >= self.steps


def test_a_cancelled_report_or_export_stops_and_leaves_nothing(desk: Desk, week48: CaseMaker,
                                                                tmp_path: Path) -> None:
    from desk_app.reports.report import Cancelled
    from desk_app.reports.tables import TEXT, Table

    with pytest.raises(Cancelled):
        build_report(desk, W48, now_ms=ms(NOW), progress=CancelAfter(2))
    big = Table("cases", "All", [("n", TEXT)])
    for n in range(10_000):
        big.add([f"case {n}"])
    with pytest.raises(Cancelled):
        write_xlsx([big], tmp_path / "big.xlsx", progress=CancelAfter(1))
    assert not list(tmp_path.glob("*.xlsx*")) and not list(tmp_path.glob(".report-*"))


def test_typed_text_is_written_as_text(tmp_path: Path) -> None:
    from desk_app.reports.tables import INT, TEXT, Table

    table = Table("cases", "Cases", [("title", TEXT), ("n", INT)])
    table.add(["<b>漏水 & 停电</b>\x0b", 3])
    table.add(["=SUM(A1:A9)", None])
    sheet = load_workbook(write_xlsx([table], tmp_path / "t.xlsx")).worksheets[0]
    assert [c.value for c in sheet[3]] == ["<b>漏水 & 停电</b>", 3]
    assert sheet["A4"].value == "=SUM(A1:A9)" and sheet["A4"].data_type == "s"  # never a formula
