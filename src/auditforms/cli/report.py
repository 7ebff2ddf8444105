"""``auditforms report DEFINITION AUDITS... --period YYYY-MM --format html|docx|xlsx|json -o FILE``.

Reads the completed audits one file at a time (files or folders), counts them, and writes
the monthly report for the Operational Board. A file that cannot be read, or is not a
completed audit of this tool, is named on standard error and left out; the report says how
many were. Exit status: 0 written; 1 invalid input (the definition or a sample file, and no
report is written; or an audit file that cannot be read, named and left out, with the report
written all the same, as ``actions`` does); 2 usage error.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import (
    EXIT_INVALID,
    EXIT_USAGE,
    DateParam,
    already_exists,
    definitions_path_option,
    force_option,
    load_or_exit,
    marking_option,
    write_atomic,
)
from auditforms.cli.service import TOOL_OR_AUDITS
from auditforms.terminal_safety import printable

_FORMATS = ("html", "docx", "xlsx", "json")


def _month(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from auditforms.months import MonthProblem, parse_month

    try:
        return None if value is None else parse_month(value)
    except MonthProblem as problem:
        raise click.BadParameter(str(problem)) from None


@click.command("report")
@click.argument("definition", type=TOOL_OR_AUDITS)
@click.argument("audits", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--period", required=True, callback=_month, help="The month reported on (YYYY-MM).")
@click.option("--since", callback=_month, help="First month of the trend (YYYY-MM; default: the period only).")
@click.option("--sample", "samples", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A sample CSV written by 'auditforms sample' (repeatable): adds drawn, returned and on time.")
@click.option("--today", type=DateParam(),
              help="Judge actions open or overdue on this day (default: the period's last day).")
@click.option("--target", "targets", multiple=True, metavar="NAME=PERCENT",
              help="A target from the service's settings (repeatable): overall_good_or_better, "
                   "judgements_good_or_better or returned_on_time; each replaces the tool's own.")
@click.option("--public", is_flag=True, help="Suppress every count under 5 (for published board papers).")
@click.option("--include-text", is_flag=True, help="Quote the answers the tool marks reportable.")
@click.option("--format", "format_", type=click.Choice(_FORMATS), required=True, help="Output format.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="Output file.")
@force_option
@marking_option
@definitions_path_option
def command(definition: Path, audits: tuple[Path, ...], period: str, since: str | None, samples: tuple[Path, ...],
            today: dt.date | None, targets: tuple[str, ...], public: bool, include_text: bool, format_: str,
            output: Path, force: bool, search_path: tuple[Path, ...], marking: str | None) -> None:
    """Collate completed AUDITS (files or folders) into the monthly report for the board.

    Inside a service folder, 'auditforms month report' runs this with everything from the
    folder; here DEFINITION and AUDITS default from it too."""
    from auditforms.cli.report_worker import HeavyWorker
    from auditforms.cli.service import tool_and_audits
    from auditforms.collation import Collator, ReportOptions
    from auditforms.collation.collate import MonthsError
    from auditforms.collation.formats import needs_rows, render

    definition, audits = tool_and_audits(definition, audits)
    if public and include_text:
        raise click.UsageError("--include-text cannot be used with --public: a published paper quotes no answers")
    if today is not None and today.strftime("%Y-%m") < period:
        from auditforms.english import long_date
        from auditforms.months import month_bounds

        click.echo(f"error: --today {long_date(today)} is before the month reported on, which starts "
                   f"{long_date(month_bounds(period)[0])}: where the actions stand is told on a day of the month "
                   "or after it", err=True)  # one line, from month report as from report
        raise SystemExit(EXIT_USAGE)
    if output.exists() and not force:
        click.echo(already_exists(output), err=True)
        raise SystemExit(EXIT_USAGE)
    worker = HeavyWorker(charts=format_ == "html")
    if _many_audits(audits):
        worker.start()  # imports statsmodels and matplotlib on another CPU while the audits are read
    try:
        tool = load_or_exit(definition, search_path, marking=marking)
        sample_rows = _read_samples(samples) if samples else None
        try:
            collator = Collator(tool.definition, ReportOptions(period=period, since=since, public=public,
                                                      include_text=include_text, with_sample=bool(samples),
                                                      today=today, **_targets(targets)))
        except MonthsError as exc:
            raise click.UsageError(str(exc)) from None
        rows = _collate(collator, tool.versions(), audits, sample_rows,
                        keep_rows=needs_rows(format_) and not public)
        figures = collator.figures(sample_rows, kappa_of=worker.kappa)
        data = render(format_, figures, rows, draw_svgs=worker.svgs)
    finally:
        worker.close()
    write_atomic(output, data, force=force)
    click.echo(f"{printable(str(output))}: {_counted(format_, figures)}")
    if collator.tally.left_out["unreadable"]:  # said above, each at its file: the report is written
        raise SystemExit(EXIT_INVALID)


def _counted(format_: str, figures: Any) -> str:
    """What the report counts: the month's own audits, and those of the trend's earlier months
    apart (a month with none back yet must not read as "counting 19 audits")."""
    from auditforms.collation.words import month_label
    from auditforms.english import count

    months = figures.trend or ()
    own = next((m.audits for m in months if m.month == figures.period), 0)
    if own is None or figures.coverage.counted is None:  # --public: small counts are not said here either
        return f"the {format_} report for {month_label(figures.period)}, with every count under 5 suppressed"
    said = f"the {format_} report for {month_label(figures.period)}, counting {count(own, 'audit')} of the month"
    earlier = figures.coverage.counted - own
    if len(figures.months) > 1 and earlier > 0:
        said += f" and {count(earlier, 'audit')} of the months before it (the trend)"
    if own == 0:
        said += f"; none of {month_label(figures.period)} has come back yet"
    return said


def _many_audits(paths: tuple[Path, ...]) -> bool:
    """Whether ``paths`` hold enough audits for the report's worker to pay (counting stops there)."""
    from auditforms.cli.report_worker import START_WITH_AUDITS
    from auditforms.results.reading import iter_audit_paths

    return next(itertools.islice(iter_audit_paths(paths), START_WITH_AUDITS - 1, None), None) is not None


def _collate(collator: Any, versions: Any, audits: tuple[Path, ...], sample_rows: list[Any] | None,
             keep_rows: bool) -> list[Any]:
    """Add every audit to ``collator``; the spreadsheet's tidy rows when ``keep_rows``.
    ``versions``: the tool's kept versions, so older versions count as this one where it maps them."""
    rows: list[Any] = []
    by_key = _sample_index(sample_rows or [])
    from auditforms.versions.reading import read_as_current

    loaded = collator.definition
    for path, document in _documents(loaded.id, audits, collator, versions.belongs):
        record = collator.add(read_as_current(versions, document), path.stem, _sample_row(by_key, document))
        if collator.last_left_out == "duplicates":
            repeated = printable(str(document.get("audit_id")))
            click.echo(f"{printable(str(path))}: warning[AF991] repeats audit {repeated}, "
                       "already counted from another file; counted once", err=True)
        if record is not None and keep_rows:
            from auditforms.collation.tidy import tidy_rows

            rows.extend(tidy_rows(collator.definition, collator.parts, record))
    return rows


_TARGETS = ("overall_good_or_better", "judgements_good_or_better", "returned_on_time")


def _targets(given: tuple[str, ...]) -> dict[str, Any]:
    """``--target NAME=PERCENT`` values as ReportOptions; a usage error for anything else."""
    from auditforms.model.definition import Targets

    found: dict[str, int] = {}
    for text in given:
        name, _, value = text.partition("=")
        if name.strip() not in _TARGETS or not value.strip().isdigit() or int(value) > 100:
            raise click.BadParameter(f"'{printable(text)}': give NAME=PERCENT with NAME one of {', '.join(_TARGETS)} "
                                     "and a whole percentage", param_hint="--target")
        found[name.strip()] = int(value)
    options: dict[str, Any] = {"returned_on_time_target": found.pop("returned_on_time", None)}
    if found:
        options["settings_targets"] = Targets(**found)
    return options


def _documents(tool_id: str, paths: tuple[Path, ...], collator: Any,
               belongs: Callable[[object], bool] | None = None) -> Iterator[tuple[Path, Mapping[str, Any]]]:
    """Completed audits of this tool, one at a time; every other file named and counted. Of
    an audit's files, the one furthest on (:mod:`auditforms.cli.report_reading`).
    ``belongs``: whether a tool id is this tool's (its id, or the id its lineage says it is a
    version of), so audits of an older id of the same tool are counted too."""
    is_this_tool = belongs or (lambda named: named == tool_id)
    from auditforms.cli.report_reading import counted_files
    from auditforms.results.envelope import own_record
    from auditforms.results.reading import iter_audit_paths

    files = counted_files(collator.definition, iter_audit_paths(paths))
    for note in files.notes:
        click.echo(note, err=True)
    for audit_id, child_id, status, returned in files.earlier:  # it may say when the audit came back
        collator.earlier_file(audit_id, child_id, status, returned)
    for path, document, problems in files.documents(collator.definition):
        if document is None or problems:
            reason = problems[0].format() if problems else f"{path}: cannot be read"
            click.echo(f"{printable(reason)}; left out of the report", err=True)
            collator.left_out("unreadable")
            continue
        tool = document.get("definition") if isinstance(document, dict) else None
        if own_record(document) is not None:
            continue  # auditforms' own record beside the audits: an earlier report, a manifest…
        if not isinstance(document, dict) or document.get("format") != "auditforms/completed-audit" \
                or not isinstance(tool, dict) or not is_this_tool(tool.get("id")):
            click.echo(f"{printable(str(path))}: warning[AF990] not a completed audit of {tool_id}; "
                       "left out of the report", err=True)
            collator.left_out("other_tool")
            continue
        yield path, document


def _read_samples(paths: tuple[Path, ...]) -> list[Any]:
    from auditforms.cli.common import echo_diagnostics
    from auditforms.cli.sample_inputs import read_csv_file
    from auditforms.sampling.sample_file import SAMPLE_COLUMNS, read_sample

    rows: list[Any] = []
    problems: list[Any] = []
    for path in paths:
        found, bad = read_sample(read_csv_file(path, SAMPLE_COLUMNS))
        rows.extend(found)
        problems.extend(d for d in bad if d.is_error)
    if problems:
        echo_diagnostics(problems, err=True)
        raise SystemExit(EXIT_INVALID)
    return rows


def _sample_index(rows: list[Any]) -> dict[str, Mapping[str, str]]:
    index: dict[str, Mapping[str, str]] = {}
    for row in rows:
        values = {"team": row.team, "area": row.area, "strand": row.strand, "age_band": row.age_band}
        index[row.audit_id] = values
        index[f"child:{row.child_id.casefold()}"] = values
    return index


def _sample_row(index: Mapping[str, Mapping[str, str]], document: Mapping[str, Any]) -> Mapping[str, str] | None:
    if not index:
        return None
    audit_id = document.get("audit_id")
    return index.get(str(audit_id)) if isinstance(audit_id, str) else None
