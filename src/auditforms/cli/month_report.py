"""``auditforms month report [YYYY-MM]``: the month's report, by ``auditforms report``.

Runs the report command with its options from the settings and the folder: the tool the
month was drawn for, the audits returned into every month's forms folder up to this one
(for the trend: HTML saves and filled Word forms), their sample files (drawn, returned, on
time), and the output beside the month's forms. Of an audit's files the report counts the
one furthest on, as ``month status`` does (:mod:`auditforms.cli.report_reading`). Hidden (and
refusing, AF977) when this version has no ``report`` command. ``--today`` is passed on: the
board is told where the actions stood on the day it meets, not on the month's last day.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import EXIT_USAGE, DateParam
from auditforms.cli.locking import folder_lock, wait_option
from auditforms.cli.month_common import (
    latest_month,
    manifest_tool,
    month_callback,
    month_names,
    search,
    started_month,
)

REPORT_FORMATS = ("html", "docx", "xlsx", "json")


def _report_installed() -> bool:
    from auditforms.cli import COMMANDS

    return "report" in COMMANDS


@click.command("report", hidden=not _report_installed())
@click.argument("month", required=False, callback=month_callback, metavar="[YYYY-MM]")
@click.option("--format", "format_", type=click.Choice(REPORT_FORMATS), default="html",
              show_default=True, help="html page, docx board paper, xlsx workbook or json.")
@click.option("--since", callback=month_callback, metavar="YYYY-MM",
              help="First month of the trend (default: the first month in the folder).")
@click.option("--public", is_flag=True, help="Suppress every count under 5 (for published papers).")
@click.option("--today", type=DateParam(),
              help="Judge actions open or overdue on this day, e.g. the board's (default: the month's last day).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Output file (default: months/MONTH/report-MONTH.FORMAT).")
@click.option("--force", is_flag=True, help="Replace a report that already exists.")
@wait_option
def report(month: str | None, format_: str, since: str | None, public: bool, today: dt.date | None,
           output: Path | None, force: bool, wait: bool) -> None:
    """The monthly report for MONTH (default: the latest), from every month's audits."""
    from auditforms.cli.service import require_service

    if not _report_installed():
        click.echo("error[AF977] this version of auditforms has no 'report' command", err=True)
        raise SystemExit(EXIT_USAGE)
    settings = require_service()
    paths = started_month(settings, month or latest_month(settings))
    month = paths.folder.name
    with folder_lock(paths.folder, wait=wait):
        argv = _report_argv(settings, month, format_, since, public,
                            output or paths.folder / f"report-{month}.{format_}", force, today)
        _run("report", argv)


def _report_argv(settings: Any, month: str, format_: str, since: str | None, public: bool,
                 output: Path, force: bool, today: dt.date | None = None) -> list[str]:
    """``auditforms report``'s command line for the month, from the settings and the folder."""
    from auditforms.cli.service import months_forms, returned_audits
    from auditforms.service.layout import month_paths

    upto = [m for m in month_names(settings) if m <= month]
    samples = [s for m in upto if (s := month_paths(settings.folder, m).sample).is_file()]
    forms = [f for f in months_forms(settings) if f.parent.name in upto]
    tool = manifest_tool(settings, month_paths(settings.folder, month).forms)
    audits = returned_audits(forms, word=True)  # the report counts each audit's file furthest on
    argv = [str(tool), *map(str, audits), "--period", month, "--format", format_, "-o", str(output)]
    argv += ["--since", since or (upto[0] if upto else month)]
    for sample in samples:
        argv += ["--sample", str(sample)]
    for name, percent in settings.targets.items():
        argv += ["--target", f"{name}={int(percent)}"]
    for folder in search(settings):
        argv += ["--definitions", str(folder)]
    if settings.marking:
        argv += ["--marking", settings.marking]
    if today is not None:  # the actions' position as at the board's day, not the month's end
        argv += ["--today", today.isoformat()]
    return argv + (["--public"] if public else []) + (["--force"] if force else [])


def _run(name: str, argv: list[str]) -> None:
    """Run another auditforms command with ``argv``; its exit code is this command's."""
    import importlib

    from auditforms.cli import COMMANDS

    module = importlib.import_module(COMMANDS[name][0])
    module.command.main(args=argv, prog_name=f"auditforms {name}", standalone_mode=True)
