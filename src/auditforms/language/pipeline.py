"""One run of the loading pipeline, holding the search path and the files seen."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditforms.diagnostics import Diagnostic, has_errors
from auditforms.language.defaults import apply_section_defaults
from auditforms.language.loader import LoadResult, parse_definition_file
from auditforms.language.references import resolve_references
from auditforms.language.search import search_dirs
from auditforms.source.located import locate


class Pipeline:
    def __init__(self, *, search_path: Sequence[str | Path] = ()) -> None:
        self.search_path = [Path(p) for p in search_path]

    def run(self, data: bytes, filename: str, base_dir: Path | None) -> LoadResult:
        tree, diagnostics = parse_definition_file(data, filename)
        if tree is None or has_errors(diagnostics):
            return LoadResult(diagnostics=diagnostics)
        apply_section_defaults(tree)
        dirs = search_dirs(base_dir, self.search_path)
        diagnostics += resolve_references(tree, filename, dirs)
        if has_errors(diagnostics):
            return LoadResult(diagnostics=diagnostics)
        definition, problems = build_model(tree, filename)
        diagnostics += problems
        return LoadResult(definition=definition if not has_errors(diagnostics) else None,
                          diagnostics=diagnostics)


def build_model(tree: Any, filename: str) -> tuple[Any, list[Diagnostic]]:
    from auditforms.model.definition import Definition

    try:
        return Definition.model_validate(tree), []
    except ValidationError as exc:
        out = []
        for error in exc.errors(include_url=False, include_input=False):
            pointer = "".join(f"/{p}" for p in error["loc"] if not str(p).startswith("function-"))
            pos = locate(tree, pointer)
            out.append(Diagnostic("AF207", error["msg"], file=filename,
                                  line=pos.line if pos else 0, col=pos.col if pos else 0, pointer=pointer))
        return None, out
