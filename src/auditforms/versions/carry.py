"""Carrying a completed audit forward to a newer version of its tool, as a pure data transform.

The old document is never changed: :func:`carry` returns a new one, with the answers (and the
moderation record's parts) moved to the ids the newer version gives them, grades mapped to its
scales, and :class:`Note` s saying what could not be carried and what a person should review.
Notes name ids and versions, never what was written in an answer.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from auditforms.model.definition import Definition, FieldItem, Question, Section
from auditforms.model.lineage import VersionMapping
from auditforms.versions.plan import MergeGroup, Plan, make_plan

NoteKind = Literal["removed", "no-place", "grade", "option", "split", "merged", "clash", "column-removed",
                   "column-no-place"]


@dataclass(frozen=True)
class Note:
    """One thing a reader of the carried audit should know, by id (never by answer)."""

    kind: NoteKind
    ids: tuple[str, ...]
    to_version: str
    where: Literal["answers", "moderation"] = "answers"
    reason: str | None = None
    #: For the moderation record: the first of its keys (comments, judgements...) holding the part.
    key: str | None = None

    @property
    def not_carried(self) -> bool:
        return self.kind in ("removed", "no-place", "grade", "option", "clash", "column-removed", "column-no-place")


@dataclass(frozen=True)
class Carried:
    document: dict[str, Any]
    notes: tuple[Note, ...]


def carry(document: Mapping[str, Any], mapping: VersionMapping | None, target: Definition) -> Carried:
    """``document`` as an audit of ``target``, through ``mapping`` (``None``: ids kept as they are)."""
    plan = make_plan(mapping)
    notes: list[Note] = []
    answers = document.get("answers")
    out = dict(document)
    out["definition"] = {"id": target.id, "version": target.version}
    out["answers"] = _carry_answers(answers if isinstance(answers, Mapping) else {}, plan, target, notes)
    moderation = document.get("moderation")
    if isinstance(moderation, Mapping):
        from auditforms.versions.carry_moderation import carry_moderation

        out["moderation"] = carry_moderation(moderation, plan, target, _Regrader(plan, target), notes)
    return Carried(out, tuple(notes))


def _carry_answers(answers: Mapping[str, Any], plan: Plan, target: Definition, notes: list[Note]) -> dict[str, Any]:
    version = target.version
    regrade = _Regrader(plan, target)
    placed: dict[str, Any] = {}
    for old_id, value in answers.items():
        destinations = plan.to(old_id)
        if not destinations:
            notes.append(Note("removed", (old_id,), version, reason=plan.removed.get(old_id)))
        elif old_id in plan.splits:
            notes.append(Note("split", (old_id, *destinations), version))
        for new_id in destinations:
            if plan.merge_for(new_id) is not None:
                continue
            if new_id in placed:
                notes.append(Note("clash", (old_id, new_id), version))
                continue
            placed[new_id] = copy.deepcopy(value)
    for group in plan.merges.values():
        values = [answers[s] for s in group.sources if s in answers]
        if values:
            placed[group.into] = merge_answers([regrade.answer(group.into, v, notes) for v in values], group, regrade)
            notes.append(Note("merged", (*(s for s in group.sources if s in answers), group.into), version))
    out: dict[str, Any] = {}
    order = {id_: i for i, id_ in enumerate(target.index.order)}
    for new_id, value in sorted(placed.items(), key=lambda item: order.get(item[0], len(order))):
        if new_id not in target.index:
            notes.append(Note("no-place", (new_id,), version))
            continue
        carried = value if plan.merge_for(new_id) else regrade.answer(new_id, value, notes)
        if new_id in plan.columns:
            from auditforms.versions.columns import carry_columns

            carried = carry_columns(carried, plan.columns[new_id], target, notes)
        if carried is not None or value is None:
            out[new_id] = carried
    return out


def merge_answers(values: list[Any], group: MergeGroup, regrade: _Regrader) -> Any:
    """One answer from several: narratives joined (blank line between), the judgement by ``group``'s
    rule, any other value the first one given."""
    if not all(isinstance(v, Mapping) for v in values):
        return next((copy.deepcopy(v) for v in values if v not in (None, "", [])), None)
    merged: dict[str, Any] = {}
    for value in values:
        for key, part in value.items():
            if key == "judgement":
                continue
            if isinstance(part, str) and isinstance(merged.get(key), str):
                merged[key] = "\n\n".join(t for t in (merged[key], part) if t.strip())
            elif key not in merged:
                merged[key] = copy.deepcopy(part)
    judgement = regrade.choose(group.into, [v.get("judgement") for v in values], group.judgement)
    if judgement is not None:
        merged["judgement"] = judgement
    return merged


class _Regrader:
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
