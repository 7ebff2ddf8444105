"""``auditforms show DEFINITION``: the resolved outline after extends."""

from __future__ import annotations

from pathlib import Path

import click

from auditforms.cli.common import DEFINITION, definitions_path_option, load_or_exit


@click.command("show")
@click.argument("definition", type=DEFINITION)
@definitions_path_option
def command(definition: Path, search_path: tuple[Path, ...]) -> None:
    """Print DEFINITION's sections, questions, fields, scales and rules as resolved.

    For a customisation this shows the result of extends, select and changes.
    """
    from auditforms.outline import outline

    click.echo(outline(load_or_exit(definition, search_path, allow_abstract=True).definition), nl=False)
