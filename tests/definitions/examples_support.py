"""The example tools of definitions/examples/ and a completed audit of each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "definitions" / "examples").glob("*.yaml"))
JOURNEY = ROOT / "definitions" / "examples" / "childs-journey.yaml"
CHECKLIST = ROOT / "definitions" / "examples" / "case-file-checklist.yaml"

#: Fictional answers to the child's-journey example: sub-section, inputs inside questions.
JOURNEY_ANSWERS: dict[str, Any] = {
    "child-id": "X100", "auditor": "A Auditor", "audit-date": "2026-03-02",
    "q1-1": {"evidence": "Decided the same day."},
    "q1-2": {"evidence": "Seen at home."}, "q1-2-seen": "yes", "q1-2-seen-on": "2026-02",
    "q1-3": {"evidence": "Strategy discussion held."}, "q1-3-agencies": ["health", "school"],
    "q1-3-health-date": "2026-02-11", "q1-3-school-date": "2026-02-12",
    "s1a": {"judgement": "good", "summary": "Timely help."},
    "q1-4": {"judgement": "requires-improvement", "evidence": "Plan lacks dates.", "impact": "Drift."},
}

#: Fictional answers to the checklist example.
CHECKLIST_ANSWERS: dict[str, Any] = {
    "child-id": "X200", "auditor": "A Auditor", "audit-date": "2026-03-02",
    "c1": {"judgement": "yes", "evidence": "Updated in February."},
    "c2": {"judgement": "n-a", "evidence": "Single carer."},
    "c3": {"judgement": "no", "evidence": "Two visits unrecorded."},
    "c4": {"judgement": "not-known", "evidence": "Not on file."},
    "c5": {"judgement": "yes", "evidence": "Visit of 3 February."},
    "file": {"judgement": "requires-improvement", "comments": "Recording needs attention."},
}
