"""Collecting actions from audits through the definition's roles."""

from __future__ import annotations

import datetime as dt

from actions_support import action, audit, torbay

from auditforms.actions import collect, collect_with_problems, fingerprint


def test_collects_each_agreed_action_with_its_audit_child_and_team() -> None:
    actions = collect(torbay(), audit(), file="a.json")
    assert [a.id for a in actions] == ["2026-11-0412:1", "2026-11-0412:2"]
    first = actions[0]
    assert (first.child_id, first.team, first.audit_date) == ("C0412", "Fictional Team North", dt.date(2026, 11, 12))
    assert (first.owner, first.due, first.signed_off, first.update) == ("A. Worker", dt.date(2026, 12, 1), None, "")
    assert first.file == "a.json" and first.fingerprint == fingerprint(first.action)


def test_row_numbers_count_blank_rows_so_ids_stay_put() -> None:
    rows = [action("One."), {"action": "  "}, action("Three.")]
    result = collect_with_problems(torbay(), audit(actions=rows))
    assert [a.id for a in result.actions] == ["2026-11-0412:1", "2026-11-0412:3"]
    assert result.problems == []


def test_drafts_and_submitted_audits_have_no_agreed_actions() -> None:
    assert collect(torbay(), audit(status="draft")) == []
    assert collect(torbay(), audit(status="submitted")) == []
    assert len(collect(torbay(), audit(status="final"))) == 2


def test_fingerprint_ignores_spacing_and_case() -> None:
    assert fingerprint("Share the plan.") == fingerprint("  share   THE plan. ")
    assert fingerprint("Share the plan.") != fingerprint("Share the plans.")


def test_problems_are_located_and_never_quote_answers() -> None:
    rows = [action("Secret text.", due="31/12/2026"), {"person": "Someone", "action": ""}]
    document = audit(actions=rows)
    result = collect_with_problems(torbay(), document, file="a.json")
    assert [(p.code, p.pointer) for p in result.problems] == [
        ("AF952", "/answers/actions/0/completion-date"), ("AF952", "/answers/actions/1")]
    assert all("Secret" not in p.message and "31/12" not in p.message for p in result.problems)
    assert result.actions[0].due is None


def test_no_audit_id_and_foreign_documents() -> None:
    document = audit()
    del document["audit_id"]
    assert [p.code for p in collect_with_problems(torbay(), document).problems] == ["AF951"]
    assert [p.code for p in collect_with_problems(torbay(), {"format": "x"}).problems] == ["AF950"]
    other = audit()
    other["definition"] = {"id": "another-tool", "version": "1.0.0"}
    assert [p.code for p in collect_with_problems(torbay(), other).problems] == ["AF950"]
    assert [p.code for p in collect_with_problems(torbay(), [1, 2]).problems] == ["AF950"]
