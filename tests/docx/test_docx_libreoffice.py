"""Real LibreOffice: every form converts to PDF with every question in it, and a form
LibreOffice has re-saved (dropping tags) still extracts to the same answers."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx_answers import FAMILY, MODERATION, answers, moderation_as_extracted
from docx_helpers import add_rows, controls_for, fill
from docx_paths import ALL_DEFINITIONS, KITCHEN_SINK, definition_id

from auditforms.extract import extract_docx
from auditforms.renderers.docx.items import question_heading

pytestmark = pytest.mark.libreoffice


def _one_line(value):
    """LibreOffice 7.4 loses line breaks inside a plain-text control, so use one-line answers."""
    if isinstance(value, str):
        return value.replace("\n", " ")
    if isinstance(value, dict):
        return {k: _one_line(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_one_line(v) for v in value]
    return value


def _words(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


@pytest.fixture(scope="module")
def pdf_texts(libreoffice, render, tmp_path_factory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("forms")
    sources = []
    for path in ALL_DEFINITIONS:
        source = folder / f"{path.stem}.docx"
        source.write_bytes(render(path))
        sources.append(source)
    texts = {}
    for source, pdf in zip(sources, libreoffice.convert_all(sources, "pdf"), strict=True):
        assert pdf.read_bytes().startswith(b"%PDF")
        if shutil.which("pdftotext"):
            out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                                 capture_output=True, timeout=60).stdout.decode("utf-8")
        else:
            out = libreoffice.convert(source, "txt:Text (encoded):UTF8").read_text(encoding="utf-8")
        texts[source.stem] = _words(out)
    return texts


@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=definition_id)
def test_docx_libreoffice_pdf_holds_every_question(path, load, pdf_texts):
    definition = load(path)
    text = pdf_texts[path.stem]
    for question in definition.index.questions():
        wanted = _words(question_heading(question))
        assert wanted in text, f"{question.id} is missing from the PDF"
    if definition.marking:
        assert text.count(definition.marking.label) >= 2, "the marking is on every page"


@pytest.fixture(scope="module")
def resaved(libreoffice, render, tmp_path_factory) -> tuple[Path, dict]:
    expected = _one_line(answers())
    wanted = dict(expected)
    wanted["family"] = [*FAMILY, {}, {}, {}]
    extra = {"initials": "EF", "relationship": "Grandmother", "age": 70}
    data = fill(render(KITCHEN_SINK), controls_for(wanted, MODERATION))
    data = add_rows(data, "family.", copied=[], typed=[[extra["initials"], extra["relationship"], "70"]])
    expected["family"] = [*FAMILY, extra]
    source = tmp_path_factory.mktemp("filled") / "filled.docx"
    source.write_bytes(data)
    return libreoffice.convert(source, "docx"), expected


def test_docx_libreoffice_resave_extracts_the_same_answers(kitchen_sink, resaved):
    path, expected = resaved
    document, diagnostics = extract_docx(kitchen_sink, path.read_bytes(), str(path))
    assert document is not None, [d.format() for d in diagnostics]
    assert document["answers"] == expected
    assert document["moderation"] == moderation_as_extracted(expected)
    assert not [d for d in diagnostics if d.is_error]


def test_docx_libreoffice_resave_warns_which_fallback_was_used(kitchen_sink, resaved):
    path, _ = resaved
    _, diagnostics = extract_docx(kitchen_sink, path.read_bytes(), str(path))
    codes = {d.code for d in diagnostics}
    assert {"AF708", "AF709"} <= codes, [d.format() for d in diagnostics]


def test_docx_libreoffice_doc_round_trip_is_read_from_cells(kitchen_sink, libreoffice, render, tmp_path):
    """Saved as Word 97-2003 .doc and back: no content controls left, the cells still hold the answers."""
    expected = _one_line(answers())
    source = tmp_path / "doc-round-trip.docx"  # its own name: the outputs share a folder
    source.write_bytes(fill(render(KITCHEN_SINK), controls_for(expected)))
    doc = libreoffice.convert(source, "doc")
    docx_again = libreoffice.convert(doc, "docx")
    document, diagnostics = extract_docx(kitchen_sink, docx_again.read_bytes(), docx_again.name)
    assert document is not None, [d.format() for d in diagnostics]
    assert document["answers"] == expected
    assert "AF716" in {d.code for d in diagnostics}
