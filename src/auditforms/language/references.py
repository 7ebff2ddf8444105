"""Resolving ``references: [id, ...]`` into the reference documents themselves."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditforms.diagnostics import Diagnostic
from auditforms.language.search import find
from auditforms.source import locate
from auditforms.source.reading import DEFAULT_LIMITS


@dataclass(frozen=True)
class _Where:
    file: str
    line: int
    col: int
    pointer: str

    def diagnostic(self, message: str) -> Diagnostic:
        return Diagnostic("AF406", message, file=self.file, line=self.line, col=self.col, pointer=self.pointer)


def resolve_references(tree: dict[str, Any], filename: str, dirs: Sequence[Path]) -> list[Diagnostic]:
    """Replace each reference id in ``tree['references']`` by the document's data."""
    from auditforms.language.loader import parse_definition_file
    from auditforms.model.definition import ReferenceDocument

    ids = tree.get("references") or []
    if not isinstance(ids, list):
        return []
    diagnostics: list[Diagnostic] = []
    documents: list[Any] = []
    for i, ref_id in enumerate(ids):
        if not isinstance(ref_id, str):
            documents.append(ref_id)
            continue
        pos = locate(tree, f"/references/{i}")
        where = _Where(filename, pos.line if pos else 0, pos.col if pos else 0, f"/references/{i}")
        path, escaped = find(ref_id, dirs, "reference")
        if path is None:
            why = " (it points outside the definition search path)" if escaped else ""
            diagnostics.append(where.diagnostic(f"reference document '{ref_id}' not found in a "
                                                f"reference/ folder of the definition search path{why}"))
            continue
        data, problems = parse_definition_file(path.read_bytes()[: DEFAULT_LIMITS.max_bytes + 1], str(path))
        if data is None or problems:
            diagnostics += problems
            continue
        try:
            ReferenceDocument.model_validate(data)
        except ValidationError as exc:
            first = exc.errors(include_url=False, include_input=False)[0]
            loc = "/".join(str(p) for p in first["loc"])
            diagnostics.append(where.diagnostic(f"reference document '{ref_id}' is invalid: "
                                                f"{first['msg']} at /{loc} in {path}"))
            continue
        documents.append(data)
    tree["references"] = documents
    return diagnostics
