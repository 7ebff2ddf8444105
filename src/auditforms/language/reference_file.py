"""Validating a reference document (statements of good) on its own."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from auditforms.diagnostics import Diagnostic
from auditforms.source import locate
from auditforms.source.reading import DEFAULT_LIMITS


def validate_reference_file(path: Path) -> list[Diagnostic]:
    from auditforms.language.loader import parse_definition_file
    from auditforms.model.definition import ReferenceDocument

    try:
        data = path.read_bytes()[: DEFAULT_LIMITS.max_bytes + 1]
    except OSError as exc:
        return [Diagnostic("AF101", f"cannot read the file: {exc.strerror or exc}", file=str(path))]
    tree, diagnostics = parse_definition_file(data, str(path))
    if tree is None or diagnostics:
        return diagnostics
    try:
        ReferenceDocument.model_validate(tree)
    except ValidationError as exc:
        for error in exc.errors(include_url=False, include_input=False):
            pointer = "".join(f"/{p}" for p in error["loc"])
            pos = locate(tree, pointer)
            diagnostics.append(Diagnostic("AF207", error["msg"], file=str(path), line=pos.line if pos else 0,
                                          col=pos.col if pos else 0, pointer=pointer))
    return diagnostics
