"""``auditforms render --format html`` writes one self-contained page, atomically."""

from __future__ import annotations

from tests.conftest import KITCHEN_SINK


def test_html_render_command_writes_the_form(run_cli, tmp_path):
    out = tmp_path / "kitchen-sink.html"
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "-o", out)
    assert result.exit_code == 0, result.output
    html = out.read_text("utf-8")
    assert html.startswith("<!DOCTYPE html>") and 'http-equiv="Content-Security-Policy"' in html
    assert "<link" not in html and "src=" not in html  # nothing is loaded from anywhere
    assert f"wrote {out}" in result.stderr


def test_html_render_command_will_not_overwrite_without_force(run_cli, tmp_path):
    out = tmp_path / "form.html"
    out.write_text("keep me", "utf-8")
    result = run_cli("render", KITCHEN_SINK, "--format", "html", "-o", out)
    assert result.exit_code == 2
    assert out.read_text("utf-8") == "keep me"
    assert run_cli("render", KITCHEN_SINK, "--format", "html", "-o", out, "--force").exit_code == 0
    assert out.read_text("utf-8").startswith("<!DOCTYPE html>")
