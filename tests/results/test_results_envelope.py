"""Schema, consistency and moderation findings: one defect each, with its exact message."""

from __future__ import annotations

from typing import Any

import pytest
from results_paths import set_at
from tests.results.conftest import found

from auditforms.results.check import check_document

SECRET = "Jo Bloggs lives at 1 Fictional Street"




# (path, value, expected findings)
SCHEMA_DEFECTS: list[tuple[str, Any, list[str]]] = [
    ("answers/audit-date", "12/11/2026",
     ["error[AF614] Audit date must be a date written YYYY-MM-DD (/answers/audit-date)"]),
    ("answers/audit-date", "2026-11-31",
     ["error[AF614] Audit date is not a real date written YYYY-MM-DD (/answers/audit-date)"]),
    ("answers/child-age", SECRET,
     ["error[AF612] Age must be a number (/answers/child-age)"]),
    ("answers/child-age", 40,
     ["error[AF615] Age must be at most 25 (/answers/child-age)"]),
    ("answers/age-band", SECRET,
     ["error[AF613] Age band is not one of the options (0, 1-5, 6-10, 11-15, 16-21) (/answers/age-band)"]),
    ("answers/strand", ["care-leavers", "care-leavers"],
     ["error[AF615] Strand gives the same option more than once (/answers/strand)"]),
    ("answers/q1/judgement", SECRET,
     ["error[AF613] Q1 Risk: quality of child's experience is not one of the options (exceeds-good, "
      "meets-good, does-not-meet-good, not-applicable) (/answers/q1/judgement)"]),
    ("answers/q1/evidence", ["a", SECRET],
     ["error[AF612] Q1 Risk: evidence must be text (/answers/q1/evidence)"]),
    ("answers/q1/" + "notes", SECRET,
     ["error[AF611] Q1 Risk: 'notes' is not expected here (/answers/q1/notes)"]),
    ("answers/ecm/being-healthy/grade", "meets-good",
     ["error[AF613] What impact has the work undertaken had on improving outcomes for this child, "
      "Being Healthy: grade is not one of the options (outstanding, good, adequate, inadequate) "
      "(/answers/ecm/being-healthy/grade)"]),
    ("answers/actions/1/completion-date", "soon",
     ["error[AF614] Agreed actions to achieve good outcomes for child, row 2: completion date must be "
      "a date written YYYY-MM-DD (/answers/actions/1/completion-date)"]),
    ("answers/old-question", SECRET,
     ["error[AF611] answers: 'old-question' is not a field, question or table of version 1.2.0 of "
      "this tool (/answers/old-question)"]),
    ("answers/" + SECRET, "x",
     ["error[AF611] answers: a key that is not an id is not a field, question or table of version "
      "1.2.0 of this tool (/answers)"]),
    ("status", "done",
     ["error[AF613] Status is not one of the options (draft, submitted, moderated, final) (/status)"]),
    ("status", "final",
     ["error[AF610] moderation is required (/moderation)"]),
    ("source/kind", "email",
     ["error[AF613] Completed in is not one of the options (html, docx, other) (/source/kind)"]),
    ("source/saved_at", "yesterday",
     ["error[AF614] Saved at must be a date and time such as 2026-11-12T10:31:00Z (/source/saved_at)"]),
    ("definition/version", "v3",
     ["error[AF614] Tool version does not have the required form (/definition/version)"]),
    ("format_version", 0,
     ["error[AF613] Format version must be 1 (/format_version)"]),
    ("moderated_by", SECRET,
     ["error[AF611] 'moderated_by' is not part of the completed-audit format (/moderated_by)"]),
    ("x-case-system", {"ref": SECRET},
     []),
]


@pytest.mark.parametrize(("path", "value", "expected"), SCHEMA_DEFECTS,
                         ids=[f"{p}={str(v)[:12]}" for p, v, _ in SCHEMA_DEFECTS])
def test_schema_defect_gives_its_message(kitchen_sink, audit, path, value, expected):
    set_at(audit, path, value)
    assert found(kitchen_sink, audit) == expected


def test_no_message_ever_quotes_an_answer(kitchen_sink, audit):
    for path, value, _ in SCHEMA_DEFECTS:
        if "/" in path and not path.startswith("answers/" + SECRET):
            set_at(audit, path, value)
    for text in found(kitchen_sink, audit):
        assert "Jo Bloggs" not in text


def test_a_document_that_is_not_an_audit_stops_with_one_error(kitchen_sink):
    assert found(kitchen_sink, [1, 2]) == [
        "error[AF601] this is a list, not a completed audit (an object with format: "
        "auditforms/completed-audit) ()"]
    assert found(kitchen_sink, {"answers": {}}) == [
        "error[AF601] this is not a completed audit: its format is not auditforms/completed-audit (/format)"]


def test_a_newer_format_version_is_refused(kitchen_sink, audit):
    audit["format_version"] = 2
    assert found(kitchen_sink, audit) == [
        "error[AF602] format_version 2 is newer than this auditforms understands (1); upgrade "
        "auditforms (/format_version)"]


def test_an_audit_of_another_tool_is_one_error(kitchen_sink, audit):
    audit["definition"]["id"] = "torbay-full-audit"
    assert found(kitchen_sink, audit) == [
        "error[AF620] this audit was completed with the tool 'torbay-full-audit', not 'kitchen-sink'; "
        "check it against that tool's definition (/definition/id)"]


def test_an_older_version_is_reported_with_what_differs(kitchen_sink, audit):
    audit["definition"]["version"] = "1.1.0"
    audit["answers"]["q9"] = {"judgement": "meets-good"}
    del audit["answers"]["q3"]
    assert found(kitchen_sink, audit) == [
        "warning[AF621] completed against an older version of the tool (1.1.0; this definition is "
        "1.2.0): 1 answered id unknown to 1.2.0: 'q9'; 1 answer required by 1.2.0 missing: "
        "'q3' (/definition/version)",
        "error[AF611] answers: 'q9' is not a field, question or table of version 1.2.0 of this tool "
        "(/answers/q9)",
        "error[AF610] Q3 Overall rating: quality of child's experience is required (/answers/q3)",
    ]


def test_a_newer_version_that_fits_is_only_a_warning(kitchen_sink, audit):
    audit["definition"]["version"] = "1.3.0"
    assert found(kitchen_sink, audit) == [
        "warning[AF621] completed against a newer version of the tool (1.3.0; this definition is "
        "1.2.0): no answers differ in shape (/definition/version)"]


def _moderated(audit: dict[str, Any], **moderation: Any) -> dict[str, Any]:
    audit["status"] = "moderated"
    audit["moderation"] = {"moderator": "C. Moderator", "date": "2026-11-24", **moderation}
    return audit


def test_a_coherent_moderation_record_passes(kitchen_sink, audit):
    moderated = _moderated(audit, comments={"q1": SECRET}, judgements={"q2": "does-not-meet-good"},
                           summary=SECRET)
    assert found(kitchen_sink, moderated) == []


@pytest.mark.parametrize(("moderation", "expected"), [
    ({"date": "2026-11-01"},
     "error[AF630] Moderation record: the moderation date is before the audit date (/moderation/date)"),
    ({"judgements": {"uasc-age-assessment": "good"}},
     "warning[AF631] moderated judgement for Was an age assessment carried out in a fair way?: the "
     "question is not shown in this audit (/moderation/judgements/uasc-age-assessment)"),
    ({"judgements": {"q1": "meets-good"}},
     "warning[AF632] moderated judgement for Q1 Risk: “Meets good” is the auditor's judgement too; record "
     "a moderated judgement only where you disagree (list the part under agreed instead) "
     "(/moderation/judgements/q1)"),
    ({"judgements": {"q1": "good"}},
     "error[AF613] moderated judgement for Q1 Risk is not one of the options (exceeds-good, meets-good, "
     "does-not-meet-good, not-applicable) (/moderation/judgements/q1)"),
    ({"judgements": {"child-id": "yes"}},
     "error[AF611] moderated judgements: 'child-id' is not expected here (/moderation/judgements/child-id)"),
    ({"comments": {"q99": SECRET}},
     "error[AF611] moderator's comments names 'q99', which is not part of this tool (/moderation/comments)"),
    ({"moderator": ""},
     "error[AF614] Moderator must not be blank (/moderation/moderator)"),
])
def test_moderation_defect_gives_its_message(kitchen_sink, audit, moderation, expected):
    assert found(kitchen_sink, _moderated(audit, **moderation)) == [expected]


def test_missing_moderator_is_named(kitchen_sink, audit):
    moderated = _moderated(audit)
    del moderated["moderation"]["moderator"]
    assert found(kitchen_sink, moderated) == ["error[AF610] moderation: Moderator is required (/moderation/moderator)"]


def test_findings_carry_the_file_name(kitchen_sink, audit):
    audit["answers"]["q1"]["impact"] = ""
    (d,) = check_document(kitchen_sink, audit, file="audits/child-0412.json")
    assert d.format() == (
        "audits/child-0412.json: error[AF642] Q1 Risk: impact is required when a judgement is given "
        "(/answers/q1/impact)")
