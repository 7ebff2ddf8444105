"""The moderator's advice in ``check``: one test per advice, asserting the message.

Each test changes one thing in a realistic fictional audit that passes with no finding, so
the message can only come from the advice under test. Messages name the tool's questions,
labels and counts, never an answer.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from moderation_support import (
    DEFINITIONS,
    changed,
    docs_example,
    ellie,
    finalised,
    messages,
    multi_agency,
    riley,
    tool,
    torbay_audits,
)

from auditforms.results.check import check, make_context

TORBAY = tool("torbay-full-audit")
TORBAY_PATH = DEFINITIONS / "torbay-full-audit.yaml"
MULTI = tool("multi-agency-children-in-care")


@pytest.mark.parametrize("name", ["sam", "ellie", "riley"])
def test_ordinary_good_torbay_audits_get_no_advice(name: str) -> None:
    assert messages(TORBAY, torbay_audits()[name]) == []


def test_an_ordinary_good_multi_agency_audit_gets_no_advice() -> None:
    assert messages(MULTI, multi_agency()) == []


def test_the_overall_rating_may_not_be_not_applicable() -> None:
    audit = ellie()
    audit["answers"]["q12"] = {"judgement": "not-applicable"}
    assert messages(TORBAY, audit) == [
        "error[AF642] Q12 Overall rating: the overall audit rating cannot be Not applicable; judge how the "
        "help provided has improved outcomes (/answers/q12/judgement)"]


def test_a_field_not_meeting_good_needs_an_agreed_action() -> None:
    audit = riley()
    audit["answers"]["actions"] = []
    advice = ("judged “Does not meet good” but no action is agreed; the actions should address explicitly "
              "what is required to ensure that the child’s experiences of services are improved to good or "
              "better")
    assert messages(TORBAY, audit) == [
        f"warning[AF642] Q1 Risk: {advice} (/answers/q1/judgement)",
        f"warning[AF642] Q3 Decision making: {advice} (/answers/q3/judgement)",
        f"warning[AF642] Q12 Overall rating: {advice} (/answers/q12/judgement)"]


def test_an_overall_judgement_below_good_needs_a_recommendation() -> None:
    audit = multi_agency()
    audit["answers"]["overall-judgement"] = "adequate"
    del audit["answers"]["recommendations"]
    assert messages(MULTI, audit) == [
        "warning[AF642] Overall judgement on quality of work: the overall judgement is “3= Adequate” but no "
        "recommendation says how work on this case can be improved (/answers/overall-judgement)"]


def test_a_section_below_good_needs_a_recommendation() -> None:
    audit = multi_agency()
    audit["answers"]["recording"] = {"judgement": "inadequate"}
    del audit["answers"]["recommendations"]
    assert messages(MULTI, audit) == [
        "warning[AF642] Section 10 Recording: graded “4 = Inadequate” but no recommendation says how work on "
        "this case can be improved (/answers/recording/judgement)"]


def test_more_than_five_actions_are_counted() -> None:
    audit = ellie()
    audit["answers"]["actions"] = audit["answers"]["actions"] * 3
    assert messages(TORBAY, audit) == [
        "warning[AF642] Agreed actions to achieve good outcomes for child: 6 actions; except in highly "
        "unusual circumstances there should be no more than 5 recommendations for action (/answers/actions)"]


def test_a_sign_off_date_before_the_audit_date() -> None:
    audit = ellie()
    audit["answers"]["actions"][1]["sign-off-date"] = "2026-11-01"
    assert messages(TORBAY, audit) == [
        "warning[AF642] Agreed actions to achieve good outcomes for child, row 2: the manager’s sign off date "
        "is before the audit date (/answers/actions/1/sign-off-date)"]


def test_a_completion_date_before_the_audit_date() -> None:
    audit = ellie()
    audit["answers"]["actions"][0]["completion-date"] = "2026-11-10"
    assert messages(TORBAY, audit) == [
        "error[AF642] Agreed actions to achieve good outcomes for child, row 1: the completion date of an "
        "action should be after the audit date (/answers/actions/0/completion-date)"]


def test_the_report_shared_with_the_team_manager_before_the_audit() -> None:
    audit = ellie()
    audit["answers"]["date-shared"] = "2026-11-10"
    assert messages(TORBAY, audit) == [
        "warning[AF642] Date Report shared with Team Manager: the report is dated as shared with the Team "
        "Manager before the audit date (/answers/date-shared)"]


def test_the_moderation_date_before_the_audit_date_is_an_error() -> None:
    audit = docs_example()
    audit["moderation"]["date"] = "2026-11-05"
    audit["history"] = []
    assert messages(TORBAY, audit) == [
        "error[AF630] Moderation record: the moderation date is before the audit date (/moderation/date)"]


def test_last_reviewed_after_the_audit_date_is_an_error() -> None:
    audit = multi_agency()
    audit["answers"]["last-reviewed"] = "2026-11-20"
    assert messages(MULTI, audit) == [
        "error[AF642] When was the case last reviewed?: the date the case was last reviewed is after the "
        "date of audit (/answers/last-reviewed)"]


def test_answers_to_hidden_parts_are_reported_not_dropped() -> None:
    audit = ellie()
    audit["answers"]["audited-previously-when"] = "2026-01-05"
    assert messages(TORBAY, audit) == [
        "warning[AF670] If Yes, when?: answered, but not shown in this audit because it is asked only when "
        "“Audited previously?” is “YES”; the answer is kept but not counted (/answers/audited-previously-when)"]


def test_answers_in_a_module_that_is_not_shown_are_reported() -> None:
    audit = changed(ellie())
    audit["definition"] = {"id": "torbay-uasc", "version": "1.0.0"}
    audit["answers"]["uasc"] = "no"
    audit["answers"]["uasc-age-assessment"] = {"judgement": "meets-good"}
    assert messages(tool("torbay-uasc"), audit) == [
        "warning[AF670] QU1 Age assessment: answered, but not shown in this audit because its section "
        "“Unaccompanied asylum-seeking children” is not shown; the answer is kept but not counted "
        "(/answers/uasc-age-assessment)"]


def test_a_child_audited_within_the_look_back_by_its_own_answers() -> None:
    audit = riley()
    audit["answers"]["audited-previously-when"] = "2026-06-01"
    assert messages(TORBAY, audit) == [
        "warning[AF642] If Yes, when?: the child was audited within the 6 months before the audit date; the "
        "sample is of children who have not been audited within the past 6 months "
        "(/answers/audited-previously-when)"]


def test_a_child_audited_within_the_look_back_by_the_sample_history() -> None:
    history = [("C0788", dt.date(2026, 7, 2)), ("C0788", dt.date(2026, 11, 17)),
               ("C0001", dt.date(2026, 9, 1))]
    report = check(TORBAY, [ellie()], period="2026-11", today=dt.date(2026, 11, 30), history=history)
    assert [d.format() for d in report.diagnostics] == [
        "<audit 1>: warning[AF671] the sample's history records this child audited once in the 6 months "
        "before the audit date (the look-back, 2026-05-18 to 2026-11-16); the sample is of children not "
        "audited within it (/answers/child-id)"]
    older = [("C0788", dt.date(2026, 5, 17))]
    assert check(TORBAY, [ellie()], period="2026-11", history=older).diagnostics == []


def test_check_reads_the_history_csv(tmp_path, run_cli) -> None:
    history = tmp_path / "history.csv"
    history.write_text("Child ID,Audit date\nC0788,02/07/2026\n", encoding="utf-8")
    audit = tmp_path / "ellie.json"
    audit.write_text(json.dumps(ellie()), encoding="utf-8")
    result = run_cli("check", str(TORBAY_PATH), str(audit), "--period", "2026-11", "--today", "2026-11-30",
                     "--history", str(history))
    assert result.exit_code == 0, result.output
    assert "warning[AF671] the sample's history records this child audited once" in result.output


@pytest.mark.parametrize(("box", "words", "message"), [
    ("evidence", "Assessment done on time.", "the evidence has 4 words, too few to hold findings of fact, "
     "an auditor overview and sub-judgements (at least 25 words)"),
    ("impact", "Ellie is happier now.", "the impact has 4 words, too few to bring the child to life, convey "
     "what the evidence means for the child and show the consequences (at least 15 words)"),
])
def test_narratives_too_thin(box: str, words: str, message: str) -> None:
    audit = ellie()
    audit["answers"]["q4"][box] = words
    assert messages(TORBAY, audit) == [f"warning[AF642] Q4 Assessments: {message} (/answers/q4/{box})"]


@pytest.mark.parametrize("impact", [
    "The plan was updated promptly and reviewed at every core group, which has reduced drift and delay.",
    "The CP plan and the IRO's oversight are now consistent, so reviews happen on time and decisions hold.",
])
def test_an_impact_that_never_refers_to_the_child(impact: str) -> None:
    audit = ellie()
    audit["answers"]["q7"]["impact"] = impact
    assert messages(TORBAY, audit) == [
        "warning[AF642] Q7 Plans: the impact never refers to the child; impact statements should bring the "
        "child to life (/answers/q7/impact)"]


@pytest.mark.parametrize("impact", [
    "KM now sleeps through the night and attends nursery every morning without distress or delay.",
    "The young person now attends college three days a week and keeps to the plan agreed with carers.",
    "Since the plan changed, the baby has gained weight steadily and feeds well at every mealtime here.",
    "They now spend every weekend with grandparents, which the plan agreed and which is going very well.",
])
def test_an_impact_referring_to_the_child_in_other_ways_is_quiet(impact: str) -> None:
    audit = ellie()
    audit["answers"]["q7"]["impact"] = impact
    assert messages(TORBAY, audit) == []


def test_the_initials_the_tool_records_count_as_the_child() -> None:
    audit = multi_agency()
    audit["answers"]["safety"]["impact"] = "Since the move Jt has stayed at home every night this year."
    assert messages(MULTI, audit) == []
    audit["answers"]["safety"]["impact"] = "Since the move nobody has gone missing this year."
    assert messages(MULTI, audit) == [
        "warning[AF642] Section 5 Staying Safe: the impact on the child never refers to the child "
        "(/answers/safety/impact)"]


def test_an_impact_copied_from_the_evidence() -> None:
    audit = ellie()
    audit["answers"]["q4"]["impact"] = audit["answers"]["q4"]["evidence"]
    assert messages(TORBAY, audit) == [
        "warning[AF642] Q4 Assessments: the impact repeats the evidence; it should convey what the evidence "
        "and the associated judgement means for the child (/answers/q4/impact)"]


def test_an_impact_holding_the_whole_evidence_is_a_copy() -> None:
    audit = ellie()
    q4 = audit["answers"]["q4"]
    q4["impact"] = q4["evidence"].upper() + " Ellie is calmer."
    assert messages(TORBAY, audit) == [
        "warning[AF642] Q4 Assessments: the impact repeats the evidence; it should convey what the evidence "
        "and the associated judgement means for the child (/answers/q4/impact)"]


def test_a_moderated_judgement_equal_to_the_auditors() -> None:
    audit = docs_example()
    audit["moderation"]["judgements"] = {"q4": "meets-good"}
    assert messages(TORBAY, audit) == [
        "warning[AF632] moderated judgement for Q4 Assessments: “Meets good” is the auditor's judgement too; "
        "record a moderated judgement only where you disagree (list the part under agreed instead) "
        "(/moderation/judgements/q4)"]


def test_a_judgement_the_auditor_took_from_the_moderator_is_not_advice() -> None:
    audit = docs_example()
    audit["answers"]["q12"]["judgement"] = "does-not-meet-good"  # the auditor took the moderator's
    audit["moderation"]["auditor_judgements"] = {"q12": "meets-good"}
    finalised(audit)
    audit["history"].append({"event": "finalised", "role": "auditor", "name": "A. Auditor",
                             "at": "2026-11-26T09:00:00Z"})
    assert messages(TORBAY, audit) == []


def test_the_overall_rating_better_than_every_field() -> None:
    audit = riley()
    audit["answers"]["q12"]["judgement"] = "exceeds-good"
    assert messages(TORBAY, audit) == [
        "warning[AF642] Q12 Overall rating: the overall rating (Exceeds good) is better than the judgement of "
        "every other field; the moderator should look at it (/answers/q12/judgement)"]


def test_the_selector_counts_a_customisation_s_own_questions() -> None:
    audit = changed(ellie())
    audit["definition"] = {"id": "torbay-uasc", "version": "1.0.0"}
    audit["answers"]["uasc"] = "yes"
    for n in range(1, 12):
        audit["answers"][f"q{n}"] = {"judgement": "not-applicable"}
    question = {"evidence": ellie()["answers"]["q4"]["evidence"], "impact": ellie()["answers"]["q4"]["impact"]}
    for qid in ("uasc-age-assessment", "uasc-asylum-status", "uasc-dual-planning", "uasc-family-members",
                "uasc-trafficking"):
        audit["answers"][qid] = {"judgement": "does-not-meet-good", **question}
    found = [m for m in messages(tool("torbay-uasc"), audit) if "better than" in m]
    assert found == [
        "warning[AF642] Q12 Overall rating: the overall rating (Meets good) is better than the judgement of "
        "every other field; the moderator should look at it (/answers/q12/judgement)"]


def test_the_multi_agency_overall_judgement_better_than_every_section() -> None:
    audit = multi_agency()
    audit["answers"]["overall-judgement"] = "outstanding"
    assert messages(MULTI, audit) == [
        "warning[AF642] Overall judgement on quality of work: the overall judgement (1= Outstanding) is "
        "better than the grade of every section; the moderator should look at it "
        "(/answers/overall-judgement)"]


def test_no_message_quotes_an_answer() -> None:
    secret = "Zebedee-Quirk"
    audit = riley()
    for qid in ("q1", "q2", "q3", "q4", "q12"):
        audit["answers"][qid]["impact"] = f"{secret} words"
    audit["answers"]["actions"] = []
    found = messages(TORBAY, audit, make_context(period="2026-11"))
    assert found and not any(secret in m for m in found)

