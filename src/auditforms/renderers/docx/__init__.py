"""The Word renderer: a fillable .docx whose every answer is a tagged content control.

See ``docs/word-forms.md`` for distributing the forms and reading them back with
``auditforms extract``; :mod:`.naming` is the contract between the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditforms.model.definition import Definition
    from auditforms.renderers import RenderOptions


@dataclass(frozen=True)
class DocxRenderer:
    name: str = "docx"
    media_type: str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    suffix: str = ".docx"
    description: str = "A fillable Word form (content controls), readable back with 'extract'."
    accepts_prefill: bool = True
    #: Given a completed audit, it writes the audit's final copy as a read-only document.
    accepts_completed: bool = True

    def render(self, definition: Definition, options: RenderOptions) -> bytes:
        if options.completed is not None:
            from auditforms.renderers.final_copy.word import render_docx

            return render_docx(definition, options.completed)
        from auditforms.renderers.docx.document import build

        return build(definition, options.prefill, options.audit_id, options.due_date, options.audit_type)


RENDERER = DocxRenderer()
