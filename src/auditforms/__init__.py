"""auditforms: declarative audit tools for children's social care quality assurance.

One YAML definition describes an audit tool. It is validated against the definition
language's JSON Schema and semantic checks, rendered to an offline HTML form, a Word
document or a JSON Schema for completed audits, and used to check completed audits.

The public API is imported lazily so that ``auditforms --help`` starts fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from auditforms.version import __version__

__all__ = ["DefinitionError", "__version__", "check", "load_definition"]

if TYPE_CHECKING:
    from auditforms.api import DefinitionError, check, load_definition


def __getattr__(name: str) -> Any:
    if name in {"load_definition", "DefinitionError", "check"}:
        from auditforms import api

        return getattr(api, name)
    raise AttributeError(f"module 'auditforms' has no attribute {name!r}")
