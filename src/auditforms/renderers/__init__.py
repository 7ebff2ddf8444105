"""The renderer registry: every output format is a module exposing ``RENDERER``.

Adding a format is adding a module and one line here; nothing else branches on format
names. Modules are imported only when their format is asked for, so the heavy ones
(python-docx) cost nothing to a command that does not use them.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from auditforms.model.definition import Definition

#: format name -> "module:attribute"
REGISTRY: dict[str, str] = {
    "html": "auditforms.renderers.html:RENDERER",
    "docx": "auditforms.renderers.docx:RENDERER",
    "schema": "auditforms.renderers.result_schema:RENDERER",
    "dictionary": "auditforms.renderers.dictionary:RENDERER",
    "pdf": "auditforms.renderers.final_copy:RENDERER",
}


@dataclass(frozen=True)
class RenderOptions:
    """What a renderer may be told besides the definition. Renderers never read files.

    ``prefill`` holds answers (already validated) for fields completed centrally, keyed
    by field id. ``audit_id`` names the audit a pre-filled form is for, and ``due_date``
    the date the sample asks for it back. ``completed`` is a whole completed-audit
    document (already checked) for the renderers that print the final, read-only copy.
    Renderers must not embed the current time, so that output is reproducible and
    snapshot-testable.
    """

    prefill: Mapping[str, Any] = field(default_factory=dict)
    audit_id: str | None = None
    due_date: date | None = None
    completed: Mapping[str, Any] | None = None
    #: The tool's audit type this form is for (e.g. ``deep-dive``): its look-back is shown.
    audit_type: str | None = None


class Renderer(Protocol):
    name: str
    media_type: str
    suffix: str
    description: str
    #: Whether the output can carry pre-filled case details (``--data``).
    accepts_prefill: bool
    # Renderers that print a completed audit (``--data AUDIT.json``) also say
    # ``accepts_completed = True``, and ``needs_completed = True`` when they print nothing else.

    def render(self, definition: Definition, options: RenderOptions) -> bytes: ...


class UnknownFormat(LookupError):
    pass


def get_renderer(name: str) -> Renderer:
    try:
        target = REGISTRY[name]
    except KeyError:
        raise UnknownFormat(name) from None
    module_name, attr = target.split(":")
    return getattr(importlib.import_module(module_name), attr)  # type: ignore[no-any-return]


def renderer_names() -> list[str]:
    return list(REGISTRY)
