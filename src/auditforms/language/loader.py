"""The definition loading pipeline.

YAML text -> located data -> JSON Schema -> ``extends`` composition -> pydantic model ->
semantic checks -> :class:`LoadResult`. Each stage adds diagnostics; a later stage runs
only on what the earlier ones accepted, so one mistake is not reported five ways.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from auditforms.language.parsing import parse_definition_file
from auditforms.language.pipeline import Pipeline
from auditforms.language.result import LoadResult
from auditforms.source.files import read_input
from auditforms.source.reading import DEFAULT_LIMITS

__all__ = ["LoadResult", "load", "load_bytes", "load_text", "parse_definition_file"]


def load(path: str | Path, *, search_path: Sequence[str | Path] = ()) -> LoadResult:
    """Load the definition file at ``path``."""
    path = Path(path)
    data, problem = read_input(path, DEFAULT_LIMITS.max_bytes)
    if data is None:
        return LoadResult(diagnostics=[problem] if problem else [])
    return Pipeline(search_path=search_path).run(data, str(path), path.resolve().parent, source=path)


def load_text(text: str, filename: str = "<text>", *, search_path: Sequence[str | Path] = ()) -> LoadResult:
    """Load a definition from text (for tests, editors and other systems)."""
    return load_bytes(text.encode("utf-8"), filename, search_path=search_path, base_dir=None)


def load_bytes(data: bytes, filename: str, *, search_path: Sequence[str | Path] = (),
               base_dir: Path | None = None) -> LoadResult:
    return Pipeline(search_path=search_path).run(data, filename, base_dir)
