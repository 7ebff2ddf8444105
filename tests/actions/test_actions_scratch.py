"""The private scratch folder of ``actions --split-by`` (the spool of action text, the trackers'
scratch files): removed when the run ends, and by the next run when a run was killed outright."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from actions_support import audit_folder, split_by_service_manager

from auditforms.cli.actions_spool import SCRATCH_PREFIX
from auditforms.cli.scratch import HIDDEN_GRACE_SECONDS, Scratch, ended_by_signals, remove_stale

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="stale folders are found by flock (POSIX)")
PREFIX = "af-test-scratch-"
_HOLD = """
import sys, time
from auditforms.cli.scratch import Scratch
scratch = Scratch(sys.argv[1], sys.argv[2])
(scratch.folder / "actions.sqlite").write_bytes(b"fictional action text")
print(scratch.folder, flush=True)
time.sleep(60)
"""


def _killed_run(parent: Path, prefix: str = PREFIX) -> Path:
    """The folder of a run that made its scratch folder and was then killed with SIGKILL."""
    run = subprocess.Popen([sys.executable, "-c", _HOLD, prefix, str(parent)], stdout=subprocess.PIPE, text=True)
    assert run.stdout is not None
    folder = Path(run.stdout.readline().strip())
    run.kill()
    run.wait()
    assert (folder / "actions.sqlite").exists()
    return folder


def test_the_folder_is_private_and_removed_on_close(tmp_path: Path) -> None:
    scratch = Scratch(PREFIX, str(tmp_path))
    assert scratch.folder.parent == tmp_path and scratch.folder.name.startswith(PREFIX)
    assert scratch.folder.stat().st_mode & 0o777 == 0o700
    assert remove_stale(PREFIX, str(tmp_path)) == []  # its run is alive
    scratch.close()
    assert list(tmp_path.iterdir()) == []


def test_a_killed_runs_folder_is_removed_by_the_next_run_only(tmp_path: Path) -> None:
    stale = _killed_run(tmp_path)
    alive = Scratch(PREFIX, str(tmp_path))  # the next run: removes the stale folder first
    assert not stale.exists() and alive.folder.exists()
    other = tmp_path / "other-data"
    other.mkdir()
    (tmp_path / f"{PREFIX}link").symlink_to(other, target_is_directory=True)
    assert remove_stale(PREFIX, str(tmp_path)) == []  # neither a live run's folder nor a link is touched
    alive.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"{PREFIX}link", "other-data"]


def test_a_hidden_folder_is_left_while_it_may_still_be_in_the_making(tmp_path: Path) -> None:
    hidden = tmp_path / f".{PREFIX}abc"
    hidden.mkdir()
    assert remove_stale(PREFIX, str(tmp_path)) == []
    old = time.time() - HIDDEN_GRACE_SECONDS - 1
    os.utime(hidden, (old, old))
    assert remove_stale(PREFIX, str(tmp_path)) == [hidden] and not hidden.exists()


def test_sigterm_ends_the_block_as_ctrl_c_does_then_the_handler_is_restored() -> None:
    before = signal.getsignal(signal.SIGTERM)
    cleaned = False
    with pytest.raises(KeyboardInterrupt), ended_by_signals():
        try:
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        finally:
            cleaned = True
    assert cleaned and signal.getsignal(signal.SIGTERM) == before


def test_split_trackers_leave_no_scratch_and_clear_a_killed_runs(run_cli, tmp_path: Path, monkeypatch) -> None:
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    stale = _killed_run(temporary, SCRATCH_PREFIX)
    audit_folder(tmp_path)
    made = split_by_service_manager(run_cli, tmp_path, tmp_path / "out")
    assert made.exit_code == 0, made.output
    assert not stale.exists() and list(temporary.iterdir()) == []


_STAGE = """
import sys, time
from pathlib import Path
from auditforms.cli.actions_files import staging_folder
with staging_folder(Path(sys.argv[1]), False) as folder:
    (folder / "HoS A.xlsx").write_bytes(b"half a tracker")
    print(folder, flush=True)
    time.sleep(60)
"""


def test_a_killed_runs_half_written_trackers_beside_the_output_go_with_the_next_run(run_cli, tmp_path: Path) -> None:
    """The trackers are written into a hidden folder beside OUTPUT; a run killed outright leaves
    it (with the text of plans in it), and the next run for that OUTPUT removes it, while a
    live run's folder and a hidden folder of the user's own are left alone."""
    out = tmp_path / "trackers"
    killed = subprocess.Popen([sys.executable, "-c", _STAGE, str(out)], stdout=subprocess.PIPE, text=True)
    live = subprocess.Popen([sys.executable, "-c", _STAGE, str(tmp_path / "other")], stdout=subprocess.PIPE,
                            text=True)
    assert killed.stdout is not None and live.stdout is not None
    stale, running = Path(killed.stdout.readline().strip()), Path(live.stdout.readline().strip())
    killed.kill()
    killed.wait()
    own = tmp_path / ".trackers.staging-notes"  # the user's, without a lock file: never judged
    own.mkdir()
    try:
        assert stale.name.startswith(".trackers.staging-") and (stale / "HoS A.xlsx").exists()
        audit_folder(tmp_path)
        made = split_by_service_manager(run_cli, tmp_path, out)
        assert made.exit_code == 0, made.output
        assert not stale.exists() and running.exists() and own.exists()
        assert ".lock" not in {p.name for p in out.iterdir()}
    finally:
        live.kill()
        live.wait()
