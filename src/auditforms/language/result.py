"""What loading a definition gives: the definition when it is usable, and every diagnostic.

Its own module so that the pipeline stages can return it without importing the loader,
which drives them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from auditforms.diagnostics import Diagnostic, has_errors

if TYPE_CHECKING:
    from auditforms.model.definition import Definition


@dataclass
class LoadResult:
    definition: Definition | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.definition is not None and not has_errors(self.diagnostics)
