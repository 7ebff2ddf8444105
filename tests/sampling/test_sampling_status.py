"""``auditforms status``: what came back, whether it passes, what is overdue."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest
from sampling_support import fake_batch
from tests.conftest import KITCHEN_SINK

SAMPLE = ("Child ID,Team,Auditor,Due date\nC1,Early Help,Ann,15/12/2026\n"
          "C2,Early Help,Bob,15/12/2026\nC3,Early Help,Cat,15/12/2026\n")


def envelope(child: str, status: str = "submitted", **answers) -> str:
    judged = {"judgement": "meets-good", "evidence": "e", "impact": "i"}
    base = {"child-id": child, "audit-date": "2026-12-05", "auditor-name": "Ann", "q1": judged,
            "q2": judged, "q2a": {"judgement": "yes"}, "q3": judged}
    document = {"format": "auditforms/completed-audit", "format_version": 1,
                "definition": {"id": "kitchen-sink", "version": "1.2.0"},
                "audit_id": child, "status": status, "answers": {**base, **answers}}
    if status in ("moderated", "final"):
        document["moderation"] = {"moderator": "A. Moderator", "date": "2026-12-10"}
    return json.dumps(document)


@pytest.fixture
def batch(run_cli, fake_renderers, tmp_path: Path) -> Path:
    out = fake_batch(run_cli, tmp_path, SAMPLE)
    return out


def status(run_cli, batch: Path, *extra: str):
    return run_cli("status", KITCHEN_SINK, batch, "--format", "json", *extra)


def report(result) -> dict:
    return json.loads(result.stdout)


def states(result) -> dict[str, str]:
    return {c["child_id"]: c["state"] for c in report(result)["children"]}


def test_nothing_back_is_outstanding_then_overdue(run_cli, batch):
    before = status(run_cli, batch, "--today", "2026-12-15")
    assert before.exit_code == 1
    assert set(states(before).values()) == {"outstanding"}
    after = status(run_cli, batch, "--today", "16/12/2026")
    assert set(states(after).values()) == {"overdue"}
    assert report(after)["summary"]["overdue"] == 3


def test_returned_forms_are_checked(run_cli, batch):
    (batch / "returned").mkdir()
    (batch / "returned" / "one.json").write_text(envelope("C1"))
    (batch / "C2.json").write_text(envelope("C2", "draft"))
    (batch / "C3.json").write_text("{broken")
    result = status(run_cli, batch, "--today", "2026-12-01")
    assert states(result) == {"C1": "passes", "C2": "draft", "C3": "unreadable"}
    first = report(result)["children"][0]
    assert first["file"] == "returned/one.json" and first["errors"] == 0
    assert result.exit_code == 1


def test_failing_audit_counts_errors_without_quoting_answers(run_cli, batch):
    secret = "the child disclosed something private"
    (batch / "C1.json").write_text(envelope(
        "C1", q1={"judgement": "meets-good", "evidence": secret}))
    result = status(run_cli, batch, "--today", "2026-12-01")
    child = report(result)["children"][0]
    assert child["state"] == "fails" and child["errors"] >= 1
    text = run_cli("status", KITCHEN_SINK, batch, "--today", "2026-12-01")
    assert secret not in result.output and secret not in text.output
    assert "C1" in text.stdout and "fails (submitted; 1 error," in text.stdout


def test_all_returned_and_passing_exits_0(run_cli, batch):
    for child in ("C1", "C2", "C3"):
        (batch / f"{child}.json").write_text(envelope(child, "final"))
    result = run_cli("status", KITCHEN_SINK, batch, "--today", "2027-01-01")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip().endswith(
        "3 children: 3 returned (3 pass, 0 fail, 0 drafts, 0 unreadable); 0 not back yet, "
        "0 of them overdue")


def test_the_most_advanced_return_counts(run_cli, batch):
    (batch / "a.json").write_text(envelope("C1", "final"))
    (batch / "b.json").write_text(envelope("C1", "draft"))
    assert states(status(run_cli, batch))["C1"] == "passes"


def test_audit_of_another_tool_fails(run_cli, batch):
    other = json.loads(envelope("C1"))
    other["definition"]["id"] = "another-tool"
    (batch / "C1.json").write_text(json.dumps(other))
    assert states(status(run_cli, batch))["C1"] == "fails"


def test_unmatched_returns_are_warned_about(run_cli, batch):
    (batch / "stray.json").write_text(envelope("C99"))
    result = run_cli("status", KITCHEN_SINK, batch)
    assert f"{batch / 'stray.json'}: warning[AF812] matches no child of the sample" in result.stderr


def test_a_corrupt_word_file_is_reported_unreadable_and_lock_files_ignored(run_cli, batch):
    (batch / "C1.docx").write_bytes(b"PK not really")
    (batch / "~$C1.docx").write_bytes(b"lock")
    children = report(status(run_cli, batch))["children"]
    unreadable = [c for c in children if c["state"] == "unreadable"]
    assert len(unreadable) == 1 and "could not be read back" in unreadable[0]["problem"]


def test_word_files_are_extracted_and_checked(run_cli, batch, monkeypatch):
    module = types.ModuleType("auditforms.extract")
    calls = []

    def extract_docx(definition, data, filename):
        calls.append(filename)
        return json.loads(envelope("C2")), []

    module.extract_docx = extract_docx
    monkeypatch.setitem(sys.modules, "auditforms.extract", module)
    (batch / "filled.docx").write_bytes(b"PK")
    assert states(status(run_cli, batch))["C2"] == "passes"
    assert calls == ["filled.docx"]


def test_check_document_is_used_when_present(run_cli, batch, monkeypatch):
    module = types.ModuleType("auditforms.results.check")
    seen = []

    class Finding:
        def __init__(self, severity):
            self.severity = severity

    def check_document(definition, document, file=None):
        seen.append(file)
        return [Finding("warning"), Finding("warning")]

    module.check_document = check_document
    monkeypatch.setitem(sys.modules, "auditforms.results.check", module)
    (batch / "C3.json").write_text(envelope("C3"))
    child = report(status(run_cli, batch))["children"][2]
    assert (child["state"], child["errors"], child["warnings"]) == ("passes", 0, 2)
    assert seen == ["C3.json"]


def test_generated_blank_forms_are_not_returns(run_cli, batch):
    assert {c["file"] for c in report(status(run_cli, batch))["children"]} == {None}


def test_folder_without_manifest_is_a_usage_error(run_cli, tmp_path):
    result = run_cli("status", KITCHEN_SINK, tmp_path)
    assert result.exit_code == 2 and "error[AF811] not a sample batch folder" in result.stderr


def test_an_audit_id_on_an_audit_about_another_child_is_a_mismatch(run_cli, batch):
    manifest = json.loads((batch / "manifest.json").read_text())
    c1_audit = manifest["children"][0]["audit_id"]
    wrong = json.loads(envelope("C2", "final"))
    wrong["audit_id"] = c1_audit  # C1's audit id, but the audit is about C2
    (batch / "wrong.json").write_text(json.dumps(wrong))
    result = status(run_cli, batch, "--today", "2026-12-01")
    assert states(result) == {"C1": "outstanding", "C2": "outstanding", "C3": "outstanding"}
    assert report(result)["children"][0]["mismatched_files"] == ["wrong.json"]
    text = run_cli("status", KITCHEN_SINK, batch, "--today", "2026-12-01")
    assert (f"{batch / 'wrong.json'}: warning[AF821] has the audit id of child C1 ({c1_audit}) "
            "but is about another child; it is not counted for either") in text.stderr


def test_a_json_and_a_word_file_for_one_child_are_both_listed(run_cli, batch, monkeypatch):
    module = types.ModuleType("auditforms.extract")
    module.extract_docx = lambda definition, data, filename: (json.loads(envelope("C1", "draft")), [])
    monkeypatch.setitem(sys.modules, "auditforms.extract", module)
    (batch / "C1.json").write_text(envelope("C1", "submitted"))
    (batch / "C1-filled.docx").write_bytes(b"PK")
    child = report(status(run_cli, batch, "--today", "2026-12-01"))["children"][0]
    assert (child["file"], child["state"]) == ("C1.json", "passes")
    assert [o["file"] for o in child["other_files"]] == ["C1-filled.docx"]
    assert child["why_this_file"] == "it is the furthest on (submitted)"
    text = run_cli("status", KITCHEN_SINK, batch, "--today", "2026-12-01").stdout
    assert ("also returned: C1-filled.docx (draft); not counted, C1.json counts because it is "
            "the furthest on (submitted)") in text


def test_equal_returns_say_the_first_by_name_counts(run_cli, batch):
    (batch / "b.json").write_text(envelope("C1"))
    (batch / "a.json").write_text(envelope("C1"))
    child = report(status(run_cli, batch))["children"][0]
    assert child["file"] == "a.json" and child["why_this_file"].endswith("the first by name counts")


def test_status_refuses_while_another_run_holds_the_folder(run_cli, batch):
    from test_sampling_locking import hold_lock

    holder = hold_lock(batch, 30)
    try:
        result = run_cli("status", KITCHEN_SINK, batch)
        assert result.exit_code == 2 and "error[AF820]" in result.stderr
    finally:
        holder.kill()
        holder.wait()
