"""The text report: one line per finding, ``FILE:LINE:COL: error[AF640] message (pointer)``."""

from __future__ import annotations

from auditforms.results.check import FileResult


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
        lines = [d.format() for d in sorted(result.diagnostics, key=_order)]
        if result.passed and not self.quiet:
            extra = (
                f" with {result.warnings} warning{'s' if result.warnings != 1 else ''}"
                if result.warnings
                else ""
            )
            lines.append(f"{result.file}: passes{extra}")
        return "".join(line + "\n" for line in lines)

    def end(self, summary: dict[str, int]) -> str:
        audits, passed = summary["audits"], summary["passed"]
        text = f"{passed} of {audits} audit{'s' if audits != 1 else ''} pass"
        if summary["with_warnings"]:
            text += f" ({summary['with_warnings']} with warnings)"
        text += f"; {summary['errors']} error{'s' if summary['errors'] != 1 else ''}"
        text += f", {summary['warnings']} warning{'s' if summary['warnings'] != 1 else ''}"
        return text + "\n"
