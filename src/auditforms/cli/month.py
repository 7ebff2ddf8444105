"""``auditforms month start|status|report [YYYY-MM]``: the month's cycle in a service folder.

``month start 2026-11`` draws the month's sample (seed recorded in ``sample.meta.json``)
from the settings' case list, auditors and the history that keeps itself (every earlier
month's returned audits plus the pre-auditforms CSV), then renders the pre-filled forms
and the index into ``months/2026-11/forms``. ``month status`` reports on that folder, and
``month report`` (:mod:`auditforms.cli.month_report`) writes the month's report.

Both hold the month's lock (``months/.2026-11.lock``) for as long as they run, so two
commands on one month never both write; ``render`` and ``status`` inside take the forms
folder's own lock as well. A start interrupted after the draw finishes the forms from
the recorded sample on the next ``month start`` rather than drawing again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import click

from auditforms.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, DateParam, LoadedDefinition, load_or_exit
from auditforms.cli.locking import folder_lock, wait_option
from auditforms.cli.month_common import latest_month, manifest_tool, month_callback, search, started_month, tool_file
from auditforms.cli.month_report import report
from auditforms.cli.sample import sidecar_path


@click.group("month")
def command() -> None:
    """The month's audits in a service folder (run inside a folder made by 'auditforms init')."""


@command.command("start")
@click.argument("month", callback=month_callback, metavar="YYYY-MM")
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
    from auditforms.sampling.population import month_off

    if read_manifest(paths.forms) is not None:
        click.echo(f"{paths.forms}: error[AF975] month {month} has already been started; see "
                   f"'auditforms month status {month}'", err=True)
        return EXIT_USAGE
    loaded = load_or_exit(tool_file(settings, tool), search(settings), marking=settings.marking)
    definition = loaded.definition
    off = month_off(definition, dt.date.fromisoformat(f"{month}-01"))
    if off is not None:
        click.echo(f"error[AF830] {off}: there is no sample this month", err=True)
        return EXIT_INVALID
    if paths.sample.is_file() and sidecar_path(paths.sample).is_file():
        click.echo(f"{paths.sample}: the sample was drawn by an earlier run that did not finish; "
                   "rendering its forms now", err=True)
    else:
        # A sample without its .meta.json has no record of its seed: draw it again.
        code = _draw(settings, loaded, month, paths, reference, seed,
                     redraw=paths.sample.is_file())
        if code != EXIT_OK:
            return code
    code = render_sample(loaded, paths.sample, settings.formats, paths.forms, wait=wait)
    if code == EXIT_OK:
        click.echo(f"month {month} started: open {paths.forms / 'index.html'} and send each "
                   f"auditor their forms; 'auditforms month status {month}' shows what has come "
                   "back", err=True)
    return code


def _draw(settings: Any, loaded: LoadedDefinition, month: str, paths: Any, reference: dt.date | None,
          seed: int | None, redraw: bool = False) -> int:
    import secrets

    from auditforms.cli.sample import draw_and_write
    from auditforms.sampling.population import Asked, criteria_for
    from auditforms.service.layout import reference_date

    inputs = _inputs(settings, month)
    if not inputs.history and not inputs.audits:
        click.echo("no audit history yet (no earlier month, no history.before_auditforms in the "
                   "settings): nobody is left out this month", err=True)
    criteria = criteria_for(loaded.definition, Asked(  # the tool's sampling, under the settings
        reference_date=reference or reference_date(month, dt.date.today()),
        seed=secrets.randbelow(10**6) if seed is None else seed, size=settings.sample_size,
        lookback_months=settings.lookback_months, stratify=settings.stratify,
    ))
    if redraw:
        click.echo(f"{paths.sample}: an interrupted run left the sample without the record of its "
                   "seed; it is drawn again", err=True)
    _say_if_already_due(loaded, month, criteria.reference_date, given=reference is not None)
    return draw_and_write(loaded, inputs, criteria, paths.sample, force=redraw)


def _say_if_already_due(loaded: LoadedDefinition, month: str, reference: dt.date, *, given: bool) -> None:
    """A month started after it ended is drawn as of its first day, so its forms are due at
    once: say so, before the auditors are sent forms already overdue."""
    from auditforms.english import long_date
    from auditforms.moderation.deadlines import completion_due

    due = completion_due(loaded.definition, reference)
    if not given and due < dt.date.today():
        click.echo(f"note: month {month} is drawn as of {long_date(reference)}, so its forms are due by "
                   f"{long_date(due)}, already past; give --date to draw it as of another day", err=True)


def _inputs(settings: Any, month: str) -> Any:
    """The draw's inputs; the history is every earlier month's returns plus the old CSV."""
    from auditforms.cli.month_common import month_names
    from auditforms.cli.sample import Inputs
    from auditforms.cli.service import existing_file
    from auditforms.service.history import history_for

    sources = history_for(settings, month, month_names(settings))
    history = tuple(existing_file(settings, settings.history_before, "/history/before_auditforms",
                                  "history file") for _ in sources.csv_files)
    return Inputs(
        cases=existing_file(settings, settings.case_list, "/case_list/file", "case list"),
        auditors=existing_file(settings, settings.auditors, "/auditors", "auditors file"),
        history=history, audits=tuple(f for f in sources.audit_folders if f.is_dir()),
        columns=settings.case_columns, definitions=tuple(search(settings)))


@command.command("status")
@click.argument("month", required=False, callback=month_callback, metavar="[YYYY-MM]")
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

    settings = require_service()
    paths = started_month(settings, month or latest_month(settings))
    month = paths.folder.name
    with (folder_lock(paths.folder, wait=wait, read_only=True),
          folder_lock(paths.forms, wait=wait, read_only=True)):
        clean_leftovers(paths.forms)
        tool = manifest_tool(settings, paths.forms)
        code = report_status(tool, paths.forms, format_, today, search(settings),
                             settings.moderation_days)
    if settings.report_day is not None and format_ == "text":
        from auditforms.english import long_date_of
        from auditforms.service.deadlines import report_due

        due = report_due(month, settings.report_day).isoformat()
        click.echo(f"the report for {month} is due by {long_date_of(due)} ('auditforms month report "
                   f"{month}')")
    raise SystemExit(code)


command.add_command(report)
