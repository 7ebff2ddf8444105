"""A version mapping turned into a plan: for every old id, the ids its answer goes to.

Every change of a mapping names the *older* version's ids on the left, so the changes are
applied all at once, never one after another: ``rename: q11, to: q12`` beside
``split: q10, into: [q10, q11]`` means what it says, whatever the order they are written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from auditforms.model.lineage import ColumnMap, GradeMap, Merge, OptionMap, Remove, Rename, Split, VersionMapping


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
        if isinstance(change, Rename):
            plan.targets[change.rename] = (change.to,)
        elif isinstance(change, Merge):
            plan.merges[change.into] = MergeGroup(change.into, change.merge, change.judgement)
            for old in change.merge:
                plan.targets[old] = (change.into,)
        elif isinstance(change, Split):
            plan.targets[change.split] = change.into
            plan.splits[change.split] = change.into
        elif isinstance(change, Remove):
            for old in change.remove:
                plan.targets[old] = ()
                plan.removed[old] = change.reason
        elif isinstance(change, GradeMap):
            plan.grades[change.grades] = dict(change.map)
        elif isinstance(change, OptionMap):
            plan.options[change.options] = dict(change.map)
        elif isinstance(change, ColumnMap):
            plan.columns[change.columns] = change
    return plan


def old_ids(mapping: VersionMapping) -> list[tuple[str, str]]:
    """(old id, JSON pointer under the change) for every old id the mapping names."""
    out: list[tuple[str, str]] = []
    for i, change in enumerate(mapping.answers):
        if isinstance(change, Rename):
            out.append((change.rename, f"/{i}/rename"))
        elif isinstance(change, Merge):
            out += [(old, f"/{i}/merge/{j}") for j, old in enumerate(change.merge)]
        elif isinstance(change, Split):
            out.append((change.split, f"/{i}/split"))
        elif isinstance(change, Remove):
            out += [(old, f"/{i}/remove") for old in change.remove]
    return out


def new_ids(mapping: VersionMapping) -> list[tuple[str, str]]:
    """(id of this version, JSON pointer under the change) for every new id the mapping names."""
    out: list[tuple[str, str]] = []
    for i, change in enumerate(mapping.answers):
        if isinstance(change, Rename):
            out.append((change.to, f"/{i}/to"))
        elif isinstance(change, Merge):
            out.append((change.into, f"/{i}/into"))
        elif isinstance(change, Split):
            out += [(new, f"/{i}/into/{j}") for j, new in enumerate(change.into)]
        elif isinstance(change, OptionMap):
            out.append((change.options, f"/{i}/options"))
        elif isinstance(change, ColumnMap):
            out.append((change.columns, f"/{i}/columns"))
    return out
