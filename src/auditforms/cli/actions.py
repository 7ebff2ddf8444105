"""``auditforms actions DEFINITION AUDITS...``: one tracker of agreed actions across audits.

Lists, splits into trackers per manager, reads sign-offs back into the audits, and writes
reminder e-mails. Only this module and :mod:`auditforms.cli.actions_files` touch files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    DateParam,
    LoadedDefinition,
    definitions_path_option,
    echo_data,
    load_or_exit,
    marking_option,
)
from auditforms.cli.service import TEAMS_FILE, TOOL_OR_AUDITS
from auditforms.english import count

_FORMATS = ("text", "csv", "xlsx", "html", "json")
_SPLITS = ("head_of_service", "service_manager", "team")


@click.command("actions")
@click.argument("definition", type=TOOL_OR_AUDITS)
@click.argument("audits", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--today", type=DateParam(),
              help="The date states are worked out on, as dd/mm/yyyy or yyyy-mm-dd (default: the real date).")
@click.option("--format", "format_", type=click.Choice(_FORMATS), default=None,
              help="text (default), csv, xlsx, html or json; trackers from --split-by are xlsx.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="The file to write (a folder for --split-by and --remind); default: the terminal.")
@click.option("--teams", type=TEAMS_FILE,
              help="CSV of teams: team, area, team/service manager, head of service, e-mails.")
@click.option("--split-by", type=click.Choice(_SPLITS), help="One tracker per head of service, service "
              "manager or team, written into the -o folder.")
@click.option("--update", "trackers", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              metavar="TRACKER.xlsx", help="Read sign-offs and updates from trackers into the audits; more .xlsx "
              "trackers may follow among the arguments.")
@click.option("--by", "by_name", metavar="NAME", help="With --update: the manager who signed off or wrote the "
              "update, where a tracker row names nobody (default: the manager the tracker was made for).")
@click.option("--correct", is_flag=True, help="With --update: a sign-off date or update different from the one "
              "recorded replaces it (recorded in the audit's history) instead of being refused.")
@click.option("--remind", is_flag=True, help="Write one .eml reminder per person into the -o folder.")
@click.option("--people", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="CSV of name, e-mail of the people responsible (for --remind).")
@click.option("--from", "sender", default="audit-actions@example.invalid", show_default=True,
              callback=lambda ctx, param, value: _one_address(value),
              help="The From address of reminders.")
@click.option("--force", is_flag=True, help="Replace outputs that already exist.")
@marking_option
@definitions_path_option
def command(definition: Path, audits: tuple[Path, ...], today: dt.date | None, format_: str | None,
            output: Path | None, teams: Path | None, split_by: str | None, trackers: tuple[Path, ...],
            by_name: str | None, correct: bool, remind: bool, people: Path | None, sender: str, force: bool,
            search_path: tuple[Path, ...], marking: str | None) -> None:
    """List the agreed actions of moderated and final AUDITS (files or folders) of DEFINITION.

    Each action has an id, <audit id>:<row>, and a state on --today: open, due within 7
    days, overdue by N days, signed off, signed off late, or no longer required. See
    docs/actions.md for the monthly tracker cycle.

    Inside a service folder (one with auditforms.yaml) DEFINITION and AUDITS come from it:
    'auditforms actions' alone lists every month's actions, 'auditforms actions months/2026-10'
    one month's, and 'auditforms actions --update trackers/*.xlsx' reads trackers back.

    Exit status: 0 all good, 1 when any input had a problem (the rest is still done), 2 on a
    usage error.
    """
    from auditforms.actions import action_plan
    from auditforms.cli.service import SPREADSHEETS, teams_file, tool_and_audits

    definition, audits = tool_and_audits(definition, audits)
    workbooks = tuple(p for p in audits if p.suffix.lower() in SPREADSHEETS)
    if workbooks and not trackers:
        raise click.UsageError("a workbook is among the audits: give trackers after --update")
    audits = tuple(p for p in audits if p not in workbooks)
    trackers += workbooks
    modes = sum(bool(m) for m in (split_by, trackers, remind))
    if modes > 1:
        raise click.UsageError("use one of --split-by, --update and --remind at a time")
    if (correct or by_name) and not trackers:
        raise click.UsageError(f"{'--correct' if correct else '--by'} goes with --update TRACKER.xlsx")
    tool = load_or_exit(definition, search_path, marking=marking)
    if action_plan(tool.definition) is None:
        _fail(f"{definition}: error[AF953] the tool {tool.definition.id} has no table with role: action_plan")
    run = _Run(tool, today or dt.date.today(), force)
    run.read_teams(teams_file(teams))
    from auditforms.cli.scratch import ended_by_signals

    with ended_by_signals():  # killed by kill or a closed terminal: no scratch left, as with Ctrl-C
        try:
            run.read_audits(audits, spool_by=split_by)
            if trackers:
                run.update(trackers, by_name, correct)
            elif remind:
                run.remind(output, people, sender)
            elif split_by:
                run.split(split_by, output, format_ or "xlsx")
            else:
                run.listing(format_ or "text", output)
        finally:
            run.close()
    run.finish()


def _one_address(value: str) -> str:
    from auditforms.actions.reminders import is_address

    if not is_address(value.strip()):
        raise click.BadParameter("give one e-mail address, e.g. qa.team@council.gov.uk")
    return value.strip()


def _fail(message: str, code: int = EXIT_INVALID) -> None:
    from auditforms.terminal_safety import printable

    click.echo(printable(message), err=True)
    raise SystemExit(code)


class _Run:
    """One invocation's state: the definition, the day, teams, actions and problems so far."""

    def __init__(self, tool: LoadedDefinition, today: dt.date, force: bool) -> None:
        self.tool, self.today, self.force = tool, today, force
        self.definition = tool.definition
        self.teams: Any = None
        self.spool: Any = None
        self.failed = False

    def report_problems(self, problems: list[Any]) -> None:
        from auditforms.diagnostics import sort_key
        from auditforms.terminal_safety import printable

        for d in sorted(problems, key=sort_key):
            click.echo(printable(d.format()), err=True)
            self.failed = self.failed or d.is_error

    def read_teams(self, path: Path | None) -> None:
        if path is None:
            return
        from auditforms.actions.teams import read_teams
        from auditforms.source.files import Unreadable, read_capped
        from auditforms.source.reading import DEFAULT_LIMITS

        try:
            data = read_capped(path, DEFAULT_LIMITS.max_bytes)
        except Unreadable as problem:
            _fail(f"{path}: error[{problem.code}] {problem.message}")
        self.teams, problems = read_teams(data, str(path))
        self.report_problems(problems)

    def read_audits(self, paths: tuple[Path, ...], spool_by: str | None = None) -> None:
        """Gather the actions of ``paths``: into a report in memory, or, for trackers split
        ``spool_by`` someone, into a spool on disk (memory stays flat however many there are)."""
        from auditforms.actions.gather import gather
        from auditforms.actions.report import build_report
        from auditforms.cli.actions_files import read_documents

        if spool_by is not None:
            from auditforms.cli.actions_spool import ActionSpool

            self.spool = ActionSpool(spool_by, self.today, self.teams)
        problems: list[Any] = []
        self.gathered = gather(self.definition, read_documents(self.tool, paths, problems), self.spool)
        self.report_problems(problems + self.gathered.problems)
        if self.gathered.audits_read == 0:
            if any(p.is_error for p in problems + self.gathered.problems):  # they said why: invalid input
                _fail("no audit could be read: see the errors above", EXIT_INVALID)
            if not paths or not all(p.is_dir() for p in paths):
                _fail("no audits found: give .json, .yaml or .docx files, or folders holding them", EXIT_USAGE)
            # Folders of a month whose forms have not come back yet: an empty tracker, said plainly.
            click.echo("no audits have come back yet in the folders given; there are no actions to track",
                       err=True)
        if self.spool is None:
            self.report = build_report(self.definition, self.gathered.listed, self.today, self.teams)
            missing = {r.action.team for r in self.report.rows if r.team is None}
        else:
            missing = self.spool.teams_not_found()
        if self.teams is not None and missing:
            from auditforms.actions.codes import warning

            verb = "is" if len(missing) == 1 else "are"
            self.report_problems([warning("AF961", f"{count(len(missing), 'team')} recorded in the audits {verb} not "
                                          "in the teams file; their actions are listed under '(not in the teams "
                                          "file)'", self.teams.file)])

    def listing(self, format_: str, output: Path | None) -> None:
        from auditforms.actions.outputs import FORMATS

        data = FORMATS[format_].render(self.report)
        if output is None:
            if format_ == "xlsx":
                raise click.UsageError("--format xlsx needs -o FILE.xlsx")
            echo_data(data.decode("utf-8"))
            return
        from auditforms.cli.common import write_atomic

        write_atomic(output, data, force=self.force)
        click.echo(f"wrote {output} ({self.report.counts.total} actions)", err=True)

    def split(self, by: str, output: Path | None, format_: str) -> None:
        from auditforms.cli.actions_files import staging_folder
        from auditforms.cli.actions_render import write_trackers

        if output is None:
            raise click.UsageError("--split-by needs -o FOLDER")
        if format_ == "text":
            raise click.UsageError("--split-by writes xlsx, csv, html or json trackers, not text")
        if by != "team" and self.teams is None:
            _fail(f"error[AF962] --split-by {by} needs --teams FILE: the teams file says who the managers are")
        with staging_folder(output, self.force) as folder:
            written = write_trackers(self.spool, self.definition, format_, folder)
        click.echo(f"wrote {written} tracker{'s' if written != 1 else ''} into {output}", err=True)

    def update(self, trackers: tuple[Path, ...], by_name: str | None, correct: bool = False) -> None:
        from auditforms.actions import action_plan
        from auditforms.cli.actions_update import run_update

        table = action_plan(self.definition)
        if table is None or table.column_with_role("action_signed_off") is None:
            _fail(f"error[AF953] the action plan of {self.definition.id} has no column with role: "
                  "action_signed_off, so sign-offs have nowhere to go")

        self.failed = run_update(self, trackers, by_name, correct) or self.failed

    def remind(self, output: Path | None, people_file: Path | None, sender: str) -> None:
        from auditforms.cli.actions_update import run_remind

        if output is None:
            raise click.UsageError("--remind needs -o OUTBOX (a folder)")
        self.failed = run_remind(self, output, people_file, sender) or self.failed

    def close(self) -> None:
        if self.spool is not None:
            self.spool.close()

    def finish(self) -> None:
        raise SystemExit(EXIT_INVALID if self.failed else EXIT_OK)


