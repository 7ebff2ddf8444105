"""Validating a reference document (statements of good) on its own."""

from __future__ import annotations

from pathlib import Path

from auditforms.diagnostics import Diagnostic
from auditforms.source.reading import DEFAULT_LIMITS


def validate_reference_file(path: Path) -> list[Diagnostic]:
    """Diagnostics for a reference document, against ``schemas/reference.schema.json``."""
    from auditforms.language.parsing import parse_definition_file
    from auditforms.language.schema import validate_reference_document

    try:
        with path.open("rb") as handle:
            data = handle.read(DEFAULT_LIMITS.max_bytes + 1)
    except OSError as exc:
        return [Diagnostic("AF101", f"cannot read the file: {exc.strerror or exc}", file=str(path))]
    tree, diagnostics = parse_definition_file(data, str(path))
    if tree is None or diagnostics:
        return diagnostics
    return validate_reference_document(tree, str(path))
