"""Which of the moderator's checklist items apply to which part of a tool.

The checklist is data in the definition (``moderation.checklist``); an item applies to a kind
of part (``questions``, ``sections``, ``tables``) or to one part named by id. A form asks
:func:`checklist_for` for each part it shows, and the moderation record keeps the ticks keyed
by part id and item id, so a report can count what was missing across a month's audits.
"""

from __future__ import annotations

from auditforms.model.definition import ChecklistItem, Definition, Question, Section, Table

#: ``applies_to`` words that name a kind of part rather than one part.
APPLIES_TO_KINDS = ("questions", "sections", "tables")


def part_kind(node: object) -> str | None:
    """The ``applies_to`` word for a part, or ``None`` for parts that take no checklist."""
    if isinstance(node, Question):
        return "questions"
    if isinstance(node, Section):
        return "sections" if node.overall is not None else None
    if isinstance(node, Table):
        return "tables"
    return None


def checklist_for(definition: Definition, part_id: str) -> tuple[ChecklistItem, ...]:
    """The checklist items a moderator ticks for ``part_id``, in the definition's order.

    Empty for an unknown id, a field, a section without an overall judgement, or a tool
    without a checklist.
    """
    if definition.moderation is None or part_id not in definition.index:
        return ()
    kind = part_kind(definition.index.node(part_id))
    if kind is None:
        return ()
    return tuple(item for item in definition.moderation.checklist if item.applies_to in (part_id, kind))


def checklist_parts(definition: Definition) -> tuple[str, ...]:
    """Every part id that has at least one checklist item, in document order."""
    if definition.moderation is None or not definition.moderation.checklist:
        return ()
    return tuple(i for i in definition.index.order if checklist_for(definition, i))
