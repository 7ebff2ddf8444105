"""A tool's companion forms in a sample batch: written beside the tool's, read apart by status."""

from __future__ import annotations

import json
from pathlib import Path

from sampling_support import write_csv

ROOT = Path(__file__).resolve().parents[2]
SCHOOL = ROOT / "definitions" / "examples" / "family-school-self-audit.yaml"
SAMPLE = "Child ID,Team,Auditor,Due date\nC1,Early Help,Ann,15/12/2026\nC2,Early Help,Bob,15/12/2026\n"


def _return(tool: str, version: str, child: str) -> str:
    return json.dumps({"format": "auditforms/completed-audit", "format_version": 1,
                       "definition": {"id": tool, "version": version}, "audit_id": child,
                       "status": "submitted", "answers": {"child-id": child, "audit-date": "2026-12-05"}})


def test_render_sample_writes_the_companions_forms_and_status_reads_them_apart(run_cli, tmp_path: Path) -> None:
    sample = write_csv(tmp_path / "sample.csv", SAMPLE)
    batch = tmp_path / "batch"
    made = run_cli("render", SCHOOL, "--sample", sample, "-f", "html", "-o", batch)
    assert made.exit_code == 0, made.output
    assert "wrote 2 forms and 2 companion forms (under companions/)" in made.stderr
    companion = batch / "companions" / "family-early-help"
    assert sorted(p.name for p in companion.iterdir()) == ["C1.html", "C2.html"]
    manifest = json.loads((batch / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["companions"][0]["tool"] == "family-early-help"
    assert manifest["companions"][0]["forms"]["C1"] == {"html": "companions/family-early-help/C1.html"}
    assert {f["kind"] for f in manifest["files"]} >= {"form", "companion-form"}
    index = (batch / "index.html").read_text(encoding="utf-8")
    assert "Completed beside: The QA service" in index and 'href="companions/family-early-help/C2.html"' in index
    assert "<title>Example early help audit" in (companion / "C1.html").read_text(encoding="utf-8")

    # The companion's return is saved anywhere in the batch: it is known by the tool it names.
    (batch / "C1-early-help.json").write_text(_return("family-early-help", "1.0.0", "C1"), encoding="utf-8")
    result = run_cli("status", SCHOOL, batch, "--format", "json", "--today", "2026-12-01")
    report = json.loads(result.stdout)
    states = {c["child_id"]: c["state"] for c in report["children"]}
    assert states == {"C1": "outstanding", "C2": "outstanding"}  # not taken for the self-audit
    assert report["unmatched"] == []
    returned = report["companions"][0]
    assert returned["tool"] == "family-early-help"
    assert [(r["file"], r["child_id"]) for r in returned["returned"]] == [("C1-early-help.json", "C1")]
    text = run_cli("status", SCHOOL, batch, "--today", "2026-12-01")
    assert "companion family-early-help: 1 returned (not counted as the audit's returns)" in text.stdout
