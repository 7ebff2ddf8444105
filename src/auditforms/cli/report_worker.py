"""A second process for the report's heavy libraries, started while the audits are read.

statsmodels (kappa: it brings pandas and scipy.stats) and matplotlib (the charts) take longer
to import than thousands of audits take to read, and the report needs them only at the end.
So, once a run has read enough audits to be worth it, the command forks one worker that
imports them on the other CPU while this process goes on reading; at the end the kappa
tables and the charts (small data, pickled) go to it and the numbers and SVG text come back.

Nothing changes in the figures: the worker runs the same functions
(:func:`auditforms.collation.agreement.linear_kappa`, :func:`auditforms.collation.draw.svgs`).
Where fork is not available, or the worker fails, they run in this process instead.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

from auditforms.collation.agreement import KappaInterval, linear_kappa
from auditforms.collation.charts import Chart

#: Below this many audits the libraries are imported here, when needed: a worker would not pay.
START_AFTER_AUDITS = 300


def _import_heavy(charts: bool) -> None:
    import statsmodels.stats.inter_rater  # type: ignore[import-untyped]  # noqa: F401

    if charts:
        import matplotlib.backends.backend_svg
        import matplotlib.figure  # noqa: F401


def _draw_svgs(charts: Mapping[str, Chart]) -> dict[str, str]:
    from auditforms.collation.draw import svgs

    return svgs(charts)


class HeavyWorker:
    """Computes kappa and draws charts in a forked worker once :meth:`start` is called;
    until then (or without fork, or if the worker dies) in this process."""

    def __init__(self, charts: bool) -> None:
        self.charts = charts
        self.pool: ProcessPoolExecutor | None = None

    def start(self) -> None:
        if self.pool is not None or "fork" not in multiprocessing.get_all_start_methods():
            return
        self.pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"))
        self.pool.submit(_import_heavy, self.charts)

    def kappa(self, table: list[list[int]]) -> KappaInterval:
        found: KappaInterval = self._run(linear_kappa, table)
        return found

    def svgs(self, charts: Mapping[str, Chart]) -> dict[str, str]:
        drawn: dict[str, str] = self._run(_draw_svgs, dict(charts))
        return drawn

    def _run(self, function: Any, argument: Any) -> Any:
        if self.pool is not None:
            future: Future[Any] = self.pool.submit(function, argument)
            try:
                return future.result()
            except Exception:  # the worker died (out of memory, killed): do it here instead
                self.close()
        return function(argument)

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
