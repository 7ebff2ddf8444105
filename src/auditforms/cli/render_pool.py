"""Rendering a batch's forms, in worker processes when there are several.

Two reasons: time (forms are independent, so a 20-child batch in two formats uses every
core) and memory (a renderer that keeps a little memory per document -- python-docx
does -- grows without bound over 1,000 forms in one process; a pool of workers is replaced
after :data:`TASKS_PER_WORKER` forms per worker, so the batch's memory stays flat). Workers are
forked from the command, so they start with the definition loaded and the renderers imported.
Where ``fork`` is unavailable (Windows, macOS defaults), or the forms are cheap, they
render one by one in the command itself.

A worker that dies (the system killing it when memory runs out, or a user) never leaves the
command waiting for a form that cannot come, as ``multiprocessing.Pool`` would: the
executor says the pool is broken, and the forms not yet given are rendered in the command.
"""

from __future__ import annotations

import multiprocessing
import time
from collections.abc import Generator, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from auditforms.cli.workers import worker_count
from auditforms.model.definition import Definition
from auditforms.renderers import RenderOptions
from auditforms.sampling.batch import FormJob

WORTH_WORKERS_SECONDS = 0.5
TASKS_PER_WORKER = 25

_STATE: dict[str, Any] = {}


class RenderFailed(Exception):
    """A renderer raised; the message is one line and names the child and format."""


def _render(definition: Definition, renderers: Mapping[str, Any], job: FormJob) -> bytes:
    options = RenderOptions(prefill=job.prefill, audit_id=job.row.audit_id,
                            due_date=job.row.due_date, audit_type=job.row.audit_type or None)
    try:
        data: bytes = renderers[job.format].render(definition, options)
    except Exception as exc:
        reason = " ".join(str(exc).split())
        reason = reason if len(reason) <= 160 else reason[:157] + "..."
        raise RenderFailed(f"the {job.format} form for child {job.row.child_id} could not be "
                           f"rendered ({type(exc).__name__}: {reason})") from None
    return data


def _work(index: int) -> tuple[int, bytes | None, str | None]:
    try:
        return index, _render(_STATE["definition"], _STATE["renderers"], _STATE["jobs"][index]), None
    except RenderFailed as failed:
        return index, None, str(failed)


def render_all(definition: Definition, renderers: Mapping[str, Any],
               jobs: Sequence[FormJob]) -> Iterator[tuple[FormJob, bytes]]:
    """(job, document bytes) in job order; raises :class:`RenderFailed` on the first failure.

    The first child's forms are rendered here and timed; the rest go to worker processes
    only when that estimate says they would take longer than :data:`WORTH_WORKERS_SECONDS`
    (starting workers costs about a tenth of a second, more than cheap HTML forms take).
    """
    first = len({job.format for job in jobs})
    started = time.perf_counter()
    for job in jobs[:first]:
        yield job, _render(definition, renderers, job)
    rest = jobs[first:]
    estimate = (time.perf_counter() - started) * len(rest) / max(first, 1)
    workers = worker_count(len(rest))
    worth = workers > 1 and estimate >= WORTH_WORKERS_SECONDS
    given = (yield from _in_workers(definition, renderers, rest, workers)) if worth else 0
    for job in rest[given:]:  # all of a cheap batch; what no worker gave (one died, or none started)
        yield job, _render(definition, renderers, job)


def _in_workers(definition: Definition, renderers: Mapping[str, Any], jobs: Sequence[FormJob],
                workers: int) -> Generator[tuple[FormJob, bytes], None, int]:
    """The forms workers give, in job order, by pools of ``workers`` processes, each pool
    rendering ``workers`` x :data:`TASKS_PER_WORKER` forms (an executor cannot replace forked
    workers itself; a worker takes whichever form is next, so one may render more than its
    share). Returns how many forms they gave."""
    _STATE.update(definition=definition, renderers=renderers, jobs=list(jobs))
    context = multiprocessing.get_context("fork")
    given = 0
    try:
        while given < len(jobs):
            try:
                pool = ProcessPoolExecutor(workers, mp_context=context)
            except (OSError, ImportError):  # no semaphores here (some containers): rendered here
                break
            try:
                for index, data, problem in pool.map(_work, range(given, min(given + workers * TASKS_PER_WORKER,
                                                                             len(jobs)))):
                    if problem is not None or data is None:
                        raise RenderFailed(problem or "a form could not be rendered")
                    given = index + 1
                    yield jobs[index], data
                pool.shutdown(wait=True)  # ended, threads and all, before the next pool forks
            except (BrokenProcessPool, OSError):  # a worker died, or could not be forked: rendered here
                break
            finally:
                pool.shutdown(wait=False, cancel_futures=True)
    finally:
        _STATE.clear()
    return given
