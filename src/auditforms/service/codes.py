"""The service folder's diagnostics catalogue (AF97x): stable codes, never renumbered or reused.

Merged into ``docs/diagnostics.md`` through :func:`auditforms.diagnostics.all_codes`.
"""

from __future__ import annotations

from auditforms.diagnostics import Diagnostic, Severity

CATALOGUE: dict[str, str] = {
    "AF970": "there is no service folder here (no auditforms.yaml in this folder or any above it)",
    "AF971": "the settings file is not a mapping of settings",
    "AF972": "a file or folder named in the settings does not exist",
    "AF973": "an audit tool named in the settings cannot be found or is not valid",
    "AF974": "a month is not written yyyy-mm, or has no folder yet",
    "AF975": "the month has already been started",
    "AF976": "the folder given to init already holds files, or cannot be created there",
    "AF977": "a command the settings refer to is not installed in this version",
}


def error(code: str, message: str, file: str = "", line: int = 0, col: int = 0,
          pointer: str | None = None) -> Diagnostic:
    return Diagnostic(code, message, file, line, col, pointer)


def warning(code: str, message: str, file: str = "", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic(code, message, file, line, col, severity=Severity.WARNING)
