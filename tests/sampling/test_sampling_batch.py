"""``auditforms render --sample``: one pre-filled form per child, index, manifest, safety."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest
from sampling_fake_renderer import FAIL_ON_CHILD
from sampling_support import write_csv
from tests.conftest import KITCHEN_SINK

from auditforms.sampling.batch import safe_name

SAMPLE = (
    "Audit ID,Child ID,Initials,Team,Age band,Age,Strand,Flags,Auditor,Auditor's area of service,"
    "Auditor email,Due date\n"
    "2026-12-C1,C1,AB,Early Help,11-15,12,Help and protection,UASC,Ann <b>Lee</b>,CiC,a@example.org,15/12/2026\n"
    "2026-12-C2,C2,C&D,Children in Care,0,0,Care Leavers,,Bob Ray,EH,,2026-12-15\n"
    "../../etc/passwd,C3,EF,<script>alert(1)</script>,,,,,Bob Ray,EH,,2026-12-15\n"
)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "sample.csv", SAMPLE, bom=True)


def render(run_cli, sample: Path, out: Path, *extra: str, formats: str = "fakeform,fakedoc"):
    return run_cli("render", KITCHEN_SINK, "--sample", sample, "--format", formats, "-o", out, *extra)


def test_one_prefilled_form_per_child_per_format(run_cli, fake_renderers, sample, tmp_path):
    out = tmp_path / "batch"
    result = render(run_cli, sample, out)
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["2026-12-C1.form.txt", "2026-12-C1.doc.txt", "2026-12-C2.form.txt",
                            "2026-12-C2.doc.txt", "etc-passwd.form.txt", "etc-passwd.doc.txt",
                            "index.html", "manifest.json"])
    form = json.loads((out / "2026-12-C1.form.txt").read_text())
    assert form["audit_id"] == "2026-12-C1"
    assert form["prefill"] == {"child-id": "C1", "team": "Early Help", "age-band": "11-15",
                               "child-age": 12, "strand": ["help-and-protection"], "uasc": "yes",
                               "auditor-name": "Ann <b>Lee</b>"}
    second = json.loads((out / "2026-12-C2.doc.txt").read_text())["prefill"]
    assert second["strand"] == ["care-leavers"] and second["age-band"] == "0"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_manifest_records_every_file_with_its_hash(run_cli, fake_renderers, sample, tmp_path):
    out = tmp_path / "batch"
    render(run_cli, sample, out)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["format"] == "auditforms/sample-batch"
    assert manifest["definition"] == {"id": "kitchen-sink", "version": "1.2.0"}
    assert manifest["seed"] is None  # no .meta.json beside this hand-made sample
    assert [c["child_id"] for c in manifest["children"]] == ["C1", "C2", "C3"]
    assert len(manifest["files"]) == 7
    for entry in manifest["files"]:
        data = (out / entry["path"]).read_bytes()
        assert entry["sha256"] == hashlib.sha256(data).hexdigest() and entry["bytes"] == len(data)


def test_seed_comes_from_the_sample_metadata(run_cli, fake_renderers, sample, tmp_path):
    digest = hashlib.sha256(sample.read_bytes()).hexdigest()
    (tmp_path / "sample.meta.json").write_text(json.dumps(
        {"seed": 4321, "reference_date": "2026-12-01", "sample_sha256": digest,
         "definition": {"id": "kitchen-sink"}}))
    render(run_cli, sample, tmp_path / "batch")
    manifest = json.loads((tmp_path / "batch" / "manifest.json").read_text())
    assert manifest["seed"] == 4321 and manifest["sample"]["edited_since_drawn"] is False
    assert "4321" in (tmp_path / "batch" / "index.html").read_text()


def test_index_escapes_everything_and_needs_no_network(run_cli, fake_renderers, sample, tmp_path):
    render(run_cli, sample, tmp_path / "batch")
    page = (tmp_path / "batch" / "index.html").read_text()
    assert "<script" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "Ann &lt;b&gt;Lee&lt;/b&gt;" in page and "C&amp;D" in page
    assert "http://" not in page and "https://" not in page
    assert 'href="2026-12-C1.form.txt"' in page


def test_existing_folder_is_refused_without_force(run_cli, fake_renderers, sample, tmp_path):
    out = tmp_path / "batch"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    result = render(run_cli, sample, out)
    assert result.exit_code == 2 and "already exists" in result.stderr
    assert [p.name for p in out.iterdir()] == ["notes.txt"]


def test_force_replaces_generated_forms_but_keeps_returned_work(run_cli, fake_renderers, sample,
                                                                 tmp_path):
    out = tmp_path / "batch"
    render(run_cli, sample, out)
    (out / "2026-12-C1.doc.txt").write_text("filled in by the auditor")
    (out / "returned").mkdir()
    (out / "returned" / "C2.json").write_text("{}")
    os.utime(out / "2026-12-C2.form.txt", (0, 0))
    result = render(run_cli, sample, out, "--force")
    assert result.exit_code == 0, result.output
    assert (out / "2026-12-C1.doc.txt").read_text() == "filled in by the auditor"
    assert (out / "returned" / "C2.json").read_text() == "{}"
    assert "2026-12-C1.doc.txt: kept" in result.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    kept = {k["path"] for k in manifest["kept"]}
    assert kept == {"2026-12-C1.doc.txt", "returned/C2.json"}
    assert "2026-12-C1.doc.txt" not in {f["path"] for f in manifest["files"]}
    assert os.stat(out / "2026-12-C2.form.txt").st_mtime > 0  # regenerated
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


@pytest.mark.parametrize("in_workers", [False, True])
def test_failure_mid_batch_leaves_nothing_that_looks_finished(run_cli, fake_renderers, tmp_path,
                                                              monkeypatch, in_workers):
    if in_workers:
        monkeypatch.setattr("auditforms.cli.render_pool.WORTH_WORKERS_SECONDS", 0.0)
    rows = "".join(f"C{i},Early Help,Bob\n" for i in range(30))
    sample = write_csv(tmp_path / "s.csv", f"Child ID,Team,Auditor\n{rows}{FAIL_ON_CHILD},EH,Bob\n")
    result = render(run_cli, sample, tmp_path / "batch")
    assert result.exit_code == 1
    assert f"the fakeform form for child {FAIL_ON_CHILD} could not be rendered" in result.stderr
    assert list(tmp_path.iterdir()) == [sample]


def test_failure_on_rerun_leaves_the_previous_batch_untouched(run_cli, fake_renderers, sample,
                                                              tmp_path):
    out = tmp_path / "batch"
    render(run_cli, sample, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    broken = write_csv(tmp_path / "b.csv", f"Child ID,Team\nC1,EH\n{FAIL_ON_CHILD},EH\n")
    assert render(run_cli, broken, out, "--force").exit_code == 1
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv", "batch", "sample.csv"]


def test_formats_that_cannot_be_prefilled_are_refused(run_cli, fake_renderers, sample, tmp_path):
    result = render(run_cli, sample, tmp_path / "batch", formats="fakeplain")
    assert result.exit_code == 2 and "cannot be pre-filled" in result.stderr


def test_duplicate_children_and_bad_rows_are_errors(run_cli, fake_renderers, tmp_path):
    sample = write_csv(tmp_path / "s.csv", "Child ID;Due date\nC1;2026-12-15\nc1;\n;2026-12-15\nC4;31/13/2026\n")
    result = render(run_cli, sample, tmp_path / "batch")
    assert result.exit_code == 1
    assert f"{sample}:3:1: error[AF805] this row of the sample is the same child as line 2" in result.stderr
    assert "c1" not in result.stderr.split("error[AF805]")[1].splitlines()[0]  # the id is not quoted
    assert f"{sample}:4:1: error[AF804] the child id is blank" in result.stderr
    assert f"{sample}:5:4: error[AF803] due date:" in result.stderr
    assert not (tmp_path / "batch").exists()


def test_prefill_value_that_does_not_fit_is_a_warning(run_cli, fake_renderers, tmp_path):
    sample = write_csv(tmp_path / "s.csv", "Child ID,Strand\nC1,Astrology\n")
    result = render(run_cli, sample, tmp_path / "batch")
    assert result.exit_code == 0
    assert "s.csv:2:1: warning[AF809] the value in the 'Strand' column does not fit the field 'Strand'" \
        in result.stderr
    assert "Astrology" not in result.stderr  # a case-list value is never quoted
    form = json.loads((tmp_path / "batch" / "C1.form.txt").read_text())
    assert form["prefill"] == {"child-id": "C1"}


@pytest.mark.parametrize(("audit_id", "expected"), [
    ("2026-12-C1", "2026-12-C1"), ("../x", "x"), ("a b/c\\d", "a-b-c-d"), ("CON", "_CON"),
    ("Zoë", "Zoe"), ("...", "audit"), ("x" * 200, "x" * 80),
])
def test_safe_names(audit_id, expected):
    assert safe_name(audit_id) == expected


def test_names_that_clash_are_numbered(run_cli, fake_renderers, tmp_path):
    sample = write_csv(tmp_path / "s.csv", "Audit ID,Child ID\na/b,C1\na b,C2\nA-B,C3\n")
    assert render(run_cli, sample, tmp_path / "batch", formats="fakeform").exit_code == 0
    assert sorted(p.name for p in (tmp_path / "batch").glob("*.form.txt")) == [
        "A-B-3.form.txt", "a-b-2.form.txt", "a-b.form.txt"]


def test_worker_processes_give_the_same_files_as_one_process(run_cli, fake_renderers, tmp_path,
                                                             monkeypatch):
    from auditforms.cli.workers import worker_count

    rows = "".join(f"C{i},Early Help,Bob\n" for i in range(12))
    sample = write_csv(tmp_path / "s.csv", f"Child ID,Team,Auditor\n{rows}")
    monkeypatch.setenv("AUDITFORMS_WORKERS", "1")
    assert worker_count(24) == 1
    assert render(run_cli, sample, tmp_path / "one").exit_code == 0
    monkeypatch.setenv("AUDITFORMS_WORKERS", "2")
    monkeypatch.setattr("auditforms.cli.render_pool.WORTH_WORKERS_SECONDS", 0.0)
    assert render(run_cli, sample, tmp_path / "many").exit_code == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert one == {p.name: p.read_bytes() for p in (tmp_path / "many").iterdir()}
    assert len(one) == 26


def test_a_rendering_worker_that_dies_costs_time_never_forms(run_cli, fake_renderers, tmp_path, monkeypatch):
    """A worker killed mid-batch (out of memory, or by hand) neither hangs ``render --sample``
    nor loses a form: the forms it had not given are rendered in the command. Workers are
    replaced every few forms too, so the batch spans several pools."""
    import os
    import signal

    from auditforms.cli import render_pool

    rows = "".join(f"C{i},Early Help,Bob\n" for i in range(12))
    sample = write_csv(tmp_path / "s.csv", f"Child ID,Team,Auditor\n{rows}")
    monkeypatch.setenv("AUDITFORMS_WORKERS", "1")
    assert render(run_cli, sample, tmp_path / "one").exit_code == 0
    monkeypatch.setenv("AUDITFORMS_WORKERS", "2")
    monkeypatch.setattr("auditforms.cli.workers.os.cpu_count", lambda: 2)
    monkeypatch.setattr(render_pool, "WORTH_WORKERS_SECONDS", 0.0)
    monkeypatch.setattr(render_pool, "TASKS_PER_WORKER", 2)
    work = render_pool._work

    def dying(index: int):
        if index == 13:  # in the fourth pool
            os.kill(os.getpid(), signal.SIGKILL)
        return work(index)

    dying.__module__, dying.__qualname__ = render_pool.__name__, "_work"  # sent to workers by name
    monkeypatch.setattr(render_pool, "_work", dying)
    assert render(run_cli, sample, tmp_path / "many").exit_code == 0
    one = {p.name: p.read_bytes() for p in (tmp_path / "one").iterdir()}
    assert one == {p.name: p.read_bytes() for p in (tmp_path / "many").iterdir()}


def test_extra_columns_fill_central_fields_by_id_or_label(run_cli, fake_renderers, tmp_path):
    sample = write_csv(tmp_path / "s.csv", "Child ID,Legal status,Age,Auditor name,Notes\n"
                                           "C1,section 20,7,Ann,private note\n")
    assert render(run_cli, sample, tmp_path / "batch", formats="fakeform").exit_code == 0
    prefill = json.loads((tmp_path / "batch" / "C1.form.txt").read_text())["prefill"]
    # auditor-name is completed by the auditor, so the sample never fills it
    assert prefill == {"child-id": "C1", "legal-status": "s20", "child-age": 7}
