"""The moderation record carried with the answers: its parts keyed by the newer version's ids.

Comments of merged parts are joined; moderated (and the auditor's recorded) judgements of merged
parts follow the merge's rule and the grade maps; a part the newer version has no place for is
not carried, and said so once per part.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import Any

from auditforms.model.definition import Definition
from auditforms.model.mapping_plan import Plan
from auditforms.versions.notes import Note
from auditforms.versions.regrade import Regrader

_BY_PART = ("comments", "judgements", "auditor_judgements", "checklist", "responses")
_GRADED = ("judgements", "auditor_judgements")


def carry_moderation(moderation: Mapping[str, Any], plan: Plan, target: Definition, regrade: Regrader,
                     notes: list[Note]) -> dict[str, Any]:
    out = dict(copy.deepcopy(moderation))
    dropped: dict[str, str] = {}
    for key in _BY_PART:
        value = moderation.get(key)
        if isinstance(value, Mapping):
            out[key] = _rekey(value, plan, target, dropped, _combiner(key, regrade, plan), key)
            if key in _GRADED:
                out[key] = _regraded(out[key], regrade, notes, key)
    agreed = moderation.get("agreed")
    if isinstance(agreed, list):
        kept = _rekey({str(i): True for i in agreed}, plan, target, dropped, lambda _i, v: v[0], "agreed")
        out["agreed"] = [i for i in kept if i not in out.get("judgements", {}) and _all_agreed(i, agreed, plan)]
    notes += [Note("removed" if part in plan.removed else "no-place", (part,), target.version, "moderation",
                   reason=plan.removed.get(part), key=key) for part, key in sorted(dropped.items())]
    return out


def _rekey(by_part: Mapping[str, Any], plan: Plan, target: Definition, dropped: dict[str, str],
           combine: Callable[[str, list[Any]], Any], key: str) -> dict[str, Any]:
    gathered: dict[str, list[Any]] = {}
    for old_id, value in by_part.items():
        destinations = plan.to(str(old_id))
        if not destinations:
            dropped.setdefault(str(old_id), key)
        for new_id in destinations:
            if new_id in target.index:
                gathered.setdefault(new_id, []).append(value)
            else:
                dropped.setdefault(str(old_id), key)
    return {new_id: combine(new_id, values) for new_id, values in gathered.items()}


def _combiner(key: str, regrade: Regrader, plan: Plan) -> Callable[[str, list[Any]], Any]:
    def combine(new_id: str, values: list[Any]) -> Any:
        if len(values) == 1:
            return copy.deepcopy(values[0])
        if key == "comments":
            return "\n\n".join(v for v in values if isinstance(v, str) and v.strip())
        if key in _GRADED:
            group = plan.merge_for(new_id)
            grades = plan.grades.get(regrade.scale_of(new_id) or "", {})
            mapped = [grades.get(v, v) if isinstance(v, str) else v for v in values]
            return regrade.choose(new_id, mapped, group.judgement if group else "first")
        return copy.deepcopy(values[0])

    return combine


def _regraded(by_part: dict[str, Any], regrade: Regrader, notes: list[Note], key: str) -> dict[str, Any]:
    out = {}
    for part_id, grade in by_part.items():
        mapped = regrade.grade(part_id, grade, notes, "moderation", key)
        if mapped is not None:
            out[part_id] = mapped
    return out


def _all_agreed(part_id: str, agreed: list[Any], plan: Plan) -> bool:
    """A merged part was agreed only if the moderator agreed with every part merged into it."""
    group = plan.merge_for(part_id)
    return group is None or all(source in agreed for source in group.sources)
