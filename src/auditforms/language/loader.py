"""The definition loading pipeline.

YAML text -> located data -> JSON Schema -> ``extends`` composition -> pydantic model ->
semantic checks -> :class:`LoadResult`. Each stage adds diagnostics; a later stage runs
only on what the earlier ones accepted, so one mistake is not reported five ways.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditforms.diagnostics import Diagnostic, has_errors
from auditforms.source import parse_yaml, read_text
from auditforms.source.reading import DEFAULT_LIMITS

if TYPE_CHECKING:
    from auditforms.model.definition import Definition


@dataclass
class LoadResult:
    definition: Definition | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.definition is not None and not has_errors(self.diagnostics)


def load(path: str | Path, *, search_path: Sequence[str | Path] = ()) -> LoadResult:
    """Load the definition file at ``path``."""
    path = Path(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(DEFAULT_LIMITS.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return LoadResult(diagnostics=[Diagnostic("AF101", f"cannot read the file: {reason}", file=str(path))])
    from auditforms.language.pipeline import Pipeline

    return Pipeline(search_path=search_path).run(data, str(path), path.resolve().parent, source=path)


def load_text(text: str, filename: str = "<text>", *, search_path: Sequence[str | Path] = ()) -> LoadResult:
    """Load a definition from text (for tests, editors and other systems)."""
    return load_bytes(text.encode("utf-8"), filename, search_path=search_path, base_dir=None)


def load_bytes(data: bytes, filename: str, *, search_path: Sequence[str | Path] = (),
               base_dir: Path | None = None) -> LoadResult:
    from auditforms.language.pipeline import Pipeline

    return Pipeline(search_path=search_path).run(data, filename, base_dir)


def parse_definition_file(data: bytes, filename: str) -> tuple[Any, list[Diagnostic]]:
    """Bytes to located data, with every reading and YAML problem as a diagnostic."""
    text, problem = read_text(data, filename)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    parsed = parse_yaml(text, filename)
    if parsed.data is not None and not isinstance(parsed.data, dict):
        kind = "a list" if isinstance(parsed.data, list) else "a single value"
        return None, [*parsed.diagnostics, Diagnostic(
            "AF203", f"a definition is a mapping of keys (id:, title:, …), not {kind}",
            file=filename, line=1, col=1, pointer="")]
    return parsed.data, parsed.diagnostics


