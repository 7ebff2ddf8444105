"""A compound field's parts carry roles (initials + date of birth in one cell), and everything
that looks a role up finds the part's answer: the sample's pre-fill, ``mentions_child``, the
monthly report's record, the action tracker and the dip sample's history."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tests.actions.actions_support import ACTION_PLAN_ITEM

from auditforms.language.loader import load_text
from auditforms.model.definition import Definition, FieldItem

TOOL = """
id: compound-roles
title: Compound roles
version: 1.0.0
scales:
  - id: grade
    title: Grade
    best: lowest
    options: [{id: good, label: Good, value: 1}, {id: poor, label: Poor, value: 2}]
sections:
  - id: details
    title: Case details
    completed_by: central
    items:
      - id: child
        type: compound
        label: Child
        parts:
          - {id: ref, type: text, label: Child ID, role: child_id}
          - {id: initials, type: text, label: Initials, role: child_initials}
          - {id: dob, type: date, label: Date of birth, role: date_of_birth}
      - id: audit
        type: compound
        label: Audit
        completed_by: auditor
        parts:
          - {id: by, type: text, label: Auditor, role: auditor}
          - {id: on, type: date, label: Date of audit, role: audit_date}
      - id: service
        type: compound
        label: Service
        parts:
          - {id: team, type: choice, label: Team, role: team,
             options: [{id: cin, label: Children in need}, {id: cic, label: Children in care}]}
  - id: practice
    title: Practice
    items:
      - id: q1
        type: question
        number: "1"
        title: Voice of the child
        judgement: {scale: grade}
        narratives: [{id: evidence, label: Evidence}]
""" + ACTION_PLAN_ITEM + """\
rules:
  - id: names-the-child
    severity: warning
    message: The evidence does not name the child.
    when: {field: q1.evidence, answered: true}
    assert: {field: q1.evidence, mentions_child: true}
"""

ANSWERS: dict[str, Any] = {
    "child": {"ref": "C100", "initials": "KM", "dob": "2015-04-01"},
    "audit": {"by": "A Auditor", "on": "2026-03-02"},
    "service": {"team": "cic"},
    "q1": {"judgement": "good", "evidence": "Visits were regular."},
    "plan": [{"a": "Update the plan.", "p": "Team manager", "d": "2026-04-01"}],
}


@pytest.fixture(scope="module")
def tool() -> Definition:
    result = load_text(TOOL, "compound-roles.yaml")
    assert result.ok, [d.format() for d in result.diagnostics]
    assert result.definition is not None
    return result.definition


def _audit(answers: dict[str, Any], status: str = "final") -> dict[str, Any]:
    return {"format": "auditforms/completed-audit", "format_version": 1,
            "definition": {"id": "compound-roles", "version": "1.0.0"}, "audit_id": "2026-03-0001",
            "status": status, "answers": answers}


def test_the_index_finds_a_parts_role_its_field_and_its_answer(tool) -> None:
    index = tool.index
    assert index.by_role("child_initials") == "child.initials"
    part = index.role_node("date_of_birth")
    assert isinstance(part, FieldItem) and part.label == "Date of birth"
    assert index.role_answer(ANSWERS, "child_id") == "C100"
    assert index.role_answer({"child": "not an object"}, "child_id") is None
    assert index.role_answer({}, "audit_date") is None
    assert index.role_node("overall_rating") is None


def test_the_sample_prefills_each_part_by_its_role(tool) -> None:
    from auditforms.sampling.prefill import prefill_for
    from auditforms.sampling.sample_file import SampleRow

    row = SampleRow(audit_id="a", child_id="C100", initials="KM", date_of_birth=dt.date(2015, 4, 1),
                    team="cic", auditor="A Auditor")
    answers, problems = prefill_for(tool, row)
    assert problems == []
    assert answers["child"] == {"ref": "C100", "initials": "KM", "dob": "2015-04-01"}
    assert answers["service"] == {"team": "cic"}
    assert answers["audit"] == {"by": "A Auditor"}  # the allocated auditor, in the auditor's part


def test_a_part_that_does_not_fit_is_left_blank_with_a_warning_naming_the_part(tool) -> None:
    from auditforms.sampling.prefill import prefill_for
    from auditforms.sampling.sample_file import SampleRow

    answers, problems = prefill_for(tool, SampleRow(audit_id="a", child_id="C1", team="Somewhere"))
    assert "service" not in answers
    assert [p.code for p in problems] == ["AF809"] and "(service.team)" in problems[0].message
    assert "Somewhere" not in problems[0].message


def test_mentions_child_reads_the_initials_part(tool) -> None:
    from auditforms.rules import Evaluator, all_rules

    def found(evidence: str) -> list[str]:
        answers = {**ANSWERS, "q1": {"judgement": "good", "evidence": evidence}}
        return [f.rule_id for f in Evaluator(tool).run(answers, all_rules(tool))]

    assert found("Visits were regular.") == ["names-the-child"]
    assert found("KM chose where the visits happen.") == []


def test_the_report_record_groups_by_the_parts(tool) -> None:
    from auditforms.collation.parts import judged_parts
    from auditforms.collation.record import RecordReader

    record = RecordReader(tool, judged_parts(tool)).read(_audit(ANSWERS), "fallback")
    assert record.child_id == "C100" and record.month == "2026-03"
    assert record.dimensions["team"] == ("Children in care",)


def test_the_action_tracker_names_the_child_team_and_date_from_the_parts(tool) -> None:
    from auditforms.actions.collect import collect

    (action,) = collect(tool, _audit(ANSWERS), file="a.json")
    assert (action.child_id, action.team, action.audit_date) == ("C100", "cic", dt.date(2026, 3, 2))
    assert action.owner == "Team manager"


def test_a_bad_audit_date_in_a_part_is_pointed_at_in_the_part(tool) -> None:
    from auditforms.actions.collect import collect_with_problems

    answers = {**ANSWERS, "audit": {"by": "A", "on": "2 March"}}
    collected = collect_with_problems(tool, _audit(answers), file="a.json")
    assert [p.pointer for p in collected.problems] == ["/answers/audit/on"]


def test_the_dip_sample_history_reads_the_child_id_part(tool) -> None:
    from auditforms.sampling.history import past_audit

    past, problem = past_audit(tool, _audit(ANSWERS), "a.json")
    assert problem is None and past is not None
    assert (past.child_id, past.date) == ("C100", dt.date(2026, 3, 2))


def test_the_data_dictionary_and_outline_show_a_parts_role(tool) -> None:
    from auditforms.outline import outline
    from auditforms.results.dictionary_rows import DictionaryBuilder

    rows = {r.path: r for r in DictionaryBuilder(tool).rows()}
    assert rows["child.initials"].role == "child_initials" and rows["child.dob"].role == "date_of_birth"
    assert "part Initials  [child.initials]  (text, role child_initials)" in outline(tool)


def test_a_role_given_to_a_part_and_to_a_field_is_given_twice() -> None:
    text = TOOL.replace("      - id: service\n", "      - {id: also-initials, type: text, label: Initials, "
                        "role: child_initials}\n      - id: service\n")
    result = load_text(text, "twice.yaml")
    assert [(d.code, d.line) for d in result.diagnostics] == [("AF308", text.splitlines().index(
        "      - {id: also-initials, type: text, label: Initials, role: child_initials}") + 1)]
    assert "child.initials" in result.diagnostics[0].message


def test_a_word_form_prefilled_by_part_roles_gives_the_parts_back(tool) -> None:
    from auditforms.extract import extract_docx
    from auditforms.renderers import RenderOptions, get_renderer
    from auditforms.sampling.prefill import prefill_for
    from auditforms.sampling.sample_file import SampleRow

    row = SampleRow(audit_id="2026-03-0001", child_id="C100", initials="KM", date_of_birth=dt.date(2015, 4, 1),
                    team="cic", auditor="A Auditor")
    prefill, _ = prefill_for(tool, row)
    data = get_renderer("docx").render(tool, RenderOptions(prefill=prefill, audit_id="2026-03-0001"))
    document, problems = extract_docx(tool, data, "form.docx")
    assert document is not None, [p.format() for p in problems]
    answers = document["answers"]
    assert answers["child"] == {"ref": "C100", "initials": "KM", "dob": "2015-04-01"}
    assert tool.index.role_answer(answers, "auditor") == "A Auditor"


def test_the_lookback_warning_points_at_the_child_id_part(tool) -> None:
    from auditforms.model.policies import Lookback
    from auditforms.results.lookback_history import lookback_findings

    looked_back = tool.model_copy(update={"lookback": Lookback(months=6)})
    found = lookback_findings(looked_back, ANSWERS, {"C100": [dt.date(2026, 1, 10)]}, "a.json")
    assert [(d.code, d.pointer) for d in found] == [("AF671", "/answers/child/ref")]
