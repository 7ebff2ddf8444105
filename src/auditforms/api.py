"""The public Python API: load definitions, check completed audits.

Validation functions return diagnostics and never raise for bad input; the
``load_definition`` convenience raises one :class:`DefinitionError` holding them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditforms.diagnostics import Diagnostic
from auditforms.language.loader import LoadResult, load, load_text

if TYPE_CHECKING:
    from auditforms.model.definition import Definition

__all__ = ["DefinitionError", "LoadResult", "check", "load", "load_definition", "load_text"]


class DefinitionError(Exception):
    """A definition could not be loaded; ``diagnostics`` says every reason."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


def load_definition(path: str | Path, *, search_path: Sequence[str | Path] = ()) -> Definition:
    """Load, validate and resolve the definition at ``path``, or raise :class:`DefinitionError`."""
    result = load(path, search_path=search_path)
    if result.definition is None:
        raise DefinitionError(result.diagnostics)
    return result.definition


def check(definition: Definition | str | Path, audits: Any, *, search_path: Sequence[str | Path] = (),
          **options: Any) -> Any:
    """Check completed audits against a definition; see :func:`auditforms.results.check.check`.

    As ``auditforms check`` does, each audit is checked against the version it names when that
    version is kept (``history/<tool>/<version>.yaml`` beside the definition, on ``search_path``
    or shipped), else read as this version through the tool's mapping (see
    docs/versions-and-families.md).
    """
    from auditforms.results.check import check as _check
    from auditforms.versions.checking import VersionedCheck
    from auditforms.versions.library import VersionLibrary

    base_dir = None
    if isinstance(definition, str | Path):
        base_dir = Path(definition).resolve().parent
        definition = load_definition(definition, search_path=search_path)
    library = VersionLibrary(definition, base_dir, tuple(Path(p) for p in search_path))
    return _check(definition, audits, choose=VersionedCheck(library), **options)
