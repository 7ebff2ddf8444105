"""The ids of every shipped tool, in document order.

Completed audits, pre-fill files, sample trackers and reports all key answers by these ids, so
renaming one silently orphans data already collected. A change here must be deliberate: update
the list, bump the tool's major version and say so in the changelog.
"""

from __future__ import annotations

import pytest
from defs_support import load

TORBAY_HEADER = [
    "header", "auditor-name", "audit-date", "child-id", "team", "audited-previously",
    "audited-previously-when", "age-band", "strand",
]  # fmt: skip
TORBAY_FIELDS = ["fields", *(f"q{n}" for n in range(1, 13))]
TORBAY_ACTIONS = ["actions-section", "actions", "strategic-actions", "date-shared"]

MULTI_AGENCY_START = [
    "key-questions", "child-safe", "last-reviewed",
    "ecm-outcomes", "ecm",
    "case-details", "child-initials", "gender", "age", "case-id", "ethnicity", "family-members",
    "care-episode-start", "legal-status", "placement", "reason-in-care", "practitioner-name",
    "agency-team",
    "assessment-decision-making", "assessments", "decision-to-come-into-care",
    "managerial-involvement",
    "planning-review", "plans-based-on-assessments", "uasc-planning", "plans-implemented",
    "child-seen", "services-called-upon", "iro-oversight", "permanence-planning", "holistic-plan",
    "life-story-work", "placement-changes",
]  # fmt: skip
MULTI_AGENCY_HEALTH = [
    "health", "health-assessments", "health-plan", "health-information-sharing", "health-access",
    "health-agency-role", "health-review", "health-partnership",
]  # fmt: skip
MULTI_AGENCY_SAFETY = [
    "safety", "safety-decision-for-care", "safety-risks-assessed", "safety-care-plan",
    "safety-placements-services", "safety-implementation", "safety-social-worker",
    "safety-agency-role", "safety-review", "safety-partnership",
]  # fmt: skip
MULTI_AGENCY_REST = [
    "enjoying-achieving", "pep", "school-attendance", "education-support", "leisure",
    "education-review", "education-partnership",
    "contribution", "strategic-consultation", "children-in-care-council", "own-decisions",
    "offending-support", "contribution-partnership",
    "economic-well-being", "post-16-education", "aspirations", "pathway-plan",
    "transition-partnership",
    "management-supervision", "other-agency-supervision", "social-work-supervision",
    "recording", "records-complete", "records-fit-for-purpose", "file-audit",
]  # fmt: skip
MULTI_AGENCY_END = [
    "conclusion", "overall-judgement", "recommendations", "actions", "additional-feedback", "auditor",
    "audit-date",
]  # fmt: skip

EXPECTED_IDS: dict[str, list[str]] = {
    "torbay-full-audit": [*TORBAY_HEADER, "worker-seen", *TORBAY_FIELDS, *TORBAY_ACTIONS],
    "torbay-uasc": [
        *TORBAY_HEADER, "uasc", "worker-seen", *TORBAY_FIELDS[:-1],
        "uasc-module", "uasc-age-assessment", "uasc-asylum-status", "uasc-dual-planning",
        "uasc-family-members", "uasc-trafficking", "overall", "q12",
        *TORBAY_ACTIONS,
    ],
    "torbay-disabled-children": [
        *TORBAY_HEADER, "disabled-child", "worker-seen", *TORBAY_FIELDS,
        "disability-module", "dc-needs", "dc-voice", "dc-safeguarding", "dc-support",
        "dc-adulthood",
        *TORBAY_ACTIONS,
    ],
    "torbay-neglect-dip-sample": [
        *TORBAY_HEADER, "worker-seen", "fields", "q1", "q2", "q4", "q7", "q12", *TORBAY_ACTIONS,
    ],
    "multi-agency-children-in-care": [
        *MULTI_AGENCY_START, *MULTI_AGENCY_HEALTH, *MULTI_AGENCY_SAFETY, *MULTI_AGENCY_REST,
        *MULTI_AGENCY_END,
    ],
    "multi-agency-brief": [*MULTI_AGENCY_START, *MULTI_AGENCY_SAFETY, *MULTI_AGENCY_END],
}  # fmt: skip

EXPECTED_RULES: dict[str, list[str]] = {
    "torbay-full-audit": [
        "evidence-when-judged", "impact-when-judged", "at-most-five-actions",
        "completion-after-audit", "overall-not-better-than-every-field", "audit-date-in-period",
    ],
    "multi-agency-children-in-care": [
        "ecm-grade-with-evidence", "ecm-evidence-with-grade",
        "assessment-decision-making-impact-with-grade", "planning-review-impact-with-grade",
        "health-impact-with-grade", "safety-impact-with-grade",
        "enjoying-achieving-impact-with-grade", "contribution-impact-with-grade",
        "economic-well-being-impact-with-grade",
        "last-reviewed-not-after-audit", "care-episode-not-after-audit",
    ],
}  # fmt: skip
EXPECTED_RULES["torbay-uasc"] = EXPECTED_RULES["torbay-full-audit"]
EXPECTED_RULES["torbay-disabled-children"] = EXPECTED_RULES["torbay-full-audit"]
EXPECTED_RULES["torbay-neglect-dip-sample"] = EXPECTED_RULES["torbay-full-audit"]
EXPECTED_RULES["multi-agency-brief"] = [
    r for r in EXPECTED_RULES["multi-agency-children-in-care"]
    if r.split("-impact-")[0] not in {"health", "enjoying-achieving", "contribution",
                                      "economic-well-being"}
]  # fmt: skip


@pytest.mark.parametrize("tool_id", list(EXPECTED_IDS))
def test_ids_in_document_order(tool_id: str) -> None:
    assert load(tool_id).index.order == EXPECTED_IDS[tool_id]


@pytest.mark.parametrize("tool_id", list(EXPECTED_RULES))
def test_rule_ids(tool_id: str) -> None:
    assert [rule.id for rule in load(tool_id).rules] == EXPECTED_RULES[tool_id]


@pytest.mark.parametrize("tool_id", ["torbay-full-audit", "multi-agency-children-in-care"])
def test_base_tools_extend_nothing(tool_id: str) -> None:
    assert load(tool_id).based_on == ()


@pytest.mark.parametrize(
    ("tool_id", "parent"),
    [
        ("torbay-uasc", "torbay-full-audit"),
        ("torbay-disabled-children", "torbay-full-audit"),
        ("torbay-neglect-dip-sample", "torbay-full-audit"),
        ("multi-agency-brief", "multi-agency-children-in-care"),
    ],
)
def test_customisations_say_what_they_are_based_on(tool_id: str, parent: str) -> None:
    assert load(tool_id).based_on == (parent,)
