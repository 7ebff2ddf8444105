"""The rows of the data dictionary: one per answer value an analyst will find in the data.

A question contributes its judgement and each narrative (``q1.judgement``, ``q1.evidence``),
a table its own row and one per column (``actions[].person``, ``ecm.being-healthy.grade``),
so the dictionary lines up with the columns of any flattened export of completed audits.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Any

from auditforms.model.conditions import condition_refs
from auditforms.model.definition import Definition, FieldItem, Question, Rule, Section, Table
from auditforms.results import value_schemas as vs
from auditforms.results.naming import clean
from auditforms.results.wording import Wording
from auditforms.rules import all_rules

COLUMNS = (
    "path",
    "id",
    "section",
    "number",
    "label",
    "type",
    "options",
    "required",
    "completed_by",
    "role",
    "condition",
    "rules",
    "tags",
)


@dataclass(frozen=True)
class Row:
    path: str
    id: str
    section: str
    number: str
    label: str
    type: str
    options: str
    required: str
    completed_by: str
    role: str
    condition: str
    rules: str
    tags: str = ""

    def cells(self) -> list[str]:
        return [getattr(self, c) for c in COLUMNS]


def _options(options: list[tuple[str, str, float | None]]) -> str:
    return "; ".join(
        f"{i} = {clean(label)}" + (f" ({v:g})" if v is not None else "") for i, label, v in options
    )


class DictionaryBuilder:
    def __init__(self, definition: Definition) -> None:
        self.definition = definition
        self.wording = Wording(definition)
        self.rules = all_rules(definition)

    def rows(self) -> Iterator[Row]:
        index = self.definition.index
        for item_id in index.order:
            entry = index.entries[item_id]
            yield from self._node_rows(item_id, entry.node, entry.section)

    def _row(
        self,
        path: str,
        item_id: str,
        section: Section,
        label: str,
        kind: str,
        *,
        number: str = "",
        options: str = "",
        required: bool | str = False,
        node: Any = None,
    ) -> Row:
        title = f"{section.number} {section.title}" if section.number else section.title
        completed = getattr(node, "completed_by", None) or section.completed_by or "auditor"
        if isinstance(node, Question | Section) or node is None:
            completed = section.completed_by or "auditor"
        return Row(
            path,
            item_id,
            title,
            number,
            clean(label),
            kind,
            options,
            required.replace("_", " ") if isinstance(required, str) else "yes" if required else "no",
            completed,
            getattr(node, "role", None) or "",
            self.wording.shown_when(item_id),
            self._rules_for(item_id, path),
            "; ".join(getattr(node, "tags", ())),
        )

    def _node_rows(self, item_id: str, node: Any, section: Section) -> Iterator[Row]:
        if isinstance(node, FieldItem):
            options = ""
            if node.type == "scale" and node.scale:
                options = _options(vs.scale_options(self.definition.scale(node.scale)))
            elif node.answer_options:
                options = _options(vs.choice_options(node.answer_options))
            kind = f"number ({node.unit})" if node.type == "number" and node.unit else node.type
            if node.type == "compound":
                yield from self._compound_rows(item_id, node, section)
                return
            yield self._row(item_id, item_id, section, node.label, kind, number=node.number or "",
                            options=options, required=node.required, node=node)
        elif isinstance(node, Question):
            name = self.wording.namer.item(item_id)
            yield from self._graded(item_id, node, section, name, node.number or "", node.judgement,
                                    node.narratives)
        elif isinstance(node, Section):
            if node.optional:
                yield self._row(f"{item_id}.not_relevant", item_id, section, node.not_relevant_label,
                                "boolean", node=node)
            if node.overall:
                yield from self._graded(item_id, node, section, node.overall.title, node.number or "",
                                        node.overall.judgement, node.overall.narratives)
        elif isinstance(node, Table):
            yield from self._table_rows(item_id, node, section)

    def _compound_rows(self, item_id: str, node: FieldItem, section: Section) -> Iterator[Row]:
        """One row per labelled answer of a compound field, at ``<id>.<part>``."""
        for part in node.parts:
            kind = f"number ({part.unit})" if part.type == "number" and part.unit else part.type
            options = _options(vs.choice_options(part.answer_options)) if part.answer_options else ""
            row = self._row(f"{item_id}.{part.id}", item_id, section, f"{clean(node.label)}: {clean(part.label)}",
                            kind, number=node.number or "", options=options, required=node.required, node=node)
            yield replace(row, role=part.role) if part.role else row

    def _graded(
        self,
        item_id: str,
        node: Any,
        section: Section,
        name: str,
        number: str,
        judgement: Any,
        narratives: Any,
    ) -> Iterator[Row]:
        if judgement is not None:
            scale = self.definition.scale(judgement.scale)
            label = f"{clean(name)}: {clean(judgement.label or scale.title or 'judgement')}"
            yield self._row(
                f"{item_id}.judgement",
                item_id,
                section,
                label,
                f"{'checklist' if scale.is_checklist else 'scale'} ({scale.id})",
                number=number,
                options=_options(vs.scale_options(scale)),
                required=judgement.required,
                node=node,
            )
        for narrative in narratives:
            yield self._row(
                f"{item_id}.{narrative.id}",
                item_id,
                section,
                f"{clean(name)}: {clean(narrative.label)}",
                "textarea",
                number=number,
                required=narrative.required,
                node=node,
            )

    def _table_rows(self, item_id: str, table: Table, section: Section) -> Iterator[Row]:
        limits = [f"at least {table.min_rows}"] if table.min_rows else []
        limits += [f"at most {table.max_rows}"] if table.max_rows is not None else []
        kind = "table" + (f" ({', '.join(limits)} rows)" if limits else "")
        if table.fixed_rows:
            kind = "table (fixed rows)"
        yield self._row(item_id, item_id, section, table.title, kind, node=table)
        row_keys = [(f"{item_id}.{r.id}", clean(r.label)) for r in table.rows] or [
            (f"{item_id}[]", "")
        ]
        for prefix, row_label in row_keys:
            for column in table.columns:
                options = ""
                if column.type == "scale" and column.scale:
                    options = _options(vs.scale_options(self.definition.scale(column.scale)))
                elif column.type == "yesno":
                    options = "yes = Yes; no = No"
                elif column.options:
                    options = _options(vs.choice_options(column.options))
                row_part = f"{row_label}: " if row_label else ""
                label = f"{clean(table.title)}: {row_part}{clean(column.label)}"
                yield self._row(
                    f"{prefix}.{column.id}",
                    item_id,
                    section,
                    label,
                    column.type,
                    options=options,
                    required=column.required and not table.fixed_rows,
                    node=table,
                )

    def _rules_for(self, item_id: str, path: str) -> str:
        out = []
        for rule in self.rules:
            if self._applies(rule, item_id, path):
                out.append(f"{rule.id} ({rule.severity}): {rule.message}")
        return "; ".join(out)

    def _applies(self, rule: Rule, item_id: str, path: str) -> bool:
        target = rule.at or condition_refs(rule.assert_)[0]
        if rule.for_each is None:
            return target == path or (target == item_id and path == item_id)
        if rule.for_each == "question":
            node = self.definition.index.entries[item_id].node
            if not isinstance(node, Question) or (rule.tagged and rule.tagged not in node.tags):
                return False
            return path == f"{item_id}{target}"
        if rule.for_each == "section":
            return isinstance(self.definition.index.entries[item_id].node, Section) and path == f"{item_id}{target}"
        return path == f"{rule.for_each.rows}[]{target}"
