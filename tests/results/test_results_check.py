"""check_document on the kitchen-sink tool: a valid audit, and one defect of every rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from results_paths import set_at
from tests.results.conftest import ROOT, found

import auditforms
from auditforms.rules import all_rules

Doc = dict[str, Any]


def test_the_fixture_audit_passes_without_findings(kitchen_sink, audit):
    assert found(kitchen_sink, audit) == []


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        set_at(doc, path, value)
    return change


def _drop(path: str) -> Callable[[Doc], None]:
    def change(doc: Doc) -> None:
        *parents, last = path.split("/")
        target: Any = doc
        for key in parents:
            target = target[key]
        del target[last]
    return change


def _many_actions(count: int) -> Callable[[Doc], None]:
    row = {"action": "Review the plan.", "person": "Social worker", "completion-date": "2026-12-20"}
    return _set("answers/actions", [dict(row) for _ in range(count)])


def _uasc_without_grade(doc: Doc) -> None:
    doc["answers"]["uasc"] = "yes"
    doc["answers"]["uasc-age-assessment"] = {"judgement": None, "comments": "Seen."}


def _care_leaver_without_grade(doc: Doc) -> None:
    doc["answers"]["age-band"] = "16-21"
    doc["answers"]["care-leaving"] = {"not_relevant": False, "impact": "Some impact."}


# (rule id, change, the one expected finding)
RULE_DEFECTS: list[tuple[str, Callable[[Doc], None], str]] = [
    ("child-id:required", _set("answers/child-id", " "),
     "error[AF640] Child's ID number: an answer is required (/answers/child-id)"),
    ("audit-date:required", _set("answers/audit-date", None),
     "error[AF640] Audit date: an answer is required (/answers/audit-date)"),
    ("auditor-name:required", _set("answers/auditor-name", ""),
     "error[AF640] Auditor name: an answer is required (/answers/auditor-name)"),
    ("q1:judgement-required", _set("answers/q1/judgement", None),
     "error[AF640] Q1 Risk: quality of child's experience is required (/answers/q1/judgement)"),
    ("q2:judgement-required", _set("answers/q2/judgement", None),
     "error[AF640] Q2 Decision making: quality of child's experience is required (/answers/q2/judgement)"),
    ("q2a:judgement-required", _set("answers/q2a", {"judgement": None}),
     "error[AF640] Q2a Is management oversight recorded?: recorded? is required (/answers/q2a/judgement)"),
    ("q3:judgement-required", _set("answers/q3/judgement", None),
     "error[AF640] Q3 Overall rating: quality of child's experience is required (/answers/q3/judgement)"),
    ("uasc-age-assessment:judgement-required", _uasc_without_grade,
     "error[AF640] Was an age assessment carried out in a fair way?: grade is required "
     "(/answers/uasc-age-assessment/judgement)"),
    ("care-leaving:judgement-required", _care_leaver_without_grade,
     "error[AF640] Section 3 Preparation for adulthood: grade is required (/answers/care-leaving/judgement)"),
    ("actions:action:required", _set("answers/actions/0/action", ""),
     "error[AF640] Agreed actions to achieve good outcomes for child, row 1: agreed Action (child) "
     "is required in every row (/answers/actions/0/action)"),
    ("actions:person:required", _set("answers/actions/1/person", " "),
     "error[AF640] Agreed actions to achieve good outcomes for child, row 2: person is required "
     "in every row (/answers/actions/1/person)"),
    ("actions:completion-date:required", _set("answers/actions/1/completion-date", None),
     "error[AF640] Agreed actions to achieve good outcomes for child, row 2: completion date is "
     "required in every row (/answers/actions/1/completion-date)"),
    ("actions:max-rows", _many_actions(9),
     "error[AF615] Agreed actions to achieve good outcomes for child has more than 8 rows or items; "
     "no more than 8 may be given (/answers/actions)"),
    ("evidence-when-judged", _set("answers/q1/evidence", ""),
     "error[AF642] Q1 Risk: evidence is required when a judgement is given (/answers/q1/evidence)"),
    ("impact-when-judged", _drop("answers/q3/impact"),
     "error[AF642] Q3 Overall rating: impact is required when a judgement is given (/answers/q3/impact)"),
    ("at-most-five-actions", _many_actions(6),
     "warning[AF642] Agreed actions to achieve good outcomes for child: except in highly unusual "
     "circumstances there should be no more than 5 actions (/answers/actions)"),
    ("completion-after-audit", _set("answers/actions/0/completion-date", "2026-11-12"),
     "error[AF642] Agreed actions to achieve good outcomes for child, row 1: the completion date "
     "should be after the audit date (/answers/actions/0/completion-date)"),
    ("overall-not-better-than-every-field", _set("answers/q3/judgement", "exceeds-good"),
     "warning[AF642] Q3 Overall rating: the overall rating is better than every field's judgement; "
     "the moderator should look at it (/answers/q3/judgement)"),
    ("audit-date-in-period", _set("answers/audit-date", "2026-10-31"),
     "error[AF642] Audit date: the audit date is outside the sample period (/answers/audit-date)"),
]


@pytest.mark.parametrize(("rule_id", "change", "expected"), RULE_DEFECTS, ids=[r[0] for r in RULE_DEFECTS])
def test_one_defect_of_each_rule_gives_exactly_its_message(kitchen_sink, audit, rule_id, change, expected):
    change(audit)
    assert found(kitchen_sink, audit) == [expected]


def test_every_rule_of_the_tool_has_a_defect_case(kitchen_sink):
    assert {r.id for r in all_rules(kitchen_sink)} == {rule_id for rule_id, _, _ in RULE_DEFECTS}


def test_rule_findings_name_their_rule_in_the_data(kitchen_sink, audit):
    from auditforms.results.check import check_document

    audit["answers"]["q1"]["evidence"] = ""
    (diagnostic,) = check_document(kitchen_sink, audit)
    assert dict(diagnostic.extra) == {"rule": "evidence-when-judged"}


def test_missing_answer_reported_once_by_the_schema_not_again_by_the_rule(kitchen_sink, audit):
    del audit["answers"]["child-id"]
    assert found(kitchen_sink, audit) == [
        "error[AF610] Child's ID number: an answer is required (/answers/child-id)"]


def test_a_question_object_without_its_judgement_is_reported_by_the_schema(kitchen_sink, audit):
    audit["answers"]["q2a"] = {}
    assert found(kitchen_sink, audit) == [
        "error[AF610] Q2a Is management oversight recorded?: recorded? is required (/answers/q2a/judgement)"]


def test_not_applicable_needs_no_evidence(kitchen_sink, audit):
    audit["answers"]["q2"] = {"judgement": "not-applicable"}
    assert found(kitchen_sink, audit) == []


def test_answers_of_hidden_parts_are_ignored(kitchen_sink, audit):
    # UASC module hidden (uasc: no): its ungraded question is not required and not checked
    audit["answers"]["uasc-age-assessment"] = {"judgement": None, "comments": ""}
    # follow-up hidden (legal status is not "other")
    audit["answers"]["legal-status-other"] = ""
    assert found(kitchen_sink, audit) == []


def test_a_section_marked_not_relevant_hides_its_questions(kitchen_sink, audit):
    audit["answers"]["age-band"] = "16-21"
    audit["answers"]["care-leaving"] = {"not_relevant": True, "judgement": "good"}
    audit["answers"]["pathway-plan"] = {"comments": ""}
    # The grade left behind is reported (AF670), never dropped silently; the blank is no answer.
    assert [f.split(" ")[0] for f in found(kitchen_sink, audit)] == ["warning[AF670]"]


def test_period_rule_is_silent_without_a_period(kitchen_sink, audit):
    from auditforms.rules import EvalContext

    audit["answers"]["audit-date"] = "2025-01-01"
    audit["answers"]["actions"] = []
    assert found(kitchen_sink, audit, EvalContext()) == []


def test_the_public_api_accepts_a_definition_path_and_dicts(audit):
    broken = dict(audit, status="unknown")
    report = auditforms.check(ROOT / "tests" / "fixtures" / "definitions" / "kitchen-sink.yaml",
                              [audit, broken], period="2026-11")
    assert [(r.file, r.passed) for r in report.results] == [("<audit 1>", True), ("<audit 2>", False)]
    assert report.to_json()["summary"]["failed"] == 1
