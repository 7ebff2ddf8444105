"""``auditforms sample DEFINITION --cases CSV --auditors CSV --history CSV -o SAMPLE.csv``.

Draws the month's dip sample: N children at random (with a recorded seed), or every child
of the tool's population (a census), or a stratified draw, leaving out children audited
within the look-back (of the audit type asked for), each allocated an auditor from another
area of service. A tool whose ``sampling`` has ``months_off`` is not sampled in them.
Writes the sample CSV and, beside it, ``<name>.meta.json`` recording the seed, parameters
and input checksums. Exit 0 when drawn, 1 when the inputs are invalid or the
rules cannot be met (with a one-line reason), 2 on a usage error.
"""

from __future__ import annotations

import datetime as dt
import json
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
    already_exists,
    definitions_path_option,
    echo_diagnostics,
    echo_input,
    force_option,
    load_or_exit,
    marking_option,
    write_atomic,
)


def _columns(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    from auditforms.sampling.records import CASE_ROLES

    mapping: dict[str, str] = {}
    for value in values:
        role, sep, header = value.partition("=")
        role = role.strip()
        if not sep or not header.strip() or role not in CASE_ROLES:
            raise click.BadParameter(f"write ROLE=HEADER with ROLE one of {', '.join(CASE_ROLES)} "
                                     "(e.g. child_id='Person Reference')")
        mapping[role] = header.strip()
    return mapping


def sidecar_path(sample: Path) -> Path:
    return sample.with_name(sample.stem + ".meta.json")


_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.command("sample")
@click.argument("definition", type=DEFINITION)
@click.option("--cases", type=_FILE, required=True,
              help="Case list CSV exported from the case management system.")
@click.option("--column", "columns", multiple=True, callback=_columns, metavar="ROLE=HEADER",
              help="The case list's own name for a column, e.g. child_id='Person Reference' "
                   "(repeatable; others are recognised by their usual names).")
@click.option("--auditors", type=_FILE, required=True,
              help="Auditors CSV: name, area of service, capacity.")
@click.option("--history", type=_FILE, multiple=True,
              help="Audit history CSV: child id, audit date (repeatable).")
@click.option("--audits", type=click.Path(exists=True, file_okay=False, path_type=Path),
              multiple=True, help="Folder of previous completed audits: JSON saves and filled "
                                  "Word forms (repeatable).")
@click.option("--no-history", is_flag=True,
              help="There is no audit history yet (the first month): exclude nobody.")
@click.option("-n", "--size", type=click.IntRange(min=1),
              help="How many children to sample (default: the tool's sampling size, else 20).")
@click.option("--census", is_flag=True,
              help="Take every eligible child of the population instead of a random sample.")
@click.option("--audit-type", "audit_type", metavar="TYPE",
              help="The tool's audit type (e.g. deep-dive): its look-back applies. Default: the first.")
@click.option("--ignore-months-off", is_flag=True,
              help="Draw even in a month the tool's sampling says is off (months_off).")
@click.option("--seed", type=click.IntRange(min=0), help="Seed of a previous run to reproduce it.")
@click.option("--date", "reference", type=DateParam(),
              help="Reference date, as dd/mm/yyyy or yyyy-mm-dd (default today); the look-back "
                   "and the due date count from it.")
@click.option("--lookback-months", type=click.IntRange(min=0, max=120),
              help="Exclude children audited this many months before the date "
                   "(default: the definition's lookback, else 6).")
@click.option("--stratify", type=click.Choice(["team", "area", "strand", "plan"]),
              help="Draw from each team (area, strand) in proportion to its eligible children.")
@click.option("--flag", "flags", multiple=True, help="Theme: only children with this flag (repeatable; all must hold).")
@click.option("--team", "teams", multiple=True, help="Theme: only children of this team or area (repeatable).")
@click.option("--strand", "strands", multiple=True, help="Theme: only children of this strand (repeatable).")
@click.option("--plan", "plans", multiple=True,
              help="Population: only children on this type of plan (the Plan type column; repeatable).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The sample CSV to write (its .meta.json is written beside it).")
@marking_option
@definitions_path_option
@force_option
def command(definition: Path, cases: Path, columns: dict[str, str], auditors: Path,
            history: tuple[Path, ...], audits: tuple[Path, ...], no_history: bool, size: int | None,
            census: bool, audit_type: str | None, ignore_months_off: bool, seed: int | None,
            reference: dt.date | None, lookback_months: int | None, stratify: str | None,
            flags: tuple[str, ...], teams: tuple[str, ...], strands: tuple[str, ...],
            plans: tuple[str, ...], output: Path, search_path: tuple[Path, ...], marking: str | None,
            force: bool) -> None:
    """Draw this month's dip sample from the case list (--cases) and allocate auditors.

    DEFINITION is the audit tool the sample is for: it gives the look-back, the time
    allowed to complete an audit and the age bands. The children come from --cases.
    """
    from auditforms.sampling.population import Asked, criteria_for, month_off
    from auditforms.sampling.selection import SampleProblem

    if not (history or audits or no_history):
        click.echo("error: give the audit history with --history CSV or --audits FOLDER "
                   "(or --no-history in the first month), so recently audited children are "
                   "left out", err=True)
        raise SystemExit(EXIT_USAGE)
    _refuse_existing(output, force)
    tool = load_or_exit(definition, search_path, marking=marking)
    loaded = tool.definition
    asked = Asked(reference or dt.date.today(), secrets.randbelow(10**6) if seed is None else seed,
                  size, lookback_months, audit_type, census, stratify, flags, teams, strands, plans)
    off = None if ignore_months_off else month_off(loaded, asked.reference_date)
    if off is not None:
        echo_input(f"error[AF830] {off}; give a --date in another month (or pass --ignore-months-off)",
                   err=True)
        raise SystemExit(EXIT_INVALID)
    try:
        criteria = criteria_for(loaded, asked)
    except SampleProblem as problem:
        echo_input(f"error[{problem.code}] {problem.message}", err=True)
        raise SystemExit(EXIT_USAGE) from None
    audits = _months_before(audits, criteria.reference_date)
    inputs = Inputs(cases, auditors, history, audits, columns, (definition.resolve().parent, *search_path))
    raise SystemExit(draw_and_write(tool, inputs, criteria, output, force))


@dataclass(frozen=True)
class Inputs:
    """The files a sample is drawn from, and the case list's column mapping."""

    cases: Path
    auditors: Path
    history: tuple[Path, ...] = ()
    audits: tuple[Path, ...] = ()
    columns: Mapping[str, str] = field(default_factory=dict)
    #: Folders to find the tools that past audits name (their roles and subject).
    definitions: tuple[Path, ...] = ()


def draw_and_write(tool: LoadedDefinition, inputs: Inputs, criteria: Any, output: Path, force: bool) -> int:
    """Read the inputs, draw, write the sample and its .meta.json; the exit code."""
    from auditforms.sampling.draw import draw_sample
    from auditforms.sampling.selection import SampleProblem

    definition = tool.definition
    children, past, people = _read_inputs(tool, inputs)
    try:
        drawn = draw_sample(definition, children, past, people, criteria)
    except SampleProblem as problem:
        echo_input(f"error[{problem.code}] {problem.message}", err=True)
        return EXIT_INVALID
    _write(definition, criteria, drawn, output, force,
           {"cases": [inputs.cases], "auditors": [inputs.auditors], "history": list(inputs.history),
            "audits": list(inputs.audits)})
    return EXIT_OK


def _refuse_existing(output: Path, force: bool) -> None:
    for path in (output, sidecar_path(output)):
        if path.exists() and not force:
            click.echo(already_exists(path), err=True)
            raise SystemExit(EXIT_USAGE)


def _read_inputs(tool: LoadedDefinition, inputs: Inputs) -> tuple[list[Any], list[Any], list[Any]]:
    from auditforms.cli.sample_inputs import read_audit_folder, read_csv_file, tool_finder
    from auditforms.cli.sample_word_returns import read_word_history
    from auditforms.diagnostics import has_errors
    from auditforms.sampling.records import (
        AUDITOR_COLUMNS,
        HISTORY_COLUMNS,
        case_columns,
        read_auditors,
        read_children,
        read_history,
    )

    children, problems = read_children(read_csv_file(inputs.cases, case_columns(inputs.columns)))
    people, more = read_auditors(read_csv_file(inputs.auditors, AUDITOR_COLUMNS))
    problems += more
    past = []
    for path in inputs.history:
        found, more = read_history(read_csv_file(path, HISTORY_COLUMNS))
        past += found
        problems += more
    tools = tool_finder(inputs.definitions)
    definition = tool.definition
    versions = tool.versions()  # audits of older versions read through the mapping
    for folder in inputs.audits:
        found, more = read_audit_folder(definition, folder, tools, versions)
        past += found
        problems += more
        found, more = read_word_history(definition, folder, tools, versions)
        past += found
        problems += more
    echo_diagnostics(problems, err=True)
    if has_errors(problems):
        click.echo("error: the sample was not drawn; correct the rows above and run again", err=True)
        raise SystemExit(EXIT_INVALID)
    return children, past, people


def _months_before(audits: tuple[Path, ...], reference: dt.date) -> tuple[Path, ...]:
    """The service folder's months whose returns count for a draw as of ``reference``: inside a
    service folder ``--audits`` defaults to every month's forms, and, as for ``month start``, only
    the months before the draw's count (October drawn again must not leave out October's own
    children, or November's). Folders given on the command line are read as given."""
    from click.core import ParameterSource

    from auditforms.months import is_month, month_of

    ctx = click.get_current_context()
    if ctx.get_parameter_source("audits") != ParameterSource.DEFAULT_MAP:
        return audits
    drawn = month_of(reference)
    return tuple(a for a in audits if not (a.name == "forms" and is_month(a.parent.name) and a.parent.name >= drawn))


def _as_recorded(output: Path) -> Callable[[Path], str]:
    """How the sample's record names its inputs: relative to the service folder the sample is
    written into (``data/case-list.csv``, as ``month start`` and the example write it), so the
    record stays true when the folder is moved or shared and holds no one's home folder; as
    given outside a service folder."""
    from auditforms.cli.service import find_service

    service = find_service(output.absolute().parent)

    def shown(path: Path) -> str:
        if service is not None and path.absolute().is_relative_to(service):
            return path.absolute().relative_to(service).as_posix()
        return str(path)
    return shown


def _write(definition: Any, criteria: Any, drawn: Any, output: Path, force: bool,
           inputs: dict[str, list[Path]]) -> None:
    import hashlib

    from auditforms.cli.sample_inputs import sha256_file
    from auditforms.sampling.draw import metadata
    from auditforms.sampling.sample_file import sample_csv_bytes
    from auditforms.terminal_safety import printable

    data = sample_csv_bytes(drawn.rows)
    shown = _as_recorded(output)
    files = {f"{kind}[{i}]" if len(paths) > 1 else kind:
             {"file": shown(p), "sha256": sha256_file(p)} if p.is_file() else {"folder": shown(p)}
             for kind, paths in inputs.items() for i, p in enumerate(paths)}
    meta = metadata(definition, criteria, drawn, files, hashlib.sha256(data).hexdigest())
    write_atomic(output, data, force=force)
    write_atomic(sidecar_path(output), (json.dumps(meta, indent=2) + "\n").encode(), force=force)
    for row in drawn.rows:
        cells = (row.child_id, row.team, row.age_band or "-", row.auditor)
        click.echo("\t".join(printable(cell) for cell in cells))
    counts = drawn.selection.counts
    took = "took every one" if criteria.method == "census" else f"drew {len(drawn.rows)}"
    click.echo(
        f"{took} of {counts['eligible']} eligible children ({counts['listed']} "
        f"listed, {counts['recently_audited']} audited in the last {criteria.lookback_months} "
        f"months, {counts['not_open']} not open in that time) with seed {criteria.seed}; "
        f"re-run with --seed {criteria.seed} --date {criteria.reference_date.isoformat()} "
        "to reproduce", err=True)
    echo_input(f"wrote {output} and {sidecar_path(output)}", err=True)
