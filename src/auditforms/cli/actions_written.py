"""What a run of ``auditforms actions`` wrote into an output folder, so ``--force`` replaces only that.

The folder's hidden :data:`WRITTEN` list names each file the run wrote with the SHA-256 of its
bytes, one ``<digest>  <name>`` line each (the format of ``sha256sum``; an older auditforms wrote
names only). A tracker a manager filled in and saved over its own file no longer matches its
digest: ``--force`` must not delete it, as the sign-offs in it exist nowhere else. Reading it
back with ``--update`` records its new digest (it has been read), so the next run replaces it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

#: the names (and digests) a run wrote into its output folder
WRITTEN = ".auditforms-written"
_LINE = re.compile(r"([0-9a-f]{64})  (.+)")
_CHUNK = 1 << 20


def digest(path: Path) -> str:
    """The SHA-256 of the file's bytes, in hex."""
    sha = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(_CHUNK):
            sha.update(block)
    return sha.hexdigest()


def read_record(folder: Path) -> dict[str, str | None]:
    """The files listed in ``folder``'s :data:`WRITTEN` list and their digests (``None``: listed by
    an older auditforms, without one); empty when there is no readable list."""
    try:
        text = (folder / WRITTEN).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    record: dict[str, str | None] = {}
    for line in text.split("\n"):
        found = _LINE.fullmatch(line)
        if found:
            record[found.group(2)] = found.group(1)
        elif line:
            record[line] = None
    return record


def record_text(digests: Mapping[str, str | None]) -> str:
    """The :data:`WRITTEN` list of ``digests``, names sorted."""
    return "".join(f"{d}  {name}\n" if d else f"{name}\n" for name, d in sorted(digests.items()))


def written_by_us_unchanged(path: Path, record: Mapping[str, str | None]) -> bool:
    """Whether ``path`` is a file the record lists with a digest its bytes still have."""
    expected = record.get(path.name)
    try:
        return expected is not None and path.is_file() and not path.is_symlink() and digest(path) == expected
    except OSError:
        return False


def not_to_replace(output: Path, record: Mapping[str, str | None], replacing: Iterable[str]) -> Path | None:
    """The first file in ``output`` that a ``--force`` run must not delete: one the record lists
    that changed since (or that an older auditforms listed without a digest), or one of
    ``replacing`` (names this run writes) that the record does not list; ``None`` when none."""
    names = sorted(set(record) | set(replacing))
    for name in names:
        path = output / name
        if (path.exists() or path.is_symlink()) and not written_by_us_unchanged(path, record):
            return path
    return None


def why_not_replaced(path: Path) -> str:
    """The one line refusing to replace ``path`` (no code: the caller adds it)."""
    folder = path.parent
    if path.suffix.lower() == ".xlsx":
        return (f"changed since auditforms wrote it (a returned tracker?), so --force does not replace it: read "
                f"it back with 'auditforms actions --update {path}' first, or move it out of {folder}; nothing "
                "was written")
    return (f"changed since auditforms wrote it (or not written by auditforms), so --force does not replace it: "
            f"move it out of {folder} to keep it; nothing was written")


def mark_read(trackers: Iterable[Path]) -> None:
    """Record the digest of each tracker that ``--update`` read in full, where its folder's list
    names it: it has been read back, so the next ``--force`` run may replace it."""
    by_folder: dict[Path, list[Path]] = {}
    for path in trackers:
        by_folder.setdefault(path.parent, []).append(path)
    for folder, paths in by_folder.items():
        record = read_record(folder)
        changed = {p.name: digest(p) for p in paths if p.name in record and p.is_file()}
        if any(record[name] != d for name, d in changed.items()):
            _write_record(folder, {**record, **changed})


def _write_record(folder: Path, record: Mapping[str, str | None]) -> None:
    import click

    from auditforms.cli.common import write_atomic

    try:
        write_atomic(folder / WRITTEN, record_text(record).encode("utf-8"), force=True)
    except (click.ClickException, OSError):  # a read-only folder: the tracker stays unreplaceable (safe)
        return
