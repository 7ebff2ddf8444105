"""The workbook has the figures the other formats have (the sample against its target, the
breakdowns, the themes) as tidy sheets, and its Data sheet's cells are typed: a question's
number a number (it sorted 1, 10, 11, 12, 2), the month and the audit date real dates."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from auditforms.collation.tidy import COLUMNS, month_start, question_number


@pytest.fixture(scope="module")
def book(october: Callable[..., Path]) -> Any:
    return openpyxl.load_workbook(october("xlsx"))


@pytest.fixture(scope="module")
def figures(october: Callable[..., Path]) -> Any:
    return json.loads(october("json").read_text(encoding="utf-8"))


def _records(sheet: Any) -> list[dict[str, Any]]:
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def test_the_sheets_are_tidy(book: Any) -> None:
    assert book.sheetnames == ["Summary", "Sample", "Breakdowns", "Breakdowns by question", "Themes",
                               "Theme grades", "Data", "Columns"]
    for name in book.sheetnames[1:-1]:
        sheet = book[name]
        assert not sheet.merged_cells.ranges, name
        header = [c.value for c in sheet[1]]
        assert all(isinstance(h, str) and h == h.lower() for h in header), name
        assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref, name


def test_the_sample_against_its_target(book: Any, figures: dict[str, Any]) -> None:
    (row,) = _records(book["Sample"])
    sample, target = figures["sample"][-1], figures["sample_target"]
    assert (row["month"], row["month_start"]) == ("2026-10", dt.datetime(2026, 10, 1))
    assert (row["drawn"], row["returned"], row["moderated"], row["final"]) == (
        sample["drawn"], sample["returned"], sample["moderated"], sample["final"])
    on_time = sample["on_time"]
    assert (row["returned_on_time_count"], row["returned_on_time_of"], row["returned_on_time_percent"],
            row["returned_on_time_fewer_than_30"]) == (on_time["count"], on_time["total"], on_time["percent"],
                                                       on_time["caution"])
    assert (row["on_time_target_percent"], row["on_time_target_met"]) == (target["at_least"], target["met"])
    summary = [r for r in book["Summary"].iter_rows(values_only=True) if r[0] and "returned on time" in r[0]]
    assert summary and summary[0][1:4] == (on_time["count"], on_time["total"], on_time["percent"])


def test_every_breakdown_row_and_question(book: Any, figures: dict[str, Any]) -> None:
    rows = _records(book["Breakdowns"])
    expected = [(b["title"], r["value"], r["audits"], r["judgements_good"]["percent"])
                for b in figures["breakdowns"] for r in b["rows"]]
    assert [(r["breakdown"], r["value"], r["audits"], r["judgements_good_or_better_percent"]) for r in rows] == expected
    by_question = _records(book["Breakdowns by question"])
    assert len(by_question) == len(expected) * len(figures["questions"])
    age = [r for r in by_question if r["breakdown"] == "Age band" and r["value"] == "1 -5"]
    assert [r["question_number"] for r in age] == list(range(1, 13))
    first = figures["breakdowns"][-1]["rows"][1]["by_question"]
    assert [r["good_or_better_percent"] for r in age] == [s["percent"] for s in first]


def test_the_themes(book: Any, figures: dict[str, Any]) -> None:
    (theme,) = figures["themes"]
    (row,) = _records(book["Themes"])
    good = theme["distribution"]["good_or_better"]
    assert (row["theme"], row["good_or_better_count"], row["good_or_better_of"]) == (
        theme["tag"], good["count"], good["total"])
    assert row["questions"].startswith("Q1; Q2; Q4")
    grades = _records(book["Theme grades"])
    counts = [*theme["distribution"]["counts"], theme["distribution"]["not_applicable"]]
    assert [g["judgements"] for g in grades] == counts
    assert [g["grade_good_or_better"] for g in grades] == [True, True, False, None]


def test_the_data_sheet_is_typed(book: Any) -> None:
    rows = _records(book["Data"])
    assert [c.value for c in book["Data"][1]] == [name for name, _ in COLUMNS]
    first = rows[0]
    assert first["month"] == "2026-10" and first["month_start"] == dt.datetime(2026, 10, 1)
    assert isinstance(first["audit_date"], dt.datetime) and first["audit_date"].strftime("%Y-%m") == "2026-10"
    numbers = sorted({r["question_number"] for r in rows})
    assert numbers == list(range(1, 13))  # numbers, so 2 sorts before 10
    assert all(r["question_order"] == r["question_number"] for r in rows)
    assert book["Data"]["B2"].number_format == "dd/mm/yyyy"


def test_a_number_that_is_not_one_stays_text() -> None:
    assert question_number("10") == 10
    assert question_number("1a") == "1a" and question_number("1.1") == "1.1" and question_number(None) is None
    assert month_start("2026-02") == dt.date(2026, 2, 1) and month_start(None) is None


def test_a_team_that_reads_as_a_formula_stays_text_in_the_breakdowns(tool: Any) -> None:
    import io

    from auditforms.collation.collate import Collator, ReportOptions
    from auditforms.collation.xlsx import render_xlsx

    collator = Collator(tool, ReportOptions(period="2026-11"))
    collator.add({"format": "auditforms/completed-audit", "format_version": 1,
                  "definition": {"id": "report-tool", "version": "1.0.0"}, "audit_id": "a1", "status": "submitted",
                  "answers": {"child-id": "X1", "audit-date": "2026-11-02", "team": "=1+1",
                              "q1": {"judgement": "good"}}}, "a1")
    book = openpyxl.load_workbook(io.BytesIO(render_xlsx(collator.figures(), [])))
    cells = [c for row in book["Breakdowns"].iter_rows() for c in row if c.value == "=1+1"]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
