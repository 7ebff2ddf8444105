"""``auditforms check DEFINITION AUDIT... [--format text|json] [--period YYYY-MM] [--today D]``."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import (
    DEFINITION,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    DateParam,
    LoadedDefinition,
    definitions_path_option,
    load_or_exit,
)


def _period(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> tuple[dt.date, dt.date] | None:
    if value is None:
        return None
    from auditforms.months import month_bounds

    try:
        return month_bounds(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.command("check")
@click.argument("definition", type=DEFINITION)
@click.argument("audits", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text for people; json for other systems.",
)
@click.option(
    "--period",
    callback=_period,
    metavar="YYYY-MM",
    help="The sample month: audit dates outside it are reported (without it, they are not "
    "checked, and the report says so).",
)
@click.option(
    "--today",
    type=DateParam(),
    help="The date rules compare with 'today', as dd/mm/yyyy or yyyy-mm-dd (default: the real date).",
)
@click.option(
    "--history",
    type=click.Path(exists=True, path_type=Path),
    multiple=True,
    metavar="CSV|FOLDER",
    help="The sample's audit history (a history CSV, or a folder of past completed audits; "
    "repeatable): children audited within the tool's look-back are reported.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only problems, not the audits that pass.")
@click.option("--as-version", metavar="VERSION",
              help="Carry every audit to this version of the tool (through the mappings it declares) "
              "and check it as that version; the files are not changed.")
@definitions_path_option
def command(
    definition: Path,
    audits: tuple[Path, ...],
    format_: str,
    period: tuple[dt.date, dt.date] | None,
    today: dt.date | None,
    history: tuple[Path, ...],
    quiet: bool,
    as_version: str | None,
    search_path: tuple[Path, ...],
) -> None:
    """Check completed audits (files, or folders of .json/.yaml files) against DEFINITION.

    Each audit is checked against the tool's result schema, then for consistency with the
    tool (id and version) and its moderation record, then against the tool's rules.
    An audit of an older version is checked against that version when it is kept
    (history/TOOL/VERSION.yaml), and says so; --as-version carries it forward first.
    Messages never quote what was written in an answer.

    Exit status: 0 when every audit passes (warnings allowed), 1 when any fails, 2 on a
    usage error.
    """
    from auditforms.reporting import REPORTERS
    from auditforms.results.check import make_context

    missing = [p for p in audits if not p.exists()]
    if missing:
        raise click.BadParameter(f"{missing[0]}: no such file or folder", param_hint="AUDIT")
    tool = load_or_exit(definition, search_path)
    from dataclasses import replace

    from auditforms.versions.checking import VersionedCheck

    library = tool.versions()
    choose = VersionedCheck(library, _as_version(library, as_version))
    loaded = choose.target or tool.definition
    past = _read_history(replace(tool, definition=loaded), history) if history else None
    context = make_context(today=today, period=period, history=past)
    from auditforms.cli.progress import progress
    from auditforms.results.reading import iter_audit_paths

    paths = list(iter_audit_paths(audits))  # listed first, so progress can say how many are left
    if not paths:
        click.echo("no .json, .yaml or .yml files found in the folders given", err=True)
        raise SystemExit(EXIT_USAGE)
    from auditforms.cli.check_pool import check_files

    results = check_files(loaded, paths, context=context, choose=choose)  # in workers for large batches
    reporter = REPORTERS[format_](quiet=quiet)
    click.echo(reporter.start(loaded.id, loaded.version), nl=False)
    with progress(len(paths) if len(paths) > 1 else 0, "checking audits") as bar:
        totals = _stream(reporter, results, bar)
    if period is None and format_ == "text" and _uses_period(loaded):
        click.echo("note: no --period given, so audit dates were not checked against the "
                   "sample month", err=True)
    click.echo(reporter.end(totals), nl=False, err=format_ == "text")
    if library.problems:  # a kept version that could not be used: the audits were read as this one
        from auditforms.cli.common import echo_diagnostics

        echo_diagnostics(library.problems, err=True)
    nothing = not totals["audits"]  # only auditforms' own records were given: nothing to check
    raise SystemExit(EXIT_INVALID if totals["failed"] or library.problems or nothing else EXIT_OK)


def _as_version(library: Any, version: str | None) -> Any:
    """The kept version ``--as-version`` names; a usage error (exit 2) when it is not kept."""
    if version is None:
        return None
    kept = library.get(version)
    if kept is None:
        from auditforms.cli.common import echo_diagnostics

        echo_diagnostics(library.problems, err=True)
        tool = library.current.tool_id
        raise click.BadParameter(f"version {version} of {tool} is not kept (looked for history/{tool}/"
                                 f"{version}.yaml beside the definition, in --definitions and in the shipped "
                                 "definitions)", param_hint="--as-version")
    return kept.definition


def _uses_period(definition: Any) -> bool:
    """Whether any rule or condition of the tool compares with the sample month."""
    return "$period_" in definition.model_dump_json()


def _read_history(tool: LoadedDefinition, paths: tuple[Path, ...]) -> list[tuple[str, dt.date]]:
    """(child id, audit date) pairs from history CSVs and folders of completed audits, read as
    the dip sample reads them; a history that cannot be read stops the check (exit 1)."""
    from auditforms.cli.common import echo_diagnostics
    from auditforms.cli.sample_inputs import read_audit_folder, read_csv_file
    from auditforms.diagnostics import has_errors
    from auditforms.sampling.records import HISTORY_COLUMNS, read_history

    versions = tool.versions()  # audits of older versions, read through the mapping
    past, problems = [], []
    for path in paths:
        found, more = (read_audit_folder(tool.definition, path, None, versions) if path.is_dir()
                       else read_history(read_csv_file(path, HISTORY_COLUMNS)))
        past += [(audit.child_id, audit.date) for audit in found]
        problems += more
    echo_diagnostics(problems, err=True)
    if has_errors(problems):
        click.echo("error: the history could not be read; correct it and run again", err=True)
        raise SystemExit(EXIT_INVALID)
    return past


def _stream(reporter: Any, results: Iterable[Any], bar: Any) -> dict[str, int]:
    """Report each audit as soon as it is checked, keeping only the totals."""
    from auditforms.results.check import summarise

    totals = summarise([])
    for result in results:
        text = reporter.file(result)
        if text:
            bar.clear()
            click.echo(text, nl=False)
        bar.advance()
        for key, value in summarise([result]).items():
            totals[key] += value
    return totals
