"""Text from audits (team names, labels) is escaped in the page and its charts, and is never
read as matplotlib's maths, in every format."""

from __future__ import annotations

import io
from typing import Any

from auditforms.collation import Collator, ReportOptions
from auditforms.collation.html import render_html
from auditforms.collation.word import render_docx

HOSTILE = "<img src=x onerror=alert(1)> --> $\\frac{a}$ & ]]>"


def _figures(tool: Any) -> Any:
    collator = Collator(tool, ReportOptions(period="2026-11"))
    for k in range(3):
        collator.add({"format": "auditforms/completed-audit", "format_version": 1,
                      "definition": {"id": "report-tool", "version": "1.0.0"}, "audit_id": f"2026-11-{k}",
                      "status": "submitted", "answers": {"child-id": f"X{k}", "audit-date": "2026-11-02",
                                                         "team": HOSTILE, "q1": {"judgement": "good"}}}, f"d{k}")
    return collator.figures()


def test_hostile_text_is_escaped_in_the_page_and_its_svg(tool: Any) -> None:
    html = render_html(_figures(tool)).decode("utf-8")
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "]]>" not in html.split("<svg", 1)[1]  # nothing closes a CDATA section early in the charts


def test_hostile_text_renders_in_word(tool: Any) -> None:
    import docx

    document = docx.Document(io.BytesIO(render_docx(_figures(tool))))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert HOSTILE in cells
