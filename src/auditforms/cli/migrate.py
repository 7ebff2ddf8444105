"""``auditforms migrate DEFINITION AUDITS... -o FOLDER [--to VERSION]``: carry audits of older
versions forward through the mapping the tool declares, writing new files.

The old files are never changed, and an existing file is never replaced without ``--force``
(an input is never replaced at all). Every output is planned before the first is written, each
is written atomically, and one run at a time holds the output folder. What could not be carried
is said once per answer, by id. Exit status: 0 all carried, 1 any audit could not be, 2 usage.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import (
    DEFINITION,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    already_exists,
    definitions_path_option,
    echo_diagnostics,
    echo_input,
    force_option,
    load_or_exit,
    write_atomic,
)
from auditforms.diagnostics import Diagnostic, Severity
from auditforms.english import count


@click.command("migrate")
@click.argument("definition", type=DEFINITION)
@click.argument("audits", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False, path_type=Path),
              help="The folder to write the carried audits to (one .json per audit, named as the old one).")
@click.option("--to", "to_version", metavar="VERSION",
              help="The version to carry the audits to (default: DEFINITION's own version).")
@force_option
@definitions_path_option
def command(definition: Path, audits: tuple[Path, ...], output: Path, to_version: str | None, force: bool,
            search_path: tuple[Path, ...]) -> None:
    """Carry completed AUDITS (files or folders) of older versions of DEFINITION's tool forward.

    Answers move to the ids the newer version gives them and grades to its scales, as the
    tool's lineage declares; each audit's history records the step (event: migrated).
    """
    from auditforms.cli.check import _as_version
    from auditforms.cli.locking import folder_lock

    tool = load_or_exit(definition, search_path)
    library = tool.versions()
    target = _as_version(library, to_version) or tool.definition
    with folder_lock(output):
        plans, failed, said = _plan(library, target, audits, output, force)
        echo_diagnostics(said, err=True)  # once every output is known to be writable
        for path, data, source in plans:
            write_atomic(path, data, force=force)
            echo_input(f"{path}: written (from {source})")
    click.echo(f"{count(len(plans), 'audit')} carried to version {target.version}" +
               (f"; {failed} could not be" if failed else ""), err=True)
    raise SystemExit(EXIT_INVALID if failed else EXIT_OK)


def _plan(library: Any, target: Any, audits: tuple[Path, ...], output: Path,
          force: bool) -> tuple[list[tuple[Path, bytes, str]], int, list[Diagnostic]]:
    """Every output, worked out before anything is written, and what to say of the inputs
    (located in their files, as ``check`` locates them); refuses clashes up front, before
    saying anything else."""
    import json

    from auditforms.cli.actions_files import now_utc
    from auditforms.results.locating import locate_diagnostics
    from auditforms.results.reading import iter_audit_paths, read_audit
    from auditforms.versions.migrate import migrate

    inputs = list(iter_audit_paths(audits))
    resolved = {p.resolve() for p in inputs}
    plans: list[tuple[Path, bytes, str]] = []
    said: list[Diagnostic] = []
    failed, at = 0, now_utc()
    for path in inputs:
        document, problems, text = read_audit(path)
        outcome = migrate(library, document, target, file=str(path), at=at) if not problems else None
        said += problems if outcome is None else locate_diagnostics(text, document, list(outcome.diagnostics))
        if outcome is None or outcome.document is None:
            failed += 0 if outcome is not None and outcome.from_version else 1
            if outcome is not None and outcome.from_version:
                said.append(Diagnostic("AF940", f"already version {target.version}; nothing to carry",
                                       file=str(path), severity=Severity.NOTE))
            continue
        destination = output / f"{path.stem}.json"
        _refuse_clash(destination, resolved, {p for p, _, _ in plans}, force)
        data = (json.dumps(outcome.document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        plans.append((destination, data, f"{path}, version {outcome.from_version}"))
    return plans, failed, said


def _refuse_clash(destination: Path, inputs: set[Path], planned: set[Path], force: bool) -> None:
    where = str(destination)
    if destination.resolve() in inputs:
        _usage(f"{where}: is one of the audits being carried; write to another folder (old audits are never "
               "changed)")
    if destination in planned:
        _usage(f"{where}: two audits given have this name; carry them to separate folders")
    if destination.exists() and not force:
        echo_input(already_exists(destination, "folder"), err=True)
        raise SystemExit(EXIT_USAGE)


def _usage(message: str) -> None:
    echo_input(f"error: {message}", err=True)
    raise SystemExit(EXIT_USAGE)
