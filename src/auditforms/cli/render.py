"""``auditforms render DEFINITION --format FORMAT -o OUTPUT``."""

from __future__ import annotations

from pathlib import Path

import click

from auditforms.cli.common import (
    EXIT_INVALID,
    EXIT_OK,
    definitions_path_option,
    echo_diagnostics,
    force_option,
    load_or_exit,
    write_atomic,
)
from auditforms.cli.locking import wait_option
from auditforms.renderers import REGISTRY, RenderOptions, get_renderer


def _formats(value: str) -> list[str]:
    names = [v.strip() for v in value.split(",") if v.strip()]
    unknown = [n for n in names if n not in REGISTRY]
    if unknown or not names:
        raise click.BadParameter(
            f"unknown format {unknown[0] if unknown else value!r}; choose from {', '.join(REGISTRY)}",
            param_hint="--format",
        )
    return names


@click.command("render")
@click.argument("definition", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-f", "--format", "format_", default="html", show_default=True,
              help=f"Output format(s), comma-separated: {', '.join(REGISTRY)}.")
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Output file; with --sample or several formats, an output folder.")
@click.option("--data", "data_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Case details (YAML or JSON) to pre-fill the fields completed centrally.")
@click.option("--sample", "sample_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="A sample CSV from 'auditforms sample': one pre-filled form per child.")
@definitions_path_option
@force_option
@wait_option
def command(definition: Path, format_: str, output: Path, data_path: Path | None,
            sample_path: Path | None, search_path: tuple[Path, ...], force: bool,
            wait: bool) -> None:
    """Render DEFINITION as an HTML form, a Word form, a result JSON Schema or a data dictionary."""
    formats = _formats(format_)
    loaded = load_or_exit(definition, search_path)
    if sample_path is not None:
        from auditforms.cli.sample_batch import render_sample

        raise SystemExit(render_sample(loaded, sample_path, formats, output, force=force,
                                       wait=wait))
    options = RenderOptions()
    if data_path is not None:
        from auditforms.results.prefill import load_prefill

        prefill, problems = load_prefill(loaded, data_path)
        echo_diagnostics(problems, err=True)
        if prefill is None:
            raise SystemExit(EXIT_INVALID)
        options = RenderOptions(prefill=prefill)
    targets = _targets(formats, output, loaded.id)
    for name, target in targets:
        renderer = get_renderer(name)
        if data_path is not None and not renderer.accepts_prefill:
            raise click.BadParameter(f"the {name} format takes no --data", param_hint="--data")
        write_atomic(target, renderer.render(loaded, options), force=force)
        click.echo(f"wrote {target}", err=True)
    raise SystemExit(EXIT_OK)


def _targets(formats: list[str], output: Path, stem: str) -> list[tuple[str, Path]]:
    """One format writes to OUTPUT; several write ``<tool id><suffix>`` into the folder OUTPUT."""
    if len(formats) == 1 and not output.is_dir():
        return [(formats[0], output)]
    return [(name, output / f"{stem}{get_renderer(name).suffix}") for name in formats]
