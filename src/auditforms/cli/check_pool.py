"""Checking a large batch of audits in worker processes, the results in the files' order.

Checking is Python on one core (a few thousand audits a second): an analyst re-checking a
year of audits would wait on one core while the others idle. Workers are forked from the
command with the checker already built (schemas compiled, rules compiled), so they start at
once; each takes a slice of the files and sends back each file's result, and the command
reports them in the order of the files, exactly as a check in one process does. Only a few
slices are ever outstanding, so a batch of any size runs in flat memory. Where ``fork`` is
unavailable (Windows, macOS by default), or the batch is small, the files are checked in the
command itself.

A worker that dies (killed by hand, or by the system when memory runs out) never leaves the
command waiting for an answer that cannot come, as ``multiprocessing.Pool`` would: the
executor says the pool is broken, and the files not yet reported are checked in the command.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from auditforms.cli.workers import worker_count
from auditforms.diagnostics import Diagnostic, Severity
from auditforms.results.check import Chooser, FileResult, checker_for, guarded_check_file
from auditforms.results.checker import Checker
from auditforms.rules import EvalContext

#: Files per task: enough that sending a task and its results costs little beside checking it.
SLICE = 64
#: Below this many files, starting workers costs more than it saves.
MIN_FILES_FOR_WORKERS = 6 * SLICE
#: Slices sent ahead per worker: enough to keep every worker busy, few enough to keep memory flat.
AHEAD = 3

_STATE: dict[str, Any] = {}


def check_files(definition: Any, paths: Sequence[Path], *, context: EvalContext,
                choose: Chooser | None = None) -> Iterator[FileResult]:
    """Each file's result, in the order of ``paths``: in workers when the batch is large."""
    checker = checker_for(definition, context)
    workers = worker_count(len(paths) // SLICE) if len(paths) >= MIN_FILES_FOR_WORKERS else 1
    reported = (yield from _in_workers(checker, paths, choose, workers)) if workers > 1 else 0
    for path in paths[reported:]:  # all of a small batch; what no worker reported (one died, or none started)
        yield guarded_check_file(checker, path, choose)


def _in_workers(checker: Checker, paths: Sequence[Path], choose: Chooser | None,
                workers: int) -> Generator[FileResult, None, int]:
    """The results workers give, in order; returns how many files they reported."""
    try:
        pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    except (OSError, ImportError):  # no semaphores here (some containers): the command does it all
        return 0
    _STATE.update(checker=checker, paths=list(paths), choose=choose)
    # The workers (forked at the first submit) share the checker's pages with the command
    # until they write to them; a collection in a worker would write to every object it
    # walks. Frozen, it walks none.
    gc.freeze()
    try:
        reported = yield from _results(pool, len(paths), workers)
        pool.shutdown(wait=True)  # all given: let the workers end before the command goes on
        return reported
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
        gc.unfreeze()
        _STATE.clear()


def _results(pool: ProcessPoolExecutor, count: int, workers: int) -> Generator[FileResult, None, int]:
    """The workers' results in the files' order, slice by slice, until they are all given or
    a worker dies (or cannot be forked); returns how many files were reported."""
    reported = 0
    starts = iter(range(0, count, SLICE))
    pending: deque[Future[list[Packed]]] = deque()
    try:  # the first submit forks the workers
        for start in itertools.islice(starts, workers * AHEAD):
            pending.append(pool.submit(_check_slice, start))
    except OSError:  # a worker could not be forked: nothing will answer for what was sent
        return 0
    except BrokenProcessPool:  # a worker died already: the futures sent say so below
        pass
    while pending:
        try:
            results = pending.popleft().result()
        except BrokenProcessPool:
            return reported
        reported += len(results)
        yield from map(unpacked, results)
        following = next(starts, None)
        if following is not None:
            try:
                pending.append(pool.submit(_check_slice, following))
            except (BrokenProcessPool, OSError):
                return reported
    return reported


def _check_slice(start: int) -> list[Packed]:
    """In a worker: the results of ``SLICE`` files from ``start`` (never raises for a file)."""
    checker, paths, choose = _STATE["checker"], _STATE["paths"], _STATE["choose"]
    return [packed(guarded_check_file(checker, path, choose)) for path in paths[start:start + SLICE]]


#: A file's result as plain tuples, the way it travels from a worker to the command.
Packed = tuple[str, str | None, str | None, bool, str | None,
               tuple[tuple[str, str, str, int, int, str | None, str, tuple[tuple[str, str], ...]], ...]]


def packed(result: FileResult) -> Packed:
    """``result`` as plain tuples: pickled and unpickled about eight times faster than the
    dataclasses, which pickle field by field (a worker sends every file's result)."""
    return (result.file, result.audit_id, result.status, result.checked, result.record,
            tuple((d.code, d.message, d.file, d.line, d.col, d.pointer, d.severity.value, d.extra)
                  for d in result.diagnostics))


def unpacked(data: Packed) -> FileResult:
    """The :class:`FileResult` :func:`packed` made ``data`` from."""
    file, audit_id, status, checked, record, diagnostics = data
    return FileResult(file, tuple(Diagnostic(code, message, where, line, col, pointer, Severity(severity), extra)
                                  for code, message, where, line, col, pointer, severity, extra in diagnostics),
                      audit_id, status, checked, record)
