"""`auditforms render --data` end to end: case details reach the HTML and Word forms."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

KITCHEN_SINK = Path(__file__).resolve().parent / "fixtures" / "definitions" / "kitchen-sink.yaml"

CASE = "child-id: C0999\nteam: Children in Care\nage-band: 16-21\nuasc: \"yes\"\n"


def test_html_form_is_prefilled(run_cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE)
    out = tmp_path / "form.html"
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "--data", case, "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert 'value="C0999"' in html and "Children in Care" in html


def test_word_form_is_prefilled_and_extracts(run_cli, tmp_path: Path, kitchen_sink) -> None:
    case = tmp_path / "case.yaml"
    case.write_text(CASE)
    form = tmp_path / "form.docx"
    assert run_cli("render", KITCHEN_SINK, "--format", "docx", "--data", case, "-o", form).exit_code == 0
    audit = tmp_path / "audit.json"
    result = run_cli("extract", KITCHEN_SINK, form, "-o", audit)
    assert result.exit_code == 0, result.output
    answers = json.loads(audit.read_text())["answers"]
    assert (answers["child-id"], answers["team"], answers["age-band"], answers["uasc"]) == (
        "C0999", "Children in Care", "16-21", "yes")


def test_bad_case_data_stops_before_anything_is_written(run_cli, tmp_path: Path) -> None:
    case = tmp_path / "case.yaml"
    case.write_text("child-idd: C0999\n")
    out = tmp_path / "form.html"
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "--data", case, "-o", out)
    assert result.exit_code == 1 and "did you mean 'child-id'" in result.stderr
    assert not out.exists()


def test_several_formats_go_into_a_folder(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "forms"
    result = run_cli("render", KITCHEN_SINK, "--format", "html,docx,schema,dictionary", "-o", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "kitchen-sink.csv", "kitchen-sink.docx", "kitchen-sink.html", "kitchen-sink.json"]


def test_unknown_format_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    result = run_cli("render", KITCHEN_SINK, "--format", "odt", "-o", tmp_path / "x.odt")
    assert result.exit_code == 2 and "choose from html, docx, schema, dictionary" in result.stderr


@pytest.mark.skipif(not hasattr(os, "fchmod"), reason="POSIX permissions")
def test_an_output_gets_the_permissions_a_new_file_would_have(tmp_path):
    """Written atomically (a temporary file, then a rename), yet readable as the user's umask
    says: colleagues sharing the service folder open the report; a replaced file keeps its mode."""
    from auditforms.cli.common import write_atomic

    old = os.umask(0o027)
    try:
        write_atomic(tmp_path / "report.html", b"<p>report</p>")
    finally:
        os.umask(old)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o640
    (tmp_path / "report.html").chmod(0o600)
    write_atomic(tmp_path / "report.html", b"<p>again</p>", force=True)
    assert (tmp_path / "report.html").stat().st_mode & 0o777 == 0o600


def test_marking_replaces_the_tools_own_and_keeps_its_warning(run_cli, tmp_path: Path) -> None:
    """--marking (a service's settings give it) is printed where the tool's marking was; the
    tool's handling note stays."""
    from auditforms.api import load_definition

    own = load_definition(KITCHEN_SINK).marking
    assert own is not None and own.warning  # RESTRICTED WHEN COMPLETED, with its note
    out = tmp_path / "form.html"
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "-o", out, "--marking", "OFFICIAL-SENSITIVE")
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "OFFICIAL-SENSITIVE" in page and own.label not in page and own.warning in page


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes")
def test_force_never_replaces_a_device_or_a_pipe(run_cli, tmp_path: Path) -> None:
    """--force replaced a FIFO (or, as root, /dev/null) with a regular file."""
    pipe = tmp_path / "form.html"
    os.mkfifo(pipe)
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "-o", pipe, "--force")
    assert result.exit_code == 2 and "is not a file (a device, a pipe or a socket)" in result.stderr
    assert not pipe.is_file() and pipe.exists()
