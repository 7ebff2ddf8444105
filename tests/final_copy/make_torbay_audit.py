"""Writes the fictional, finalised Torbay audit the final-copy tests and bench use.

``python tests/final_copy/make_torbay_audit.py`` rewrites
``tests/fixtures/audits/torbay-full-audit/child-final.json``. Every name and fact is made up.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "tests/fixtures/audits/torbay-full-audit/child-final.json"
GRADES = ["meets-good", "does-not-meet-good", "meets-good", "exceeds-good"]
EVIDENCE = (
    "Findings of fact: the assessment was completed within timescales and records the views of "
    "Sam and both parents. Auditor overview: although the assessment contains good detail about "
    "Sam's health and schooling, it does not analyse what this means for Sam's safety at home, "
    "so the plan that follows is not clearly linked to the risks identified.\n"
    "Sub-judgements: visits were regular and purposeful; supervision was recorded monthly; "
    "the chronology was up to date."
)
IMPACT = (
    "Sam now attends school every day and says that home feels calmer. Because the risks were "
    "not analysed, the plan has not yet reduced the arguments Sam describes, and Sam still "
    "worries about contact with Dad. The consequence is that Sam's progress depends on the "
    "current stability holding."
)


def audit() -> dict:
    answers: dict = {
        "auditor-name": "A. Auditor", "audit-date": "2026-11-12", "child-id": "C0999",
        "team": "Fictional Team South", "audited-previously": "no", "age-band": "11-15",
        "strand": ["help-and-protection"], "worker-seen": "Met the allocated worker on 10/11/2026.",
    }
    for n in range(1, 13):
        answers[f"q{n}"] = {"judgement": GRADES[n % 4], "evidence": EVIDENCE, "impact": IMPACT}
    answers["actions"] = [
        {"action": f"Action {n}: review the plan with Sam's family and record the analysis of risk.",
         "person": "Social worker", "completion-date": f"2026-12-{n + 1:02d}", "sign-off-date": "2026-12-20"}
        for n in range(1, 6)
    ]
    answers["strategic-actions"] = "Share the learning about analysis of risk with all teams."
    answers["date-shared"] = "2026-11-20"
    comments = {f"q{n}": "The evidence needs an auditor overview; say what this means for Sam."
                for n in (2, 5, 9)}
    return {
        "format": "auditforms/completed-audit", "format_version": 1,
        "definition": {"id": "torbay-full-audit", "version": "3.0.0"},
        "audit_id": "2026-11-0999", "status": "final", "answers": answers,
        "moderation": {
            "moderator": "M. Moderator", "date": "2026-12-03", "comments": comments,
            "judgements": {"q5": "meets-good"}, "agreed": ["q1", "q2", "q3"],
            "auditor_judgements": {f"q{n}": GRADES[n % 4] for n in range(1, 13)},
            "checklist": {"q5": {"evidence-findings-of-fact": True, "evidence-auditor-overview": False}},
            "responses": {p: {"addressed": True, "reply": "Added an overview."} for p in comments},
            "summary": "A clear, evaluative audit; the impact statements bring Sam to life.",
        },
        "history": [
            {"event": "submitted", "role": "auditor", "name": "A. Auditor", "at": "2026-11-14T16:02:00Z"},
            {"event": "moderated", "role": "moderator", "name": "M. Moderator", "at": "2026-12-03T11:30:00Z"},
            {"event": "finalised", "role": "auditor", "name": "A. Auditor", "at": "2026-12-05T09:15:00Z"},
        ],
        "source": {"kind": "html"},
    }


if __name__ == "__main__":
    OUT.write_text(json.dumps(audit(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
