"""Small pieces: reading values, conditions in words, titles, and the package checks."""

from __future__ import annotations

import pytest

from auditforms.extract.package import clean_xml
from auditforms.extract.reader import Control
from auditforms.extract.slots import Slot, slot_for
from auditforms.extract.values import parse_date, read_value
from auditforms.model.definition import Option
from auditforms.renderers.docx.naming import AliasBook, shorten
from auditforms.renderers.docx.text import ConditionWords, clean

GRADES = (Option(id="good", label="Good"), Option(id="adequate", label="Adequate"))


def _text(text: str, kind: str = "text", **extra) -> Control:
    return Control(tag=None, alias=None, kind=kind, text=text, placeholder=False, **extra)


@pytest.mark.parametrize(("typed", "iso"), [
    ("12/11/2026", "2026-11-12"), ("2026-11-12", "2026-11-12"), ("1/2/2026", "2026-02-01"),
    ("12 November 2026", "2026-11-12"), ("12.11.2026", "2026-11-12"), ("31/02/2026", None),
    ("next week", None),
])
def test_docx_dates_are_read_the_british_way(typed, iso):
    assert parse_date(typed) == iso


def test_docx_date_control_falls_back_to_its_stored_date():
    control = _text("Tuesday", "date", full_date="2026-11-12T00:00:00Z")
    assert read_value(Slot("d", None, "date"), control).value == "2026-11-12"


def test_docx_placeholders_read_as_unanswered():
    assert read_value(Slot("t", None, "text"), _text("Click or tap here to enter text.")).value is None
    assert read_value(Slot("c", None, "choice", GRADES), _text("Choose an item.", "dropdown")).value is None
    assert read_value(Slot("t", None, "text"), _text("   ")).value is None


@pytest.mark.parametrize(("typed", "value", "doubtful"), [
    ("17", 17, False), ("2.5", 2.5, False), ("1,200", 1200, False), ("seventeen", "seventeen", True),
])
def test_docx_numbers(typed, value, doubtful):
    read = read_value(Slot("n", None, "number"), _text(typed))
    assert (read.value, read.doubtful) == (value, doubtful)


def test_docx_choices_match_labels_whatever_their_case():
    slot = Slot("g", None, "choice", GRADES)
    assert read_value(slot, _text("adequate", "dropdown")).value == "adequate"
    assert read_value(slot, _text(" GOOD ", "dropdown")).value == "good"
    unknown = read_value(slot, _text("Brilliant", "dropdown"))
    assert (unknown.value, unknown.doubtful) == ("Brilliant", True)


def test_docx_check_boxes_typed_into_plain_cells():
    slot = Slot("s", "not_relevant", "flag")
    assert read_value(slot, None, "\u2612").value is True
    assert read_value(slot, None, "").value is False


def test_docx_slots_follow_the_naming_scheme(kitchen_sink):
    assert slot_for(kitchen_sink, "q1.judgement").options[0].id == "exceeds-good"
    assert slot_for(kitchen_sink, "strand.care-leavers").option == "care-leavers"
    assert slot_for(kitchen_sink, "care-leaving.not_relevant").type == "flag"
    assert slot_for(kitchen_sink, "child-age").type == "number"
    assert slot_for(kitchen_sink, "_moderation.date").type == "date"
    assert slot_for(kitchen_sink, "q1.nonsense") is None
    assert slot_for(kitchen_sink, "no-such-id") is None


def test_docx_conditions_in_words(kitchen_sink):
    words = ConditionWords(kitchen_sink)
    section = next(s for s in kitchen_sink.sections if s.id == "care-leaving")
    assert words.describe(section.when) == "“Age band” is “16-21”"
    rule = next(r for r in kitchen_sink.rules if r.id == "audit-date-in-period")
    assert words.describe(rule.assert_) == (
        "“Audit date” is on or after the start of the sample period and "
        "“Audit date” is on or before the end of the sample period")
    rule = next(r for r in kitchen_sink.rules if r.id == "overall-not-better-than-every-field")
    assert words.describe(rule.assert_) == (
        "it is not the case that the judgement of “Q3 Overall rating” is better than all of "
        "the judgement of “Q1 Risk”, the judgement of “Q2 Decision making”")


def test_docx_titles_are_unique_and_short():
    book = AliasBook()
    assert [book.alias("Evidence:"), book.alias("Evidence"), book.alias("Evidence")] == [
        "Evidence", "Evidence (2)", "Evidence (3)"]
    assert len(shorten("word " * 100, 40)) <= 40


def test_docx_clean_removes_what_xml_cannot_hold():
    assert clean("a\x00b\x0bc\td\ne\ufffe") == "abc\td\ne"
    assert clean_xml(b"<a>x&#x1;y&#11;z&#x41;\x07</a>") == (b"<a>xyz&#x41;</a>", 3)


def test_docx_codes_are_documented():
    """docs/word-forms.md lists the catalogue word for word (the lead merges catalogues from it)."""
    from pathlib import Path

    from auditforms.extract import CATALOGUE

    page = (Path(__file__).resolve().parents[2] / "docs" / "word-forms.md").read_text(encoding="utf-8")
    errors = {"AF701", "AF702", "AF703", "AF704", "AF705", "AF706", "AF707", "AF715"}
    for code, summary in CATALOGUE.items():
        severity = "error" if code in errors else "warning"
        assert f"| {code} | {severity} | {summary} |" in page, code
