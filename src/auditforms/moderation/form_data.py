"""What the HTML form's moderator mode needs from the definition, embedded in the page as JSON.

The script builds one moderation panel per part a moderator moderates (every question, every
section with an overall judgement, every table: :func:`~auditforms.moderation.part_kind`), with
that part's checklist items as tick boxes. Deriving the parts and checklists here keeps the one
source of truth in Python: the Word form and ``check`` ask the same functions.
"""

from __future__ import annotations

from typing import Any

from auditforms.model.definition import Definition
from auditforms.moderation.checklist import checklist_for, part_kind


def moderation_payload(definition: Definition) -> dict[str, Any]:
    """The moderated parts in document order, each with the ids of its checklist items; the
    items' labels and hints once (``items``), as a long tool repeats them for every question."""
    index = definition.index
    parts = []
    for part_id in index.order:
        kind = part_kind(index.entries[part_id].node)
        if kind is not None:
            ids = [item.id for item in checklist_for(definition, part_id)]
            parts.append({"id": part_id, "kind": kind, "checklist": ids})
    moderation = definition.moderation
    checklist = moderation.checklist if moderation else ()
    return {
        "required": moderation.moderated if moderation else True,
        "items": {item.id: [item.label, item.hint] for item in checklist},
        "parts": parts,
    }
