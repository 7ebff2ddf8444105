"""The new answer types in Word: a month typed as people write it, e-mail, telephone and a
number with its unit read back by ``extract``; grade descriptors a paragraph a line with no
doubled full stop; guides printed with their address; and real LibreOffice re-saving it."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx_helpers import controls_for, fill, text_dump

from auditforms.api import load_definition
from auditforms.extract import extract_docx
from auditforms.extract.slots import Slot
from auditforms.extract.values import read_value

ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ROOT / "definitions" / "examples" / "answers-care-leavers.yaml"
TYPED = {"audit-date": "2026-11-12", "care-leaver": "yes", "last-review": "03/2026", "attendance": "87.5",
         "worker-email": "pa@example.org", "worker-telephone": "01234 567890",
         "young-person": {"initials": "SB", "date-of-birth": "2008-05-17"},
         "short-breaks": {"offered": "yes", "accepted": "no", "nights": "2"},
         "q1": {"judgement": "good", "evidence": "The plan was reviewed in March.",
                "impact": "Sam knows where they will live."}}
EXPECTED = {**TYPED, "last-review": "2026-03", "attendance": 87.5,
            "short-breaks": {"offered": "yes", "accepted": "no", "nights": 2}}


@pytest.fixture(scope="module")
def tool():
    return load_definition(ANSWERS)


@pytest.fixture(scope="module")
def filled(render) -> bytes:
    return fill(render(ANSWERS), controls_for(TYPED))


@pytest.mark.parametrize(("typed", "read"), [("03/2026", "2026-03"), ("3/2026", "2026-03"), ("March 2026", "2026-03"),
                                             ("2026-03", "2026-03"), ("Mar 2026", "2026-03")])
def test_a_month_is_read_as_people_write_it(typed: str, read: str) -> None:
    assert read_value(Slot("m", None, "month"), None, typed).value == read


def test_a_month_that_is_not_one_is_kept_as_text_and_doubted() -> None:
    got = read_value(Slot("m", None, "month"), None, "spring")
    assert (got.value, got.doubtful) == ("spring", True)


def test_extract_reads_every_answer_type(tool, filled) -> None:
    document, diagnostics = extract_docx(tool, filled, "filled.docx")
    assert document is not None, [d.format() for d in diagnostics]
    assert document["answers"] == EXPECTED
    assert not [d for d in diagnostics if d.is_error]


def test_word_form_prints_descriptors_guides_and_formats(render) -> None:
    text = text_dump(render(ANSWERS))
    assert "Good: The plan is up to date and reviewed within timescales." in text
    assert "the young person knows who their worker is" in text
    assert "Good, only if “Is the young person a care leaver?” is “Yes”: In addition for care leavers" in text
    assert "Guide: Fictional guide to pathway plans (https://example.org/guides/pathway-plans)" in text
    assert "Guide: Fictional practice standards (https://example.org/practice-standards)" in text
    assert "Guide: Fictional leaving care procedures (https://example.org/procedures/leaving-care)" in text
    assert "Month and year, for example 03/2026." in text and "A number, in %." in text
    assert "Offered:" in text and "Nights a month (nights):" in text
    assert ".." not in text.replace("...", "")


@pytest.mark.libreoffice
def test_libreoffice_resave_extracts_the_same_answers(tool, filled, libreoffice, tmp_path) -> None:
    source = tmp_path / "filled.docx"
    source.write_bytes(filled)
    resaved = libreoffice.convert(source, "docx")
    document, diagnostics = extract_docx(tool, resaved.read_bytes(), str(resaved))
    assert document is not None, [d.format() for d in diagnostics]
    assert document["answers"] == EXPECTED
