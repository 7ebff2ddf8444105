"""The ``auditforms`` command line: the only layer that touches files and the terminal.

Each command lives in its own module and is imported only when it runs, which keeps
``auditforms --help`` fast. Exit codes: 0 all good, 1 invalid input found, 2 usage error.
"""

from __future__ import annotations

import importlib
from typing import Any

import click

from auditforms.version import __version__

#: command name -> (module, one-line help). Keep the help here so --help imports nothing.
COMMANDS: dict[str, tuple[str, str]] = {
    "validate": ("auditforms.cli.validate", "Validate definition files (files or folders)."),
    "show": ("auditforms.cli.show", "Show a definition's resolved outline after extends."),
    "new": ("auditforms.cli.new", "Scaffold a customisation that extends a tool."),
    "render": ("auditforms.cli.render", "Render a definition as html, docx, schema or dictionary."),
    "check": ("auditforms.cli.check", "Check completed audits against a definition."),
    "migrate": ("auditforms.cli.migrate", "Carry audits of an older version of a tool forward to a newer one."),
    "extract": ("auditforms.cli.extract", "Read a filled-in Word form back into a completed audit."),
    "sample": ("auditforms.cli.sample", "Draw this month's dip sample and allocate auditors."),
    "status": ("auditforms.cli.status", "Show which forms of a sample have come back and pass."),
    "init": ("auditforms.cli.init", "Create a service folder (auditforms.yaml, months/); --example to try one."),
    "month": ("auditforms.cli.month", "The month in a service folder: month start, month status, month report."),
    "actions": ("auditforms.cli.actions", "Track agreed actions across audits: trackers, sign-off, reminders."),
    "report": ("auditforms.cli.report", "Collate completed audits into the monthly report for the board."),
    "preview": ("auditforms.cli.preview", "Preview a definition's form live, reloading on every save."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module = importlib.import_module(COMMANDS[name][0])
        command: click.Command = module.command
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, help_) for name, (_, help_) in COMMANDS.items()]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="auditforms")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Declarative audit tools for children's social care quality assurance.

    One YAML definition describes an audit tool; auditforms validates it, renders it as an
    offline HTML form or a Word document, and checks completed audits against it. Inside a
    service folder (one with auditforms.yaml) the commands' options default from it.
    """
    from auditforms.cli.service import USES_SETTINGS, defaults_here

    if ctx.invoked_subcommand in USES_SETTINGS:
        ctx.default_map = defaults_here(ctx.invoked_subcommand)


def main(argv: list[str] | None = None) -> Any:
    import sys

    args = sys.argv[1:] if argv is None else argv
    if any(_not_text(arg) for arg in args):
        click.echo("error: an argument holds bytes that are not UTF-8 text (a file or folder name "
                   "made on another system?); rename it, or give its name in UTF-8", err=True)
        raise SystemExit(2)
    try:
        return cli.main(args=args, prog_name="auditforms", standalone_mode=False)
    except click.ClickException as exc:  # click's usage errors quote what was typed: escaped
        from auditforms.terminal_safety import printable_lines

        setattr(exc, "message", printable_lines(exc.message))  # noqa: B010  (typed Final by click's stubs)
        exc.show()
        raise SystemExit(exc.exit_code) from None
    except (click.Abort, KeyboardInterrupt):
        click.echo("Aborted!", err=True)
        raise SystemExit(1) from None


def _not_text(arg: str) -> bool:
    """Whether a command-line argument holds bytes that were not UTF-8: Python keeps them as
    lone surrogates, which no file can be written with and no terminal can show."""
    return any("\ud800" <= c <= "\udfff" for c in arg)
