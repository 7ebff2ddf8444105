"""The shipped tools' rules, run by the real evaluator on fictional audits.

Each test starts from an audit that passes every rule and changes one thing, so a finding can
only come from the rule under test. All names and details are invented.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from defs_support import load

from auditforms.rules import EvalContext, Evaluator, all_rules

PERIOD = EvalContext(period_start=dt.date(2026, 11, 1), period_end=dt.date(2026, 11, 30))
GRADED = {  # what the moderators' hints ask for, so that their advice stays quiet
    "evidence": ("There have been two recent assessments, both completed within timescales. Both were "
                 "shared with mother, which is positive; however, they do not analyse what the "
                 "information means for the child's safety."),
    "impact": ("For the child this means the plan rests on a partial picture, so she may wait longer "
               "for the help she needs."),
}


def findings(tool_id: str, answers: dict[str, Any], context: EvalContext = PERIOD) -> list[tuple]:
    definition = load(tool_id)
    found = Evaluator(definition, context).run(answers, all_rules(definition))
    return sorted((f.rule_id, f.severity, f.row) for f in found)


def torbay_audit() -> dict[str, Any]:
    answers: dict[str, Any] = {
        "auditor-name": "A. Auditor",
        "audit-date": "2026-11-12",
        "child-id": "C0001",
        "team": "Fictional Team",
        "audited-previously": "no",
        "age-band": "6-10",
        "strand": ["help-and-protection"],
        "worker-seen": "B. Worker, 10 November 2026",
        "actions": [
            {"action": "Update the assessment.", "person": "B. Worker", "completion-date": "2026-12-12"},
        ],
    }
    for n in range(1, 13):
        answers[f"q{n}"] = {"judgement": "meets-good", **GRADED}
    return answers


# -- Torbay full audit tool --------------------------------------------------------------------


def test_a_complete_torbay_audit_passes_every_rule() -> None:
    assert findings("torbay-full-audit", torbay_audit()) == []


@pytest.mark.parametrize("box", ["evidence", "impact"])
def test_evidence_and_impact_required_with_a_judgement(box: str) -> None:
    answers = torbay_audit()
    del answers["q5"][box]
    assert findings("torbay-full-audit", answers) == [(f"{box}-when-judged", "error", None)]


def test_not_applicable_needs_no_evidence_or_impact() -> None:
    answers = torbay_audit()
    answers["q11"] = {"judgement": "not-applicable"}
    assert findings("torbay-full-audit", answers) == []


def test_every_field_needs_a_judgement() -> None:
    answers = torbay_audit()
    answers["q8"] = {}
    assert findings("torbay-full-audit", answers) == [("q8:judgement-required", "error", None)]


def test_more_than_five_actions_is_a_warning_only() -> None:
    answers = torbay_audit()
    answers["actions"] = answers["actions"] * 6
    assert findings("torbay-full-audit", answers) == [("at-most-five-actions", "warning", None)]


@pytest.mark.parametrize("column", ["action", "person", "completion-date"])
def test_each_action_needs_its_person_and_completion_date(column: str) -> None:
    answers = torbay_audit()
    del answers["actions"][0][column]
    assert findings("torbay-full-audit", answers) == [(f"actions:{column}:required", "error", 0)]


@pytest.mark.parametrize("date", ["2026-11-12", "2026-10-01"])
def test_completion_date_after_the_audit_date(date: str) -> None:
    answers = torbay_audit()
    answers["actions"][0]["completion-date"] = date
    assert findings("torbay-full-audit", answers) == [("completion-after-audit", "error", 0)]


def test_overall_rating_better_than_every_field_is_flagged() -> None:
    answers = torbay_audit()
    answers["q12"]["judgement"] = "exceeds-good"
    assert findings("torbay-full-audit", answers) == [
        ("overall-not-better-than-every-field", "warning", None)]
    answers["q3"]["judgement"] = "exceeds-good"
    assert findings("torbay-full-audit", answers) == []


def test_not_applicable_fields_take_no_part_in_the_overall_comparison() -> None:
    answers = torbay_audit()
    for n in range(2, 12):
        answers[f"q{n}"] = {"judgement": "not-applicable"}
    answers["q1"]["judgement"] = "does-not-meet-good"
    answers["q12"]["judgement"] = "meets-good"
    assert findings("torbay-full-audit", answers) == [
        ("overall-not-better-than-every-field", "warning", None)]


@pytest.mark.parametrize(("date", "flagged"), [
    ("2026-11-01", False), ("2026-11-30", False), ("2026-10-31", True), ("2026-12-01", True)])
def test_audit_date_within_the_sample_period(date: str, flagged: bool) -> None:
    answers = torbay_audit()
    answers["audit-date"] = date
    answers["actions"][0]["completion-date"] = "2027-01-31"
    expected = [("audit-date-in-period", "error", None)] if flagged else []
    assert findings("torbay-full-audit", answers) == expected


def test_without_a_sample_period_the_period_rule_cannot_fire() -> None:
    answers = torbay_audit()
    answers["audit-date"] = "2020-01-01"
    assert findings("torbay-full-audit", answers, EvalContext()) == []


def test_when_previously_audited_is_asked_only_after_yes() -> None:
    evaluator = Evaluator(load("torbay-full-audit"))
    assert not evaluator.shown({"audited-previously": "no"}, "audited-previously-when")
    assert evaluator.shown({"audited-previously": "yes"}, "audited-previously-when")


# -- multi-agency children-in-care tool --------------------------------------------------------

GRADED_SECTIONS = ["assessment-decision-making", "planning-review", "health", "safety",
                   "enjoying-achieving", "contribution", "economic-well-being"]
GRADE_ONLY_SECTIONS = ["management-supervision", "recording"]


def multi_agency_audit() -> dict[str, Any]:
    answers: dict[str, Any] = {
        "child-safe": "Fictional answer.",
        "recommendations": "Fictional recommendation.",
        "last-reviewed": "2026-10-20",
        "child-initials": "AB",
        "case-id": "MA-0001",
        "care-episode-start": "2025-06-01",
        "ecm": {"being-healthy": {"evidence": "Fictional evidence.", "grade": "good"}},
        "overall-judgement": "good",
        "auditor": "C. Auditor, Health Visitor, Fictional Trust",
        "audit-date": "2026-11-12",
    }
    for section in GRADED_SECTIONS:
        answers[section] = {"judgement": "good", "impact": "AB has settled and says he feels safe."}
    for section in GRADE_ONLY_SECTIONS:
        answers[section] = {"judgement": "adequate"}
    return answers


def test_a_complete_multi_agency_audit_passes_every_rule() -> None:
    assert findings("multi-agency-children-in-care", multi_agency_audit()) == []


@pytest.mark.parametrize("section", GRADED_SECTIONS + GRADE_ONLY_SECTIONS)
def test_each_section_is_graded_unless_not_relevant(section: str) -> None:
    answers = multi_agency_audit()
    answers[section] = {}
    assert findings("multi-agency-children-in-care", answers) == [
        (f"{section}:judgement-required", "error", None)]
    answers[section] = {"not_relevant": True}
    assert findings("multi-agency-children-in-care", answers) == []


@pytest.mark.parametrize("section", GRADED_SECTIONS)
def test_a_graded_section_without_its_impact_is_a_warning(section: str) -> None:
    answers = multi_agency_audit()
    del answers[section]["impact"]
    assert findings("multi-agency-children-in-care", answers) == [
        (f"{section}-impact-with-grade", "warning", None)]


def test_an_outcome_with_evidence_needs_a_grade() -> None:
    answers = multi_agency_audit()
    answers["ecm"]["staying-safe"] = {"evidence": "Fictional evidence."}
    assert findings("multi-agency-children-in-care", answers) == [
        ("ecm-grade-with-evidence", "error", "staying-safe")]


def test_an_outcome_graded_without_evidence_is_a_warning() -> None:
    answers = multi_agency_audit()
    answers["ecm"]["making-a-positive-contribution"] = {"grade": "outstanding"}
    assert findings("multi-agency-children-in-care", answers) == [
        ("ecm-evidence-with-grade", "warning", "making-a-positive-contribution")]


def test_outcomes_not_relevant_to_the_agency_may_be_left_blank() -> None:
    answers = multi_agency_audit()
    answers["ecm"] = {}
    assert findings("multi-agency-children-in-care", answers) == []


@pytest.mark.parametrize("field", ["last-reviewed", "care-episode-start"])
def test_dates_cannot_be_after_the_date_of_audit(field: str) -> None:
    answers = multi_agency_audit()
    answers[field] = "2026-11-13"
    rule = {"last-reviewed": "last-reviewed-not-after-audit",
            "care-episode-start": "care-episode-not-after-audit"}[field]
    assert findings("multi-agency-children-in-care", answers) == [(rule, "error", None)]


@pytest.mark.parametrize("field", ["child-safe", "last-reviewed", "case-id", "child-initials",
                                   "overall-judgement", "auditor", "audit-date"])
def test_key_answers_are_required(field: str) -> None:
    answers = multi_agency_audit()
    del answers[field]
    found = findings("multi-agency-children-in-care", answers)
    assert (f"{field}:required", "error", None) in found
