"""Writing a batch folder so that it appears whole or not at all (CLI layer: does I/O).

The batch is built in a hidden sibling folder ``.NAME.partial-XXXX`` and renamed into
place only when complete, with ``manifest.json`` written last: a crash or Ctrl-C leaves
at most a hidden partial folder without a manifest, which never looks finished.

Re-running into an existing folder needs ``--force``, and even then only files the
previous run generated and nobody has changed since (same path and SHA-256 as its
manifest) are replaced. Everything else -- HTML saves, filled Word files (even with the
generated name), notes -- is *kept*: hard-linked (or copied) into the new folder before
the swap, and the new blank form for that child is not written over it. The old folder
is deleted only after every kept file is confirmed in the new one; otherwise it is left
aside and named.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from auditforms.cli.common import new_hidden_folder
from auditforms.sampling.batch import MANIFEST, MANIFEST_FORMAT
from auditforms.source.files import sha256_of


def file_sha256(path: Path) -> str:
    """``""`` for what is not a regular file: a FIFO in a batch folder must not hang a run."""
    return sha256_of(path)


def write_file(path: Path, data: bytes) -> dict[str, Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def read_manifest(folder: Path) -> dict[str, Any] | None:
    from auditforms.cli.sample_inputs import read_json_file

    data, problem = read_json_file(folder / MANIFEST)
    if problem is not None or not isinstance(data, dict) or data.get("format") != MANIFEST_FORMAT:
        return None
    if not all(isinstance(data.get(key, []), list) for key in ("children", "files")):
        return None  # edited by hand ("children": null): not a manifest any command can use
    return data


def _walk(folder: Path) -> Iterator[Path]:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            yield Path(root) / name


def files_to_keep(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file the previous run did not generate unchanged."""
    old = read_manifest(folder)
    generated = {f["path"]: f["sha256"] for f in (old or {}).get("files", [])
                 if isinstance(f, dict) and "path" in f and "sha256" in f}
    keep: dict[str, str] = {}
    for path in _walk(folder):
        relative = path.relative_to(folder).as_posix()
        if relative == MANIFEST and old is not None:
            continue
        digest = file_sha256(path)
        if generated.get(relative) != digest:
            keep[relative] = digest
    return keep


def start(target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    return new_hidden_folder(target.parent, f".{target.name}.partial-")


def carry_over(old: Path, new: Path, keep: dict[str, str]) -> None:
    """Link (or copy) the kept files from the old folder into the new one."""
    for relative in keep:
        source, destination = old / relative, new / relative
        destination.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, destination)
        except OSError:
            shutil.copy2(source, destination)


def finish(partial: Path, target: Path, keep: dict[str, str]) -> Path | None:
    """Move the finished batch into place; returns the old folder if it had to be left aside."""
    _fsync_dir(partial)
    if not target.exists():
        os.rename(partial, target)
        _fsync_dir(target.parent)
        return None
    aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
    aside.rmdir()
    os.rename(target, aside)
    os.rename(partial, target)
    _fsync_dir(target.parent)
    # Look again at the old folder as it was when moved aside, not at ``keep`` as it was
    # read at the start: a file saved into it while the forms were rendering must be
    # in the new folder too before the old one may go.
    still = files_to_keep(aside) | keep
    if all((target / r).is_file() and file_sha256(target / r) == d for r, d in still.items()):
        shutil.rmtree(aside)
        return None
    return aside


def leftovers(target: Path) -> list[Path]:
    """Hidden ``.NAME.partial-*`` folders beside ``target``, left by interrupted runs.

    Only call this while holding the folder's lock: then no other run is building one.
    """
    if not target.parent.is_dir():
        return []
    return sorted(p for p in target.parent.glob(f".{target.name}.partial-*") if p.is_dir())


def set_aside(target: Path) -> list[Path]:
    """Old folders left aside by earlier runs (they may hold returned work: never deleted)."""
    if not target.parent.is_dir():
        return []
    return sorted(p for p in target.parent.glob(f".{target.name}.old-*") if p.is_dir())


def abandon(partial: Path) -> None:
    shutil.rmtree(partial, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
