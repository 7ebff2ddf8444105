"""The final copy of a completed audit: what it says, the tagged PDF, the read-only Word copy, the CLI."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from auditforms.renderers import RenderOptions, get_renderer
from auditforms.renderers.final_copy.content import Grid, Heading, Note, final_copy
from auditforms.renderers.final_copy.html import to_html

ROOT = Path(__file__).resolve().parents[2]
TORBAY = ROOT / "definitions" / "torbay-full-audit.yaml"
TORBAY_AUDIT = ROOT / "tests/fixtures/audits/torbay-full-audit/child-final.json"
MULTI_AGENCY = ROOT / "definitions" / "multi-agency-children-in-care.yaml"
KITCHEN_SINK = ROOT / "tests/fixtures/definitions/kitchen-sink.yaml"
KITCHEN_AUDIT = ROOT / "tests/fixtures/audits/kitchen-sink/child-0412.json"


@pytest.fixture(scope="module")
def torbay():
    from auditforms.api import load_definition

    return load_definition(TORBAY)


@pytest.fixture(scope="module")
def audit() -> dict:
    return json.loads(TORBAY_AUDIT.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def pdf(torbay, audit) -> bytes:
    return get_renderer("pdf").render(torbay, RenderOptions(completed=audit))


def _texts(blocks) -> list[str]:
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(block.text)
        else:
            out += [text for row in block.rows for text in row]
    return out


def test_final_copy_says_every_question_with_its_judgement_label(torbay, audit):
    copy = final_copy(torbay, audit)
    headings = [b.text for b in copy.blocks if isinstance(b, Heading)]
    for question in torbay.index.questions():
        assert any(h.startswith(f"{question.number}. ") for h in headings), question.id
    texts = _texts(copy.blocks)
    assert "Meets good" in texts and "meets-good" not in texts
    assert "12/11/2026" in texts  # the audit date, the British way


def test_final_copy_puts_the_moderators_record_beside_the_part(torbay, audit):
    blocks = final_copy(torbay, audit).blocks
    q5 = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text.startswith("5. "))
    moderator = blocks[q5 + 2]
    assert isinstance(moderator, Note) and moderator.who == "Moderator"
    assert ("Moderated judgement", "Meets good") in moderator.rows
    assert ("Comment", audit["moderation"]["comments"]["q5"]) in moderator.rows
    assert ("Evidence: An auditor overview demonstrating professional analysis", "Not met") in moderator.rows
    reply = blocks[q5 + 3]
    assert isinstance(reply, Note) and ("Reply", "Added an overview.") in reply.rows
    history = next(b for b in blocks if isinstance(b, Grid) and b.caption == "History")
    assert [r[0] for r in history.rows] == ["submitted", "moderated", "finalised"]


def test_final_copy_names_answers_to_parts_that_do_not_apply(kitchen_sink):
    audit = json.loads(KITCHEN_AUDIT.read_text(encoding="utf-8"))
    audit["answers"]["uasc"] = "no"  # the UASC section does not apply, but it was answered
    audit["answers"]["uasc-age-assessment"] = {"judgement": "good"}
    blocks = final_copy(kitchen_sink, audit).blocks
    skipped = next(b for b in blocks if isinstance(b, Heading) and b.text == "Answers not printed")
    note = blocks[blocks.index(skipped) + 1]
    assert note.rows[0][1] == "2. Unaccompanied asylum-seeking children"


def test_final_copy_escapes_what_the_audit_says(torbay, audit):
    hostile = json.loads(json.dumps(audit))
    hostile["answers"]["q1"]["evidence"] = "<script>alert(1)</script> & more"
    html = to_html(final_copy(torbay, hostile))
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in html


def test_final_copy_pdf_is_tagged_with_fonts_embedded(pdf):
    assert pdf.startswith(b"%PDF")
    if not shutil.which("pdfinfo"):
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout.decode()
    assert "Tagged:          yes" in info
    fonts = subprocess.run(["pdffonts", "-"], input=pdf, capture_output=True, check=True, timeout=60).stdout.decode()
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes yes yes " in row for row in rows), fonts


def test_final_copy_pdf_has_the_marking_on_every_page(run_cli, tmp_path):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    from auditforms.api import load_definition

    definition = load_definition(KITCHEN_SINK)
    audit = json.loads(KITCHEN_AUDIT.read_text(encoding="utf-8"))
    data = get_renderer("pdf").render(definition, RenderOptions(completed=audit))
    pages = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True,
                           timeout=60).stdout.decode().split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= 2
    assert all(definition.marking.label in page for page in pages)


def test_final_copy_docx_is_read_only_and_holds_no_controls(torbay, audit):
    data = get_renderer("docx").render(torbay, RenderOptions(completed=audit))
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        settings = package.read("word/settings.xml").decode()
        document = package.read("word/document.xml").decode()
    assert 'w:edit="readOnly"' in settings and 'w:enforcement="1"' in settings
    assert "<w:sdt>" not in document
    assert "Added an overview." in document and "M. Moderator" in document


@pytest.mark.libreoffice
def test_final_copy_docx_opens_in_libreoffice(torbay, audit, tmp_path):
    from testsupport import libreoffice

    source = tmp_path / "final.docx"
    source.write_bytes(get_renderer("docx").render(torbay, RenderOptions(completed=audit)))
    text = libreoffice(tmp_path / "libreoffice").convert(source, "txt:Text (encoded):UTF8", tmp_path).read_text(
        encoding="utf-8")
    assert "Decision making is effective and timely." in text and "Added an overview." in text


def test_render_final_copy_cli_writes_pdf_and_docx(run_cli, tmp_path):
    out = tmp_path / "copies"
    out.mkdir()
    result = run_cli("render", TORBAY, "--data", TORBAY_AUDIT, "--format", "pdf,docx", "-o", out)
    assert result.exit_code == 0, result.output
    assert (out / "torbay-full-audit.pdf").read_bytes().startswith(b"%PDF")
    assert (out / "torbay-full-audit.docx").read_bytes().startswith(b"PK")
    assert "note:" not in result.output  # the audit is final


def test_render_pdf_needs_a_completed_audit(run_cli, tmp_path):
    result = run_cli("render", TORBAY, "--format", "pdf", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and "--data AUDIT.json" in result.output
    assert not (tmp_path / "x.pdf").exists()


def test_render_html_refuses_a_completed_audit(run_cli, tmp_path):
    result = run_cli("render", TORBAY, "--data", TORBAY_AUDIT, "--format", "html", "-o", tmp_path / "x.html")
    assert result.exit_code == 2 and "cannot print a completed audit" in result.output


def test_render_final_copy_refuses_an_audit_with_errors(run_cli, tmp_path, audit):
    broken = json.loads(json.dumps(audit))
    broken["answers"]["q1"]["judgement"] = "brilliant"
    source = tmp_path / "broken.json"
    source.write_text(json.dumps(broken))
    result = run_cli("render", TORBAY, "--data", source, "--format", "pdf", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 1 and "error[" in result.output
    assert "brilliant" not in result.output  # messages never quote an answer
    assert not (tmp_path / "x.pdf").exists()


def test_render_final_copy_notes_an_audit_that_is_not_final(run_cli, tmp_path):
    result = run_cli("render", KITCHEN_SINK, "--data", KITCHEN_AUDIT, "--format", "pdf", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 0, result.output
    assert "not 'final'" in result.output


def test_render_sample_refuses_the_pdf_format(run_cli, tmp_path):
    sample = tmp_path / "sample.csv"
    sample.write_text("child_id\nC1\n")
    result = run_cli("render", TORBAY, "--sample", sample, "--format", "pdf", "-o", tmp_path / "out")
    assert result.exit_code == 2


def test_multi_agency_final_copy_has_section_grades(tmp_path):
    from auditforms.api import load_definition

    definition = load_definition(MULTI_AGENCY)
    copy = final_copy(definition, {"audit_id": "x", "status": "submitted", "answers": {}})
    assert copy.marking == "RESTRICTED WHEN COMPLETED"
    assert any(isinstance(b, Heading) for b in copy.blocks)
