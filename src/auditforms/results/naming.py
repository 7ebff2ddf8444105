"""Naming a place in a completed audit the way an auditor would: "Q4 Assessments: impact".

Reports speak the language of the tool (question numbers and titles, field labels, table
rows), never the text of an answer. Only ids and option ids from the definition, and keys
that look like ids, are ever quoted.
"""

from __future__ import annotations

import re
from typing import Any

from auditforms.model.definition import (
    Definition,
    FieldItem,
    Judgement,
    Narrative,
    Question,
    Section,
    Table,
)

_ID_LIKE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def safe_key(key: object) -> str:
    """A key quoted when it looks like an id; else a neutral phrase (it may be personal data)."""
    text = str(key)
    return f"'{text}'" if _ID_LIKE.match(text) else "a key that is not an id"


def clean(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip()


def lower_first(text: str) -> str:
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def split_pointer(pointer: str) -> list[str]:
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


class Namer:
    """Names of the ids of one definition, computed once."""

    def __init__(self, definition: Definition) -> None:
        self.definition = definition
        self.index = definition.index
        self._items: dict[str, str] = {}

    def item(self, item_id: str) -> str:
        if item_id not in self._items:
            self._items[item_id] = self._item(item_id)
        return self._items[item_id]

    def _item(self, item_id: str) -> str:
        entry = self.index.entries.get(item_id)
        if entry is None:
            return f"answer {safe_key(item_id)}"
        node: Any = entry.node
        if isinstance(node, Question):
            if not (node.short_title or node.title) and node.prompt:
                name = clean(node.prompt_lead)
                return f"Q{node.number} {name}" if node.number else name
            return node.display_name
        if isinstance(node, FieldItem):
            return clean(node.label)
        if isinstance(node, Table):
            return clean(node.title)
        if isinstance(node, Section):
            return f"Section {node.number} {node.title}" if node.number else node.title
        return item_id

    def required(self, item_id: str) -> str:
        """The message for a missing answer, worded as the rules word it."""
        node: Any = self.index.entries[item_id].node if item_id in self.index.entries else None
        if isinstance(node, Question | Section):
            return f"{self.item(item_id)}: {self.part(item_id, 'judgement')} is required"
        return f"{self.item(item_id)}: an answer is required"

    def part(self, item_id: str, part: str) -> str:
        """The name of a part of a question or section answer (judgement, a narrative)."""
        node: Any = self.index.entries[item_id].node if item_id in self.index.entries else None
        if part == "not_relevant" and isinstance(node, Section):
            return lower_first(clean(node.not_relevant_label))
        narratives: tuple[Narrative, ...] = ()
        judgement: Judgement | None = None
        if isinstance(node, Question):
            narratives, judgement = node.narratives, node.judgement
        elif isinstance(node, Section) and node.overall:
            narratives, judgement = node.overall.narratives, node.overall.judgement
        if part == "judgement":
            return (
                lower_first(clean(judgement.label))
                if judgement and judgement.label
                else "judgement"
            )
        for narrative in narratives:
            if narrative.id == part:
                return lower_first(clean(narrative.label))
        return safe_key(part)

    def row(self, table_id: str, row: int | str) -> str:
        table = self.index.entries[table_id].node if table_id in self.index.entries else None
        if isinstance(row, int) or (isinstance(row, str) and row.isdigit()):
            return f"{self.item(table_id).rstrip('?')}, row {int(row) + 1}"
        if isinstance(table, Table):
            for label in table.rows:
                if label.id == row:
                    return f"{self.item(table_id).rstrip('?')}, {clean(label.label)}"
        return f"{self.item(table_id)}, row {safe_key(row)}"

    def column(self, table_id: str, column_id: str) -> str:
        table = self.index.entries[table_id].node if table_id in self.index.entries else None
        if isinstance(table, Table):
            for column in table.columns:
                if column.id == column_id:
                    return lower_first(clean(column.label))
        return safe_key(column_id)

    def answer_place(self, tokens: list[str]) -> tuple[str, str]:
        """(where, what) for the tokens after ``/answers``: ("Q4 Assessments", "impact")."""
        if not tokens:
            return "Answers", ""
        item_id, rest = tokens[0], tokens[1:]
        node = self.index.entries[item_id].node if item_id in self.index.entries else None
        if isinstance(node, Table) and rest:
            where = self.row(item_id, rest[0])
            return where, self.column(item_id, rest[1]) if len(rest) > 1 else ""
        if isinstance(node, FieldItem) and rest:
            return self.item(item_id), f"option {int(rest[0]) + 1}" if rest[0].isdigit() else ""
        if rest:
            return self.item(item_id), self.part(item_id, rest[0])
        return self.item(item_id), ""
