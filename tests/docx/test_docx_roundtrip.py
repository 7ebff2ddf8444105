"""Render, fill every control as a person would in Word, extract, and compare."""

from __future__ import annotations

import pytest
from docx_answers import FAMILY, MODERATION, answers, moderation_as_extracted
from docx_helpers import add_rows, controls_for, fill
from docx_paths import KITCHEN_SINK

from auditforms.extract import extract_docx
from auditforms.results.check import check_document
from auditforms.rules import Evaluator, all_rules

EXTRA_FAMILY = [{"initials": "EF", "relationship": "Grandmother", "age": 70},
                {"initials": "GH", "relationship": "Sister", "age": 3}]
EXTRA_ACTIONS = [
    {"action": "Book a family meeting", "person": "Team manager", "completion-date": "2027-01-20",
     "sign-off-date": "2027-01-25"},
    {"action": "Check school attendance", "person": "Social worker", "completion-date": "2027-01-31"},
]


@pytest.fixture(scope="module")
def filled(render) -> bytes:
    """Every control answered, and rows added below the family and actions tables: one a copy of
    the last row (controls and all), one typed into plain cells (as Word's Insert Below gives)."""
    data = render(KITCHEN_SINK)
    wanted = answers()
    wanted["family"] = [*FAMILY, {}, {}, {}]  # the rendered blank rows stay blank
    values = {k: v for k, v in controls_for(wanted, MODERATION).items()}
    data = fill(data, values)
    extra = EXTRA_FAMILY
    data = add_rows(data, "family.",
                    copied=[[extra[0]["initials"], extra[0]["relationship"], str(extra[0]["age"])]],
                    typed=[[extra[1]["initials"], extra[1]["relationship"], str(extra[1]["age"])]])
    first, second = EXTRA_ACTIONS
    return add_rows(data, "actions.", copied=[list(first.values())],
                    typed=[[second["action"], second["person"], "31/01/2027", ""]])


def test_docx_round_trip_gives_back_every_answer(kitchen_sink, filled):
    document, diagnostics = extract_docx(kitchen_sink, filled, "C0412.docx")
    assert diagnostics == []
    history = document.pop("history")  # what the form tells of its lifecycle (tests/extract say what)
    assert [e["event"] for e in history] == ["moderated", "extracted"]
    expected = answers()
    expected["family"] = FAMILY + EXTRA_FAMILY
    expected["actions"] = expected["actions"] + EXTRA_ACTIONS
    assert document == {
        "format": "auditforms/completed-audit",
        "format_version": 1,
        "definition": {"id": "kitchen-sink", "version": "1.2.0"},
        "audit_id": "C0412",
        "status": "moderated",
        "answers": expected,
        "moderation": moderation_as_extracted(expected),
        "source": {"kind": "docx"},
    }


def test_docx_round_trip_passes_the_rules(kitchen_sink, filled):
    document, _ = extract_docx(kitchen_sink, filled, "C0412.docx")
    assert [d.format() for d in check_document(kitchen_sink, document, file="C0412.json")] == []


def test_docx_blank_form_reads_as_no_answers(kitchen_sink, render):
    document, diagnostics = extract_docx(kitchen_sink, render(KITCHEN_SINK), "blank.docx")
    assert diagnostics == []
    assert document["answers"] == {}
    assert document["status"] == "submitted"


def test_docx_prefilled_audit_id_is_read_back(kitchen_sink, render):
    data = render(KITCHEN_SINK, audit_id="2026-11-0412", prefill={"child-id": "C0412"})
    document, _ = extract_docx(kitchen_sink, data, "anything.docx")
    assert document["audit_id"] == "2026-11-0412"
    assert document["answers"] == {"child-id": "C0412"}


def test_docx_answers_to_parts_that_do_not_apply_are_kept_and_reported(kitchen_sink, render):
    data = fill(render(KITCHEN_SINK), controls_for({
        "uasc": "no", "uasc-age-assessment": {"judgement": "good"},
        "audited-previously": "no", "audited-previously-when": "2026-01-01"}))
    document, diagnostics = extract_docx(kitchen_sink, data, "f.docx")
    assert document["answers"] == {"audited-previously": "no", "audited-previously-when": "2026-01-01",
                                   "uasc": "no", "uasc-age-assessment": {"judgement": "good"}}
    assert [d.code for d in diagnostics] == ["AF712"]
    assert diagnostics[0].message.endswith("check ignores them: audited-previously-when, uasc-age-assessment")
    assert Evaluator(kitchen_sink).run(document["answers"], all_rules(kitchen_sink)) == [
        f for f in Evaluator(kitchen_sink).run({}, all_rules(kitchen_sink))]


def test_docx_not_relevant_section_is_reported_when_answered(kitchen_sink, render):
    data = fill(render(KITCHEN_SINK), controls_for({
        "age-band": "16-21", "care-leaving": {"not_relevant": True, "judgement": "good"},
        "pathway-plan": {"comments": "Written anyway"}}))
    document, diagnostics = extract_docx(kitchen_sink, data, "f.docx")
    assert document["answers"] == {"age-band": "16-21",
                                   "care-leaving": {"not_relevant": True, "judgement": "good"},
                                   "pathway-plan": {"comments": "Written anyway"}}
    assert [d.code for d in diagnostics] == ["AF712"]
    assert diagnostics[0].message.endswith("care-leaving, pathway-plan")


def test_docx_values_that_are_not_of_their_type_are_kept_and_reported(kitchen_sink, render):
    data = fill(render(KITCHEN_SINK), {"child-age": "seventeen", "audit-date": "2026-11-12"})
    document, diagnostics = extract_docx(kitchen_sink, data, "f.docx")
    assert document["answers"]["child-age"] == "seventeen"
    assert [(d.code, d.pointer) for d in diagnostics] == [("AF711", "/answers/child-age")]
    assert "seventeen" not in diagnostics[0].message


def test_docx_text_typed_beside_an_empty_box_is_read(kitchen_sink, render):
    from docx_helpers import type_beside

    data = type_beside(render(KITCHEN_SINK), "team", "Fictional Team South")
    data = type_beside(data, "actions.1.completion-date", "01/12/2026")
    data = fill(data, {"actions.1.action": "Review the plan", "actions.1.person": "Social worker"})
    document, diagnostics = extract_docx(kitchen_sink, data, "f.docx")
    assert diagnostics == []
    assert document["answers"] == {
        "team": "Fictional Team South",
        "actions": [{"action": "Review the plan", "person": "Social worker", "completion-date": "2026-12-01"}],
    }


def test_docx_tracked_deletions_are_not_read(kitchen_sink, render):
    import io

    import docx
    from docx.oxml import parse_xml
    from docx_helpers import sdts, tag_of

    data = fill(render(KITCHEN_SINK), {"team": "North"})
    document = docx.Document(io.BytesIO(data))
    sdt = next(s for s in sdts(document.element.body) if tag_of(s) == "team")
    content = sdt[-1]
    content.append(parse_xml(
        '<w:del xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:id="1" '
        'w:author="A" w:date="2026-11-12T00:00:00Z"><w:r><w:delText> South</w:delText></w:r></w:del>'))
    out = io.BytesIO()
    document.save(out)
    result, _ = extract_docx(kitchen_sink, out.getvalue(), "f.docx")
    assert result["answers"] == {"team": "North"}


def test_docx_deleted_and_foreign_controls_are_reported(kitchen_sink, render):
    import io

    import docx
    from docx_helpers import sdts, tag_of

    document = docx.Document(io.BytesIO(fill(render(KITCHEN_SINK), {"child-id": "C0412"})))
    body = document.element.body
    doomed = next(s for s in sdts(body) if tag_of(s) == "q1.impact")
    doomed.getparent().remove(doomed)
    stranger = next(s for s in sdts(body) if tag_of(s) == "team")
    stranger.find(".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tag").set(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val", "somebody-elses-tag")
    out = io.BytesIO()
    document.save(out)
    result, diagnostics = extract_docx(kitchen_sink, out.getvalue(), "f.docx")
    assert result["answers"] == {"child-id": "C0412"}
    messages = [d.message for d in diagnostics if d.code in {"AF710", "AF716"}]
    assert messages == [
        "1 control had been removed (deleted, or the form was saved as .doc or by another program), "
        "so the text left in its cell was read; check the answers of q1.impact",
        "1 control of the form is missing (deleted?): team",
        "1 control not recognised and ignored"]
