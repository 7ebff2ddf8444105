"""The customised tools (``extends``): what they add, keep and leave out, and when modules show."""

from __future__ import annotations

from typing import Any

import pytest
from defs_support import DEFINITIONS, load, question_pieces, texts
from seed_wording import UASC_QUESTIONS, normalise

from auditforms.model.conditions import Judgements
from auditforms.model.definition import Question
from auditforms.rules import Evaluator, all_rules


def shown(tool_id: str, answers: dict[str, Any], item_id: str) -> bool:
    return Evaluator(load(tool_id)).shown(answers, item_id)


@pytest.mark.parametrize(
    ("tool_id", "parent"),
    [
        ("torbay-uasc", "torbay-full-audit"),
        ("torbay-disabled-children", "torbay-full-audit"),
        ("torbay-neglect-dip-sample", "torbay-full-audit"),
        ("multi-agency-brief", "multi-agency-children-in-care"),
    ],
)
def test_questions_kept_from_the_parent_are_unchanged(tool_id: str, parent: str) -> None:
    base = load(parent)
    kept = [q for q in load(tool_id).index.questions() if q.id in base.index]
    assert kept, "a customisation keeps some of its parent's questions"
    for question in kept:
        original = base.index.node(question.id)
        assert question_pieces(question) == question_pieces(original)
        assert question.judgement == original.judgement
        assert question.narratives == original.narratives


# -- unaccompanied asylum-seeking children -------------------------------------------------------


def test_uasc_header_question_and_module() -> None:
    definition = load("torbay-uasc")
    uasc = definition.index.node("uasc")
    assert (uasc.type, uasc.label) == ("yesno", "Is the child an unaccompanied asylum-seeking child?")
    assert definition.index.entries["uasc"].section.id == "header"
    assert uasc.completed_by == "central"
    assert not shown("torbay-uasc", {"uasc": "no"}, "uasc-module")
    assert not shown("torbay-uasc", {}, "uasc-asylum-status")
    assert shown("torbay-uasc", {"uasc": "yes"}, "uasc-asylum-status")


@pytest.mark.parametrize("wording", UASC_QUESTIONS)
def test_uasc_module_asks_the_multi_agency_questions_verbatim(wording: str) -> None:
    module = load("torbay-uasc").index.entries["uasc-module"].node
    pieces = [p for q in module.items for p in question_pieces(q)]
    assert normalise(wording) in pieces
    assert any(normalise(wording) in t for t in texts(load("multi-agency-children-in-care")))


@pytest.mark.parametrize(("tool_id", "module"), [
    ("torbay-uasc", "uasc-module"), ("torbay-disabled-children", "disability-module")])
def test_modules_are_judged_on_torbays_scale_with_its_boxes(tool_id: str, module: str) -> None:
    definition = load(tool_id)
    q1 = definition.index.node("q1")
    for question in definition.index.entries[module].node.items:
        assert question.judgement == q1.judgement
        assert question.narratives == q1.narratives


def test_uasc_module_rules_apply_only_when_it_is_shown() -> None:
    definition = load("torbay-uasc")
    rules = [r for r in all_rules(definition) if r.id != "overall-rating-graded"]  # Q12 is N/A here
    base = {f"q{n}": {"judgement": "not-applicable"} for n in range(1, 13)}
    header = {"auditor-name": "A. Auditor", "audit-date": "2026-11-12", "child-id": "C0002",
              "team": "Fictional Team", "age-band": "16-21"}
    no = Evaluator(definition).run({**base, **header, "uasc": "no"}, rules)
    assert no == []
    yes = Evaluator(definition).run({**base, **header, "uasc": "yes",
                                     "uasc-dual-planning": {"judgement": "meets-good"}}, rules)
    ids = sorted(f.rule_id for f in yes)
    assert ids == sorted([
        "uasc-age-assessment:judgement-required", "uasc-asylum-status:judgement-required",
        "uasc-family-members:judgement-required", "uasc-trafficking:judgement-required",
        "evidence-when-judged", "impact-when-judged"])


# -- children with disability ------------------------------------------------------------------


@pytest.mark.parametrize(("answers", "expected"), [
    ({}, False),
    ({"disabled-child": "no"}, False),
    ({"disabled-child": "yes"}, True),
    ({"disabled-child": "no", "strand": ["disability"]}, True),
    ({"strand": ["help-and-protection"]}, False),
])
def test_disability_module_shows_for_a_disabled_child(answers: dict[str, Any], expected: bool) -> None:
    assert shown("torbay-disabled-children", answers, "dc-voice") is expected


@pytest.mark.parametrize(("band", "expected"), [("6-10", False), ("11-15", True), ("16-21", True)])
def test_preparation_for_adulthood_is_asked_of_older_children(band: str, expected: bool) -> None:
    answers = {"disabled-child": "yes", "age-band": band}
    assert shown("torbay-disabled-children", answers, "dc-adulthood") is expected


def test_disability_questions_are_judged_like_torbays() -> None:
    definition = load("torbay-disabled-children")
    module = definition.index.entries["disability-module"].node
    assert [q.number for q in module.items] == ["D1", "D2", "D3", "D4", "D5"]
    for question in module.items:
        assert isinstance(question, Question) and question.judgement is not None
        assert question.judgement.scale == "quality" and question.title and question.prompt


# -- neglect dip sample ------------------------------------------------------------------------


def test_neglect_dip_sample_is_a_brief_themed_version() -> None:
    definition = load("torbay-neglect-dip-sample")
    assert "neglect" in definition.title.lower()
    assert definition.guidance is not None and "neglect" in definition.guidance.lower()
    assert [q.id for q in definition.index.questions()] == ["q1", "q2", "q4", "q7", "q12"]
    assert definition.index.by_role("overall_rating") == "q12"
    assert "neglect" in (definition.index.node("q1").guidance or "")
    assert "neglect" in question_pieces(definition.index.node("q1"))


def test_neglect_dip_sample_overall_rule_compares_only_the_kept_fields() -> None:
    definition = load("torbay-neglect-dip-sample")
    rule = next(r for r in definition.rules if r.id == "overall-not-better-than-every-field")
    assert rule.assert_.not_.better_than_all.judgements == "questions"  # a selector, not a list
    selected = Evaluator(definition).selected("q12", "quality", Judgements(judgements="questions"))
    assert selected == ("q1.judgement", "q2.judgement", "q4.judgement", "q7.judgement")


# -- brief multi-agency tool -------------------------------------------------------------------


def test_brief_multi_agency_tool_keeps_the_selected_sections_whole() -> None:
    brief, full = load("multi-agency-brief"), load("multi-agency-children-in-care")
    assert [s.id for s in brief.sections] == [
        "key-questions", "ecm-outcomes", "case-details", "assessment-decision-making",
        "planning-review", "safety", "conclusion"]
    for section in brief.sections:
        assert section == full.index.entries[section.id].node
    assert brief.marking == full.marking and brief.scales == full.scales


def test_the_disability_module_is_marked_as_auditforms_wording() -> None:
    opening = (DEFINITIONS / "torbay-disabled-children.yaml").read_text(encoding="utf-8")
    comment = "\n".join(line for line in opening.splitlines() if line.startswith("#"))
    assert "AUDITFORMS WORDING" in comment
    module = load("torbay-disabled-children").index.entries["disability-module"].node
    seed_texts = texts(load("torbay-full-audit")) + texts(load("multi-agency-children-in-care"))
    for question in module.items:
        assert not any(question.title in t for t in seed_texts), "claims no seed wording"
