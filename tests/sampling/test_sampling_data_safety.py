"""Data safety of ``render --sample``: one run at a time, interrupted runs cleaned up, and no
returned audit lost, with real concurrent processes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from sampling_support import write_csv
from test_sampling_batch import SAMPLE, render
from tests.conftest import KITCHEN_SINK

from auditforms.cli import folder_swap
from auditforms.cli.locking import lock_path

HERE = Path(__file__).resolve().parent
DRIVER = f"""
import sys
sys.path.insert(0, {str(HERE)!r})
from auditforms.renderers import REGISTRY
REGISTRY["fakeform"] = "sampling_fake_renderer:FORM"
from auditforms.cli import main
main(sys.argv[1:])
"""


def start_render(sample: Path, out: Path, *extra: str) -> subprocess.Popen[str]:
    """``auditforms render --sample`` in a real process, each form taking a moment."""
    env = {**os.environ, "FAKE_RENDER_SECONDS": "0.3", "AUDITFORMS_WORKERS": "1"}
    args = ["render", str(KITCHEN_SINK), "--sample", str(sample), "--format", "fakeform",
            "-o", str(out), *extra]
    return subprocess.Popen([sys.executable, "-c", DRIVER, *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def finish(process: subprocess.Popen[str]) -> tuple[int, str]:
    _, err = process.communicate(timeout=60)
    return process.returncode, err


def sample_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "sample.csv", SAMPLE, bom=True)


def test_two_runs_at_once_never_both_write(tmp_path: Path) -> None:
    sample, out = sample_file(tmp_path), tmp_path / "batch"
    first, second = start_render(sample, out), start_render(sample, out)
    results = [finish(first), finish(second)]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 2], results
    refused = next(err for code, err in results if code == 2)
    assert "AF820" in refused or "AF810" in refused
    assert len(refused.strip().splitlines()) == 1
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["children"]) == 3
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_concurrent_forced_runs_keep_a_returned_audit(tmp_path: Path) -> None:
    sample, out = sample_file(tmp_path), tmp_path / "batch"
    assert finish(start_render(sample, out))[0] == 0
    returned = out / "returned" / "2026-12-C1.json"
    returned.parent.mkdir()
    returned.write_text('{"format": "auditforms/completed-audit"}')
    runs = [start_render(sample, out, "--force", "--wait") for _ in range(2)]
    assert [finish(run)[0] for run in runs] == [0, 0]
    assert returned.read_text() == '{"format": "auditforms/completed-audit"}'
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_run_refuses_while_the_folder_is_locked_and_waits_with_wait(run_cli, fake_renderers,
                                                                      tmp_path: Path) -> None:
    sample, out = sample_file(tmp_path), tmp_path / "batch"
    holder = start_render(sample, out)
    try:
        while not lock_path(out).exists():
            pass
        refused = render(run_cli, sample, out, formats="fakeform")
        assert refused.exit_code == 2
        assert refused.stderr.strip() == (f"{out}: error[AF820] another auditforms run is using this "
                                          "folder; wait for it to finish and run again, or pass --wait")
        waited = render(run_cli, sample, tmp_path / "other", "--wait", formats="fakeform")
        assert waited.exit_code == 0
    finally:
        assert finish(holder)[0] == 0
    assert render(run_cli, sample, out, "--force", "--wait", formats="fakeform").exit_code == 0


def test_an_interrupted_runs_hidden_folder_is_removed_and_reported(run_cli, fake_renderers,
                                                                   tmp_path: Path) -> None:
    sample, out = sample_file(tmp_path), tmp_path / "batch"
    left = tmp_path / ".batch.partial-k3j2"
    (left / "nested").mkdir(parents=True)
    (left / "nested" / "2026-12-C1.form.txt").write_text("a pre-filled form about a child")
    result = render(run_cli, sample, out)
    assert result.exit_code == 0
    assert not left.exists()
    notes = [line for line in result.stderr.splitlines() if "AF822" in line]
    assert notes == [f"{out}: note[AF822] removed 1 unfinished folder of forms left by an "
                     "interrupted run"]


def test_work_saved_into_the_folder_during_a_run_is_never_deleted(tmp_path: Path) -> None:
    out = tmp_path / "batch"
    out.mkdir()
    (out / "notes.txt").write_text("kept")
    keep = folder_swap.files_to_keep(out)
    partial = folder_swap.start(out)
    folder_swap.carry_over(out, partial, keep)
    (out / "late-return.json").write_text("{}")  # saved while the forms were rendering
    aside = folder_swap.finish(partial, out, keep)
    assert aside is not None and (aside / "late-return.json").read_text() == "{}"
    assert (out / "notes.txt").read_text() == "kept"


def test_the_due_date_and_the_auditor_reach_every_form(run_cli, fake_renderers, tmp_path: Path) -> None:
    sample, out = sample_file(tmp_path), tmp_path / "batch"
    assert render(run_cli, sample, out).exit_code == 0
    form = json.loads((out / "2026-12-C2.form.txt").read_text())
    assert form["due_date"] == "2026-12-15"
    assert form["prefill"]["auditor-name"] == "Bob Ray"
