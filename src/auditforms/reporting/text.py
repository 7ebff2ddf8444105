"""The text report: one line per finding, ``FILE:LINE:COL: error[AF640] message (pointer)``.

Every line goes through :func:`auditforms.terminal_safety.printable` (in
``Diagnostic.format`` and here), so a file name or message can never put control
characters on the terminal or stop the batch with an encoding error.
"""

from __future__ import annotations

from auditforms.english import count, verb
from auditforms.results.check import FileResult
from auditforms.results.envelope import OWN_RECORDS
from auditforms.terminal_safety import printable


def _order(d: object) -> tuple[int, int, str]:
    line = getattr(d, "line", 0) or 1_000_000_000
    return (line, getattr(d, "col", 0), getattr(d, "pointer", "") or "")


class TextReporter:
    """Errors and warnings as lines; files that pass are listed too unless ``quiet``."""

    def __init__(self, *, quiet: bool = False) -> None:
        self.quiet = quiet

    def start(self, definition_id: str, definition_version: str) -> str:
        return ""

    def file(self, result: FileResult) -> str:
        if result.record is not None:  # auditforms' own record, not an audit
            kind = OWN_RECORDS.get(result.record, "a record of auditforms'")
            return "" if self.quiet else f"{printable(result.file)}: left out: {kind}, not an audit\n"
        lines = [d.format() for d in sorted(result.diagnostics, key=_order)]
        if result.passed and not self.quiet:
            extra = f" with {count(result.warnings, 'warning')}" if result.warnings else ""
            lines.append(f"{printable(result.file)}: passes{extra}")
        return "".join(line + "\n" for line in lines)

    def end(self, summary: dict[str, int]) -> str:
        return summary_line(summary) + "\n"


def summary_line(summary: dict[str, int]) -> str:
    """E.g. "1 of 1 audit passes; 0 errors, 0 warnings" or "2 of 5 audits pass (…)"."""
    audits, passed = summary["audits"], summary["passed"]
    text = f"{passed} of {count(audits, 'audit')} {verb(passed, 'passes', 'pass')}"
    notes = []
    if summary.get("with_warnings"):
        notes.append(f"{summary['with_warnings']} with warnings")
    if summary.get("not_checked"):
        notes.append(f"{summary['not_checked']} not checked: unreadable or malformed")
    if notes:
        text += f" ({'; '.join(notes)})"
    text += f"; {count(summary['errors'], 'error')}, {count(summary['warnings'], 'warning')}"
    if summary.get("left_out"):
        text += f"; {summary['left_out']} of auditforms' own files left out (not audits)"
    return text
