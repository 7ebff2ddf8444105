"""The tracker's Excel table on a streamed (constant_memory) worksheet: the one place
auditforms reaches into xlsxwriter is held to what xlsxwriter's own ``add_table()`` does, on
the installed version, and the streamed workbook is the in-memory one cell for cell."""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter  # type: ignore[import-untyped]
from actions_support import TEAMS_CSV, action, audit, torbay

from auditforms.actions.columns import COLUMNS
from auditforms.actions.gather import gather
from auditforms.actions.outputs.xlsx import HEADER_ROW, TABLE_NAME, TABLE_STYLE, Tracker, render, write
from auditforms.actions.outputs.xlsx_table import declare_table
from auditforms.actions.report import ActionsReport, TrackerRow, build_report
from auditforms.actions.teams import read_teams

TODAY = dt.date(2026, 12, 10)
HEADINGS = [c.heading for c in COLUMNS]


@pytest.mark.parametrize("last_row", [HEADER_ROW + 1, HEADER_ROW + 5000])
def test_declare_table_records_what_add_table_records(last_row: int) -> None:
    """If this fails, xlsxwriter changed how it records a table: make declare_table record
    what add_table() now does (or use add_table() if it now works while streaming)."""
    workbook = xlsxwriter.Workbook(io.BytesIO(), {"in_memory": True})
    by_add_table, declared = workbook.add_worksheet(), workbook.add_worksheet()
    assert by_add_table.add_table(HEADER_ROW, 0, last_row, len(HEADINGS) - 1, {
        "name": TABLE_NAME, "style": TABLE_STYLE, "columns": [{"header": h} for h in HEADINGS]}) == 0
    declare_table(declared, HEADER_ROW, last_row, HEADINGS, name=TABLE_NAME, style=TABLE_STYLE)
    assert declared.tables == by_add_table.tables


def test_xlsxwriter_still_refuses_add_table_while_streaming() -> None:
    """If this fails, xlsxwriter writes tables in constant_memory mode: drop declare_table."""
    workbook = xlsxwriter.Workbook(io.BytesIO(), {"constant_memory": True})
    sheet = workbook.add_worksheet()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert sheet.add_table(0, 0, 1, 1) == -3
    assert sheet.constant_memory


def _report() -> ActionsReport:
    teams = read_teams(TEAMS_CSV.encode(), "teams.csv")[0]
    documents = [(f"a{k}.json", audit(f"2026-11-{k:04d}", team=team, actions=[
        action(f"Action {k}: see  the school ", due="2026-12-01"), action("=1+1", signed="2026-12-02"),
        action("Visit \u00e4 \U0001f600 <b>&amp;</b>\nnext line", due="2026-12-20")]))
        for k, team in enumerate(["Fictional Team North", "Team South", "Unknown"])]
    return build_report(torbay(), gather(torbay(), documents).listed, TODAY, teams)


def _seen(sheet: openpyxl.worksheet.worksheet.Worksheet) -> list[list[tuple[object, ...]]]:
    """Every cell as a user sees it: value, number format, font, fill, alignment, protection."""
    return [[(c.value, c.number_format, repr(c.font), repr(c.fill), repr(c.alignment), repr(c.protection))
             for c in row] for row in sheet.iter_rows()]


def test_the_streamed_tracker_is_the_in_memory_one(tmp_path: Path) -> None:
    report = _report()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    while_writing: list[list[Path]] = []

    def rows() -> Iterator[TrackerRow]:
        for row in report.rows:
            yield row
            while_writing.append(list(scratch.iterdir()))

    write(str(tmp_path / "t.xlsx"), Tracker(torbay(), TODAY, rows(), len(report.rows), "H. Alpha"),
          scratch=str(scratch))
    assert all(while_writing) and not any(scratch.iterdir())  # rows went to scratch files, since removed
    with zipfile.ZipFile(tmp_path / "t.xlsx") as package:
        assert "xl/sharedStrings.xml" not in package.namelist()
        assert b't="inlineStr"' in package.read("xl/worksheets/sheet1.xml")
        streamed_table = package.read("xl/tables/table1.xml")
    in_memory = render(report, "H. Alpha")
    with zipfile.ZipFile(io.BytesIO(in_memory)) as package:
        assert streamed_table == package.read("xl/tables/table1.xml")
    streamed, rendered = openpyxl.load_workbook(tmp_path / "t.xlsx"), openpyxl.load_workbook(io.BytesIO(in_memory))
    assert streamed.sheetnames == rendered.sheetnames
    for a, b in ((streamed[n], rendered[n]) for n in rendered.sheetnames):
        assert _seen(a) == _seen(b)
        assert (a.sheet_state, a.freeze_panes, a.protection, a.print_title_rows, a.oddHeader.center.text,
                a.oddFooter.center.text) == (b.sheet_state, b.freeze_panes, b.protection, b.print_title_rows,
                                             b.oddHeader.center.text, b.oddFooter.center.text)
        assert a.data_validations == b.data_validations
        assert [(str(r.sqref), [(x.type, x.operator, x.formula) for x in r.rules]) for r in a.conditional_formatting] \
            == [(str(r.sqref), [(x.type, x.operator, x.formula) for x in r.rules]) for r in b.conditional_formatting]
        assert {k: (d.width, d.hidden) for k, d in a.column_dimensions.items()} == \
            {k: (d.width, d.hidden) for k, d in b.column_dimensions.items()}
    table = streamed["Actions"].tables[TABLE_NAME]
    assert table.ref == f"A{HEADER_ROW + 1}:R{HEADER_ROW + 1 + len(report.rows)}"
    assert [c.name for c in table.tableColumns] == HEADINGS


def test_the_tracker_reader_reads_a_streamed_tracker_as_it_reads_an_in_memory_one(tmp_path: Path) -> None:
    from auditforms.actions.tracker_read import read_tracker

    report = _report()
    write(str(tmp_path / "t.xlsx"), Tracker(torbay(), TODAY, iter(report.rows), len(report.rows), "H. Alpha"))
    streamed = read_tracker((tmp_path / "t.xlsx").read_bytes(), "t.xlsx", torbay())
    in_memory = read_tracker(render(report, "H. Alpha"), "t.xlsx", torbay())
    assert streamed.problems == in_memory.problems == []
    assert streamed.entries == in_memory.entries and len(streamed.entries) == 3  # the signed-off rows
