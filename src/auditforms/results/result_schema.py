"""The JSON Schema (Draft 2020-12) for completed audits of one definition.

It is the envelope schema with ``answers`` typed field by field: enums from option ids,
formats from field types, ``required`` for parts that are always shown, ``if``/``then``
for parts shown under a condition JSON Schema can state exactly (see
:mod:`auditforms.results.visibility`), and ``maxItems`` from row limits. ``check`` validates
with this very schema before applying the rules, so the two never disagree.
"""

from __future__ import annotations

import json
from typing import Any

from auditforms.model.conditions import Test
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table
from auditforms.moderation.lifecycle import moderation_required
from auditforms.results import value_schemas as vs
from auditforms.results.envelope import envelope_schema
from auditforms.results.visibility import ALWAYS, Visibility

Schema = dict[str, Any]


def build_result_schema(definition: Definition) -> Schema:
    """The whole schema; pure and deterministic (snapshot-tested)."""
    schema = envelope_schema()
    schema.pop("$id", None)
    schema["title"] = f"Completed audit: {definition.title} (version {definition.version})"
    schema["description"] = (
        f"A completed audit of the tool {definition.id}, version {definition.version}, in the "
        "auditforms/completed-audit format. Unanswered parts may be left out or given as null."
    )
    props = schema["properties"]
    props["definition"]["properties"]["id"] = {"title": "Tool id", "const": definition.id}
    props["answers"] = answers_schema(definition)
    props["moderation"] = moderation_schema(definition)
    if not moderation_required(definition):
        _final_without_moderation(schema)
    return schema


def _final_without_moderation(schema: Schema) -> None:
    """A tool whose audits need not be moderated (``moderated: false`` or ``never``, as
    :func:`~auditforms.moderation.lifecycle.moderation_required` says, like the history's checks):
    a final audit needs no moderation record (a moderated one still does, for a record that says
    it was moderated)."""
    for rule in schema.get("allOf", []):
        status = rule.get("if", {}).get("properties", {}).get("status", {})
        if rule.get("then", {}).get("required") == ["moderation"] and "enum" in status:
            status["enum"] = [s for s in status["enum"] if s != "final"]


def answers_schema(definition: Definition) -> Schema:
    index = definition.index
    visibility = Visibility(definition)
    properties: Schema = {}
    required: list[str] = []
    conditional: dict[str, tuple[Schema, Schema]] = {}
    for item_id in index.order:
        entry = index.entries[item_id]
        shown = visibility.shown(item_id)
        always = shown == ALWAYS
        properties[item_id] = node_schema(definition, entry.node, require=always)
        demand = _demand(entry.node)
        if demand is None or shown is None:
            continue
        if always:
            required.append(item_id)
            continue
        key = json.dumps(shown, sort_keys=True)
        then = conditional.setdefault(key, (shown, {"required": [], "properties": {}}))[1]
        then["required"].append(item_id)
        if demand:
            then["properties"][item_id] = {"required": demand}
    schema: Schema = {
        "title": "Answers",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        schema["required"] = required
    rules = [{"if": cond, "then": _tidy(then)} for cond, then in conditional.values()]
    if rules:
        schema["allOf"] = rules
    return schema


def _tidy(then: Schema) -> Schema:
    return {k: v for k, v in then.items() if v}


def _demand(node: Any) -> list[str] | None:
    """What being shown demands: ``None`` nothing; ``[]`` an answer; ``["judgement"]`` a grade."""
    if isinstance(node, FieldItem):
        return [] if node.required else None
    if isinstance(node, Question) and node.judgement and node.judgement.required:
        return ["judgement"]
    return None


def node_schema(definition: Definition, node: Any, *, require: bool) -> Schema:
    schema = _node_schema(definition, node, require=require)
    tags = getattr(node, "tags", ())
    return {**schema, "x-tags": list(tags)} if tags else schema  # compliance and quality counted apart


def _node_schema(definition: Definition, node: Any, *, require: bool) -> Schema:
    if isinstance(node, FieldItem):
        return vs.field_schema(definition, node)
    if isinstance(node, Question):
        return vs.question_schema(definition, node, require=require)
    if isinstance(node, Table):
        return vs.table_schema(definition, node, max_items(definition, node))
    if isinstance(node, Section):
        # An optional section's grade is not demanded: it may be marked not relevant.
        return vs.section_schema(definition, node, require=require and not node.optional)
    raise TypeError(node)


def max_items(definition: Definition, table: Table) -> int | None:
    """The table's ``max_rows`` and every unconditional error rule capping its rows."""
    limits = [table.max_rows] if table.max_rows is not None else []
    for rule in definition.rules:
        test = rule.assert_
        if (
            rule.severity == "error"
            and rule.when is None
            and rule.for_each is None
            and isinstance(test, Test)
            and test.field == table.id
            and test.rows_at_most is not None
        ):
            limits.append(test.rows_at_most)
    return min(limits) if limits else None


def moderation_schema(definition: Definition) -> Schema:
    schema = envelope_schema()["$defs"]["moderation"]
    index = definition.index
    graded: Schema = {}
    for item_id in index.order:
        node = index.entries[item_id].node
        judgement = (
            node.judgement
            if isinstance(node, Question)
            else (node.overall.judgement if isinstance(node, Section) and node.overall else None)
        )
        if judgement is not None:
            options = vs.scale_options(definition.scale(judgement.scale))
            graded[item_id] = {
                "title": vs.judgement_schema(definition, judgement)["title"],
                "enum": [o[0] for o in options],
            }
    comments = schema["properties"]["comments"]
    comments["propertyNames"] = {"enum": list(index.order)}
    for name in ("judgements", "auditor_judgements"):
        by_part = schema["properties"][name]
        by_part.pop("propertyNames", None)
        by_part["properties"] = graded
        by_part["additionalProperties"] = False
    schema["properties"]["agreed"]["items"] = {"enum": list(graded)}
    for name in ("checklist", "responses"):
        schema["properties"][name]["propertyNames"] = {"enum": list(index.order)}
    date = schema["properties"]["date"]
    schema["properties"]["date"] = {"title": date["title"], **vs.date_schema(), "type": "string"}
    return dict(schema)
