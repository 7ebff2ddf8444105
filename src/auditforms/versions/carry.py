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
from typing import Any

from auditforms.model.definition import Definition
from auditforms.model.lineage import VersionMapping
from auditforms.model.mapping_plan import MergeGroup, Plan, make_plan
from auditforms.versions.carry_moderation import carry_moderation
from auditforms.versions.columns import carry_columns
from auditforms.versions.notes import Note
from auditforms.versions.regrade import Regrader


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
        out["moderation"] = carry_moderation(moderation, plan, target, Regrader(plan, target), notes)
    return Carried(out, tuple(notes))


def _carry_answers(answers: Mapping[str, Any], plan: Plan, target: Definition, notes: list[Note]) -> dict[str, Any]:
    version = target.version
    regrade = Regrader(plan, target)
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
            carried = carry_columns(carried, plan.columns[new_id], target, notes)
        if carried is not None or value is None:
            out[new_id] = carried
    return out


def merge_answers(values: list[Any], group: MergeGroup, regrade: Regrader) -> Any:
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
