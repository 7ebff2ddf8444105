"""A part whose checklist the moderator left untouched has no checklist entry: not assessed.
The final copy and the monthly report read an absent part so, never as items not met (the
HTML form's moderator mode and the Word form's reading record it that way)."""

from __future__ import annotations

import json

from moderation_support import ROOT, tool

from auditforms.collation import Collator, ReportOptions
from auditforms.renderers.final_copy.values import Labeller

TORBAY = tool("torbay-full-audit")
FINAL = ROOT / "tests" / "fixtures" / "audits" / "torbay-full-audit" / "child-final.json"


def final_audit() -> dict:
    document = json.loads(FINAL.read_text(encoding="utf-8"))
    # q1 agreed and commented, its checklist untouched; q5's checklist assessed (one met, one not)
    document["moderation"]["comments"]["q1"] = "A clear judgement."
    assert set(document["moderation"]["checklist"]) == {"q5"}
    return document


def test_the_final_copy_prints_no_checklist_for_a_part_not_assessed() -> None:
    record = final_audit()["moderation"]
    q1 = Labeller(TORBAY).moderation("q1", record)
    assert ("Moderated judgement", "Agreed") in q1 and ("Comment", "A clear judgement.") in q1
    assert [value for _, value in q1 if value in ("Met", "Not met")] == []
    q5 = [value for _, value in Labeller(TORBAY).moderation("q5", record) if value in ("Met", "Not met")]
    assert q5 == ["Met", "Not met"]


def test_the_report_counts_only_the_parts_assessed() -> None:
    collator = Collator(TORBAY, ReportOptions(period="2026-11"))
    collator.add(final_audit(), "final.json")
    counted = {c.item: (c.not_met, c.assessed) for c in collator.figures().moderation.checklist}
    assert counted == {"evidence-findings-of-fact": (0, 1), "evidence-auditor-overview": (1, 1)}
