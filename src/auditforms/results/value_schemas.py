"""JSON Schema for the answer of each kind of node: fields, questions, sections, tables.

One place decides what a well-formed answer looks like; the result schema, ``check`` and
pre-fill validation all use it, so they cannot disagree. ``null`` is accepted everywhere
as "not answered": forms may save an empty answer as null rather than leave the key out.
"""

from __future__ import annotations

from typing import Any

from auditforms.model.definition import (
    Column,
    Definition,
    FieldItem,
    Judgement,
    Narrative,
    Option,
    Question,
    Scale,
    Section,
    Table,
)

Schema = dict[str, Any]

DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"


def date_schema() -> Schema:
    return {"type": ["string", "null"], "format": "date", "pattern": DATE_PATTERN}


MONTH_PATTERN = "^[0-9]{4}-(0[1-9]|1[0-2])$"
EMAIL_PATTERN = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"

#: Text answers of a set form: the pattern, and an example the error message shows.
TEXT_FORMS: dict[str, Schema] = {
    "month": {"pattern": MONTH_PATTERN, "examples": ["2026-03"]},
    "email": {"pattern": EMAIL_PATTERN, "examples": ["name@example.org"]},
    "telephone": {"minLength": 1},
}


def _clean(text: str) -> str:
    return " ".join(text.split()).rstrip(":").strip()


def _describe(options: list[tuple[str, str, float | None]]) -> str:
    parts = []
    for id_, label, value in options:
        number = f" = {value:g}" if value is not None else ""
        parts.append(f"{id_}: {_clean(label).rstrip('.')}{number}")
    return "Options: " + "; ".join(parts) + "."


def _options_schema(options: list[tuple[str, str, float | None]], base: Schema) -> Schema:
    schema: Schema = {**base, "enum": [o[0] for o in options] + [None]}
    schema["description"] = " ".join(filter(None, [base.get("description"), _describe(options)]))
    return schema


def scale_options(scale: Scale) -> list[tuple[str, str, float | None]]:
    out: list[tuple[str, str, float | None]] = [(o.id, o.label, o.value) for o in scale.options]
    if scale.not_applicable:
        out.append((scale.not_applicable.id, scale.not_applicable.label, None))
    return out


def choice_options(options: tuple[Option, ...]) -> list[tuple[str, str, float | None]]:
    return [(o.id, o.label, o.value) for o in options]


def _titled(title: str | None, hint: str | None) -> Schema:
    schema: Schema = {}
    if title:
        schema["title"] = _clean(title)
    if hint:
        schema["description"] = " ".join(hint.split())
    return schema


def field_schema(definition: Definition, field: FieldItem) -> Schema:
    base = _titled(field.label, field.hint)
    kind = field.type
    if kind in {"text", "textarea"}:
        return {**base, "type": ["string", "null"]}
    if kind == "date":
        return {**base, **date_schema()}
    if kind in TEXT_FORMS:
        return {**base, "type": ["string", "null"], **TEXT_FORMS[kind]}
    if kind == "compound":
        parts = {part.id: field_schema(definition, part) for part in field.parts}
        return {**base, "type": ["object", "null"], "properties": parts, "additionalProperties": False}
    if kind == "number":
        schema = {**base, "type": ["number", "null"]}
        if field.unit:
            schema["description"] = " ".join(filter(None, [base.get("description"), f"In {field.unit}."]))
        if field.minimum is not None:
            schema["minimum"] = field.minimum
        if field.maximum is not None:
            schema["maximum"] = field.maximum
        return schema
    if kind == "scale" and field.scale:
        return _options_schema(scale_options(definition.scale(field.scale)), base)
    if kind == "multichoice":
        options = choice_options(field.answer_options)
        described = _options_schema(options, base)
        return {
            **base,
            "description": described["description"],
            "type": ["array", "null"],
            "items": {"enum": [o[0] for o in options]},
            "uniqueItems": True,
        }
    return _options_schema(choice_options(field.answer_options), base)


def judgement_schema(definition: Definition, judgement: Judgement) -> Schema:
    scale = definition.scale(judgement.scale)
    base = _titled(judgement.label or scale.title or "Judgement", judgement.hint)
    return _options_schema(scale_options(scale), base)


def narrative_schema(narrative: Narrative) -> Schema:
    return {**_titled(narrative.label, narrative.hint), "type": ["string", "null"]}


def _object(title: str, description: str | None, properties: Schema, required: list[str]) -> Schema:
    schema: Schema = {"title": title}
    if description:
        schema["description"] = " ".join(description.split())
    schema.update(
        {"type": ["object", "null"], "properties": properties, "additionalProperties": False}
    )
    if required:
        schema["required"] = required
    return schema


def question_schema(definition: Definition, question: Question, *, require: bool) -> Schema:
    properties: Schema = {}
    if question.judgement:
        properties["judgement"] = judgement_schema(definition, question.judgement)
    for narrative in question.narratives:
        properties[narrative.id] = narrative_schema(narrative)
    required = (
        ["judgement"] if require and question.judgement and question.judgement.required else []
    )
    about = question.title if question.short_title or question.number else None
    return _object(question.display_name, about or question.prompt, properties, required)


def section_schema(definition: Definition, section: Section, *, require: bool) -> Schema:
    properties: Schema = {}
    if section.optional:
        properties["not_relevant"] = {
            "title": _clean(section.not_relevant_label),
            "type": ["boolean", "null"],
        }
    overall = section.overall
    if overall and overall.judgement:
        properties["judgement"] = judgement_schema(definition, overall.judgement)
    for narrative in overall.narratives if overall else ():
        properties[narrative.id] = narrative_schema(narrative)
    required = (
        ["judgement"]
        if require and overall and overall.judgement and overall.judgement.required
        else []
    )
    title = f"{section.number} {section.title}" if section.number else section.title
    return _object(title, overall.title if overall else None, properties, required)


def column_schema(definition: Definition, column: Column) -> Schema:
    base = _titled(column.label, column.hint)
    if column.type in {"text", "textarea"}:
        return {**base, "type": ["string", "null"]}
    if column.type == "date":
        return {**base, **date_schema()}
    if column.type == "number":
        return {**base, "type": ["number", "null"]}
    if column.type == "scale" and column.scale:
        return _options_schema(scale_options(definition.scale(column.scale)), base)
    if column.type == "yesno":
        return _options_schema([("yes", "Yes", None), ("no", "No", None)], base)
    return _options_schema(choice_options(column.options), base)


def table_schema(definition: Definition, table: Table, max_items: int | None) -> Schema:
    columns = {c.id: column_schema(definition, c) for c in table.columns}
    row: Schema = {"type": "object", "properties": columns, "additionalProperties": False}
    base = _titled(table.title, table.hint or table.prompt)
    if table.fixed_rows:
        rows = {r.id: {**row, "title": _clean(r.label)} for r in table.rows}
        return {
            **base,
            "type": ["object", "null"],
            "properties": rows,
            "additionalProperties": False,
        }
    required = [c.id for c in table.columns if c.required]
    if required:
        row["required"] = required
    schema: Schema = {**base, "type": ["array", "null"], "items": row}
    if max_items is not None:
        schema["maxItems"] = max_items
    return schema
