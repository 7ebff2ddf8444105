"""Validating a reference document (statements of good) on its own."""

from __future__ import annotations

from pathlib import Path

from auditforms.diagnostics import Diagnostic
from auditforms.source.files import read_input
from auditforms.source.reading import DEFAULT_LIMITS


def validate_reference_file(path: Path) -> list[Diagnostic]:
    """Diagnostics for a reference document, against ``schemas/reference.schema.json``."""
    from auditforms.language.parsing import parse_definition_file
    from auditforms.language.schema import validate_reference_document

    data, problem = read_input(path, DEFAULT_LIMITS.max_bytes)
    if data is None:
        return [problem] if problem else []
    tree, diagnostics = parse_definition_file(data, str(path))
    if tree is None or diagnostics:
        return diagnostics
    return validate_reference_document(tree, str(path))
