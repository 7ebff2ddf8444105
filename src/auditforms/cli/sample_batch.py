"""``auditforms render DEFINITION --sample SAMPLE.csv -o FOLDER`` (CLI layer: reads and writes).

One pre-filled form per child per format, an ``index.html`` and a ``manifest.json``,
appearing atomically in FOLDER (see :mod:`auditforms.cli.folder_swap` for how
re-runs keep returned work). Returns the exit code: 0 written, 1 invalid sample or a
form that could not be rendered, 2 usage (unknown or unfillable format, folder exists).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import click

from auditforms.cli import folder_swap
from auditforms.cli.common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, LoadedDefinition, echo_diagnostics
from auditforms.cli.locking import folder_lock
from auditforms.cli.progress import progress
from auditforms.cli.render_pool import RenderFailed, render_all
from auditforms.cli.sample_inputs import read_csv_file, read_json_file
from auditforms.diagnostics import has_errors
from auditforms.english import count
from auditforms.model.definition import Definition
from auditforms.renderers import get_renderer
from auditforms.sampling.batch import INDEX, MANIFEST, BatchPlan, manifest, plan_batch
from auditforms.sampling.index_page import index_html
from auditforms.sampling.sample_file import SAMPLE_COLUMNS, read_sample
from auditforms.terminal_safety import printable


def render_sample(tool: LoadedDefinition, sample_csv: Path, formats: Sequence[str], output: Path,
                  *, force: bool = False, wait: bool = False) -> int:
    renderers = {name: get_renderer(name) for name in formats}
    unfillable = [name for name, r in renderers.items() if not r.accepts_prefill]
    if unfillable:
        click.echo(f"error: the {unfillable[0]} format cannot be pre-filled for each child; "
                   "use a form format such as html or docx with --sample", err=True)
        return EXIT_USAGE
    with folder_lock(output, wait=wait):
        clean_leftovers(output)
        return _render_locked(tool, sample_csv, renderers, output, force)


def clean_leftovers(output: Path) -> None:
    """Remove what interrupted runs left beside ``output`` (under its lock), and say so."""
    partials = folder_swap.leftovers(output)
    for partial in partials:
        folder_swap.abandon(partial)
    if partials:
        click.echo(f"{output}: note[AF822] removed {count(len(partials), 'unfinished folder')} of forms "
                   "left by an interrupted run", err=True)
    for aside in folder_swap.set_aside(output):
        click.echo(f"warning: {aside} was left aside by an earlier run because a kept file "
                   "could not be confirmed; check it before deleting it", err=True)


def _render_locked(tool: LoadedDefinition, sample_csv: Path, renderers: dict[str, Any],
                   output: Path, force: bool) -> int:
    definition = tool.definition
    if output.exists() and (not output.is_dir() or not force):
        what = "is a file" if not output.is_dir() else "already exists"
        click.echo(f"{printable(str(output))}: error[AF810] {what}; choose another folder, or pass --force to "
                   "re-render the forms (returned work in it is kept)", err=True)
        return EXIT_USAGE
    rows, problems = read_sample(read_csv_file(sample_csv, SAMPLE_COLUMNS))
    plan = plan_batch(definition, rows, {n: r.suffix for n, r in renderers.items()},
                      str(sample_csv))
    problems = problems + plan.problems
    echo_diagnostics(problems, err=True)
    if has_errors(problems) or not rows:
        if not rows and not has_errors(problems):
            click.echo(f"{sample_csv}: the sample has no children", err=True)
        return EXIT_INVALID
    return _write_batch(tool, plan, renderers, output, sample_info(definition, sample_csv))


def sample_info(definition: Definition, sample_csv: Path) -> dict[str, Any]:
    """Seed and reference date from the sample's .meta.json, and whether the CSV was edited: what a
    batch's manifest records of the sample it was rendered from (also read by the example month's
    script, examples/make_example_month.py)."""
    digest = folder_swap.file_sha256(sample_csv)
    info: dict[str, Any] = {"file": sample_csv.name, "sha256": digest, "edited_since_drawn": None}
    meta_path = sample_csv.with_name(sample_csv.stem + ".meta.json")
    if not meta_path.is_file():
        return info
    meta, problem = read_json_file(meta_path)
    if problem is not None or not isinstance(meta, dict):
        return info
    info.update(seed=meta.get("seed"), reference_date=meta.get("reference_date"),
                edited_since_drawn=meta.get("sample_sha256") != digest)
    drawn_for = (meta.get("definition") or {}).get("id")
    if drawn_for and drawn_for != definition.id:
        click.echo(f"{sample_csv}: warning: the sample was drawn for the tool '{drawn_for}', "
                   f"not '{definition.id}'", err=True)
    return info


def _write_batch(tool: LoadedDefinition, plan: BatchPlan, renderers: dict[str, Any],
                 output: Path, sample: dict[str, Any]) -> int:
    definition = tool.definition
    keep = folder_swap.files_to_keep(output) if output.exists() else {}
    try:
        partial = folder_swap.start(output)
    except OSError as exc:  # a read-only folder, a parent that is a file
        reason = "a part of the path is a file" if isinstance(exc, FileExistsError | NotADirectoryError) \
            else exc.strerror or type(exc).__name__
        click.echo(f"{output}: cannot write the batch here ({reason}); nothing was written", err=True)
        return EXIT_USAGE
    try:
        folder_swap.carry_over(output, partial, keep)
        files = _render_forms(definition, plan, renderers, partial, keep)
        companions = _render_companions(tool, plan, renderers, partial, keep, files)
        record = manifest(definition, plan, files, [{"path": p, "sha256": d}
                                                    for p, d in sorted(keep.items())], sample)
        if companions:
            record["companions"] = companions
        areas = {row.auditor: row.auditor_area for row in plan.rows}
        if INDEX not in keep:
            marking = definition.marking.label if definition.marking else None
            page = index_html(record, definition.title, areas, marking)
            record["files"].append({"path": INDEX, "kind": "index",
                                    **folder_swap.write_file(partial / INDEX, page)})
        folder_swap.write_file(partial / MANIFEST,
                               (json.dumps(record, indent=2, ensure_ascii=False) + "\n").encode())
        aside = folder_swap.finish(partial, output, keep)
    except RenderFailed as failed:
        folder_swap.abandon(partial)
        click.echo(f"error: {failed}; nothing was written", err=True)
        return EXIT_INVALID
    except BaseException:
        folder_swap.abandon(partial)
        raise
    _report(plan, files, keep, output, aside)
    return EXIT_OK


def _render_forms(definition: Definition, plan: BatchPlan, renderers: dict[str, Any],
                  folder: Path, keep: dict[str, str]) -> list[dict[str, Any]]:
    """Render and write every form not replaced by kept work; the manifest's file records."""
    files: list[dict[str, Any]] = []
    jobs = [job for job in plan.jobs if job.path not in keep]
    with progress(len(jobs), "rendering forms") as bar:
        for job, data in render_all(definition, renderers, jobs):
            written = folder_swap.write_file(folder / job.path, data)
            files.append({"path": job.path, "kind": "form", "format": job.format,
                          "child_id": job.row.child_id, **written})
            bar.advance()
    return files


def _render_companions(tool: LoadedDefinition, plan: BatchPlan, renderers: dict[str, Any], folder: Path,
                       keep: dict[str, str], files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each companion tool's forms beside the tool's (``companions/<tool>/``); the manifest's
    entries for them. Their file records (kind ``companion-form``) are added to ``files``."""
    from auditforms.cli.companions import companion_jobs, companion_tools, manifest_entry

    entries = []
    for companion in companion_tools(tool):
        jobs = companion_jobs(companion, plan.jobs)
        todo = [job for job in jobs if job.path not in keep]
        with progress(len(todo), f"rendering {companion.tool} forms") as bar:
            for job, data in render_all(companion.definition, renderers, todo):
                files.append({"path": job.path, "kind": "companion-form", "tool": companion.tool,
                              "format": job.format, "child_id": job.row.child_id,
                              **folder_swap.write_file(folder / job.path, data)})
                bar.advance()
        entries.append(manifest_entry(companion, jobs))
    return entries


def _report(plan: BatchPlan, files: list[dict[str, Any]], keep: dict[str, str], output: Path,
            aside: Path | None) -> None:
    forms = sum(1 for f in files if f.get("kind") == "form")
    companions = sum(1 for f in files if f.get("kind") == "companion-form")
    beside = f" and {companions} companion forms (under companions/)" if companions else ""
    click.echo(printable(f"wrote {forms} forms{beside} for {len(plan.rows)} children to {output} "
                         f"(open {output / INDEX}; {MANIFEST} lists every file)"), err=True)
    skipped = sorted(job.path for job in plan.jobs if job.path in keep)
    for path in skipped:
        click.echo(f"{printable(str(output / path))}: kept (changed since it was generated, so it may be "
                   "returned work); no new blank form was written over it", err=True)
    if keep:
        click.echo(f"kept {count(len(keep), 'file')} that the previous run did not generate", err=True)
    if aside is not None:
        click.echo(f"warning: the previous folder was left at {aside} because a kept file "
                   "could not be confirmed in the new one; check it before deleting it", err=True)
