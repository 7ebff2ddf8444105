"""The Word board paper of the example's October (Torbay's tool, 12 questions) on A4: its wide
breakdowns were 16 columns on a US Letter page, broken letter by letter ("Te/a/m") over 16 pages."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest
from docx.oxml.ns import qn
from docx.shared import Cm

from auditforms.collation.word_paper import CELL_PADDING_CM, CHAR_EM, TEXT_WIDTH_CM, column_widths, type_size

QUESTIONS = ["Q1 Risk", "Q2 Involvement", "Q3 Decision making", "Q4 Assessments", "Q5 Coordination between agencies",
             "Q6 Identity", "Q7 Plans", "Q8 Permanency", "Q9 Reviews", "Q10 Living arrangements", "Q11 Independence",
             "Q12 Overall rating"]


@pytest.fixture(scope="module")
def paper(october: Callable[..., Path]) -> Any:
    return docx.Document(str(october("docx")))


def test_every_page_is_a4(paper: Any) -> None:
    for section in paper.sections:
        assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
        assert section.page_width - section.left_margin - section.right_margin >= Cm(TEXT_WIDTH_CM) - Cm(0.01)


def test_no_table_is_wider_than_seven_columns_and_every_question_is_in_one(paper: Any) -> None:
    assert max(len(t.columns) for t in paper.tables) <= 7
    by_team = [t for t in paper.tables if t.rows[0].cells[0].text == "Team"]
    headers = [c.text for t in by_team for c in t.rows[0].cells]
    assert all(q in headers for q in QUESTIONS)


def test_rows_never_split_and_headers_repeat(paper: Any) -> None:
    for table in paper.tables:
        rows = table._tbl.tr_lst
        assert all(tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None for tr in rows)
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None


def test_columns_fit_the_page_and_no_word_is_broken() -> None:
    header = ["Team", *QUESTIONS[:6]]
    rows = [["Safeguarding and Support 1", *["100%†"] * 6]]
    points = type_size(header, rows)
    assert 8 <= points <= 9
    widths = column_widths(header, rows, points)
    assert sum(widths) == pytest.approx(TEXT_WIDTH_CM)
    char_cm = points * CHAR_EM * 2.54 / 72
    for width, texts in zip(widths, zip(header, *rows, strict=True), strict=True):
        longest = max(len(word) for text in texts for word in text.split())
        assert width >= longest * char_cm + CELL_PADDING_CM - 1e-9


@pytest.mark.libreoffice
def test_libreoffice_prints_it_on_a4_with_whole_words(october: Callable[..., Path], tmp_path: Path) -> None:
    from testsupport import libreoffice, require_binary

    pdf = libreoffice(tmp_path / "libreoffice").convert(october("docx"), "pdf", tmp_path)
    require_binary("pdftotext")
    info = subprocess.run([shutil.which("pdfinfo") or "pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True, timeout=60).stdout
    assert re.search(r"Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)", info), info
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) <= 12
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                          timeout=60).stdout.decode("utf-8")
    words = set(text.split())
    for title in ("Team", "Coordination", "Involvement", "Assessments", "Independence", "arrangements"):
        assert title in words, title
    assert len(re.findall(r"\bQ12\b", text)) >= 4 + 3  # four breakdowns, and the questions' three tables
