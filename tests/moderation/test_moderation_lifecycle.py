"""The lifecycle draft → submitted → moderated → final, as the history records it.

``check`` refuses impossible histories with located messages; what a history implies is
pure data (:mod:`auditforms.moderation.lifecycle`).
"""

from __future__ import annotations

from typing import Any

import pytest
from moderation_support import docs_example, finalised, messages, multi_agency, tool

from auditforms.moderation.lifecycle import history_problems, read_steps, status_after

TORBAY = tool("torbay-full-audit")


def step(event: str, at: str, role: str = "auditor") -> dict[str, Any]:
    return {"event": event, "role": role, "name": "A. Person", "at": at}


SUBMITTED = step("submitted", "2026-11-12T10:31:00Z")
MODERATED = step("moderated", "2026-11-24T15:02:00Z", "moderator")
FINALISED = step("finalised", "2026-11-26T09:00:00+00:00")


def audit(status: str, *history: dict[str, Any]) -> dict[str, Any]:
    document = finalised(docs_example()) if status == "final" else docs_example()
    document["status"] = status
    document["history"] = list(history)
    return document


def test_a_whole_round_is_coherent() -> None:
    assert messages(TORBAY, audit("final", step("created", "2026-11-02T09:00:00Z", "lead-auditor"),
                                  SUBMITTED, MODERATED, FINALISED,
                                  step("action-signed-off", "2026-12-09T09:00:00Z", "manager"))) == []


def test_final_without_moderation_is_refused() -> None:
    assert messages(TORBAY, audit("final", SUBMITTED, FINALISED)) == [
        "error[AF661] history entry 2 (finalised): the audit is final without moderation; every audit of this "
        "tool is moderated first (/history/1)"]


def test_a_tool_that_does_not_demand_moderation_may_be_finalised_after_submission() -> None:
    document = multi_agency()
    document["status"] = "final"
    document["moderation"] = {"moderator": "G. Moderator", "date": "2026-11-20"}
    document["history"] = [SUBMITTED, FINALISED]
    assert messages(tool("multi-agency-children-in-care"), document) == []


def test_moderation_before_submission_is_refused() -> None:
    assert messages(TORBAY, audit("moderated", step("created", "2026-11-02T09:00:00Z"), MODERATED)) == [
        "error[AF661] history entry 2 (moderated): the audit is moderated before it was submitted "
        "(/history/1)"]


def test_a_moderation_dated_before_the_audit_date_is_refused() -> None:
    early = step("moderated", "2026-11-05T15:02:00Z", "moderator")
    found = messages(TORBAY, audit("moderated", step("submitted", "2026-11-04T10:00:00Z"), early))
    assert found == ["error[AF630] history entry 2 records the moderation on 2026-11-05, before the audit "
                     "date (2026-11-12) (/history/1/at)"]


def test_a_moderation_record_dated_before_submission_is_refused() -> None:
    document = audit("moderated", step("submitted", "2026-11-25T10:00:00Z"),
                     step("moderated", "2026-11-26T10:00:00Z", "moderator"))
    assert messages(TORBAY, document) == [
        "error[AF661] the moderation is dated 2026-11-24, before the audit was first submitted (history entry "
        "1, 2026-11-25) (/moderation/date)"]


def test_a_history_out_of_time_order_is_refused() -> None:
    assert messages(TORBAY, audit("moderated", MODERATED, SUBMITTED)) == [
        "error[AF660] history entry 2 (submitted, 2026-11-12 10:31 UTC) is earlier than entry 1 (moderated, "
        "2026-11-24 15:02 UTC); the history is kept oldest first and never rewritten (/history/1)",
        "error[AF661] history entry 2 (submitted) comes when the audit is moderated; it can only follow its "
        "creation or submission (/history/1)",
        "error[AF662] the status is 'moderated' but the history's last step (entry 2, submitted) leaves the "
        "audit submitted (/status)"]


def test_times_are_compared_across_time_zones() -> None:
    later_in_utc = step("moderated", "2026-11-24T09:00:00-08:00", "moderator")  # 17:00 UTC
    earlier = step("submitted", "2026-11-24T16:00:00Z")
    assert messages(TORBAY, audit("moderated", earlier, later_in_utc)) == []


def test_a_status_the_history_contradicts_is_refused() -> None:
    assert messages(TORBAY, audit("final", SUBMITTED, MODERATED)) == [
        "error[AF662] the status is 'final' but the history's last step (entry 2, moderated) leaves the audit "
        "moderated (/status)"]


def test_creating_an_audit_twice_is_refused() -> None:
    twice = step("created", "2026-11-13T09:00:00Z", "lead-auditor")
    assert messages(TORBAY, audit("moderated", SUBMITTED, twice, MODERATED))[:1] == [
        "error[AF661] history entry 2 creates the audit again after it was created (/history/1)"]


def test_a_reopened_audit_goes_round_again() -> None:
    reopened = step("reopened", "2026-11-27T09:00:00Z", "lead-auditor")
    again = [step("submitted", "2026-11-28T09:00:00Z"), step("moderated", "2026-11-29T09:00:00Z", "moderator"),
             step("finalised", "2026-11-30T09:00:00Z")]
    assert messages(TORBAY, audit("final", SUBMITTED, MODERATED, FINALISED, reopened, *again)) == []


def test_an_audit_brought_in_from_a_word_form_starts_where_it_is() -> None:
    extracted = step("extracted", "2026-11-20T09:00:00Z", "system")
    assert messages(TORBAY, audit("moderated", extracted, MODERATED)) == []


def test_without_a_history_only_the_record_is_checked() -> None:
    assert messages(TORBAY, audit("moderated")) == []


def test_checklist_ticks_must_be_the_tools() -> None:
    document = audit("moderated", SUBMITTED, MODERATED)
    document["moderation"]["checklist"] = {
        "q4": {"evidence-findings-of-fact": True, "impact-child-to-life": False, "made-up": True},
        "actions": {"actions-smart": True},
    }
    assert messages(TORBAY, document) == [
        "warning[AF633] moderator's checklist for Q4 Assessments: 'made-up' is not an item of the tool's "
        "checklist for this part (the tool's checklist for it has 8 other items) "
        "(/moderation/checklist/q4/made-up)"]


@pytest.mark.parametrize(("events", "status"), [
    ([], None), (["created"], "draft"), (["created", "submitted"], "submitted"),
    (["submitted", "moderated", "finalised"], "final"), (["submitted", "moderated", "reopened"], "draft"),
    (["submitted", "extracted"], None), (["submitted", "action-signed-off"], "submitted"),
])
def test_status_after_a_history(events: list[str], status: str | None) -> None:
    steps = read_steps([step(e, f"2026-11-{10 + n}T09:00:00Z") for n, e in enumerate(events)])
    assert status_after(steps) == status


def test_unreadable_entries_are_left_to_the_schema() -> None:
    steps = read_steps([{"event": 3}, "x", {"event": "submitted", "at": "not a time"}])
    assert [s.event for s in steps] == ["submitted"] and steps[0].at is None
    assert history_problems(steps, "submitted", moderation_required=True) == []
    assert read_steps("not a list") == [] and read_steps(None) == []


def test_a_time_beyond_what_utc_can_hold_is_a_problem_not_a_crash() -> None:
    """9999-12-31T23:59:59-23:59 is ISO 8601 (the schema passes it) but is in the year 10000 in
    UTC: render crashed (OverflowError) and check called it a bug (AF690)."""
    steps = read_steps([{"event": "submitted", "at": "9999-12-31T23:59:59-23:59"},
                        {"event": "moderated", "at": "2026-11-12T10:00:00Z"}])
    assert steps[0].at is None and steps[0].at_out_of_range
    problems = history_problems(steps, "moderated", moderation_required=True)
    assert [p.message for p in problems if p.kind == "order"] == [
        "history entry 1 (submitted): its time is not one a date can hold (beyond the year 9999 in UTC); "
        "record when it happened"]
