"""A version mapping turned into a plan: for every old id, the ids its answer goes to.

Every change of a mapping names the *older* version's ids on the left, so the changes are
applied all at once, never one after another: ``rename: q11, to: q12`` beside
``split: q10, into: [q10, q11]`` means what it says, whatever the order they are written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from auditforms.model.lineage import (
    AnswerChange,
    ColumnMap,
    GradeMap,
    Merge,
    OptionMap,
    Remove,
    Rename,
    Split,
    VersionMapping,
)


@dataclass(frozen=True)
class MergeGroup:
    into: str
    sources: tuple[str, ...]
    judgement: Literal["lowest", "highest", "first"]


@dataclass
class Plan:
    """Where each old answer goes; an id no change names keeps its id."""

    targets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    merges: dict[str, MergeGroup] = field(default_factory=dict)
    splits: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: dict[str, str | None] = field(default_factory=dict)
    grades: dict[str, dict[str, str]] = field(default_factory=dict)
    options: dict[str, dict[str, str]] = field(default_factory=dict)
    #: By this version's table id: its columns renamed or dropped.
    columns: dict[str, ColumnMap] = field(default_factory=dict)

    def to(self, old_id: str) -> tuple[str, ...]:
        return self.targets.get(old_id, (old_id,))

    def merge_for(self, new_id: str) -> MergeGroup | None:
        return self.merges.get(new_id)


def make_plan(mapping: VersionMapping | None) -> Plan:
    """The plan of ``mapping`` (an empty plan, where every id keeps its id, for ``None``)."""
    plan = Plan()
    for change in mapping.answers if mapping else ():
        old, new = named_ids(change)
        for old_id, _ in old:  # a removed id goes nowhere: no new ids
            plan.targets[old_id] = tuple(new_id for new_id, _ in new)
        if isinstance(change, Merge):
            plan.merges[change.into] = MergeGroup(change.into, change.merge, change.judgement)
        elif isinstance(change, Split):
            plan.splits[change.split] = change.into
        elif isinstance(change, Remove):
            plan.removed.update(dict.fromkeys(change.remove, change.reason))
        elif isinstance(change, GradeMap):
            plan.grades[change.grades] = dict(change.map)
        elif isinstance(change, OptionMap):
            plan.options[change.options] = dict(change.map)
        elif isinstance(change, ColumnMap):
            plan.columns[change.columns] = change
    return plan


#: (id, JSON pointer relative to the change) for each id a change names.
Named = list[tuple[str, str]]


def named_ids(change: AnswerChange) -> tuple[Named, Named]:
    """(the older version's ids, this version's ids) that ``change`` names: the one table of what
    each kind of change names on either side, read by the plan and by the definition checks."""
    match change:
        case Rename():
            return [(change.rename, "rename")], [(change.to, "to")]
        case Merge():
            return [(old, f"merge/{j}") for j, old in enumerate(change.merge)], [(change.into, "into")]
        case Split():
            return [(change.split, "split")], [(new, f"into/{j}") for j, new in enumerate(change.into)]
        case Remove():
            return [(old, "remove") for old in change.remove], []
        case OptionMap():
            return [], [(change.options, "options")]
        case ColumnMap():
            return [], [(change.columns, "columns")]
        case GradeMap():  # names a scale, not an answer
            return [], []


def old_ids(mapping: VersionMapping) -> list[tuple[str, str]]:
    """(old id, JSON pointer under the change) for every old id the mapping names."""
    return [(id_, f"/{i}/{at}") for i, change in enumerate(mapping.answers) for id_, at in named_ids(change)[0]]


def new_ids(mapping: VersionMapping) -> list[tuple[str, str]]:
    """(id of this version, JSON pointer under the change) for every new id the mapping names."""
    return [(id_, f"/{i}/{at}") for i, change in enumerate(mapping.answers) for id_, at in named_ids(change)[1]]
