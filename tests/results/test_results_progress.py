"""Long ``check`` batches show progress on a terminal; a printed line never lands on it."""

from __future__ import annotations

import io
import re

from auditforms.cli.check import _stream
from auditforms.cli.progress import Progress
from auditforms.diagnostics import Diagnostic
from auditforms.results.check import FileResult


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class _Reporter:
    def file(self, result: FileResult) -> str:
        return f"{result.file}: fails\n" if result.diagnostics else ""


RESULTS = [FileResult("a.json", ()), FileResult("b.json", (Diagnostic("AF640", "missing"),)),
           FileResult("c.json", ())]


def test_progress_counts_every_audit_and_is_wiped_before_a_printed_line(capsys) -> None:
    terminal = _Terminal()
    ticks = iter(range(100))
    bar = Progress(3, "checking audits", terminal, clock=lambda: float(next(ticks)))
    _stream(_Reporter(), RESULTS, bar)
    bar.close()
    drawn = terminal.getvalue()
    assert capsys.readouterr().out == "b.json: fails\n"
    one, two = drawn.index("checking audits: 1 of 3"), drawn.index("checking audits: 2 of 3")
    assert re.search(r"\r +\r", drawn[one:two]), "the count is wiped before b's line is printed"
    assert "checking audits: 3 of 3" in drawn


def test_nothing_is_drawn_when_standard_error_is_not_a_terminal(capsys) -> None:
    pipe = io.StringIO()
    bar = Progress(3, "checking audits", pipe)
    _stream(_Reporter(), RESULTS, bar)
    bar.close()
    assert pipe.getvalue() == ""
    assert capsys.readouterr().out == "b.json: fails\n"
