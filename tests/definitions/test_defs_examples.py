"""The example tools load, and their sub-sections, checklists and inputs inside questions work
through the pipeline: model, result schema and check, data dictionary, outline."""

from __future__ import annotations

from typing import Any

import pytest
from tests.definitions.examples_support import (
    CHECKLIST,
    CHECKLIST_ANSWERS,
    EXAMPLES,
    JOURNEY,
    JOURNEY_ANSWERS,
)

from auditforms.api import load_definition
from auditforms.language.loader import load_text
from auditforms.model.definition import Definition, SubSection
from auditforms.rules import Evaluator


def _audit(definition: Definition, answers: dict[str, Any]) -> dict[str, Any]:
    return {"format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": definition.id, "version": definition.version},
            "audit_id": "2026-03-0001", "status": "draft", "answers": answers}


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_every_example_validates_without_warnings(path) -> None:
    result = load_text(path.read_text(encoding="utf-8"), str(path), search_path=[path.parent])
    assert result.ok and not result.diagnostics, [d.format() for d in result.diagnostics]


def test_a_sub_section_is_answered_and_hides_its_questions_as_a_section_does() -> None:
    d = load_definition(JOURNEY)
    entry = d.index.entries["q1-1"]
    assert isinstance(entry.section, SubSection) and entry.section.id == "s1a"
    assert d.index.entries["s1a"].section.id == "journey"
    shown = Evaluator(d).session({"s1a": {"not_relevant": True}})
    assert not shown.shown("q1-1") and not shown.shown("q1-3-health-date")
    assert shown.shown("q1-4") and shown.shown("q1-5")  # q1-5 asks why, when the box is ticked
    assert not Evaluator(d).session({}).shown("q1-5")


def test_inputs_inside_a_question_are_indexed_under_it() -> None:
    d = load_definition(JOURNEY)
    assert d.index.entries["q1-2-seen"].parent_id == "q1-2"
    assert d.index.entries["q1-3-health-date"].revealed_by == ("q1-3-agencies", "health")
    q14 = d.index.node("q1-4")
    assert q14.part_order()[:2] == ("narratives", "judgement")
    assert d.index.node("q1-2-seen-on").type == "month"  # the month the child was last seen


def test_a_month_inside_a_question_is_checked_as_a_month() -> None:
    from auditforms.results.check import check_document

    d = load_definition(JOURNEY)
    findings = check_document(d, _audit(d, {**JOURNEY_ANSWERS, "q1-2-seen-on": "2026-02-10"}))
    assert [f.pointer for f in findings if f.is_error] == ["/answers/q1-2-seen-on"]


def test_a_checklist_answer_set_has_no_rank_and_its_criteria_are_questions() -> None:
    d = load_definition(CHECKLIST)
    scale = d.scale("yes-no-na")
    assert scale.is_checklist and scale.rank("yes") is None and scale.meets_good("yes") is None
    c1 = d.index.node("c1")
    assert c1.judgement.scale == "yes-no-na" and [n.id for n in c1.narratives] == ["evidence"]


@pytest.mark.parametrize(("path", "answers"), [(JOURNEY, JOURNEY_ANSWERS), (CHECKLIST, CHECKLIST_ANSWERS)],
                         ids=["journey", "checklist"])
def test_a_completed_example_checks_clean(path, answers) -> None:
    from auditforms.results.check import check_document

    d = load_definition(path)
    findings = check_document(d, _audit(d, answers))
    assert [f.format() for f in findings if f.is_error] == []


def test_a_wrong_checklist_answer_is_an_error() -> None:
    from auditforms.results.check import check_document

    d = load_definition(CHECKLIST)
    findings = check_document(d, _audit(d, {**CHECKLIST_ANSWERS, "c1": {"judgement": "exceeds-good"}}))
    assert any(f.is_error and "c1" in (f.pointer or "") for f in findings)


def test_the_data_dictionary_keeps_checklist_answers_apart_from_grades() -> None:
    from auditforms.results.dictionary_rows import DictionaryBuilder

    d = load_definition(CHECKLIST)
    rows = {r.path: r for r in DictionaryBuilder(d).rows()}
    assert rows["c1.judgement"].type == "checklist (yes-no-na)"
    assert rows["file.judgement"].type == "scale (grade)"
    assert rows["c1.evidence"].type == "textarea"


def test_a_customisation_reaches_into_sub_sections_checklists_and_question_fields() -> None:
    from tests.definitions.examples_support import ROOT

    text = """
id: custom-journey
extends: childs-journey
title: Customised
version: 1.0.0
changes:
  - add: {id: q1-1b, type: question, number: 1.1b, title: Was the threshold applied?}
    into: s1a
  - update: q1-2-seen
    set: {label: Was the child seen within five working days?}
  - remove: q1-3-agencies
"""
    result = load_text(text, "custom.yaml", search_path=[ROOT / "definitions" / "examples"])
    assert result.ok, [d.format() for d in result.diagnostics]
    d = result.definition
    assert d.index.entries["q1-1b"].section.id == "s1a"
    assert d.index.node("q1-2-seen").label == "Was the child seen within five working days?"
    assert "q1-3-agencies" not in d.index and "q1-3-health-date" not in d.index
    checklist = load_text("""
id: custom-checklist
extends: case-file-checklist
title: Customised
version: 1.0.0
changes:
  - add: {id: c6, number: "6", title: The plan is signed by the manager.}
    into: records
""", "custom.yaml", search_path=[ROOT / "definitions" / "examples"])
    assert checklist.ok, [d.format() for d in checklist.diagnostics]
    assert checklist.definition.index.node("c6").judgement.scale == "yes-no-na"


@pytest.mark.parametrize(("path", "answers"), [(JOURNEY, JOURNEY_ANSWERS), (CHECKLIST, CHECKLIST_ANSWERS)],
                         ids=["journey", "checklist"])
def test_the_final_copy_walks_sub_sections_checklists_and_question_fields(path, answers) -> None:
    from auditforms.renderers.final_copy.content import Heading, final_copy

    d = load_definition(path)
    copy = final_copy(d, _audit(d, answers))
    headings = [b.text for b in copy.blocks if isinstance(b, Heading)]
    texts = [t for b in copy.blocks if not isinstance(b, Heading) for row in b.rows for t in row]
    if path == JOURNEY:
        assert "1a Help and protection" in headings and "1.2 Was the child seen, and seen alone where " \
            "appropriate?" in headings  # numbers as written
        assert "Was the child seen within the timescale?" in texts
    else:
        assert "1. The chronology is up to date." in headings and "Not known" in texts


def test_comparing_checklist_answers_as_grades_is_an_error() -> None:
    from tests.definitions.examples_support import ROOT

    text = """
id: custom-checklist
extends: case-file-checklist
title: Customised
version: 1.0.0
rules:
  - id: compare
    message: Compared.
    assert: {field: c1.judgement, better_than: c2.judgement}
  - id: fine
    message: Answered yes.
    assert: {field: c1.judgement, in: ["yes", "n-a"]}
"""
    result = load_text(text, "custom.yaml", search_path=[ROOT / "definitions" / "examples"])
    assert [d.code for d in result.diagnostics] == ["AF304"]
    assert "not grades" in result.diagnostics[0].message and result.diagnostics[0].line == 9


def test_a_condition_can_name_a_sections_not_relevant_box() -> None:
    text = """
id: not-relevant-condition
title: Not relevant
version: 1.0.0
sections:
  - id: leaving-care
    title: Leaving care
    optional: true
    items:
      - {id: pathway, type: text, label: Pathway plan}
  - id: why
    title: Why
    items:
      - id: why-not
        type: textarea
        label: Why is leaving care not relevant?
        when: {field: leaving-care.not_relevant, is: true}
"""
    result = load_text(text, "nr.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    session = Evaluator(result.definition).session({"leaving-care": {"not_relevant": True}})
    assert session.shown("why-not") and not session.shown("pathway")
    bad = load_text(text.replace("optional: true", "optional: false"), "nr.yaml")
    assert [d.code for d in bad.diagnostics] == ["AF306"]


def test_the_final_copy_prints_the_rating_after_the_evidence_where_the_tool_does() -> None:
    from auditforms.renderers.final_copy.content import Pairs, final_copy

    d = load_definition(JOURNEY)
    copy = final_copy(d, _audit(d, JOURNEY_ANSWERS))
    q14 = [b for b in copy.blocks if isinstance(b, Pairs) and b.caption.startswith("1.4 ")]
    assert [label for block in q14 for label, _ in block.rows] == ["Evidence", "Impact on the child", "Judgement"]
    s1a = next(b for b in copy.blocks if isinstance(b, Pairs) and b.caption == "Grade for 1a")
    assert s1a.rows[0] == ("Judgement", "Good")  # a section's grade keeps its place


def test_the_final_copy_puts_a_questions_inputs_where_its_order_says() -> None:
    from auditforms.renderers.final_copy.content import Pairs, final_copy

    text = """
id: ordered
title: Ordered
version: 1.0.0
scales:
  - id: yn
    title: Met
    kind: checklist
    options: [{id: "yes", label: "Yes"}, {id: "no", label: "No"}]
sections:
  - id: s
    title: S
    items:
      - id: q
        type: question
        title: Seen?
        order: [fields, narratives, judgement]
        judgement: {scale: yn}
        narratives: [{id: evidence, label: Evidence}]
        fields: [{id: q-seen-on, type: month, label: Month last seen}]
"""
    result = load_text(text, "ordered.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    d = result.definition
    copy = final_copy(d, _audit(d, {"q": {"judgement": "yes", "evidence": "Seen."}, "q-seen-on": "2026-02"}))
    pairs = [b.rows for b in copy.blocks if isinstance(b, Pairs) and b.caption != "This record"]
    assert [[label for label, _ in rows] for rows in pairs] == [["Month last seen"], ["Evidence", "Judgement"]]
