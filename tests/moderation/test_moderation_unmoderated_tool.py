"""``check`` does not expect moderation of a tool that is not moderated (a school's self-audit)."""

from __future__ import annotations

from moderation_support import ROOT, envelope, messages, multi_agency, tool

from auditforms.api import load_definition

SELF_AUDIT = load_definition(ROOT / "definitions" / "examples" / "family-school-self-audit.yaml")
EARLY_HELP = load_definition(ROOT / "definitions" / "examples" / "family-early-help.yaml")


def history(*events: str) -> list[dict[str, str]]:
    return [{"event": e, "role": "auditor", "name": "A. Person", "at": f"2026-11-2{i}T09:00:00Z"}
            for i, e in enumerate(events, start=1)]


def test_a_self_audit_is_final_without_moderation() -> None:
    answers = {"child-id": "C0001", "audit-date": "2026-11-18", "completed-by": "A. Teacher",
               "concerns-shared": {"judgement": "good", "evidence": "Shared the same day by phone."}}
    document = envelope("family-school-self-audit", "1.0.0", answers, status="final",
                        history=history("submitted", "finalised"))
    assert [m for m in messages(SELF_AUDIT, document) if m.startswith("error")] == []


def test_a_moderated_tool_of_the_family_still_expects_moderation() -> None:
    document = envelope("family-early-help", "1.0.0", {"child-id": "C0001", "audit-date": "2026-11-18"},
                        status="final", history=history("submitted", "finalised"))
    assert any("final without moderation" in m for m in messages(EARLY_HELP, document))


def test_a_tool_that_may_be_moderated_is_final_without_a_moderation_record() -> None:
    """``moderated: false`` (the multi-agency tool): its audits may be finalised after submission,
    so the result schema asks a final audit for no moderation record (as the history's checks)."""
    document = multi_agency()
    document["status"] = "final"
    document["history"] = history("submitted", "finalised")
    assert "moderation" not in document
    assert messages(tool("multi-agency-children-in-care"), document) == []
    document["status"] = "moderated"  # a moderated audit still has its record
    document["history"] = history("submitted", "moderated")
    assert any("[AF610] moderation is required" in m for m in messages(tool("multi-agency-children-in-care"), document))
