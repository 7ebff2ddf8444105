"""A second process for the report's heavy libraries, started while the audits are read.

statsmodels (kappa: it brings pandas and scipy.stats) and matplotlib (the charts) take longer
to import than thousands of audits take to read, and the report needs them only at the end.
So, when a run is given enough audits for it to pay, the command forks one worker at the
start that imports them on another CPU while this process loads the tool and reads the
audits; at the end the kappa tables and the charts (small data, pickled) go to it through a
pipe, and the numbers and the SVG text come back.

Nothing changes in the figures: the worker runs the same functions
(:func:`auditforms.collation.agreement.linear_kappa`, :func:`auditforms.collation.draw.svgs`).
Where fork is not available, or the worker fails, they run in this process instead.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Mapping
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from auditforms.collation.agreement import KappaInterval, linear_kappa
from auditforms.collation.charts import Chart

#: With fewer audits than this the libraries are imported here, when needed: a worker would not pay.
START_WITH_AUDITS = 300


def _import_heavy(charts: bool) -> None:
    import statsmodels.stats.inter_rater  # type: ignore[import-untyped]  # noqa: F401

    if charts:
        import matplotlib.backends.backend_svg
        import matplotlib.figure  # noqa: F401


def _draw_svgs(charts: Mapping[str, Chart]) -> dict[str, str]:
    from auditforms.collation.draw import svgs

    return svgs(charts)


def _serve(connection: Connection, charts: bool) -> None:
    """The worker: import, then run each (function, argument) received until the pipe closes."""
    _import_heavy(charts)
    while True:
        try:
            function, argument = connection.recv()
        except EOFError:
            return
        try:
            connection.send((True, function(argument)))
        except Exception as exc:  # said back; the command then runs it itself, and reports it
            connection.send((False, repr(exc)))


class HeavyWorker:
    """Computes kappa and draws charts in a forked worker once :meth:`start` is called;
    until then (or without fork, or if the worker fails) in this process."""

    def __init__(self, charts: bool) -> None:
        self.charts = charts
        self.process: BaseProcess | None = None
        self.connection: Connection | None = None

    def start(self) -> None:
        if self.process is not None or "fork" not in multiprocessing.get_all_start_methods():
            return
        context = multiprocessing.get_context("fork")
        here, there = context.Pipe()
        self.process = context.Process(target=_serve, args=(there, self.charts), daemon=True)
        self.process.start()
        there.close()
        self.connection = here

    def kappa(self, table: list[list[int]]) -> KappaInterval:
        found: KappaInterval = self._run(linear_kappa, table)
        return found

    def svgs(self, charts: Mapping[str, Chart]) -> dict[str, str]:
        drawn: dict[str, str] = self._run(_draw_svgs, dict(charts))
        return drawn

    def _run(self, function: Callable[[Any], Any], argument: Any) -> Any:
        if self.connection is not None:
            try:
                self.connection.send((function, argument))
                done, value = self.connection.recv()
                if done:
                    return value
            except (EOFError, OSError):  # the worker died (out of memory, killed)
                pass
            self.close()
        return function(argument)

    def close(self) -> None:
        """Stop the worker, at once if it is still importing (an early error ends the run)."""
        if self.connection is not None:
            self.connection.close()
            self.connection = None
        if self.process is not None:
            self.process.terminate()
            self.process.join()
            self.process = None
