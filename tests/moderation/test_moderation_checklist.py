"""The moderator's checklist is data in the definition: which items apply to which part."""

from __future__ import annotations

import textwrap

import pytest
from tests.conftest import DEFINITIONS, KITCHEN_SINK

from auditforms.api import load_definition
from auditforms.language.loader import load_text
from auditforms.moderation import checklist_for, checklist_parts

SEED_HINTS = {
    "evidence-findings-of-fact": "Findings of fact related to the judgement field",
    "evidence-auditor-overview": "An auditor overview demonstrating professional analysis",
    "impact-child-to-life": "bring the child to life",
    "impact-what-it-means": "convey what the evidence and the associated judgement means for the child",
    "impact-consequences": "demonstrate an understanding of consequences",
    "actions-no-more-than-five": "no more than 5 recommendations for action",
    "actions-smart": "SMART and therefore deliverable and measurable",
    "improvement-positively-connoted": "the auditor has positively connoted the improvement",
}


@pytest.fixture(scope="module")
def torbay():
    return load_definition(DEFINITIONS / "torbay-full-audit.yaml")


def test_torbay_questions_get_the_evidence_impact_and_judgement_items(torbay) -> None:
    ids = [item.id for item in checklist_for(torbay, "q4")]
    assert ids == ["judgement-six-months", "improvement-positively-connoted", "evidence-findings-of-fact",
                   "evidence-auditor-overview", "evidence-sub-judgements", "impact-child-to-life",
                   "impact-what-it-means", "impact-consequences"]


def test_torbay_actions_get_the_actions_items(torbay) -> None:
    assert [i.id for i in checklist_for(torbay, "actions")] == [
        "actions-improve-to-good", "actions-no-more-than-five", "actions-smart"]


def test_fields_and_unknown_ids_have_no_checklist(torbay) -> None:
    assert checklist_for(torbay, "audit-date") == ()
    assert checklist_for(torbay, "header") == ()  # a section without an overall judgement
    assert checklist_for(torbay, "no-such-part") == ()


def test_torbay_wording_is_the_seed_hints(torbay) -> None:
    labels = {item.id: item.label for item in torbay.moderation.checklist}
    for item_id, words in SEED_HINTS.items():
        assert words in labels[item_id]


def test_torbay_parts_are_the_twelve_fields_and_the_actions(torbay) -> None:
    assert checklist_parts(torbay) == (*(f"q{n}" for n in range(1, 13)), "actions")


def test_customisations_inherit_the_checklist() -> None:
    uasc = load_definition(DEFINITIONS / "torbay-uasc.yaml")
    assert "uasc-age-assessment" in checklist_parts(uasc)
    neglect = load_definition(DEFINITIONS / "torbay-neglect-dip-sample.yaml")
    assert checklist_parts(neglect) == ("q1", "q2", "q4", "q7", "q12", "actions")


def test_multi_agency_checklist_is_for_section_grades_and_outcomes() -> None:
    tool = load_definition(DEFINITIONS / "multi-agency-children-in-care.yaml")
    parts = checklist_parts(tool)
    assert parts[0] == "ecm" and "assessment-decision-making" in parts
    assert tool.moderation.moderated is False


def test_a_tool_without_moderation_has_no_checklist() -> None:
    tool = load_definition(KITCHEN_SINK)
    assert tool.moderation is None
    assert checklist_parts(tool) == () and checklist_for(tool, "q1") == ()


BASE = """\
id: t
title: T
version: 1.0.0
scales:
  - {id: q, best: highest, options: [{id: good, label: Good, value: 2}]}
sections:
  - id: s
    title: S
    items:
      - {id: f, type: text, label: F}
      - {id: q1, type: question, title: Q1, judgement: {scale: q}}
moderation:
  checklist:
"""


@pytest.mark.parametrize(("items", "code", "fragment"), [
    ("    - {id: a, label: A, applies_to: q2}\n", "AF313", "'q2' is not a question, section or table"),
    ("    - {id: a, label: A, applies_to: f}\n", "AF313", "'f' takes no checklist"),
    ("    - {id: a, label: A, applies_to: s}\n", "AF313", "'s' takes no checklist"),
    ("    - {id: a, label: A, applies_to: q1}\n    - {id: a, label: B, applies_to: questions}\n",
     "AF301", "'a' is used twice"),
    ("    - {id: a, label: A}\n", "AF202", "applies_to"),
])
def test_bad_checklists_are_reported_where_they_are(items: str, code: str, fragment: str) -> None:
    result = load_text(BASE + items, "t.yaml")
    assert not result.ok
    found = [d for d in result.diagnostics if d.code == code]
    assert found and fragment in found[0].message, [d.format() for d in result.diagnostics]
    assert found[0].line >= 14


def test_a_deadline_gives_exactly_one_rule() -> None:
    text = BASE.replace("moderation:\n  checklist:\n", textwrap.dedent("""\
        moderation:
          deadline: {working_days_into_next_month: 10, working_days_after_submission: 5}
        """))
    assert not load_text(text, "t.yaml").ok


def test_the_html_form_is_given_every_moderated_part_and_its_checklist_once() -> None:
    from tests.conftest import DEFINITIONS

    from auditforms.api import load_definition
    from auditforms.moderation.form_data import moderation_payload

    data = moderation_payload(load_definition(DEFINITIONS / "torbay-full-audit.yaml"))
    parts = {p["id"]: p for p in data["parts"]}
    assert [p["id"] for p in data["parts"] if p["kind"] == "questions"] == [f"q{n}" for n in range(1, 13)]
    assert parts["q4"]["checklist"][:2] == ["judgement-six-months", "improvement-positively-connoted"]
    assert parts["actions"]["checklist"] == ["actions-improve-to-good", "actions-no-more-than-five", "actions-smart"]
    assert data["items"]["actions-smart"] == ["Actions: SMART and therefore deliverable and measurable", None]
    assert data["required"] is True
