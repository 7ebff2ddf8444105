"""Writing the split trackers from the spool, on every CPU when there are many rows.

Each tracker's rows come from the spool one at a time (:mod:`auditforms.cli.actions_spool`)
and go straight into its file, so memory does not grow with the actions. xlsxwriter spends
most of a big run assembling XML; the trackers are independent, so each is written by a
forked worker that opens the spool itself (nothing is pickled either way). Where fork is not
available, or the work is small, they are written one after the other.
"""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from auditforms.actions.outputs import FORMATS
from auditforms.actions.report import ActionsReport, file_stem
from auditforms.cli.actions_files import unique_name
from auditforms.cli.actions_spool import ActionSpool
from auditforms.cli.workers import worker_limit
from auditforms.model.definition import Definition

PARALLEL_FROM_ROWS = 5000


@dataclass(frozen=True)
class _Job:
    name: str
    rows: int
    path: Path


@dataclass(frozen=True)
class _Work:
    spool: ActionSpool
    definition: Definition
    format: str
    jobs: tuple[_Job, ...]


_WORK: _Work | None = None


def write_trackers(spool: ActionSpool, definition: Definition, format_: str, folder: Path) -> int:
    """Write one tracker per name in the spool into ``folder``; how many were written."""
    suffix = FORMATS[format_].suffix
    taken: set[str] = set()
    jobs = []
    for name, rows in spool.trackers():
        file = unique_name(file_stem(name), taken, suffix)
        taken.add(file)
        jobs.append(_Job(name, rows, folder / file))
    work = _Work(spool, definition, format_, tuple(jobs))
    workers = min(len(jobs), worker_limit())
    if workers < 2 or spool.count < PARALLEL_FROM_ROWS or not _in_workers(work, workers):
        for job in jobs:  # into the staging folder: one a dead worker half wrote is simply written again
            _write(work, job)
    return len(jobs)


def _in_workers(work: _Work, workers: int) -> bool:
    """Whether worker processes wrote every tracker; not when no pool can be made (no
    semaphores, some containers) or a worker died (out of memory, or killed)."""
    global _WORK
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    except (OSError, ImportError):
        return False
    _WORK = work
    try:
        with pool:
            biggest_first = sorted(range(len(work.jobs)), key=lambda k: -work.jobs[k].rows)
            list(pool.map(_write_index, biggest_first))
    except BrokenProcessPool:
        return False
    finally:
        _WORK = None
    return True


def _write_index(index: int) -> None:
    assert _WORK is not None
    _write(_WORK, _WORK.jobs[index])


def _write(work: _Work, job: _Job) -> None:
    spool = work.spool
    if work.format == "xlsx":
        from auditforms.actions.outputs.xlsx import Tracker, write

        write(str(job.path), Tracker(work.definition, spool.today, spool.rows(job.name), job.rows, job.name),
              scratch=str(spool.folder))
        return
    rows = tuple(spool.rows(job.name))
    teams_file = spool.teams.file if spool.teams is not None else None
    report = ActionsReport(work.definition, spool.today, rows, len({r.action.audit_id for r in rows}), teams_file)
    job.path.write_bytes(FORMATS[work.format].render(report))
