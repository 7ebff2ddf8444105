"""The final copy refuses, in one line and before any layout, an audit far larger than any real one.

WeasyPrint's time grows faster than the copy: an audit that ``check`` accepts with 10,000
action rows took 168 s to print. The huge audits here are only built and measured, never
laid out: the PDF engine is made unimportable, so a refusal that came too late would fail
as EngineMissing instead of AuditTooLarge.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from auditforms.renderers import RenderOptions, get_renderer
from auditforms.renderers.final_copy import AuditTooLarge
from auditforms.renderers.final_copy.content import (
    MAX_CHARACTERS,
    MAX_ROWS,
    MAX_TABLE_ROWS,
    Grid,
    final_copy,
    refuse_oversized,
)

ROOT = Path(__file__).resolve().parents[2]
TORBAY = ROOT / "definitions" / "torbay-full-audit.yaml"
TORBAY_AUDIT = ROOT / "tests/fixtures/audits/torbay-full-audit/child-final.json"


@pytest.fixture(scope="module")
def torbay():
    from auditforms.api import load_definition

    return load_definition(TORBAY)


@pytest.fixture
def audit() -> dict:
    return json.loads(TORBAY_AUDIT.read_text(encoding="utf-8"))


@pytest.fixture
def no_engine(monkeypatch):
    """WeasyPrint cannot be imported: reaching it raises EngineMissing, not AuditTooLarge."""
    monkeypatch.setitem(sys.modules, "weasyprint", None)


def _actions(audit: dict, count: int) -> dict:
    row = {"action": "Review the plan with the family.", "person": "Social worker",
           "completion-date": "2026-12-02", "sign-off-date": "2026-12-20"}
    audit["answers"]["actions"] = [dict(row) for _ in range(count)]
    return audit


def _grid_rows(torbay, audit: dict) -> int:
    return sum(len(b.rows) for b in final_copy(torbay, audit).blocks if isinstance(b, Grid))


def test_a_real_audit_is_well_inside_the_limits(torbay, audit):
    refuse_oversized(final_copy(torbay, audit))
    # a long real audit: fifty actions, every narrative 5,000 characters
    for n in range(1, 13):
        audit["answers"][f"q{n}"] |= {"evidence": "e" * 5_000, "impact": "i" * 5_000}
    refuse_oversized(final_copy(torbay, _actions(audit, 50)))


def test_the_table_row_limit_is_exact(torbay, audit):
    others = _grid_rows(torbay, _actions(audit, 0)) - 1  # "None recorded" stands in for no actions
    refuse_oversized(final_copy(torbay, _actions(audit, MAX_TABLE_ROWS - others)))
    with pytest.raises(AuditTooLarge, match=f"its tables have {MAX_TABLE_ROWS + 1} rows"):
        refuse_oversized(final_copy(torbay, _actions(audit, MAX_TABLE_ROWS - others + 1)))


@pytest.mark.parametrize("name", ["pdf", "docx"])
def test_thousands_of_action_rows_are_refused_before_layout(torbay, audit, no_engine, name):
    with pytest.raises(AuditTooLarge) as refused:
        get_renderer(name).render(torbay, RenderOptions(completed=_actions(audit, 10_000)))
    message = str(refused.value)
    assert "10,003 rows (a final copy prints at most 500)" in message
    assert "'auditforms check' and the HTML form still take it" in message
    assert "\n" not in message


def test_huge_narratives_are_refused(torbay, audit, no_engine):
    audit["answers"]["q1"]["evidence"] = "word " * (MAX_CHARACTERS // 5)
    with pytest.raises(AuditTooLarge, match=r"characters \(a final copy prints at most 200,000\)"):
        get_renderer("pdf").render(torbay, RenderOptions(completed=audit))


def test_thousands_of_moderator_ticks_are_refused(torbay, audit, no_engine):
    # ticks for items the tool does not have are only a warning to check, and each is printed
    audit["moderation"]["checklist"]["q5"] |= {f"item-{i}": True for i in range(MAX_ROWS)}
    with pytest.raises(AuditTooLarge, match=r"rows in all \(a final copy prints at most 2,000\)"):
        get_renderer("docx").render(torbay, RenderOptions(completed=audit))


def test_render_refuses_a_huge_audit_in_one_line(run_cli, tmp_path, audit, no_engine):
    source = tmp_path / "huge.json"
    source.write_text(json.dumps(_actions(audit, 600)), encoding="utf-8")
    out = tmp_path / "x.pdf"
    result = run_cli("render", TORBAY, "--data", source, "--format", "pdf", "-o", out)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{source}: error[AF680] the audit is too large for a final copy")
    assert not out.exists()
    assert run_cli("check", TORBAY, source).exit_code == 0


def test_a_normal_audit_still_renders(torbay, audit):
    assert get_renderer("pdf").render(torbay, RenderOptions(completed=audit)).startswith(b"%PDF")
    assert get_renderer("docx").render(torbay, RenderOptions(completed=audit)).startswith(b"PK")
