"""The Word board paper: real headings and styles, the charts as images with alternative text,
the same tables, and real LibreOffice converts it to PDF with the figures in it."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest

from auditforms.collation.word import render_docx


@pytest.fixture(scope="module")
def paper(figures: Any) -> bytes:
    return render_docx(figures)


def test_headings_styles_images_and_tables(paper: bytes) -> None:
    document = docx.Document(io.BytesIO(paper))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == ("Title", "Fictional report test tool: monthly audit report, November 2026")
    assert ("Heading 1", "Headline") in headings and ("Heading 1", "Moderation") in headings
    assert ("Heading 1", "By team") in headings
    assert len(document.inline_shapes) == 7
    for shape in document.inline_shapes:
        assert shape._inline.docPr.get("descr").endswith("The table below gives the figures.")
    assert all(t.style.name == "Table Grid" for t in document.tables)
    texts = [[c.text for c in row.cells] for t in document.tables for row in t.rows]
    assert ["November 2026", "3", "67%† (2 of 3)", "64%† (7 of 11)"] in texts


def test_the_paper_says_what_the_web_page_says(figures: Any, tool: Any) -> None:
    """The board paper left out the web page's sentences: returned on time against its target,
    where the actions stood, which grades are good or better, and that N/A is left out."""
    from collation_support import collate, read_sample

    from auditforms.collation import words
    from auditforms.collation.html import render_html

    with_sample = collate(tool, sample=read_sample(), returned_on_time_target=90)
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(render_docx(with_sample))).paragraphs)
    page = render_html(with_sample).decode("utf-8").replace("&#39;", "'").replace("&#34;", '"')
    for sentence in (words.actions_sentence(with_sample.actions), words.good_from_sentence(with_sample),
                     words.on_time_text(with_sample), words.NOT_APPLICABLE_NOTE):
        assert sentence and sentence in text and sentence in page, sentence


@pytest.mark.libreoffice
def test_libreoffice_converts_it_to_pdf(paper: bytes, tmp_path: Path) -> None:
    from testsupport import libreoffice

    source = tmp_path / "report.docx"
    source.write_bytes(paper)
    pdf = libreoffice(tmp_path / "libreoffice").convert(source, "pdf", tmp_path)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                              timeout=60).stdout.decode("utf-8")
        assert "Moderation" in text and "67%†" in text
