"""``auditforms extract DEFINITION FILLED.docx... -o OUTPUT``: filled Word forms back to data."""

from __future__ import annotations

import json
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
from auditforms.diagnostics import Diagnostic
from auditforms.english import count

STATUSES = ("draft", "submitted", "moderated", "final")


@click.command("extract")
@click.argument("definition", type=DEFINITION)
@click.argument("filled", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="The completed audit (JSON) to write; with several forms, a folder to write "
                   "<form name>.json files into.")
@click.option("--audit-id", help="The audit's id (default: the one the form was made for, "
                                 "else the form's file name). Only with one form.")
@click.option("--status", type=click.Choice(STATUSES),
              help="The audit's status (default: what the form shows: submitted; moderated when "
                   "signed off; final when, besides, every moderator's comment is resolved).")
@definitions_path_option
@force_option
def command(definition: Path, filled: tuple[Path, ...], output: Path, audit_id: str | None,
            status: str | None, search_path: tuple[Path, ...], force: bool) -> None:
    """Read the answers of FILLED Word forms, made from DEFINITION, into completed audits.

    Forms filled in Word or LibreOffice are both read; warnings say where a control had to
    be found by its title or place because the word processor dropped its tag.
    Exit status: 0 when every form was read (perhaps with warnings), 1 when any could not
    be read as this tool's form, 2 on a usage error (including existing outputs without
    --force, which are checked before anything is written).
    """
    if audit_id and len(filled) > 1:
        raise click.BadParameter("give --audit-id only with one form", param_hint="--audit-id")
    targets = _targets(filled, output)
    existing = [t for t in targets.values() if t.exists()]
    if existing and not force:
        click.echo(already_exists(existing[0]), err=True)
        raise SystemExit(EXIT_USAGE)
    loaded = load_or_exit(definition, search_path).definition
    from auditforms.cli.progress import progress

    failed = 0
    with progress(len(targets) if len(targets) > 1 else 0, "reading forms") as bar:
        for form, target in targets.items():
            bar.clear()  # the form's own messages and "wrote" line print where the count was
            failed += not _extract_one(loaded, form, target, audit_id, status, force)
            bar.advance()
    if len(targets) > 1:
        click.echo(f"{len(targets) - failed} of {count(len(targets), 'form')} read", err=True)
    raise SystemExit(EXIT_INVALID if failed else EXIT_OK)


def _extract_one(definition: Any, form: Path, target: Path, audit_id: str | None, status: str | None,
                 force: bool) -> bool:
    """Read one form and write its audit; whether it could be read."""
    document = _extract(definition, form, status)
    if document is None:
        return False
    if audit_id:
        document["audit_id"] = audit_id
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_atomic(target, text.encode("utf-8"), force=force)
    echo_input(f"wrote {target}", err=True)
    return True


def _targets(filled: tuple[Path, ...], output: Path) -> dict[Path, Path]:
    """One form writes OUTPUT; several write ``<form name>.json`` into the folder OUTPUT."""
    if len(filled) == 1 and not output.is_dir():
        return {filled[0]: output}
    if output.exists() and not output.is_dir():
        raise click.BadParameter(f"{output} is a file; with several forms, -o names a folder",
                                 param_hint="--output")
    stems = [f.stem for f in filled]
    twins = sorted({s for s in stems if stems.count(s) > 1})
    if twins:
        raise click.BadParameter(f"two forms are both called {twins[0]}; their audits would share "
                                 "one file", param_hint="FILLED")
    return {form: output / f"{form.stem}.json" for form in filled}


def _extract(definition: Any, form: Path, status: str | None) -> dict[str, Any] | None:
    from auditforms.extract import extract_docx
    from auditforms.extract.package import MAX_FILE_BYTES
    from auditforms.source.files import Unreadable, read_capped

    def fail(code: str, message: str) -> None:
        echo_diagnostics([Diagnostic(code, message, file=str(form))], err=True)

    try:
        data = read_capped(form, MAX_FILE_BYTES)
    except Unreadable as problem:
        code = {"AF102": "AF702", "AF109": problem.code}.get(problem.code, "AF701")
        fail(code, problem.message)
        return None
    document, diagnostics = extract_docx(definition, data, str(form), status=status)
    echo_diagnostics(diagnostics, err=True)
    return document
