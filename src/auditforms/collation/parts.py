"""What of a definition the report counts: its judged parts, their scales and their tags.

A judged part is a question with a judgement, a section with an overall judgement, or a
field of type ``scale`` (the multi-agency tool's overall judgement is one). Where each is
answered follows :mod:`auditforms.model.definition`: a question's or section's grade is
``answers[id]["judgement"]``, a scale field's is ``answers[id]``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditforms.model.definition import Definition, FieldItem, Question, Scale, Section


@dataclass(frozen=True)
class JudgedPart:
    id: str
    number: str | None
    title: str
    scale: Scale
    tags: tuple[str, ...]
    is_field: bool
    #: grade id -> rank (bigger is better) and -> good or better; looked up once per judgement
    ranks: Mapping[str, float] = field(default_factory=dict, compare=False)
    good: Mapping[str, bool] = field(default_factory=dict, compare=False)

    def answer(self, answers: Mapping[str, Any]) -> str | None:
        value = answers.get(self.id)
        if not self.is_field:
            value = value.get("judgement") if type(value) is dict or isinstance(value, Mapping) else None
        return value if isinstance(value, str) and value else None


def judged_parts(definition: Definition) -> tuple[JudgedPart, ...]:
    """Every judged part in document order."""
    index = definition.index
    parts = []
    for id_ in index.order:
        part = _judged(definition, index.node(id_))
        if part is not None:
            parts.append(part)
    return tuple(parts)


def checklist_criteria(definition: Definition) -> tuple[JudgedPart, ...]:
    """Every part answered on a checklist answer set (YES / NO / N/A), in document order:
    not grades, so the report counts them in a table of their own."""
    index = definition.index
    found = (_graded(definition, index.node(id_)) for id_ in index.order)
    return tuple(p for p in found if p is not None and p.scale.is_checklist)


def _judged(definition: Definition, node: object) -> JudgedPart | None:
    """A graded part; checklist answers (YES / NO / N/A) are not grades and are not counted here."""
    part = _graded(definition, node)
    return None if part is None or part.scale.is_checklist else part


def _graded(definition: Definition, node: object) -> JudgedPart | None:
    if isinstance(node, Question) and node.judgement and node.judgement.scale in definition.index.scales:
        tags = node.tags + tuple(t for c in node.considerations for t in c.tags)
        return _part(node.id, node.number, node.display_name, definition.scale(node.judgement.scale),
                     _unique(tags), False)
    if isinstance(node, Section) and node.overall and node.overall.judgement:
        scale_id = node.overall.judgement.scale
        if scale_id in definition.index.scales:
            title = f"{node.number} {node.title}" if node.number else node.title
            return _part(node.id, node.number, title, definition.scale(scale_id), node.tags, False)
    if isinstance(node, FieldItem) and node.type == "scale" and node.scale in definition.index.scales:
        return _part(node.id, node.number, node.label, definition.scale(node.scale), node.tags, True)
    return None


def _part(id_: str, number: str | None, title: str, scale: Scale, tags: tuple[str, ...],
          is_field: bool) -> JudgedPart:
    ranks = {o.id: rank for o in scale.options if (rank := scale.rank(o.id)) is not None}
    good = {o.id: is_good for o in scale.options if (is_good := scale.meets_good(o.id)) is not None}
    return JudgedPart(id_, number, title, scale, tags, is_field, ranks, good)


def _unique(tags: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tags))


def overall_part(definition: Definition, parts: tuple[JudgedPart, ...]) -> JudgedPart | None:
    """The part whose role is ``overall_rating`` (Torbay's Q12), if it is judged."""
    overall_id = definition.index.by_role("overall_rating")
    return next((p for p in parts if p.id == overall_id), None)


def grades_best_first(scale: Scale) -> tuple[str, ...]:
    ranked = sorted(scale.options, key=lambda o: -(scale.rank(o.id) or 0.0))
    return tuple(o.id for o in ranked)


def reportable_texts(definition: Definition) -> tuple[tuple[str, str | None, str], ...]:
    """(answer id, narrative id or None, label) for every text marked ``reportable``."""
    found: list[tuple[str, str | None, str]] = []
    for id_ in definition.index.order:
        node = definition.index.node(id_)
        if isinstance(node, FieldItem) and node.reportable:
            found.append((node.id, None, node.label))
        narratives = node.narratives if isinstance(node, Question) else (
            node.overall.narratives if isinstance(node, Section) and node.overall else ())
        name = node.display_name if isinstance(node, Question) else getattr(node, "title", id_)
        found.extend((id_, n.id, f"{name}: {n.label}") for n in narratives if n.reportable)
    return tuple(found)
