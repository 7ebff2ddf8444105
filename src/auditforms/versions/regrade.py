"""Grades and options of an older version's answers, as a newer version's (by the mapping)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from auditforms.model.definition import Definition, FieldItem, Question, Section
from auditforms.model.mapping_plan import Plan
from auditforms.versions.notes import Note


class Regrader:
    """Grades and options of older versions, as this version's (by the mapping's grade and option maps)."""

    def __init__(self, plan: Plan, target: Definition) -> None:
        self.plan = plan
        self.target = target

    def scale_of(self, part_id: str) -> str | None:
        node = self.target.index.node(part_id) if part_id in self.target.index else None
        if isinstance(node, Question) and node.judgement:
            return node.judgement.scale
        if isinstance(node, Section) and node.overall and node.overall.judgement:
            return node.overall.judgement.scale
        if isinstance(node, FieldItem) and node.type == "scale":
            return node.scale
        return None

    def grade(self, part_id: str, grade: Any, notes: list[Note], where: Literal["answers", "moderation"],
              key: str | None = None) -> Any:
        """The grade on this version's scale; ``None`` (and a note) when it has no place there."""
        scale_id = self.scale_of(part_id)
        if scale_id is None or not isinstance(grade, str):
            return grade
        mapped = self.plan.grades.get(scale_id, {}).get(grade, grade)
        if mapped in self.target.scale(scale_id).answer_ids:
            return mapped
        notes.append(Note("grade", (part_id,), self.target.version, where, reason=scale_id, key=key))
        return None

    def answer(self, part_id: str, value: Any, notes: list[Note]) -> Any:
        node = self.target.index.node(part_id) if part_id in self.target.index else None
        if isinstance(node, FieldItem):
            return self._field(node, value, notes)
        if not isinstance(value, Mapping) or "judgement" not in value:
            return value
        out = dict(value)
        grade = self.grade(part_id, value["judgement"], notes, "answers")
        if grade is None:
            del out["judgement"]
        else:
            out["judgement"] = grade
        return out

    def _field(self, node: FieldItem, value: Any, notes: list[Note]) -> Any:
        if node.type == "scale":
            return self.grade(node.id, value, notes, "answers")
        known = {o.id for o in node.answer_options}
        renames = self.plan.options.get(node.id, {})
        if not known or not isinstance(value, str | list):
            return value
        given = value if isinstance(value, list) else [value]
        chosen = [renames.get(v, v) if isinstance(v, str) else v for v in given]
        kept = [v for v in chosen if isinstance(v, str) and v in known]
        if len(kept) < len(chosen):
            notes.append(Note("option", (node.id,), self.target.version))
        if isinstance(value, list):
            return kept
        return kept[0] if kept else None

    def choose(self, part_id: str, grades: list[Any], rule: str) -> Any:
        """The merged judgement: the lowest (or highest, or first) grade given."""
        given = [g for g in grades if isinstance(g, str)]
        if not given:
            return None
        scale_id = self.scale_of(part_id)
        if rule == "first" or scale_id is None:
            return given[0]
        scale = self.target.scale(scale_id)
        graded = [g for g in given if scale.rank(g) is not None]
        if not graded:
            return given[0]
        pick = min if rule == "lowest" else max
        return pick(graded, key=lambda g: scale.rank(g) or 0.0)
