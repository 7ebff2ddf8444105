"""Validating one file that may be a definition or a reference document."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from auditforms.diagnostics import Diagnostic, has_errors


def validate_file(path: Path, *, search_path: Sequence[Path] = ()) -> tuple[bool, list[Diagnostic]]:
    """``(ok, diagnostics)`` for a definition, a reference document under ``reference/`` or a
    scale library under ``scales/``."""
    from auditforms.language.loader import load

    if path.parent.name == "reference":
        from auditforms.language.reference_file import validate_reference_file

        diagnostics = validate_reference_file(path)
        return not has_errors(diagnostics), diagnostics
    if path.parent.name == "scales":
        from auditforms.language.families import validate_library_file

        diagnostics = validate_library_file(path)
        return not has_errors(diagnostics), diagnostics
    result = load(path, search_path=search_path)
    return result.ok, result.diagnostics
