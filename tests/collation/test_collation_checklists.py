"""Checklist answers (YES / NO / N/A, not grades) are counted in a table of their own,
criterion by answer, apart from the grades, in every format. The figures are worked by hand
from the five audits below."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from auditforms.api import load_definition
from auditforms.collation import Collator, ReportOptions

ROOT = Path(__file__).resolve().parents[2]
CHECKLIST = ROOT / "definitions" / "examples" / "case-file-checklist.yaml"


def _audit(audit_id: str, date: str, status: str, answers: dict[str, str],
           moderation: dict[str, Any] | None = None) -> dict[str, Any]:
    given: dict[str, Any] = {"child-id": f"X{audit_id}", "auditor": "A", "audit-date": date,
                             **{c: {"judgement": a} for c, a in answers.items() if c.startswith("c")}}
    if "file" in answers:
        given["file"] = {"judgement": answers["file"]}
    doc = {"format": "auditforms/completed-audit", "format_version": 1,
           "definition": {"id": "case-file-checklist", "version": "1.0.0"}, "audit_id": audit_id,
           "status": status, "answers": given}
    if moderation:
        doc["moderation"] = moderation
    return doc


AUDITS = [
    _audit("a1", "2026-03-02", "submitted", {"c1": "yes", "c2": "n-a", "c3": "no", "c4": "not-known", "c5": "yes",
                                             "file": "good"}),
    _audit("a2", "2026-03-05", "submitted", {"c1": "yes", "c2": "yes", "c3": "no", "c4": "yes",
                                             "file": "requires-improvement"}),
    # the moderator answered c1 "yes" where the auditor said "no": the moderated answer counts
    _audit("a3", "2026-03-09", "moderated", {"c1": "no", "c2": "no", "c3": "yes", "c4": "no", "c5": "no"},
           {"moderator": "M", "date": "2026-03-12", "judgements": {"c1": "yes"},
            "auditor_judgements": {"c1": "no"}}),
    _audit("a4", "2026-03-10", "draft", {"c1": "no", "c2": "no"}),  # a draft is not counted
    _audit("a5", "2026-02-20", "submitted", {"c1": "no"}),  # before the period
]


def _collator(public: bool = False) -> Collator:
    collator = Collator(load_definition(CHECKLIST), ReportOptions(period="2026-03", public=public))
    for document in AUDITS:
        collator.add(document, str(document["audit_id"]))
    return collator


@pytest.fixture(scope="module")
def figures() -> Any:
    return _collator().figures()


def test_checklist_answers_are_counted_by_criterion_and_answer(figures: Any) -> None:
    met, voice = figures.checklists
    assert (met.scale, met.title, met.labels) == ("yes-no-na", "Met?", ("YES", "NO", "N/A"))
    assert [(c.id, c.counts, c.answered) for c in met.criteria] == [
        ("c1", (3, 0, 0), 3), ("c2", (1, 1, 1), 3), ("c3", (1, 2, 0), 3)]
    assert voice.title == "Yes / No / Not known"  # an answer set without a title is named by its answers
    assert [(c.id, c.counts, c.answered) for c in voice.criteria] == [("c4", (1, 1, 1), 3), ("c5", (1, 1, 0), 2)]


def test_checklist_answers_are_kept_apart_from_grades(figures: Any) -> None:
    assert [q.id for q in figures.questions] == ["file"]
    assert [s.id for s in figures.scales] == ["grade"]
    assert figures.headline.judgements_good.total == 2  # the two file grades, no checklist answer


def test_public_suppresses_small_checklist_counts() -> None:
    met = _collator(public=True).figures().checklists[0]
    assert met.criteria[0].counts == (None, None, None) and met.criteria[0].answered is None


def test_every_format_has_the_checklist_table(figures: Any) -> None:
    import docx
    import jsonschema
    import openpyxl

    from auditforms.collation.html import render_html
    from auditforms.collation.json_report import render_json
    from auditforms.collation.word import render_docx
    from auditforms.collation.xlsx import render_xlsx

    page = render_html(figures, draw_svgs=lambda charts: {k: "<svg></svg>" for k in charts}).decode("utf-8")
    assert '<h2 id="checklists">Checklists</h2>' in page and '<a href="#checklists">' in page
    assert re.search(r"<caption id=\"af-table-\d+\">Checklist answers in March 2026 \(Met\?\)</caption>", page)
    assert '<th scope="col" class="af-num">N/A</th>' in page

    document = docx.Document(io.BytesIO(render_docx(figures)))
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in document.tables]
    assert [["Criterion", "YES", "NO", "N/A", "Answered"], ["Q1 The chronology is up to date.", "3", "0", "0", "3"],
            ["Q2 The genogram or family tree is on file.", "1", "1", "1", "3"],
            ["Q3 Case notes are recorded within five working days.", "1", "2", "0", "3"]] in tables

    summary = openpyxl.load_workbook(io.BytesIO(render_xlsx(figures, [])))["Summary"]
    rows = [[c for c in row if c is not None] for row in summary.iter_rows(values_only=True)]
    assert ["Checklist criterion (Yes / No / Not known)", "Yes", "No", "Not known", "Answered"] in rows
    assert ["Q5 Was the child seen alone at the last visit?", 1, 1, 0, 2] in rows  # a zero is written too

    report = json.loads(render_json(figures))
    assert report["checklists"][1]["criteria"][1] == {
        "id": "c5", "number": "5", "title": "Q5 Was the child seen alone at the last visit?",
        "counts": [1, 1, 0], "answered": 2}
    schema = json.loads((ROOT / "schemas" / "report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)
