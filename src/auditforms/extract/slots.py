"""What each tag of a form answers, decided from the definition (the naming scheme's inverse)."""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.model.definition import Column, Definition, FieldItem, Option, Question, Section, Table
from auditforms.renderers.docx.naming import AGREE, MODERATION, MODERATION_PARTS


@dataclass(frozen=True)
class Slot:
    """Where a control's value goes: ``answers[owner]`` or ``answers[owner][part]``.

    ``type`` is the field type that decides how its text is read (``text``, ``textarea``,
    ``number``, ``date``, ``choice``, ``flag`` for a check box).
    """

    owner: str
    part: str | None
    type: str
    options: tuple[Option, ...] = ()
    option: str | None = None


def scale_options(definition: Definition, scale_id: str) -> tuple[Option, ...]:
    scale = definition.index.scales[scale_id]
    options = tuple(Option(id=o.id, label=o.label) for o in scale.options)
    if scale.not_applicable:
        options += (Option(id=scale.not_applicable.id, label=scale.not_applicable.label),)
    return options


def column_slot(definition: Definition, table: Table, column: Column) -> Slot:
    if column.type == "scale" and column.scale:
        return Slot(table.id, column.id, "choice", scale_options(definition, column.scale))
    if column.type == "yesno":
        return Slot(table.id, column.id, "choice", (Option(id="yes", label="Yes"), Option(id="no", label="No")))
    if column.type == "choice":
        return Slot(table.id, column.id, "choice", column.options)
    return Slot(table.id, column.id, column.type)


def _field_slot(definition: Definition, field: FieldItem, part: str | None) -> Slot | None:
    if field.type == "compound":
        answer = field.part(part) if part else None
        inner = _field_slot(definition, answer, None) if answer is not None else None
        return Slot(field.id, part, inner.type, inner.options) if inner is not None else None
    if field.type == "multichoice":
        ids = {o.id for o in field.options}
        return Slot(field.id, None, "flag", field.options, part) if part in ids else None
    if part is not None:
        return None
    if field.type == "scale" and field.scale:
        return Slot(field.id, None, "choice", scale_options(definition, field.scale))
    if field.type in {"choice", "yesno", "age_band"}:
        return Slot(field.id, None, "choice", field.answer_options)
    return Slot(field.id, None, field.type)


def slot_for(definition: Definition, tag: str) -> Slot | None:
    """The slot a tag names, or None for tags this definition does not have (or table cells)."""
    owner, _, part = tag.partition(".")
    if owner == MODERATION:
        return _moderation_slot(definition, part)
    entry = definition.index.entries.get(owner)
    if entry is None:
        return None
    node = entry.node
    if isinstance(node, FieldItem):
        return _field_slot(definition, node, part or None)
    if isinstance(node, Question):
        if part == "judgement" and node.judgement:
            return Slot(owner, part, "choice", scale_options(definition, node.judgement.scale))
        return Slot(owner, part, "textarea") if part in {n.id for n in node.narratives} else None
    if isinstance(node, Section):
        return _section_slot(definition, node, part)
    return None


def _section_slot(definition: Definition, section: Section, part: str) -> Slot | None:
    if part == "not_relevant" and section.optional:
        return Slot(section.id, part, "flag")
    overall = section.overall
    if overall is None:
        return None
    if part == "judgement" and overall.judgement:
        return Slot(section.id, part, "choice", scale_options(definition, overall.judgement.scale))
    return Slot(section.id, part, "textarea") if part in {n.id for n in overall.narratives} else None


def _moderation_slot(definition: Definition, part: str) -> Slot | None:
    """``moderator``/``date``/``summary``; ``q4.judgement`` (agree or a grade); ``q4.checklist.x``."""
    if part in MODERATION_PARTS:
        return Slot(MODERATION, part, "date" if part == "date" else "textarea")
    judged, _, what = part.partition(".")
    if what.startswith("checklist.") and judged in definition.index:
        return Slot(MODERATION, part, "flag")
    entry = definition.index.entries.get(judged)
    node = entry.node if entry is not None else None
    judgement = node.judgement if isinstance(node, Question) else \
        node.overall.judgement if isinstance(node, Section) and node.overall else None
    if what != "judgement" or judgement is None:
        return None
    options = (Option(id=AGREE, label="Agree"), *scale_options(definition, judgement.scale))
    return Slot(MODERATION, part, "choice", options)
