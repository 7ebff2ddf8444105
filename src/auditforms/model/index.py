"""Lookups over a resolved definition, built once: by id, by role, in document order.

Renderers and checks ask the index instead of re-walking the tree, so "what is answered
where" is decided in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeAlias

from auditforms.model.nodes import (
    Checklist,
    FieldItem,
    Heading,
    Question,
    ReferenceDocument,
    Section,
    Statement,
    StaticText,
    SubSection,
    Table,
)
from auditforms.model.scales import Scale

if TYPE_CHECKING:
    from auditforms.model.conditions import Condition

Answerable: TypeAlias = FieldItem | Question | Table | Section


@dataclass(frozen=True)
class Entry:
    """Where an answerable thing sits: its section, the item that owns it, and its visibility."""

    node: Answerable
    section: Section
    parent_id: str | None
    #: Conditions that must all hold for this node to be shown (its own and its ancestors').
    conditions: tuple[Condition, ...]
    #: For a follow-up field: (owning field id, option id that reveals it).
    revealed_by: tuple[str, str] | None = None


@dataclass
class DefinitionIndex:
    entries: dict[str, Entry] = field(default_factory=dict)
    scales: dict[str, Scale] = field(default_factory=dict)
    statements: dict[str, Statement] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    order: list[str] = field(default_factory=list)

    @classmethod
    def build(cls, scales: Iterable[Scale], references: Iterable[ReferenceDocument],
              sections: Iterable[Section]) -> DefinitionIndex:
        """The lookups over a definition's parts (it passes its own scales, references and
        sections, so the index never needs the definition itself)."""
        index = cls()
        index.scales = {s.id: s for s in scales}
        index.statements = {s.id: s for ref in references for s in ref.statements}
        for section in sections:
            conds = (section.when,) if section.when else ()
            index._add(section.id, section, section, None, conds)
            for item in section.items:
                index._add_item(item, section, section.id, conds)
        return index

    def _add(self, id_: str, node: Answerable, section: Section, parent: str | None,
             conditions: tuple[Condition, ...], revealed_by: tuple[str, str] | None = None) -> None:
        self.entries[id_] = Entry(node, section, parent, conditions, revealed_by)
        self.order.append(id_)
        role = getattr(node, "role", None)
        if role:
            self.roles[role] = id_
        if isinstance(node, FieldItem) and node.type == "compound":
            for part in node.parts:  # initials and date of birth in one cell, each with its role
                if part.role:
                    self.roles[part.role] = f"{id_}.{part.id}"

    def _add_item(self, item: FieldItem | Question | Table | Heading | StaticText | Checklist | SubSection,
                  section: Section, parent: str, conditions: tuple[Condition, ...]) -> None:
        own = conditions + ((item.when,) if item.when else ())
        if isinstance(item, Heading | StaticText):
            return
        if isinstance(item, Checklist):  # its criteria are questions of the enclosing section
            for criterion in item.criteria:
                self._add_item(criterion, section, parent, own)
            return
        self._add(item.id, item, section, parent, own)
        if isinstance(item, SubSection):  # its items hide with it, as a section's do
            for inner in item.items:
                self._add_item(inner, item, item.id, own)
        elif isinstance(item, Question):
            for part in item.parts:
                self._add_item(part, section, item.id, own)
            for field_ in item.fields:
                self._add_item(field_, section, item.id, own)
        elif isinstance(item, FieldItem):
            self._add_follow_ups(item, section, own)

    def _add_follow_ups(self, item: FieldItem, section: Section, conditions: tuple[Condition, ...]) -> None:
        for option_id, follow_up in item.follow_ups():
            own = conditions + ((follow_up.when,) if follow_up.when else ())
            self._add(follow_up.id, follow_up, section, item.id, own, (item.id, option_id))
            self._add_follow_ups(follow_up, section, own)

    # -- queries -----------------------------------------------------------------------

    def __contains__(self, id_: str) -> bool:
        return id_ in self.entries

    def node(self, id_: str) -> Answerable:
        return self.entries[id_].node

    def fields(self) -> list[FieldItem]:
        return [e.node for e in self.entries.values() if isinstance(e.node, FieldItem)]

    def questions(self) -> list[Question]:
        return [e.node for e in self.entries.values() if isinstance(e.node, Question)]

    def sections(self) -> list[Section]:
        """Every section and sub-section, in document order."""
        return [e.node for e in self.entries.values() if isinstance(e.node, Section)]

    def tables(self) -> list[Table]:
        return [e.node for e in self.entries.values() if isinstance(e.node, Table)]

    def by_role(self, role: str) -> str | None:
        """The reference of the field or question given ``role`` (e.g. ``child_id``), if any:
        its id, or ``<field id>.<part id>`` for one part of a compound field. Read its answer
        with :meth:`role_answer` and its field with :meth:`role_node`, which know both."""
        return self.roles.get(role)

    def role_node(self, role: str) -> Answerable | None:
        """The field (a compound field's part, for a part's role) or question given ``role``."""
        ref = self.roles.get(role)
        if ref is None:
            return None
        if ref in self.entries:
            return self.entries[ref].node
        owner, part = ref.split(".", 1)
        compound = self.entries[owner].node
        return compound.part(part) if isinstance(compound, FieldItem) else None

    def role_answer(self, answers: Mapping[str, Any], role: str) -> Any:
        """The answer of the part given ``role``: a field's own answer, or one labelled answer
        of a compound field's (``None`` when not answered or no part has the role)."""
        ref = self.roles.get(role)
        if ref is None:
            return None
        if ref in self.entries:
            return answers.get(ref)
        owner, part = ref.split(".", 1)
        value = answers.get(owner)
        return value.get(part) if isinstance(value, Mapping) else None

    def role_owner(self, role: str) -> str | None:
        """The id the role's answer is keyed by in the answers (a compound part's field)."""
        ref = self.roles.get(role)
        return None if ref is None else ref.split(".", 1)[0] if ref not in self.entries else ref
