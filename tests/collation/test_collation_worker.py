"""The report's worker process gives the very figures and charts this process gives; the page stays
quick to make."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from auditforms.cli.report_worker import HeavyWorker
from auditforms.collation.charts import all_charts
from auditforms.collation.draw import svgs
from auditforms.collation.formats import render


def test_figures_and_page_from_the_worker_are_those_made_here(tool: Any) -> None:
    from collation_support import collate

    here = collate(tool, include_text=True)
    worker = HeavyWorker(charts=True)
    worker.start()
    try:
        assert worker.process is not None  # fork is there on Linux, where the tests run
        there = collate(tool, include_text=True, kappa_of=worker.kappa)
        page = render("html", there, draw_svgs=worker.svgs)
        charts = all_charts(there)
        assert worker.svgs(charts) == svgs(charts)
    finally:
        worker.close()
    assert there == here
    assert here.moderation is not None and here.moderation.agreement[0].kappa is not None
    assert page == render("html", here)


def test_the_worker_computes_kappa_as_statsmodels_does_here() -> None:
    from auditforms.collation.agreement import linear_kappa

    table = [[1, 1, 0, 0], [0, 6, 2, 0], [0, 0, 3, 1], [0, 0, 0, 0]]
    worker = HeavyWorker(charts=False)
    worker.start()
    try:
        assert worker.kappa(table) == linear_kappa(table)
    finally:
        worker.close()
    assert worker.kappa(table) == linear_kappa(table)  # closed: computed here


def test_the_command_with_its_worker_writes_the_same_page(run_cli: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from collation_support import AUDITS, TOOL

    from auditforms.cli import report_worker

    base = [TOOL, AUDITS, "--period", "2026-11", "--since", "2026-09", "--format", "html", "-o"]
    assert run_cli("report", *base, tmp_path / "here.html").exit_code == 1  # a11.json is unreadable: left out
    monkeypatch.setattr(report_worker, "START_WITH_AUDITS", 1)
    started: list[bool] = []
    monkeypatch.setattr(report_worker.HeavyWorker, "start", _recording(report_worker.HeavyWorker.start, started))
    assert run_cli("report", *base, tmp_path / "there.html").exit_code == 1
    assert started
    assert (tmp_path / "there.html").read_bytes() == (tmp_path / "here.html").read_bytes()


def _recording(start: Any, calls: list[bool]) -> Any:
    def recorded(self: Any) -> None:
        calls.append(True)
        start(self)

    return recorded


def test_the_pages_style_hash_is_the_forms() -> None:
    from auditforms.collation.html import content_security_policy
    from auditforms.renderers.html.safety import sha256_source

    css = "body { color: #0b0c0c; }\n"
    assert f"style-src-elem {sha256_source(css)};" in content_security_policy(css)
