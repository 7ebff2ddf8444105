"""``auditforms init FOLDER [--example]``: create a QA service folder.

Writes ``auditforms.yaml`` (valid as written), ``schemas/settings.schema.json`` and
``schemas/definition.schema.json`` beside it (so an editor completes and checks the settings,
and the tools ``auditforms new`` writes into ``definitions/``, offline, with no path into the
Python installation), and empty ``months/``, ``data/`` and ``definitions/`` folders. With
``--example`` the settings and data are the shipped fictional examples, so the whole
month can be tried at once. The folder must be new or empty: nothing is overwritten.
The folder appears whole or not at all (built beside it, then renamed into place).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from auditforms.cli.common import EXIT_OK, EXIT_USAGE, new_hidden_folder

FOLDERS = ("months", "data", "definitions")
#: what ``auditforms new`` points a new tool in ``definitions/`` at (``../schemas/…``)
DEFINITION_SCHEMA = "definition.schema.json"


@click.command("init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--example", is_flag=True,
              help="Fill the folder with the fictional example service (case list, auditors, "
                   "teams, history, and October 2026 finished) to try a whole month at once.")
@click.option("--name", "service", help="The service's name (default: the folder's name).")
def command(folder: Path, example: bool, service: str | None) -> None:
    """Create a service folder FOLDER: auditforms.yaml and a months/ folder."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        what = "is a file" if not folder.is_dir() else "already holds files"
        click.echo(f"{folder}: error[AF976] {what}; give a new or empty folder", err=True)
        raise SystemExit(EXIT_USAGE)
    try:
        building = new_hidden_folder(folder.absolute().parent, f".{folder.name}.partial-")
    except OSError as exc:
        click.echo(f"{folder}: error[AF976] cannot create it here ({exc.strerror or exc}); "
                   "check that the folder above it exists and can be written", err=True)
        raise SystemExit(EXIT_USAGE) from None
    try:
        _fill(building, example, service or folder.absolute().name)
        _move_into_place(building, folder)
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    _report(folder, example)
    raise SystemExit(EXIT_OK)


def _move_into_place(building: Path, folder: Path) -> None:
    """Rename the finished folder into place; another run that got there first wins."""
    try:
        if folder.exists():
            folder.rmdir()  # only an empty folder: rmdir refuses anything else
        building.rename(folder)
    except OSError:
        click.echo(f"{folder}: error[AF976] was filled by something else while this ran; "
                   "nothing was written", err=True)
        raise SystemExit(EXIT_USAGE) from None


def _fill(target: Path, example: bool, service: str) -> None:
    from auditforms.resources import data_dir, schema_path
    from auditforms.service.settings import FILENAME, SCHEMA
    from auditforms.service.template import EXAMPLE_FILES, EXAMPLE_FOLDERS, settings_text

    for name in FOLDERS:
        (target / name).mkdir()
    (target / "schemas").mkdir()
    for schema in (SCHEMA, DEFINITION_SCHEMA):
        shutil.copyfile(schema_path(schema), target / "schemas" / schema)
    if example:
        examples = data_dir("examples")
        for destination, source in EXAMPLE_FILES.items():
            shutil.copyfile(examples / source, target / destination)
        for destination, source in EXAMPLE_FOLDERS.items():
            shutil.copytree(examples / source, target / destination, copy_function=shutil.copyfile)
    else:
        (target / FILENAME).write_text(settings_text(service), encoding="utf-8")


def _report(folder: Path, example: bool) -> None:
    from auditforms.terminal_safety import printable

    click.echo(printable(f"created the service folder {folder} (settings in {folder / 'auditforms.yaml'})"),
               err=True)
    if example:
        click.echo(f"it holds the fictional example service, with October 2026 finished; in {printable(str(folder))}, "
                   "try 'auditforms month status 2026-10', 'auditforms actions' and 'auditforms month "
                   "report 2026-10', then start November with 'auditforms month start 2026-11'", err=True)
    else:
        click.echo("next: save the case-list export as data/case-list.csv, the auditors as "
                   "data/auditors.csv and the teams as data/teams.csv (or name other files in "
                   "auditforms.yaml), then run 'auditforms month start YYYY-MM' in the folder",
                   err=True)
