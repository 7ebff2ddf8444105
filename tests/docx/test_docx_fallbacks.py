"""Finding controls whose tags (and titles) were lost, without needing LibreOffice."""

from __future__ import annotations

import pytest
from docx_answers import answers
from docx_helpers import controls_for, fill, strip_tags
from docx_paths import KITCHEN_SINK

from auditforms.api import load_definition
from auditforms.extract import extract_docx

TWINS = """\
id: twin-tables
title: Twin tables
version: 1.0.0
sections:
  - id: main
    title: Main
    items:
      - id: first
        type: table
        title: First actions
        columns: [{id: action, label: Action}, {id: person, label: Person}]
      - id: second
        type: table
        title: Second actions
        columns: [{id: action, label: Action}, {id: person, label: Person}]
"""


@pytest.mark.parametrize("titles", [False, True], ids=["tags-lost", "tags-and-titles-lost"])
def test_docx_fallbacks_read_every_answer(kitchen_sink, render, titles):
    data = strip_tags(fill(render(KITCHEN_SINK), controls_for(answers())), titles=titles)
    document, diagnostics = extract_docx(kitchen_sink, data, "f.docx")
    assert document["answers"] == answers()
    codes = sorted({d.code for d in diagnostics})
    assert codes == (["AF709", "AF714"] if titles else ["AF708", "AF714"])


def test_docx_tables_with_the_same_headings_are_not_mixed_up(tmp_path, render):
    path = tmp_path / "twin-tables.yaml"
    path.write_text(TWINS, encoding="utf-8")
    definition = load_definition(path)
    data = strip_tags(fill(render(path), {"first.1.action": "A", "second.2.person": "B"}), titles=True)
    document, _ = extract_docx(definition, data, "f.docx")
    assert document["answers"] == {"first": [{"action": "A"}], "second": [{"person": "B"}]}


def test_docx_form_whose_controls_were_removed_is_read_from_its_cells(kitchen_sink, render):
    from docx_helpers import unwrap_controls

    data = unwrap_controls(fill(render(KITCHEN_SINK), controls_for(answers())))
    document, diagnostics = extract_docx(kitchen_sink, data, "f.docx")
    assert document["answers"] == answers()
    assert sorted({d.code for d in diagnostics}) == ["AF714", "AF716"]
    assert "check the answers of child-id" in next(d.message for d in diagnostics if d.code == "AF716")


def test_docx_blank_form_whose_controls_were_removed_reads_as_unanswered(kitchen_sink, render):
    from docx_helpers import unwrap_controls

    document, _ = extract_docx(kitchen_sink, unwrap_controls(render(KITCHEN_SINK)), "f.docx")
    assert document["answers"] == {}
