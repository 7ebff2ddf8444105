"""File work for ``auditforms actions``: reading audits and trackers, writing audits back.

Writing back is a transaction: every audit to change is read again and checked against the
plan first; only when all still match is each written atomically (temp file + os.replace),
under a lock file per folder so two runs cannot both write.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import glob
import json
import os
import shutil
import tempfile
from collections.abc import Container, Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from auditforms.actions.codes import error
from auditforms.actions.signoff import Change, apply_changes, still_matches
from auditforms.cli.actions_written import WRITTEN, not_to_replace, read_record, record_text, why_not_replaced
from auditforms.cli.common import EXIT_USAGE, LoadedDefinition, already_exists, new_hidden_folder, write_atomic
from auditforms.diagnostics import Diagnostic
from auditforms.english import count
from auditforms.model.definition import Definition
from auditforms.results.envelope import own_record
from auditforms.source.files import sha256_of
from auditforms.terminal_safety import printable

LOCK_NAME = ".auditforms-actions.lock"
AUDIT_SUFFIXES = (".json", ".yaml", ".yml", ".docx")


def read_documents(tool: LoadedDefinition, paths: Sequence[Path],
                   problems: list[Diagnostic]) -> Iterator[tuple[str, Any]]:
    """(file name, document) for each audit file; Word forms are read through extract."""
    from auditforms.results.reading import read_audit_file
    from auditforms.versions.reading import read_as_current

    versions = tool.versions()  # older versions read as this one where the tool maps them
    for path in audit_paths(paths):
        if path.suffix.lower() == ".docx":
            document = _read_docx(tool.definition, path, problems)
        else:
            document, found = read_audit_file(path)
            problems.extend(found)
        if own_record(document) is not None:
            continue  # a sample batch's manifest or a sample's record, not an audit
        if document is not None:
            yield str(path), read_as_current(versions, document)


def audit_paths(paths: Sequence[Path]) -> Iterator[Path]:
    """Files named, then the audits (.json, .yaml, .yml, .docx) in folders, each once, sorted.

    Files are remembered only when more than one path is given (a file named and inside a
    folder also named is read once), so one folder of any size is walked in flat memory, as
    :func:`auditforms.results.reading.iter_audit_paths` does."""
    seen: set[object] | None = set() if len(paths) > 1 else None
    for path in paths:
        for file in _walk(path):
            if seen is not None:
                key = _identity(file)
                if key in seen:
                    continue
                seen.add(key)
            yield file


def _identity(file: Path) -> object:
    """The file itself (device and inode), however it was reached: one stat, where resolving
    the path would look up every folder above it."""
    try:
        found = os.stat(file)
    except OSError:
        return str(file.absolute())
    return found.st_dev, found.st_ino


def _walk(path: Path) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    from auditforms.sampling.batch import MANIFEST

    if (path / MANIFEST).is_file():
        yield from _batch_returns(path)
        return
    for root, folders, names in os.walk(path):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if not name.startswith((".", "~$")) and name.lower().endswith(AUDIT_SUFFIXES):
                yield Path(root, name)


def _read_docx(definition: Definition, path: Path, problems: list[Diagnostic]) -> Any:
    from auditforms.source.files import Unreadable

    try:
        document, found = read_word_form(definition, path)
    except Unreadable as problem:
        problems.append(error("AF950", problem.message, str(path)))
        return None
    problems.extend(found)
    return document


def read_word_form(definition: Definition, path: Path) -> tuple[Any, list[Diagnostic]]:
    """A returned Word form read back in memory (never written), as ``extract`` reads it, and
    the errors that stopped it; a Word file auditforms made that is not a form (the month's
    board paper beside the audits) is its own record, left out as its JSON is. Raises
    :class:`~auditforms.source.files.Unreadable` for a file that cannot be read at all."""
    from auditforms.extract import extract_docx
    from auditforms.extract.package import MAX_FILE_BYTES
    from auditforms.source.files import read_capped

    data = read_capped(path, MAX_FILE_BYTES)
    own = own_word_record(data)
    if own is not None:
        return {"format": own}, []
    document, found = extract_docx(definition, data, str(path))
    return document, [d for d in found if d.is_error]


def own_word_record(data: bytes) -> str | None:
    """The format of a Word file auditforms made that is not a form (its ``auditforms.format``
    custom property, when :data:`~auditforms.results.envelope.OWN_RECORDS` knows it), else ``None``."""
    from auditforms.extract.identity import properties
    from auditforms.extract.package import PackageError, open_package
    from auditforms.renderers.docx.naming import PROP_RECORD

    try:
        found = properties(open_package(data).custom).get(PROP_RECORD)
    except PackageError:
        return None
    return own_record({"format": found})


def open_by_another_program(path: Path) -> str | None:
    """The lock file Excel (``~$name``) or LibreOffice (``.~lock.name#``) leaves while a file is open."""
    for lock in (path.with_name(f"~${path.name}"), path.with_name(f".~lock.{path.name}#")):
        if lock.exists():
            return lock.name
    return None


@contextlib.contextmanager
def folder_locks(folders: Sequence[Path]) -> Iterator[list[Diagnostic]]:
    """Take a lock file in each folder; yields the problems (non-empty means: write nothing)."""
    taken: list[Path] = []
    problems: list[Diagnostic] = []
    try:
        for folder in sorted(set(folders)):
            lock = folder / LOCK_NAME
            try:
                fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
            except FileExistsError:
                problems.append(error("AF960", f"another run is updating audits in this folder (remove "
                                      f"{LOCK_NAME} if none is)", str(folder)))
                continue
            except OSError as exc:
                problems.append(error("AF960", f"cannot write in this folder: {exc.strerror}", str(folder)))
                continue
            os.write(fd, str(os.getpid()).encode())
            os.close(fd)
            taken.append(lock)
        yield problems
    finally:
        for lock in taken:
            lock.unlink(missing_ok=True)


def prepare_writes(tool: LoadedDefinition, by_file: dict[str, list[Change]], at: str,
                   problems: list[Diagnostic]) -> dict[Path, bytes]:
    """The new bytes of every audit to change, or nothing at all when any cannot be written."""
    prepared: dict[Path, bytes] = {}
    for file, changes in sorted(by_file.items()):
        path = Path(file)
        reason, document = _writable(tool, path, changes)
        if reason:
            problems.append(error("AF960", reason, file))
            continue
        new = apply_changes(tool.definition, document, changes, at, _table_in_file(tool, document))
        prepared[path] = (json.dumps(new, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return prepared if len(prepared) == len(by_file) else {}


def _why_not_writable(tool: LoadedDefinition, path: Path, changes: list[Change]) -> str | None:
    return _writable(tool, path, changes)[0]


def _writable(tool: LoadedDefinition, path: Path, changes: list[Change]) -> tuple[str | None, Any]:
    """Why the audit cannot take ``changes`` (None when it can), and the document read again."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return ("a Word form cannot be written back; extract it with 'auditforms extract', keep the JSON "
                "as the audit, and run --update again with the JSON file"), None
    if suffix != ".json":
        return "only JSON audits are written back; save this audit as .json and run --update again", None
    from auditforms.results.reading import read_audit_file

    document, problems = read_audit_file(path)
    if document is None or any(p.is_error for p in problems):
        return "the audit can no longer be read", None
    if not all(still_matches(tool.definition, _as_current(tool, document), c) for c in changes):
        return "the audit changed since it was read; nothing was written; run --update again", None
    return None, document


def _as_current(tool: LoadedDefinition, document: Any) -> Any:
    """The audit as the tracker read it: an older version's carried through the tool's mapping."""
    from auditforms.versions.reading import read_as_current

    return read_as_current(tool.versions(), document)


def _table_in_file(tool: LoadedDefinition, document: Any) -> tuple[str, dict[str, str]] | None:
    """Where an older audit keeps the action table and its columns (``None``: where this version does)."""
    from auditforms.actions.collect import action_plan
    from auditforms.versions.columns import table_in_file

    table = action_plan(tool.definition)
    return table_in_file(tool.versions(), document, table.id) if table is not None else None


def write_all(prepared: dict[Path, bytes]) -> None:
    for path, data in prepared.items():
        write_atomic(path, data, force=True)


def now_utc() -> str:
    from auditforms.moderation.lifecycle import utc_stamp

    return utc_stamp(dt.datetime.now(dt.UTC))


def _batch_returns(folder: Path) -> Iterator[Path]:
    """In a folder of pre-filled forms, only what came back: its JSON audits and filled Word
    forms, never the batch's own manifest or the blank forms it holds."""
    from auditforms.cli.service import returned_audits

    returned = returned_audits([folder], word=True)
    yield from (p for p in returned if p != folder)


def unique_name(stem: str, taken: Container[str], suffix: str) -> str:
    name, n = stem + suffix, 2
    while name in taken:
        name, n = f"{stem}-{n}{suffix}", n + 1
    return name


def write_folder(output: Path, files: dict[str, bytes], force: bool) -> None:
    """Write every file into a hidden folder beside OUTPUT, then put it in place at once."""
    with staging_folder(output, force) as staging:
        for name, data in files.items():
            (staging / name).write_bytes(data)


@contextlib.contextmanager
def staging_folder(output: Path, force: bool) -> Iterator[Path]:
    """A hidden folder beside OUTPUT to write into; when the block ends without an error it
    takes OUTPUT's place at once, otherwise it is removed and OUTPUT is left as it was.

    The folder is locked while this run lives, so a run killed outright (``kill -9``, the
    machine stopping) leaves a folder the next run for the same OUTPUT recognises and removes:
    half-written trackers hold the text of children's plans."""
    from auditforms.cli.scratch import LOCK, lock_folder, remove_abandoned

    if output.exists() and not force:
        _stop(already_exists(output, "folder"))
    if output.exists() and not output.is_dir():
        _stop(f"{output}: is not a folder; choose a folder to write into")
    if output.exists():
        _refuse_to_delete_changed(output, ())  # before any work: a returned tracker saved over its own file
    if Path.cwd().resolve().is_relative_to(output.resolve()):
        _stop(f"{output}: is the folder you are in (or holds it); choose a folder inside it, such as trackers")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        remove_abandoned(output.parent, f".{glob.escape(output.name)}.staging-*")
        staging = new_hidden_folder(output.parent, f".{output.name}.staging-")
        lock = lock_folder(staging)
    except OSError as exc:
        _stop(f"{output}: cannot write here: {exc.strerror or type(exc).__name__}")
    try:
        yield staging
        (staging / LOCK).unlink()  # the lock stays held (by its descriptor) until the swap is done
        written = sorted(p.name for p in staging.iterdir())
        (staging / WRITTEN).write_text(record_text({name: sha256_of(staging / name) for name in written}),
                                       encoding="utf-8")
        if output.exists():
            _refuse_to_delete_changed(output, written)  # again: a manager may have saved one meanwhile
            kept = _keep_what_others_wrote(output, staging, written)
            if kept:
                click.echo(f"{printable(str(output))}: kept {count(kept, 'file')} this run did not write", err=True)
            old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old.", dir=output.parent))
            output.replace(old / output.name)
            staging.replace(output)
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.replace(output)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        _stop(f"{output}: cannot write here: {exc.strerror or type(exc).__name__}")
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    finally:
        os.close(lock)


def _refuse_to_delete_changed(output: Path, written: Sequence[str]) -> None:
    """Stop (nothing written) when replacing ``output`` would delete a file auditforms did not
    write as it is now: a tracker changed since (a manager's return saved over it), or a file
    of someone else's with a name this run writes (:mod:`auditforms.cli.actions_written`)."""
    record = read_record(output)
    blocked = not_to_replace(output, record, written)
    for found in blocked[:-1]:
        click.echo(printable(f"{found}: error[AF120] {why_not_replaced(found, record)}"), err=True)
    if blocked:
        _stop(f"{blocked[-1]}: error[AF120] {why_not_replaced(blocked[-1], record)}")


def _keep_what_others_wrote(output: Path, staging: Path, written: list[str]) -> int:
    """Carry into ``staging`` every entry of the old ``output`` that neither this run nor the
    run that made it (its :data:`WRITTEN` list) wrote: --force replaced the whole folder, and
    a file of the manager's own in it was deleted. Files the list names are replaced only when
    unchanged (:func:`_refuse_to_delete_changed` has stopped the run otherwise)."""
    ours = set(read_record(output))
    kept = 0
    for entry in output.iterdir():
        if entry.name in written or entry.name in ours or entry.name == WRITTEN:
            continue
        if entry.name.startswith(("~$", ".~lock.")):  # Excel's or LibreOffice's lock of an old tracker
            continue
        destination = staging / entry.name
        if entry.is_dir() and not entry.is_symlink():
            shutil.copytree(entry, destination, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, destination)
        kept += 1
    return kept


def _link_or_copy(source: str | Path, destination: str | Path) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


def _stop(message: str) -> NoReturn:
    """An output that cannot be written: one line, exit 2 (nothing was written)."""
    click.echo(printable(message), err=True)
    raise SystemExit(EXIT_USAGE)
