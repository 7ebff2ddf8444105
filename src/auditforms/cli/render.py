"""``auditforms render DEFINITION --format FORMAT -o OUTPUT``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import (
    DEFINITION,
    EXIT_INVALID,
    EXIT_OK,
    LoadedDefinition,
    definitions_path_option,
    echo_diagnostics,
    echo_input,
    force_option,
    load_or_exit,
    marking_option,
    write_atomic,
)
from auditforms.cli.locking import wait_option
from auditforms.renderers import REGISTRY, Renderer, RenderOptions, get_renderer

COMPLETED_AUDIT = "auditforms/completed-audit"


def _formats(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in REGISTRY]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown format {unknown[0] if unknown else value!r}; choose from {', '.join(REGISTRY)}",
            param_hint="--format",
        )
    return names


@click.command("render")
@click.argument("definition", type=DEFINITION)
@click.option("-f", "--format", "format_", default="html", show_default=True,
              help=f"Output format(s), comma-separated: {', '.join(REGISTRY)}.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file; with --sample or several formats, an output folder.")
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Case details (YAML or JSON) to pre-fill the fields completed centrally; or a "
                   "completed audit (JSON), whose final copy pdf and docx print.")
@click.option("--sample", "sample_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A sample CSV from 'auditforms sample': one pre-filled form per child.")
@click.option("--audit-type", "audit_type", metavar="TYPE",
              help="The tool's audit type the form is for (e.g. deep-dive): the form says so and "
                   "shows its look-back. A sample's forms take it from the sample.")
@marking_option
@definitions_path_option
@force_option
@wait_option
def command(definition: Path, format_: str, output: Path, data_path: Path | None,
            sample_path: Path | None, audit_type: str | None, search_path: tuple[Path, ...], marking: str | None,
            force: bool, wait: bool) -> None:
    """Render DEFINITION as an HTML form, a Word form, a result JSON Schema or a data dictionary;
    with --data AUDIT.json, the final copy of a completed audit (pdf, docx)."""
    formats = _formats(format_)
    tool = load_or_exit(definition, search_path, marking=marking)
    loaded = tool.definition
    if sample_path is not None:
        from auditforms.cli.sample_batch import render_sample

        for name in formats:
            _accepts(get_renderer(name), RenderOptions(), given=False)

        raise SystemExit(render_sample(tool, sample_path, formats, output, force=force,
                                       wait=wait))
    options = RenderOptions()
    if data_path is not None:
        loaded, options = _data_options(tool, data_path)
    if audit_type is not None:
        options = replace(options, audit_type=_known_type(loaded, audit_type))
    targets = _targets(formats, output, loaded.id)
    for name, _ in targets:
        _accepts(get_renderer(name), options, given=data_path is not None)
    if options.completed is not None and options.completed.get("status") != "final":
        click.echo(f"note: this audit's status is '{options.completed.get('status')}', not 'final'; "
                   "the copy says so on its first page", err=True)
    for name, target in targets:
        write_atomic(target, _render(get_renderer(name), loaded, options, data_path), force=force)
        echo_input(f"wrote {target}", err=True)
    raise SystemExit(EXIT_OK)


def _data_options(tool: LoadedDefinition, path: Path) -> tuple[Any, RenderOptions]:
    """A completed audit (checked: it must have no errors) for the final copy, else case details.
    A completed audit is read as ``check`` reads it: against the kept version it names, else
    carried to this version through the tool's mapping; the copy is of that version."""
    from auditforms.results.reading import read_audit

    document, problems, text = read_audit(path)
    if document is not None and not problems and _is_completed_audit(document):
        from auditforms.results.check import check_document
        from auditforms.results.locating import locate_diagnostics
        from auditforms.versions.reading import read_for_check

        read = read_for_check(tool.versions(), document, str(path))
        found = [d for d in check_document(read.definition, read.document, file=str(path)) if d.is_error]
        errors = [replace(d, pointer=read.in_file(d.pointer)) for d in found]
        echo_diagnostics(locate_diagnostics(text, document, [*read.diagnostics, *errors]), err=True)
        if errors:
            raise SystemExit(EXIT_INVALID)
        return read.definition, RenderOptions(completed=read.document)
    from auditforms.results.prefill import load_prefill

    prefill, problems = load_prefill(tool.definition, path)
    echo_diagnostics(problems, err=True)
    if prefill is None:
        raise SystemExit(EXIT_INVALID)
    return tool.definition, RenderOptions(prefill=prefill)


def _known_type(definition: Any, audit_type: str) -> str:
    if definition.audit_type(audit_type) is None:
        known = ", ".join(t.id for t in definition.audit_types) or "none"
        raise click.BadParameter(f"the tool has no audit type '{audit_type}' (it has: {known})",
                                 param_hint="--audit-type")
    return audit_type


def _is_completed_audit(document: Any) -> bool:
    return isinstance(document, dict) and document.get("format") == COMPLETED_AUDIT


def _accepts(renderer: Renderer, options: RenderOptions, *, given: bool) -> None:
    """Refuse, before anything is written, a format that cannot use (or needs) what --data gave."""
    completed = getattr(renderer, "accepts_completed", False)
    if options.completed is not None and not completed:
        raise click.BadParameter(f"the {renderer.name} format cannot print a completed audit; "
                                 "its final copy is --format pdf or docx", param_hint="--data")
    if options.completed is None and getattr(renderer, "needs_completed", False):
        raise click.BadParameter(f"the {renderer.name} format prints the final copy of a completed audit; "
                                 "give the audit with --data AUDIT.json", param_hint="--format")
    if given and options.completed is None and not renderer.accepts_prefill:
        raise click.BadParameter(f"the {renderer.name} format takes no --data", param_hint="--data")


def _render(renderer: Renderer, definition: Any, options: RenderOptions, data_path: Path | None) -> bytes:
    from auditforms.renderers.final_copy import AuditTooLarge, EngineMissing
    from auditforms.terminal_safety import printable

    try:
        return renderer.render(definition, options)
    except AuditTooLarge as error:
        click.echo(printable(f"{data_path}: error[AF680] {error}"), err=True)
        raise SystemExit(EXIT_INVALID) from None
    except EngineMissing as error:
        click.echo(f"error: {error}", err=True)
        raise SystemExit(EXIT_INVALID) from None


def _targets(formats: list[str], output: Path, stem: str) -> list[tuple[str, Path]]:
    """One format writes to OUTPUT; several write ``<tool id><suffix>`` into the folder OUTPUT."""
    if len(formats) == 1 and not output.is_dir():
        return [(formats[0], output)]
    return [(name, output / f"{stem}{get_renderer(name).suffix}") for name in formats]
