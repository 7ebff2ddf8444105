"""The example tools' Word forms: a checklist grid, sub-sections, inputs inside questions and
fields side by side are filled in, re-saved by real LibreOffice, and read back to the same
answers; the printed page header repeats the chosen scale key."""

from __future__ import annotations

import docx
import pytest
from docx_helpers import controls_for, fill
from tests.definitions.examples_support import CHECKLIST, CHECKLIST_ANSWERS, EXAMPLES, JOURNEY, JOURNEY_ANSWERS

from auditforms.extract import extract_docx

CASES = [(JOURNEY, JOURNEY_ANSWERS), (CHECKLIST, CHECKLIST_ANSWERS)]


@pytest.mark.parametrize(("path", "answers"), CASES, ids=["journey", "checklist"])
def test_example_word_form_extracts_its_answers(path, answers, load, render, tmp_path):
    import io

    definition = load(path)
    data = fill(render(path), controls_for(answers))
    document, diagnostics = extract_docx(definition, data, "filled.docx")
    assert document is not None, [d.format() for d in diagnostics]
    assert document["answers"] == answers
    assert not [d for d in diagnostics if d.is_error]
    assert docx.Document(io.BytesIO(data)).tables, "the form is laid out in tables"


def test_the_page_header_repeats_the_scale_key(load, render):
    import io

    header = docx.Document(io.BytesIO(render(JOURNEY))).sections[0].header
    assert "Grade: Outstanding · Good · Requires improvement · Inadequate" in [p.text for p in header.paragraphs]


def test_a_checklist_grid_has_a_row_per_criterion(render):
    import io

    document = docx.Document(io.BytesIO(render(CHECKLIST)))
    grid = next(t for t in document.tables if t.rows[0].cells[0].text == "No.")
    assert [c.text.split("\n")[0] for c in grid.rows[0].cells] == ["No.", "Criterion", "Met?", "Evidence"]
    assert [r.cells[0].text for r in grid.rows[1:]] == ["1", "2", "3"]


@pytest.mark.libreoffice
@pytest.mark.parametrize(("path", "answers"), CASES, ids=["journey", "checklist"])
def test_example_word_form_resaved_by_libreoffice_extracts_the_same_answers(path, answers, load, render,
                                                                            libreoffice, tmp_path):
    definition = load(path)
    source = tmp_path / f"{path.stem}-filled.docx"
    source.write_bytes(fill(render(path), controls_for(answers)))
    resaved = libreoffice.convert(source, "docx")
    document, diagnostics = extract_docx(definition, resaved.read_bytes(), resaved.name)
    assert document is not None, [d.format() for d in diagnostics]
    assert document["answers"] == answers
    assert not [d for d in diagnostics if d.is_error]


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_example_word_form_snapshot(path, render, snapshot):
    """Reviewable text dumps of the example forms (update with --snapshot-update, review the diff)."""
    from docx_helpers import text_dump

    assert text_dump(render(path)) == snapshot
