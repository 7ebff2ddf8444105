"""``auditforms extract`` and ``auditforms render --format docx`` through the command line."""

from __future__ import annotations

import json

from docx_helpers import controls_for, fill
from docx_paths import KITCHEN_SINK


def test_docx_render_then_extract_on_the_command_line(run_cli, tmp_path):
    form = tmp_path / "form.docx"
    result = run_cli("render", KITCHEN_SINK, "--format", "docx", "-o", form)
    assert result.exit_code == 0, result.output
    form.write_bytes(fill(form.read_bytes(), controls_for({"child-id": "C0412", "q1": {"judgement": "meets-good"}})))
    out = tmp_path / "audit.json"
    result = run_cli("extract", KITCHEN_SINK, form, "-o", out)
    assert result.exit_code == 0, result.output
    audit = json.loads(out.read_text(encoding="utf-8"))
    assert audit["answers"] == {"child-id": "C0412", "q1": {"judgement": "meets-good"}}
    assert audit["source"] == {"kind": "docx"}


def test_docx_extract_refuses_to_overwrite_without_force(run_cli, render, tmp_path):
    form = tmp_path / "form.docx"
    form.write_bytes(render(KITCHEN_SINK))
    out = tmp_path / "audit.json"
    out.write_text("earlier work", encoding="utf-8")
    result = run_cli("extract", KITCHEN_SINK, form, "-o", out)
    assert result.exit_code == 2
    assert "already exists" in result.output
    assert out.read_text(encoding="utf-8") == "earlier work"
    result = run_cli("extract", KITCHEN_SINK, form, "-o", out, "--force", "--status", "draft",
                     "--audit-id", "2026-11-0001")
    assert result.exit_code == 0
    audit = json.loads(out.read_text(encoding="utf-8"))
    assert (audit["status"], audit["audit_id"]) == ("draft", "2026-11-0001")


def test_docx_extract_bad_file_is_one_line_and_exit_1(run_cli, tmp_path):
    bad = tmp_path / "notes.docx"
    bad.write_text("not a Word file", encoding="utf-8")
    out = tmp_path / "audit.json"
    result = run_cli("extract", KITCHEN_SINK, bad, "-o", out)
    assert result.exit_code == 1
    assert result.stderr.strip() == f"{bad}: error[AF701] not a Word .docx file (it is not a zip package)"
    assert not out.exists()


def test_docx_extract_never_prints_answer_text(run_cli, render, tmp_path):
    form = tmp_path / "form.docx"
    form.write_bytes(fill(render(KITCHEN_SINK), {"child-age": "SECRET-VALUE", "uasc": "no",
                                                 "uasc-age-assessment.comments": "HIDDEN-TEXT"}))
    result = run_cli("extract", KITCHEN_SINK, form, "-o", tmp_path / "a.json")
    assert result.exit_code == 0
    assert "AF711" in result.stderr and "AF712" in result.stderr
    assert "SECRET-VALUE" not in result.output and "HIDDEN-TEXT" not in result.output


def test_docx_extract_many_forms_into_a_folder(run_cli, render, tmp_path):
    forms = tmp_path / "returned"
    forms.mkdir()
    (forms / "C0412.docx").write_bytes(fill(render(KITCHEN_SINK), {"child-id": "C0412"}))
    (forms / "C0413.docx").write_bytes(fill(render(KITCHEN_SINK), {"child-id": "C0413"}))
    (forms / "C0414.docx").write_bytes(b"not a form")
    out = tmp_path / "audits"
    result = run_cli("extract", KITCHEN_SINK, *sorted(forms.iterdir()), "-o", out)
    assert result.exit_code == 1
    assert "2 of 3 forms read" in result.stderr
    assert "C0414.docx: error[AF701]" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["C0412.json", "C0413.json"]
    audit = json.loads((out / "C0413.json").read_text(encoding="utf-8"))
    assert (audit["audit_id"], audit["answers"]) == ("C0413", {"child-id": "C0413"})


def test_docx_extract_many_checks_every_output_before_writing(run_cli, render, tmp_path):
    forms = [tmp_path / "a.docx", tmp_path / "b.docx"]
    for form in forms:
        form.write_bytes(render(KITCHEN_SINK))
    out = tmp_path / "audits"
    out.mkdir()
    (out / "b.json").write_text("earlier work", encoding="utf-8")
    result = run_cli("extract", KITCHEN_SINK, *forms, "-o", out)
    assert result.exit_code == 2
    assert sorted(p.name for p in out.iterdir()) == ["b.json"]
    result = run_cli("extract", KITCHEN_SINK, *forms, "-o", out, "--audit-id", "x")
    assert result.exit_code == 2


def test_docx_extract_refuses_a_huge_file_without_reading_it(run_cli, render, tmp_path, monkeypatch):
    import auditforms.extract.package as package

    monkeypatch.setattr(package, "MAX_FILE_BYTES", 1024)
    form = tmp_path / "big.docx"
    form.write_bytes(render(KITCHEN_SINK))
    result = run_cli("extract", KITCHEN_SINK, form, "-o", tmp_path / "a.json")
    assert result.exit_code == 1
    assert "error[AF702]" in result.stderr


def test_docx_form_read_as_final_does_not_take_accepted_judgements_for_the_auditors(run_cli, tmp_path):
    """The auditor finalised in Word and took the moderator's grade for Q2: the form holds the
    finalised answers, so they are not recorded as the judgements as moderated, and ``check``
    gives no AF632 (a moderated judgement the same as the auditor's) for the accepted grade."""
    from docx_answers import MODERATION, answers

    form = tmp_path / "form.docx"
    assert run_cli("render", KITCHEN_SINK, "--format", "docx", "-o", form).exit_code == 0
    finalised = answers()
    finalised["q2"] = {**finalised["q2"], "judgement": "meets-good"}
    values = controls_for(finalised, MODERATION)
    values["_moderation.q2.judgement"] = "meets-good"
    form.write_bytes(fill(form.read_bytes(), values))
    out = {status: tmp_path / f"{status}.json" for status in ("moderated", "final")}
    for status, path in out.items():
        assert run_cli("extract", KITCHEN_SINK, form, "-o", path, "--status", status).exit_code == 0
    as_moderated = json.loads(out["moderated"].read_text(encoding="utf-8"))["moderation"]
    assert as_moderated["auditor_judgements"]["q2"] == "meets-good"
    final = json.loads(out["final"].read_text(encoding="utf-8"))
    assert final["moderation"]["judgements"] == {"q2": "meets-good"}
    assert "auditor_judgements" not in final["moderation"]
    checked = run_cli("check", KITCHEN_SINK, out["final"])
    assert "AF632" not in checked.output
    assert "AF632" in run_cli("check", KITCHEN_SINK, out["moderated"]).output
