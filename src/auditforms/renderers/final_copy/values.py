"""Answers as the final copy prints them: option labels, British dates, "Not answered"."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from auditforms.model.definition import Column, Definition, FieldItem, Option, Question, Section, Table
from auditforms.rules.values import as_date

NOT_ANSWERED = "Not answered"
YES_NO = (Option(id="yes", label="Yes"), Option(id="no", label="No"))


class Labeller:
    def __init__(self, definition: Definition) -> None:
        self.definition = definition

    def scale(self, scale_id: str) -> tuple[Option, ...]:
        scale = self.definition.index.scales[scale_id]
        options = tuple(Option(id=o.id, label=o.label) for o in scale.options)
        return options + ((Option(id=scale.not_applicable.id, label=scale.not_applicable.label),)
                          if scale.not_applicable else ())

    def field(self, item: FieldItem, value: Any) -> str:
        if item.type == "date":
            return self.date(value)
        if item.type == "multichoice" and isinstance(value, list):
            return "; ".join(_label(item.answer_options, v) for v in value) or NOT_ANSWERED
        if item.type == "scale" and item.scale:
            return _label(self.scale(item.scale), value)
        if item.type in {"choice", "yesno", "age_band"}:
            return _label(item.answer_options, value)
        return _text(value)

    def column(self, column: Column, value: Any) -> str:
        if value is None:
            return ""
        if column.type == "date":
            return self.date(value)
        if column.type == "scale" and column.scale:
            return _label(self.scale(column.scale), value)
        if column.type in {"choice", "yesno"}:
            return _label(YES_NO if column.type == "yesno" else column.options, value)
        return _text(value)

    def row(self, table: Table, row: Any) -> list[str]:
        given = row if isinstance(row, Mapping) else {}
        return [self.column(c, given.get(c.id)) for c in table.columns]

    def judgement(self, part_id: str, value: Any) -> str:
        scale_id = self._scale_of(part_id)
        return _label(self.scale(scale_id), value) if scale_id else _text(value)

    def _scale_of(self, part_id: str) -> str | None:
        entry = self.definition.index.entries.get(part_id)
        node = entry.node if entry is not None else None
        if isinstance(node, Question) and node.judgement is not None:
            return node.judgement.scale
        if isinstance(node, Section) and node.overall is not None and node.overall.judgement is not None:
            return node.overall.judgement.scale
        return None

    def moderation(self, part_id: str, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        rows = []
        if part_id in (record.get("agreed") or ()):
            rows.append(("Moderated judgement", "Agreed"))
        judgements = record.get("judgements") or {}
        if part_id in judgements:
            rows.append(("Moderated judgement", self.judgement(part_id, judgements[part_id])))
        comment = (record.get("comments") or {}).get(part_id)
        if comment:
            rows.append(("Comment", str(comment)))
        ticks = (record.get("checklist") or {}).get(part_id) or {}
        labels = checklist_labels(self.definition)
        rows += [(labels.get(item, item), "Met" if met else "Not met") for item, met in ticks.items()]
        return rows

    def response(self, part_id: str, record: Mapping[str, Any]) -> list[tuple[str, str]]:
        response = (record.get("responses") or {}).get(part_id)
        if not isinstance(response, Mapping):
            return []
        rows = [("Addressed", "Yes" if response.get("addressed") else "No")]
        if response.get("reply"):
            rows.append(("Reply", str(response["reply"])))
        return rows

    @staticmethod
    def date(value: Any) -> str:
        parsed = as_date(value) if value is not None else None
        return parsed.strftime("%d/%m/%Y") if parsed else (_text(value) if value else NOT_ANSWERED)

    @staticmethod
    def moment(value: Any) -> str:
        try:
            when = dt.datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            return _text(value)
        return when.strftime("%d/%m/%Y %H:%M")


def checklist_labels(definition: Definition) -> dict[str, str]:
    """The moderator's checklist items' labels by id."""
    return {item.id: item.label for item in definition.moderation.checklist} if definition.moderation else {}


def _label(options: Sequence[Option], value: Any) -> str:
    if value is None or value == "":
        return NOT_ANSWERED
    return next((o.label for o in options if o.id == value), _text(value))


def _text(value: Any) -> str:
    if value is None or value == "":
        return NOT_ANSWERED
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
