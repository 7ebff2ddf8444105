"""``auditforms extract DEFINITION FILLED.docx -o AUDIT.json``: a filled Word form back to data."""

from __future__ import annotations

import json
from pathlib import Path

import click

from auditforms.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    definitions_path_option,
    echo_diagnostics,
    force_option,
    load_or_exit,
    write_atomic,
)
from auditforms.diagnostics import Diagnostic

STATUSES = ("draft", "submitted", "moderated", "final")


@click.command("extract")
@click.argument("definition", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("filled", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Where to write the completed audit (JSON).")
@click.option("--audit-id", help="The audit's id (default: the one the form was made for, "
                                 "else the file name).")
@click.option("--status", type=click.Choice(STATUSES),
              help="The audit's status (default: submitted, or moderated when signed off).")
@definitions_path_option
@force_option
def command(definition: Path, filled: Path, output: Path, audit_id: str | None, status: str | None,
            search_path: tuple[Path, ...], force: bool) -> None:
    """Read the answers of FILLED, a Word form made from DEFINITION, into a completed audit.

    Forms filled in Word or LibreOffice are both read; warnings say where a control had to
    be found by its title or place because the word processor dropped its tag.
    Exit status: 0 when read (perhaps with warnings), 1 when the file cannot be read as
    this tool's form, 2 on a usage error (including an existing OUTPUT without --force).
    """
    from auditforms.extract import extract_docx
    from auditforms.extract.package import MAX_FILE_BYTES

    loaded = load_or_exit(definition, search_path)
    size = filled.stat().st_size
    if size > MAX_FILE_BYTES:
        _fail(Diagnostic("AF702", f"the file is {size // (1024 * 1024)} MB; a Word form is at most "
                                  f"{MAX_FILE_BYTES // (1024 * 1024)} MB", file=str(filled)))
    try:
        data = filled.read_bytes()
    except OSError as error:
        _fail(Diagnostic("AF701", f"the file cannot be read ({error.strerror})", file=str(filled)))
    document, diagnostics = extract_docx(loaded, data, str(filled))
    echo_diagnostics(diagnostics, err=True)
    if document is None:
        raise SystemExit(EXIT_INVALID)
    if audit_id:
        document["audit_id"] = audit_id
    if status:
        document["status"] = status
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    write_atomic(output, text.encode("utf-8"), force=force)
    click.echo(f"wrote {output}", err=True)
    raise SystemExit(EXIT_OK)


def _fail(diagnostic: Diagnostic) -> None:
    echo_diagnostics([diagnostic], err=True)
    raise SystemExit(EXIT_INVALID)
