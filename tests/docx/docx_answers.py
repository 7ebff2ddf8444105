"""A complete, fictional set of answers to the kitchen-sink tool (no real person's data)."""

from __future__ import annotations

CASE = {
    "child-id": "C0412",
    "team": "Fictional Team North",
    "audit-date": "2026-11-12",
    "auditor-name": "A. Auditor",
    "audited-previously": "yes",
    "audited-previously-when": "2026-03-01",
    "age-band": "16-21",
    "strand": ["help-and-protection", "care-leavers"],
    "legal-status": "other",
    "legal-status-other": "Interim arrangement",
    "uasc": "yes",
    "child-age": 17,
}

FAMILY = [
    {"initials": "AB", "relationship": "Mother", "age": 41},
    {"initials": "CD", "relationship": "Brother", "age": 12},
]

PRACTICE = {
    "q1": {"judgement": "meets-good", "evidence": "Risk was assessed promptly.\nA safety plan is in place.",
           "impact": "The child says they feel safer at home."},
    "q2": {"judgement": "does-not-meet-good", "evidence": "Decisions were delayed by two months.",
           "impact": "Support started later than it should have."},
    "q2a": {"judgement": "yes"},
    "q3": {"judgement": "meets-good", "evidence": "Attendance improved.", "impact": "Better school reports."},
    "uasc-age-assessment": {"judgement": "good", "comments": "Fair and well recorded."},
    "care-leaving": {"judgement": "good", "impact": "The pathway plan is working."},
    "pathway-plan": {"comments": "Plan reviewed on time.", "evidenced-by": "Pathway plan, October 2026"},
    "ecm": {"being-healthy": {"evidence": "Health assessment up to date.", "grade": "good"},
            "staying-safe": {"evidence": "No missing episodes.", "grade": "adequate"}},
    "actions": [
        {"action": "Update the pathway plan", "person": "Social worker", "completion-date": "2026-12-01"},
        {"action": "Arrange a health review", "person": "Team manager", "completion-date": "2026-12-15",
         "sign-off-date": "2026-12-20"},
        {"action": "Record the child's views", "person": "Social worker", "completion-date": "2027-01-10"},
    ],
    "strategic-actions": "Share learning about pathway planning with all teams.",
    "date-shared": "2026-11-20",
}

MODERATION = {"moderator": "M. Moderator", "date": "2026-11-25", "summary": "A clear, evaluative audit."}


def moderation_as_extracted(answers_given: dict) -> dict:
    """The sign-off as extract returns it: with the auditor's judgements as the form held them."""
    judgements = {k: v["judgement"] for k, v in answers_given.items() if isinstance(v, dict) and "judgement" in v}
    return {"moderator": MODERATION["moderator"], "date": MODERATION["date"],
            "auditor_judgements": judgements, "summary": MODERATION["summary"]}


def answers() -> dict:
    """Answers in document order, as extract returns them."""
    out = {**CASE, "family": FAMILY}
    out.update(PRACTICE)
    return out
