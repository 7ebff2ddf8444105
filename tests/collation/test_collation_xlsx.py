"""The workbook read back by openpyxl: the right sheets, one data row per audit and judged
part, documented columns, and text that a spreadsheet would run kept as text."""

from __future__ import annotations

import io
from typing import Any

import openpyxl

from auditforms.collation.collate import Collator, ReportOptions
from auditforms.collation.tidy import COLUMNS, tidy_rows
from auditforms.collation.xlsx import render_xlsx


def _book(tool: Any, documents: list[dict[str, Any]], public: bool = False) -> Any:
    collator = Collator(tool, ReportOptions(period="2026-11", public=public))
    rows = []
    for k, document in enumerate(documents):
        record = collator.add(document, f"d{k}")
        if record is not None:
            rows.extend(tidy_rows(tool, collator.parts, record))
    return openpyxl.load_workbook(io.BytesIO(render_xlsx(collator.figures(), rows)))


def _audit(team: str) -> dict[str, Any]:
    return {"format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": "report-tool", "version": "1.0.0"}, "audit_id": f"2026-11-{team}",
            "status": "submitted",
            "answers": {"child-id": "X1", "audit-date": "2026-11-02", "team": team,
                        "q1": {"judgement": "good"}, "q2": {"judgement": "not-applicable"},
                        "q4": {"judgement": "inadequate"}}}


def test_one_row_per_audit_and_judged_part(tool: Any) -> None:
    book = _book(tool, [_audit("North"), _audit("South")])
    assert book.sheetnames == ["Summary", "Breakdowns", "Breakdowns by question", "Themes", "Theme grades", "Data",
                               "Columns"]
    data = book["Data"]
    assert [c.value for c in data[1]] == [name for name, _ in COLUMNS]
    # q3 is unanswered, so 3 parts per audit: 2 audits -> 6 rows under the header
    assert data.max_row == 1 + 6
    first = {name: cell.value for (name, _), cell in zip(COLUMNS, data[2], strict=True)}
    assert first["question_id"] == "q1" and first["final_judgement_label"] == "Good"
    assert first["final_judgement_value"] == 2 and first["final_good_or_better"] is True
    assert [c.value for c in book["Columns"]["A"]][1:] == [name for name, _ in COLUMNS]


def test_formula_text_stays_text(tool: Any) -> None:
    data = _book(tool, [_audit("=HYPERLINK(\"http://x\")")])["Data"]
    cell = data.cell(row=2, column=[name for name, _ in COLUMNS].index("team") + 1)
    assert cell.data_type == "s"
    assert cell.value == "=HYPERLINK(\"http://x\")"
    assert cell.quotePrefix


def test_public_workbook_has_no_row_per_child(tool: Any) -> None:
    assert "Data" not in _book(tool, [_audit("North")], public=True).sheetnames
