"""The final copy of a completed audit, for the child's record: PDF and read-only Word.

``render DEFINITION --data AUDIT.json --format pdf`` (or ``docx``): the audit's answers,
the moderator's comments, judgements and checklist beside each part, the auditor's
replies, the sign-off and the history. :mod:`.content` decides what it says; :mod:`.html`
and :mod:`.pdf` lay it out as a tagged PDF; :mod:`.word` writes it as Word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from auditforms.model.definition import Definition
    from auditforms.renderers import RenderOptions


class NoCompletedAudit(ValueError):
    """The final copy was asked for without a completed audit to print."""


class EngineMissing(RuntimeError):
    """The PDF engine (WeasyPrint, or the Pango library it needs) is not installed."""


class AuditTooLarge(ValueError):
    """The audit is far larger than any real one; laying it out would keep the user waiting
    for minutes (see :func:`.content.refuse_oversized`). Refused before any layout; ``render``
    says so at the audit's file (AF680)."""


@dataclass(frozen=True)
class PdfFinalCopy:
    name: str = "pdf"
    media_type: str = "application/pdf"
    suffix: str = ".pdf"
    description: str = "The final copy of a completed audit (--data AUDIT.json) as a tagged PDF."
    accepts_prefill: bool = False
    #: It prints a completed audit (``render --data AUDIT.json``), and nothing else.
    accepts_completed: bool = True
    needs_completed: bool = True

    def render(self, definition: Definition, options: RenderOptions) -> bytes:
        if options.completed is None:
            raise NoCompletedAudit("the final copy needs a completed audit")
        from auditforms.renderers.final_copy.pdf import render_pdf

        return render_pdf(definition, options.completed)


RENDERER = PdfFinalCopy()
