"""``auditforms validate PATH...``: are these definitions valid?"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import click

from auditforms.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    definitions_path_option,
    echo_diagnostics,
    echo_input,
)
from auditforms.diagnostics import Diagnostic
from auditforms.english import count

DEFINITION_SUFFIXES = (".yaml", ".yml")


def iter_definition_files(paths: tuple[Path, ...]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(  # a FIFO or device is kept, to be refused with a reason
                p for p in path.rglob("*") if p.suffix in DEFINITION_SUFFIXES and not p.is_dir()
            )
        else:
            yield path


def _misnamed_kept_version(file: Path, search_path: tuple[Path, ...]) -> Diagnostic | None:
    """A file kept as ``history/<tool>/<version>.yaml`` that is another version or tool (a copy
    made after editing the current file): valid as a definition, but ``check`` would refuse it
    when an audit of that version needs it, so ``validate`` says so first."""
    from auditforms.language.loader import load
    from auditforms.versions.library import kept_as, kept_name_problem

    kept = kept_as(file)
    found = load(file, search_path=search_path).definition if kept is not None else None
    return kept_name_problem(file, found, kept[1], kept[0]) if kept is not None and found is not None else None


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@definitions_path_option
@click.option("-q", "--quiet", is_flag=True,
              help="Print only problems: not the files that are valid, nor the summary.")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json: one report for other programs (files, validity, diagnostics).")
def command(paths: tuple[Path, ...], search_path: tuple[Path, ...], quiet: bool, format_: str) -> None:
    """Validate definition files; folders are searched for .yaml files.

    Exit status: 0 when every file is valid, 1 when any is not, 2 on a usage error.
    """
    from auditforms.language.validate_file import validate_file

    missing = [p for p in paths if not p.exists()]
    if missing:
        raise click.BadParameter(f"{missing[0]}: no such file or folder", param_hint="PATHS")
    files = list(iter_definition_files(paths))
    if not files:
        click.echo("no .yaml files found in the paths given", err=True)
        raise SystemExit(EXIT_USAGE)
    invalid = 0
    report = []
    for file in files:
        ok, diagnostics = validate_file(file, search_path=search_path)
        misnamed = _misnamed_kept_version(file, search_path) if ok else None
        if misnamed is not None:
            ok, diagnostics = False, [*diagnostics, misnamed]
        invalid += not ok
        if format_ == "json":
            report.append({"file": str(file), "valid": ok, "diagnostics": [d.to_json() for d in diagnostics]})
            continue
        echo_diagnostics(diagnostics)
        if ok and not quiet:
            echo_input(f"{file}: valid")
    if format_ == "json":
        click.echo(json.dumps({"files": report, "valid": len(files) - invalid, "invalid": invalid}, indent=2))
    elif (len(files) > 1 or invalid) and not quiet:
        click.echo(f"{len(files) - invalid} of {count(len(files), 'file')} valid", err=True)
    raise SystemExit(EXIT_INVALID if invalid else EXIT_OK)
