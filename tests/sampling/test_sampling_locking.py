"""The folder lock: a second process is refused (or waits), and the lock dies with its holder."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from auditforms.cli.locking import FolderBusy, folder_lock, lock_path

HOLD = """
import sys, time
from pathlib import Path
from auditforms.cli.locking import folder_lock
with folder_lock(Path(sys.argv[1])):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold_lock(folder: Path, seconds: float) -> subprocess.Popen[str]:
    """A real other process holding ``folder``'s lock for ``seconds``."""
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(folder), str(seconds)],
                               stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "held"
    return process


def test_the_lock_file_sits_beside_the_folder(tmp_path: Path) -> None:
    assert lock_path(tmp_path / "forms") == tmp_path / ".forms.lock"


def test_a_second_holder_is_refused_naming_the_folder(tmp_path: Path) -> None:
    holder = hold_lock(tmp_path / "forms", 30)
    try:
        with pytest.raises(FolderBusy) as busy, folder_lock(tmp_path / "forms"):
            pass
        message = busy.value.format_message()
        assert str(tmp_path / "forms") in message and "--wait" in message
        assert "\n" not in message and str(holder.pid) not in message
    finally:
        holder.kill()
        holder.wait()


def test_the_lock_dies_with_its_process(tmp_path: Path) -> None:
    holder = hold_lock(tmp_path / "forms", 30)
    holder.kill()
    holder.wait()
    with folder_lock(tmp_path / "forms"):
        pass


def test_wait_waits_for_the_holder_to_finish(tmp_path: Path) -> None:
    holder = hold_lock(tmp_path / "forms", 0.5)
    started = time.monotonic()
    with folder_lock(tmp_path / "forms", wait=True):
        assert holder.poll() is not None or time.monotonic() - started >= 0.3
    holder.wait()


def test_a_lock_that_cannot_be_made_is_one_line(tmp_path: Path) -> None:
    from auditforms.cli.locking import LockUnavailable

    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(LockUnavailable) as failed, folder_lock(tmp_path / "a-file" / "forms"):
        pass
    assert "error[AF823] cannot take this folder's lock" in failed.value.format_message()
    with folder_lock(tmp_path / "a-file" / "forms", read_only=True):
        pass  # a reader goes ahead where nobody could write anyway
