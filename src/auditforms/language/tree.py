"""Finding and moving sections and items by id in a definition's plain-data tree.

Used by ``extends`` composition, which works on located plain data (before the model is
built) so that every later error still points at the file and line it came from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


@dataclass
class Slot:
    """Where a node sits: the list that holds it and its index there."""

    container: list[Any]
    index: int

    @property
    def node(self) -> Any:
        return self.container[self.index]


def _children(node: dict[str, Any]) -> Iterator[list[Any]]:
    """A section's or sub-section's items, a question's parts and fields, a checklist's criteria."""
    for key in ("items", "parts", "fields", "criteria"):
        value = node.get(key)
        if isinstance(value, list):
            yield value


def iter_slots(tree: dict[str, Any]) -> Iterator[Slot]:
    """Every section, item and question part, in document order."""
    sections = tree.get("sections")
    if isinstance(sections, list):
        yield from _walk(sections)


def _walk(container: list[Any]) -> Iterator[Slot]:
    for i, node in enumerate(container):
        if isinstance(node, dict):
            yield Slot(container, i)
            for children in _children(node):
                yield from _walk(children)


def find_slot(tree: dict[str, Any], id_: str) -> Slot | None:
    return next((s for s in iter_slots(tree) if s.node.get("id") == id_), None)


def all_ids(tree: dict[str, Any]) -> list[str]:
    return [str(s.node.get("id")) for s in iter_slots(tree) if "id" in s.node]


def rule_slot(tree: dict[str, Any], id_: str) -> Slot | None:
    rules = tree.get("rules")
    if isinstance(rules, list):
        for i, rule in enumerate(rules):
            if isinstance(rule, dict) and rule.get("id") == id_:
                return Slot(rules, i)
    return None


def children_for_insert(node: dict[str, Any]) -> list[Any]:
    """The list a node's children go into (``items`` of a section or sub-section, ``parts`` of a
    question, ``criteria`` of a checklist)."""
    key = {"question": "parts", "checklist": "criteria"}.get(str(node.get("type")), "items")
    if not isinstance(node.get(key), list):
        node[key] = []
    return node[key]  # type: ignore[no-any-return]
