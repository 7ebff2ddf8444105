"""``auditforms status DEFINITION FOLDER``: which forms of a sample batch have come back.

Reads FOLDER's ``manifest.json`` (written by ``render --sample``), finds the HTML saves
(``*.json``) and filled Word files in FOLDER and its sub-folders, checks each, and
reports per child: passes, fails, draft, unreadable, overdue or outstanding.

Exit status: 0 when every child's audit has come back and passes its check (the cycle
is complete), 1 when any is outstanding, overdue, a draft, unreadable or failing, 2 on
a usage error (FOLDER is not a sample batch).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from auditforms.cli.common import (
    DEFINITION,
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    DateParam,
    LoadedDefinition,
    definitions_path_option,
    echo_input,
    load_or_exit,
)
from auditforms.cli.locking import folder_lock, wait_option
from auditforms.english import count


@click.command("status")
@click.argument("definition", type=DEFINITION)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "format_", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Report format.")
@click.option("--today", type=DateParam(),
              help="Count overdue forms as of this date, as dd/mm/yyyy or yyyy-mm-dd (default today).")
@definitions_path_option
@wait_option
def command(definition: Path, folder: Path, format_: str, today: dt.date | None,
            search_path: tuple[Path, ...], wait: bool) -> None:
    """Show which forms of the sample batch in FOLDER have come back and pass their check."""
    from auditforms.cli.sample_batch import clean_leftovers

    with folder_lock(folder, wait=wait, read_only=True):
        clean_leftovers(folder)
        code = report_status(definition, folder, format_, today, search_path)
    raise SystemExit(code)


def report_status(definition: Path, folder: Path, format_: str, today: dt.date | None,
                  search_path: Sequence[Path], moderation_days: int | None = None) -> int:
    """Print the batch's status; the exit code (0 when every child's audit passes).

    Each child is also shown at its lifecycle stage (allocated, returned, moderated, final);
    returned audits not moderated by the deadline the tool declares (or, for a tool that
    declares none, ``moderation_days`` after the due date: a service's setting) are listed as
    overdue for moderation.
    """
    from auditforms.cli.folder_swap import read_manifest
    from auditforms.sampling.stages import progress_of, stage_counts
    from auditforms.sampling.status import all_done, manifest_date, status_of, summary

    manifest = read_manifest(folder)
    if manifest is None:
        click.echo(f"{folder}: error[AF811] not a sample batch folder (no readable manifest.json); "
                   "give the folder written by 'auditforms render --sample'", err=True)
        return EXIT_USAGE
    tool = load_or_exit(definition, search_path)
    loaded = tool.definition
    returned, companions = _read_returns(tool, folder, manifest)
    today = today or dt.date.today()
    statuses, unmatched = status_of(manifest, returned, today)
    reference = manifest_date(manifest.get("reference_date"))
    progress = [progress_of(loaded, s, today, reference, moderation_days) for s in statuses]
    counts = summary(statuses)
    late = [(s, p) for s, p in zip(statuses, progress, strict=True) if p.overdue == "moderation"]
    if format_ == "json":
        report = _json(manifest, statuses, unmatched, counts, today)
        for child, p in zip(report["children"], progress, strict=True):
            child.update(stage=p.stage, overdue=p.overdue,
                         moderation_due=p.moderation_due.isoformat() if p.moderation_due else None)
        report["summary"]["stages"] = stage_counts(progress)
        report["moderation_overdue"] = [s.child.get("child_id") for s, _ in late]
        if companions:
            report["companions"] = _companions_json(companions)
        click.echo(json.dumps(report, indent=2))
    else:
        _text(folder, manifest, statuses, unmatched, counts, stage_counts(progress))
        _text_returned_late(statuses)
        _text_late(loaded, late, moderation_days)
        _text_companions(companions)
    return EXIT_OK if all_done(statuses) else EXIT_INVALID


def _text_returned_late(statuses: list[Any]) -> None:
    late = [s for s in statuses if s.returned_late]
    if late:
        echo_input(f"{count(len(late), 'audit')} returned after the due date: "
                   + ", ".join(f"{s.child.get('child_id')}" for s in late))


def _text_late(definition: Any, late: list[Any], moderation_days: int | None) -> None:
    from auditforms.english import long_date

    if not late:
        return
    ids = ", ".join(f"{s.child.get('child_id')}" for s, _ in late)
    declared = definition.moderation is not None and definition.moderation.deadline is not None
    if not declared:
        echo_input(f"{count(len(late), 'returned audit')} not moderated within {moderation_days} days "
                   f"of the due date: {ids}")
        return
    dates = sorted({p.moderation_due for _, p in late})
    when = long_date(dates[0]) if len(dates) == 1 else "their deadlines"
    echo_input(f"{count(len(late), 'returned audit')} not moderated by {when}, the tool's moderation deadline: {ids}")


def _read_returns(tool: LoadedDefinition, folder: Path, manifest: dict[str, Any]
                  ) -> tuple[list[Any], dict[str, list[Any]]]:
    """The tool's own returns, and its companion tools' (by tool id), read apart."""
    from auditforms.cli.companions import read_companion_returns
    from auditforms.cli.progress import progress
    from auditforms.cli.sample_returns import candidate_files, make_checker, read_returned

    definition = tool.definition
    check = make_checker(definition)
    paths, companions = read_companion_returns(tool, folder, list(candidate_files(folder, manifest)))
    returned = []
    with progress(len(paths), "reading returned forms") as bar:
        for path in paths:
            item = read_returned(definition, folder, path, check)
            if item is not None:
                returned.append(item)
            bar.advance()
    return returned, companions


def _companions_json(companions: dict[str, list[Any]]) -> list[dict[str, Any]]:
    return [{"tool": tool, "returned": [{"file": r.path, "audit_id": r.audit_id, "child_id": r.child_id,
                                         "state": r.state, "errors": r.errors, "warnings": r.warnings}
                                        for r in found]}
            for tool, found in companions.items()]


def _text_companions(companions: dict[str, list[Any]]) -> None:
    """The companion tools' returns, apart: they are not the audit's returns."""
    for tool, found in companions.items():
        echo_input(f"companion {tool}: {len(found)} returned (not counted as the audit's returns)")
        for r in found:
            detail = f"{r.state} ({r.problem})" if r.problem else r.state
            echo_input(f"  {r.child_id or '-':<10} {r.audit_id or '-':<24} {detail:<34} {r.path}".rstrip())


def _json(manifest: dict[str, Any], statuses: list[Any], unmatched: list[Any],
          counts: dict[str, int], today: dt.date | None) -> dict[str, Any]:
    return {
        "definition": manifest.get("definition"), "seed": manifest.get("seed"),
        "today": (today or dt.date.today()).isoformat(),
        "children": [s.to_json() for s in statuses],
        "unmatched": [{"file": r.path, "problem": r.problem} for r in unmatched],
        "summary": counts,
    }


def _text(folder: Path, manifest: dict[str, Any], statuses: list[Any], unmatched: list[Any],
          counts: dict[str, int], stages: dict[str, int]) -> None:
    from auditforms.english import long_date

    tool = manifest.get("definition") or {}
    echo_input(f"{folder}: {tool.get('id')} {tool.get('version')}, seed {manifest.get('seed')}")
    for s in statuses:
        r = s.returned
        detail = s.state
        if r is not None and r.problem:
            detail += f" ({r.problem})"
        elif r is not None and s.state in ("passes", "fails"):
            detail += f" ({r.audit_status or 'no status'}; {count(r.errors, 'error')}, {count(r.warnings, 'warning')})"
        if s.returned_late:
            detail += f", returned late ({long_date(s.returned_on)}, due {long_date(s.due)})"
        echo_input(f"  {s.child.get('child_id'):<10} {s.child.get('auditor') or '-':<20} "
                   f"due {s.child.get('due_date') or '-':<10}  {detail:<34} {r.path if r else ''}"
                   .rstrip())
        for other, why in zip(s.others, s.whys, strict=True):
            echo_input(f"  {'':<10} also returned: {other.path} ({other.state}); not counted, "
                       f"{r.path if r else 'the other'} counts because {why}")
        for wrong in s.mismatched:
            echo_input(f"{folder / wrong.path}: warning[AF821] has the audit id of child "
                       f"{s.child.get('child_id')} ({s.child.get('audit_id')}) but is about "
                       "another child; it is not counted for either", err=True)
    for r in unmatched:
        echo_input(f"{folder / r.path}: warning[AF812] matches no child of the sample"
                   + (f" ({r.problem})" if r.problem else ""), err=True)
    # "returned" is a stage (submitted, not yet moderated), where the line below counts every return
    click.echo("stages: " + ", ".join(f"{n} {stage}" + (" awaiting moderation" if stage == "returned" else "")
                                      for stage, n in stages.items()))
    click.echo(f"{counts['children']} children: {counts['returned']} returned ({counts['passes']} "
               f"pass, {counts['fails']} fail, {count(counts['draft'], 'draft')}, {counts['unreadable']} "
               f"unreadable); {counts['not_returned']} not back yet, {counts['overdue']} of them overdue")
