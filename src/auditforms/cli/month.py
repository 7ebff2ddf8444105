"""``auditforms month start|status [YYYY-MM]``: the month's cycle in a service folder.

``month start 2026-11`` draws the month's sample (seed recorded in ``sample.meta.json``)
from the settings' case list, auditors and the history that keeps itself (every earlier
month's returned audits plus the pre-auditforms CSV), then renders the pre-filled forms
and the index into ``months/2026-11/forms``. ``month status`` reports on that folder.

Both hold the month's lock (``months/.2026-11.lock``) for as long as they run, so two
commands on one month never both write; ``render`` and ``status`` inside take the forms
folder's own lock as well. A start interrupted after the draw finishes the forms from
the recorded sample on the next ``month start`` rather than drawing again.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import EXIT_OK, EXIT_USAGE, load_or_exit
from auditforms.cli.locking import folder_lock, wait_option
from auditforms.cli.sample import DateParam


def _month(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from auditforms.service.layout import MonthProblem, parse_month

    if value is None:
        return None
    try:
        return parse_month(value)
    except MonthProblem as exc:
        raise click.BadParameter(str(exc)) from None


@click.group("month")
def command() -> None:
    """The month's audits in a service folder (run inside a folder made by 'auditforms init')."""


@command.command("start")
@click.argument("month", callback=_month, metavar="YYYY-MM")
@click.option("--date", "reference", type=DateParam(),
              help="The sample's reference date, as dd/mm/yyyy or yyyy-mm-dd (default: today "
                   "if it is in the month, else the month's first day).")
@click.option("--seed", type=click.IntRange(min=0), help="Seed of an earlier draw, to reproduce it.")
@click.option("--tool", help="Another of the settings' dip-sample tools (default: the first).")
@wait_option
def start(month: str, reference: dt.date | None, seed: int | None, tool: str | None,
          wait: bool) -> None:
    """Draw MONTH's sample and render a pre-filled form for each child into months/MONTH/."""
    from auditforms.cli.service import require_service
    from auditforms.service.layout import month_paths

    settings = require_service()
    paths = month_paths(settings.folder, month)
    with folder_lock(paths.folder, wait=wait):
        code = _start_locked(settings, month, paths, reference, seed, tool, wait)
    raise SystemExit(code)


def _start_locked(settings: Any, month: str, paths: Any, reference: dt.date | None,
                  seed: int | None, tool: str | None, wait: bool) -> int:
    from auditforms.cli.folder_swap import read_manifest
    from auditforms.cli.sample_batch import render_sample

    if read_manifest(paths.forms) is not None:
        click.echo(f"{paths.forms}: error[AF975] month {month} has already been started; see "
                   f"'auditforms month status {month}'", err=True)
        return EXIT_USAGE
    definition = load_or_exit(_tool_file(settings, tool), _search(settings))
    if paths.sample.is_file():
        click.echo(f"{paths.sample}: the sample was drawn by an earlier run that did not finish; "
                   "rendering its forms now", err=True)
    else:
        code = _draw(settings, definition, month, paths, reference, seed)
        if code != EXIT_OK:
            return code
    code = render_sample(definition, paths.sample, settings.formats, paths.forms, wait=wait)
    if code == EXIT_OK:
        click.echo(f"month {month} started: open {paths.forms / 'index.html'} and send each "
                   f"auditor their forms; 'auditforms month status {month}' shows what has come "
                   "back", err=True)
    return code


def _tool_file(settings: Any, tool: str | None) -> Path:
    from auditforms.cli.service import tool_path

    if tool is None:
        return tool_path(settings, settings.dip_sample_tool, "/tools/dip_sample/0")
    if tool not in settings.dip_sample_tools:
        raise click.BadParameter(f"'{tool}' is not one of the settings' dip-sample tools "
                                 f"({', '.join(settings.dip_sample_tools)})", param_hint="--tool")
    index = settings.dip_sample_tools.index(tool)
    return tool_path(settings, tool, f"/tools/dip_sample/{index}")


def _search(settings: Any) -> list[Path]:
    from auditforms.cli.service import definition_dirs

    return definition_dirs(settings)


def _draw(settings: Any, definition: Any, month: str, paths: Any, reference: dt.date | None,
          seed: int | None) -> int:
    import secrets

    from auditforms.cli.sample import draw_and_write
    from auditforms.sampling.draw import DEFAULT_SIZE, lookback_months
    from auditforms.sampling.selection import Criteria
    from auditforms.service.layout import reference_date

    inputs = _inputs(settings, month)
    if not inputs.history and not inputs.audits:
        click.echo("no audit history yet (no earlier month, no history.before_auditforms in the "
                   "settings): nobody is left out this month", err=True)
    criteria = Criteria(
        reference_date=reference or reference_date(month, dt.date.today()),
        lookback_months=(lookback_months(definition) if settings.lookback_months is None
                         else settings.lookback_months),
        size=settings.sample_size or DEFAULT_SIZE,
        seed=secrets.randbelow(10**6) if seed is None else seed, stratify=settings.stratify,
    )
    return draw_and_write(definition, inputs, criteria, paths.sample, force=False)


def _inputs(settings: Any, month: str) -> Any:
    """The draw's inputs; the history is every earlier month's returns plus the old CSV."""
    from auditforms.cli.sample import Inputs
    from auditforms.cli.service import existing_file
    from auditforms.service.history import history_for
    from auditforms.service.layout import MONTHS

    root = settings.folder / MONTHS
    names = [p.name for p in root.iterdir() if p.is_dir()] if root.is_dir() else []
    sources = history_for(settings, month, names)
    history = tuple(existing_file(settings, settings.history_before, "/history/before_auditforms",
                                  "history file") for _ in sources.csv_files)
    return Inputs(
        cases=existing_file(settings, settings.case_list, "/case_list/file", "case list"),
        auditors=existing_file(settings, settings.auditors, "/auditors", "auditors file"),
        history=history, audits=tuple(f for f in sources.audit_folders if f.is_dir()),
        columns=settings.case_columns)


@command.command("status")
@click.argument("month", required=False, callback=_month, metavar="[YYYY-MM]")
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--today", type=DateParam(),
              help="Count overdue forms as of this date, as dd/mm/yyyy or yyyy-mm-dd (default today).")
@wait_option
def status(month: str | None, format_: str, today: dt.date | None, wait: bool) -> None:
    """Returned, moderated, final and overdue, per child, for MONTH (default: the latest)."""
    from auditforms.cli.sample_batch import clean_leftovers
    from auditforms.cli.service import require_service
    from auditforms.cli.status import report_status
    from auditforms.service.layout import month_paths

    settings = require_service()
    month = month or _latest_month(settings)
    paths = month_paths(settings.folder, month)
    if not paths.forms.is_dir():
        click.echo(f"{paths.folder}: error[AF974] month {month} has not been started; run "
                   f"'auditforms month start {month}'", err=True)
        raise SystemExit(EXIT_USAGE)
    with (folder_lock(paths.folder, wait=wait, read_only=True),
          folder_lock(paths.forms, wait=wait, read_only=True)):
        clean_leftovers(paths.forms)
        tool = _manifest_tool(settings, paths.forms)
        code = report_status(tool, paths.forms, format_, today, _search(settings),
                             settings.moderation_days)
    if settings.report_day is not None and format_ == "text":
        from auditforms.sampling.index_page import long_date
        from auditforms.service.deadlines import report_due

        due = report_due(month, settings.report_day).isoformat()
        click.echo(f"the report for {month} is due by {long_date(due)} ('auditforms month report "
                   f"{month}')")
    raise SystemExit(code)


def _latest_month(settings: Any) -> str:
    from auditforms.service.layout import MONTHS, latest

    root = settings.folder / MONTHS
    found = latest(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else None
    if found is None:
        click.echo(f"{root}: error[AF974] no month has been started yet; run "
                   "'auditforms month start YYYY-MM'", err=True)
        raise SystemExit(EXIT_USAGE)
    return found


def _manifest_tool(settings: Any, forms: Path) -> Path:
    """The tool the month was drawn for (from its manifest), else the settings' first."""
    from auditforms.cli.folder_swap import read_manifest

    drawn_for = ((read_manifest(forms) or {}).get("definition") or {}).get("id")
    if isinstance(drawn_for, str) and drawn_for in settings.dip_sample_tools:
        return _tool_file(settings, drawn_for)
    return _tool_file(settings, None)


REPORT_FORMATS = ("html", "docx", "xlsx", "json")


def _report_installed() -> bool:
    from auditforms.cli import COMMANDS

    return "report" in COMMANDS


@command.command("report", hidden=not _report_installed())
@click.argument("month", required=False, callback=_month, metavar="[YYYY-MM]")
@click.option("--format", "format_", type=click.Choice(REPORT_FORMATS), default="html",
              show_default=True, help="html page, docx board paper, xlsx workbook or json.")
@click.option("--since", callback=_month, metavar="YYYY-MM",
              help="First month of the trend (default: the first month in the folder).")
@click.option("--public", is_flag=True, help="Suppress every count under 5 (for published papers).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default: months/MONTH/report-MONTH.FORMAT).")
@click.option("--force", is_flag=True, help="Replace a report that already exists.")
@wait_option
def report(month: str | None, format_: str, since: str | None, public: bool, output: Path | None,
           force: bool, wait: bool) -> None:
    """The monthly report for MONTH (default: the latest), from every month's audits."""
    from auditforms.cli.service import require_service
    from auditforms.service.layout import month_paths

    if not _report_installed():
        click.echo("error[AF977] this version of auditforms has no 'report' command", err=True)
        raise SystemExit(EXIT_USAGE)
    settings = require_service()
    month = month or _latest_month(settings)
    paths = month_paths(settings.folder, month)
    with folder_lock(paths.folder, wait=wait):
        argv = _report_argv(settings, month, format_, since, public,
                            output or paths.folder / f"report-{month}.{format_}", force)
        _run("report", argv)


def _report_argv(settings: Any, month: str, format_: str, since: str | None, public: bool,
                 output: Path, force: bool) -> list[str]:
    """``auditforms report``'s command line for the month, from the settings and the folder."""
    from auditforms.cli.service import months_forms
    from auditforms.service.layout import MONTHS, month_paths, months_in

    root = settings.folder / MONTHS
    names = months_in(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
    upto = [m for m in names if m <= month]
    samples = [s for m in upto if (s := month_paths(settings.folder, m).sample).is_file()]
    forms = [f for f in months_forms(settings) if f.parent.name in upto]
    tool = _manifest_tool(settings, month_paths(settings.folder, month).forms)
    argv = [str(tool), *map(str, forms), "--period", month, "--format", format_, "-o", str(output)]
    argv += ["--since", since or (upto[0] if upto else month)]
    for sample in samples:
        argv += ["--sample", str(sample)]
    for folder in _search(settings):
        argv += ["--definitions", str(folder)]
    return argv + (["--public"] if public else []) + (["--force"] if force else [])


def _run(name: str, argv: list[str]) -> None:
    """Run another auditforms command with ``argv``; its exit code is this command's."""
    import importlib

    from auditforms.cli import COMMANDS

    module = importlib.import_module(COMMANDS[name][0])
    module.command.main(args=argv, prog_name=f"auditforms {name}", standalone_mode=True)
