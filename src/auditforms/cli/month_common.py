"""What the month commands share (CLI layer): the month argument, the month's tool, the
months in the folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import EXIT_USAGE


def month_callback(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    from auditforms.service.layout import MonthProblem, parse_month

    if value is None:
        return None
    try:
        return parse_month(value)
    except MonthProblem as exc:
        raise click.BadParameter(str(exc)) from None


def month_names(settings: Any) -> list[str]:
    """The months started in the service folder, oldest first."""
    from auditforms.service.layout import MONTHS, months_in

    root = settings.folder / MONTHS
    return months_in(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []


def tool_file(settings: Any, tool: str | None) -> Path:
    """The file of the month's tool: ``tool`` (one of the settings' dip-sample tools) or the first."""
    from auditforms.cli.service import tool_path

    if tool is None:
        return tool_path(settings, settings.dip_sample_tool, "/tools/dip_sample/0")
    if tool not in settings.dip_sample_tools:
        raise click.BadParameter(f"'{tool}' is not one of the settings' dip-sample tools "
                                 f"({', '.join(settings.dip_sample_tools)})", param_hint="--tool")
    index = settings.dip_sample_tools.index(tool)
    return tool_path(settings, tool, f"/tools/dip_sample/{index}")


def search(settings: Any) -> list[Path]:
    """The folders to look in for tools named by ``extends``: the service's own."""
    from auditforms.cli.service import definition_dirs

    return definition_dirs(settings)


def latest_month(settings: Any) -> str:
    from auditforms.service.layout import MONTHS

    names = month_names(settings)
    if not names:
        click.echo(f"{settings.folder / MONTHS}: error[AF974] no month has been started yet; run "
                   "'auditforms month start YYYY-MM'", err=True)
        raise SystemExit(EXIT_USAGE)
    return names[-1]


def started_month(settings: Any, month: str) -> Any:
    """The folders of ``month`` (:class:`~auditforms.service.layout.MonthPaths`); exit 2 with
    AF974 when the month was never started (its report or status would count nothing of it)."""
    from auditforms.service.layout import month_paths

    paths = month_paths(settings.folder, month)
    if not paths.forms.is_dir():
        click.echo(f"{paths.folder}: error[AF974] month {month} has not been started; run "
                   f"'auditforms month start {month}'", err=True)
        raise SystemExit(EXIT_USAGE)
    return paths


def manifest_tool(settings: Any, forms: Path) -> Path:
    """The tool the month was drawn for (from its manifest), else the settings' first."""
    from auditforms.cli.folder_swap import read_manifest

    drawn_for = ((read_manifest(forms) or {}).get("definition") or {}).get("id")
    if isinstance(drawn_for, str) and drawn_for in settings.dip_sample_tools:
        return tool_file(settings, drawn_for)
    return tool_file(settings, None)
