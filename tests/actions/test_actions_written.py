"""What --force may replace in a trackers folder: every file it must not is named at once;
an older auditforms' list (names only) is said to be one; a tracker is recorded as read back
only with the bytes that were read."""

from __future__ import annotations

import hashlib
from pathlib import Path

from actions_support import audit_folder, edit_tracker, split_trackers

from auditforms.cli.actions_written import WRITTEN, mark_read, read_record


def test_every_tracker_not_to_replace_is_named_in_one_run(run_cli, tmp_path: Path) -> None:
    audit_folder(tmp_path)
    out = split_trackers(run_cli, tmp_path)
    trackers = sorted(out.glob("*.xlsx"))
    assert len(trackers) == 2
    for tracker in trackers:  # both managers' returns saved over their trackers
        edit_tracker(tracker, {})  # saved again by a spreadsheet program: other bytes
    result = run_cli("actions", *_args(tmp_path), "--force")
    assert result.exit_code == 2
    assert all(f"{t}: error[AF120] changed since auditforms wrote it" in result.stderr for t in trackers)


def test_an_older_list_without_digests_is_said_to_be_one(run_cli, tmp_path: Path) -> None:
    audit_folder(tmp_path)
    out = split_trackers(run_cli, tmp_path)
    (out / WRITTEN).write_text("".join(f"{t.name}\n" for t in sorted(out.glob("*.xlsx"))), encoding="utf-8")
    result = run_cli("actions", *_args(tmp_path), "--force")
    assert result.exit_code == 2
    assert result.stderr.count("listed by an older auditforms, which kept no digest") == 2


def test_a_tracker_is_recorded_as_read_only_with_the_bytes_read(run_cli, tmp_path: Path) -> None:
    audit_folder(tmp_path)
    out = split_trackers(run_cli, tmp_path)
    tracker = sorted(out.glob("*.xlsx"))[0]
    read = tracker.read_bytes()
    tracker.write_bytes(read + b"\0")  # a second return saved over it while the run wrote the audits
    mark_read({tracker: hashlib.sha256(read).hexdigest()})
    assert read_record(out)[tracker.name] != hashlib.sha256(tracker.read_bytes()).hexdigest()
    tracker.write_bytes(read)  # the bytes read are what the file holds: now it has been read back
    mark_read({tracker: hashlib.sha256(read).hexdigest()})
    assert read_record(out)[tracker.name] == hashlib.sha256(read).hexdigest()


def _args(folder: Path) -> tuple[object, ...]:
    from actions_support import TORBAY

    return (TORBAY, folder / "audits", "--today", "2026-12-10", "--teams", folder / "teams.csv",
            "--split-by", "head_of_service", "-o", folder / "trackers")
