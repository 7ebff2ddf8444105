"""A definition's problems as the preview shows them: located, with the offending line quoted."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from auditforms.diagnostics import Diagnostic, sort_key


@dataclass(frozen=True)
class LocatedProblem:
    """One diagnostic with the line of YAML it points at (``None`` when unknown)."""

    where: str
    severity: str
    code: str
    message: str
    pointer: str | None
    quoted: str | None
    line: int
    col: int

    @property
    def caret(self) -> str:
        """Spaces then ``^`` under the column, to sit below :attr:`quoted` in a monospace block."""
        return " " * max(self.col - 1, 0) + "^"


def where(diagnostic: Diagnostic) -> str:
    """``FILE:LINE:COL`` (or as much of it as is known)."""
    place = diagnostic.file or "<input>"
    return f"{place}:{diagnostic.line}:{diagnostic.col}" if diagnostic.line else place


def source_line(text: str | None, line: int) -> str | None:
    """Line ``line`` (1-based) of ``text``, tabs kept, without its line break."""
    if text is None or line < 1:
        return None
    lines = text.splitlines()
    return lines[line - 1] if line <= len(lines) else None


def located_problems(diagnostics: Iterable[Diagnostic], texts: Mapping[str, str]) -> tuple[LocatedProblem, ...]:
    """Errors first, each in file and line order; ``texts`` maps a file name to its text."""
    ordered = sorted(diagnostics, key=lambda d: (not d.is_error, *sort_key(d)))
    return tuple(
        LocatedProblem(where=where(d), severity=str(d.severity), code=d.code, message=d.message,
                       pointer=d.pointer, quoted=source_line(texts.get(d.file), d.line), line=d.line, col=d.col)
        for d in ordered
    )
