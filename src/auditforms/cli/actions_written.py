"""What a run of ``auditforms actions`` wrote into an output folder, so ``--force`` replaces only that.

The folder's hidden :data:`WRITTEN` list names each file the run wrote with the SHA-256 of its
bytes, one ``<digest>  <name>`` line each (the format of ``sha256sum``; an older auditforms wrote
names only). A tracker a manager filled in and saved over its own file no longer matches its
digest: ``--force`` must not delete it, as the sign-offs in it exist nowhere else. Reading it
back with ``--update`` records its new digest (it has been read), so the next run replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from auditforms.source.files import sha256_of

#: the names (and digests) a run wrote into its output folder
WRITTEN = ".auditforms-written"
_LINE = re.compile(r"([0-9a-f]{64})  (.+)")


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
        return expected is not None and not path.is_symlink() and sha256_of(path) == expected
    except OSError:
        return False


def not_to_replace(output: Path, record: Mapping[str, str | None], replacing: Iterable[str]) -> list[Path]:
    """Every file in ``output`` that a ``--force`` run must not delete: one the record lists
    that changed since (or that an older auditforms listed without a digest), or one of
    ``replacing`` (names this run writes) that the record does not list. All are said at once,
    so a folder of returned trackers is not found out one run at a time."""
    names = sorted(set(record) | set(replacing))
    return [output / name for name in names
            if (output / name).exists() or (output / name).is_symlink()
            if not written_by_us_unchanged(output / name, record)]


def why_not_replaced(path: Path, record: Mapping[str, str | None]) -> str:
    """The one line refusing to replace ``path`` (no code: the caller adds it)."""
    folder = path.parent
    if path.name in record and record[path.name] is None:  # the list of an older auditforms
        return (f"listed by an older auditforms, which kept no digest to tell a returned tracker from an untouched "
                f"one, so --force does not replace it: read it back with 'auditforms actions --update {path}' "
                f"or move it out of {folder}; nothing was written")
    if path.suffix.lower() == ".xlsx":
        return (f"changed since auditforms wrote it (a returned tracker?), so --force does not replace it: read "
                f"it back with 'auditforms actions --update {path}' first, or move it out of {folder}; nothing "
                "was written")
    return (f"changed since auditforms wrote it (or not written by auditforms), so --force does not replace it: "
            f"move it out of {folder} to keep it; nothing was written")


def mark_read(read: Mapping[Path, str]) -> None:
    """Record, for each tracker ``--update`` read in full, the digest of the bytes it read, where
    its folder's list names it and the file still has those bytes: it has been read back, so
    the next ``--force`` run may replace it. A return saved over it during the run (other bytes)
    stays unrecorded, so ``--force`` still refuses to delete it."""
    by_folder: dict[Path, dict[str, str]] = {}
    for path, read_digest in read.items():
        by_folder.setdefault(path.parent, {})[path.name] = read_digest
    for folder, digests in by_folder.items():
        record = read_record(folder)
        changed = {name: read_digest for name, read_digest in digests.items()
                   if name in record and record[name] != read_digest and sha256_of(folder / name) == read_digest}
        if changed:
            _write_record(folder, {**record, **changed})


def _write_record(folder: Path, record: Mapping[str, str | None]) -> None:
    import click

    from auditforms.cli.common import write_atomic

    try:
        write_atomic(folder / WRITTEN, record_text(record).encode("utf-8"), force=True)
    except (click.ClickException, OSError):  # a read-only folder: the tracker stays unreplaceable (safe)
        return
