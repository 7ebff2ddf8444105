"""The data the form's script works from, embedded in the page as JSON.

The script does not re-derive anything from the definition: it receives the rules exactly
as ``auditforms check`` applies them (``all_rules``, dumped by their YAML names), the index
facts the evaluator needs, and the shape of every answer (which keys a question's object
has, which columns a table has), so both sides read one source of truth.
"""

from __future__ import annotations

from typing import Any

from auditforms.model.audit_lookback import default_lookback, type_lookbacks
from auditforms.model.definition import Definition, FieldItem, Question, Section, Table
from auditforms.model.index import Entry
from auditforms.moderation.form_data import moderation_payload
from auditforms.renderers.html.describe import item_name
from auditforms.rules import all_rules
from auditforms.rules.evaluate import CHILD_NAME_ROLES
from auditforms.rules.text import VOCABULARY

FORMAT = "auditforms/completed-audit"
FORMAT_VERSION = 1


def _dump(model: Any) -> Any:
    return model.model_dump(mode="json", by_alias=True, exclude_none=True)


def _entry(definition: Definition, id_: str, entry: Entry) -> dict[str, Any]:
    node = entry.node
    out: dict[str, Any] = {
        # A sub-section answers and hides its items as a section does, so the script treats it as one.
        "kind": "section" if isinstance(node, Section) else type(node).__name__.lower().replace("fielditem", "field"),
        "section": entry.section.id,
        "parent": entry.parent_id,
        "conditions": [_dump(c) for c in entry.conditions],
        "revealedBy": list(entry.revealed_by) if entry.revealed_by else None,
        "name": item_name(definition, id_),
    }
    if isinstance(node, FieldItem):
        out["scale"] = node.scale
        out["type"] = node.type
    elif isinstance(node, Question):
        out["judgementScale"] = node.judgement.scale if node.judgement else None
        out["tags"] = list(node.tags)
        out["parts"] = ([n.id for n in node.narratives]
                        + (["judgement"] if node.judgement else []))
    elif isinstance(node, Section):
        judgement = node.overall.judgement if node.overall else None
        out["judgementScale"] = judgement.scale if judgement else None
        out["optional"] = node.optional
        if node.tags:
            out["tags"] = list(node.tags)
        out["hasAnswer"] = node.has_answer_object
        out["parts"] = ((["not_relevant"] if node.optional else [])
                        + ([n.id for n in node.overall.narratives] if node.overall else [])
                        + (["judgement"] if judgement else []))
    elif isinstance(node, Table):
        out["columns"] = [{"id": c.id, "type": c.type, "scale": c.scale} for c in node.columns]
        out["fixedRows"] = [r.id for r in node.rows]
    return out


def _slot(id_: str, node: Any) -> dict[str, Any] | None:
    """How the answer of ``id_`` is shaped, so the script can collect and fill it."""
    if isinstance(node, FieldItem) and node.type == "compound":
        return {"id": id_, "shape": "compound", "parts": [{"id": p.id, "type": p.type} for p in node.parts]}
    if isinstance(node, FieldItem):
        return {"id": id_, "shape": "value", "type": node.type}
    if isinstance(node, Question):
        keys = (["judgement"] if node.judgement else []) + [n.id for n in node.narratives]
        return {"id": id_, "shape": "object", "keys": keys} if keys else None
    if isinstance(node, Section) and node.has_answer_object:
        keys = ["not_relevant"] if node.optional else []
        if node.overall:
            keys += (["judgement"] if node.overall.judgement else []) + [n.id for n in node.overall.narratives]
        return {"id": id_, "shape": "object", "keys": keys}
    if isinstance(node, Table):
        return {"id": id_, "shape": "fixed" if node.fixed_rows else "rows",
                "columns": [{"id": c.id, "type": c.type} for c in node.columns],
                "rows": [r.id for r in node.rows]}
    return None


def _lookbacks(definition: Definition) -> dict[str, Any]:
    """The look-back the moderator's advice reads an audit with: its audit type's, where the tool
    has types (by the field with the role ``audit_type``), else the default; the keys for types
    only appear for a tool that has them."""
    default = default_lookback(definition)
    out: dict[str, Any] = {"lookbackMonths": default.months if default else None}
    if definition.audit_types:
        out["typeField"] = definition.index.by_role("audit_type")
        out["typeLookbacks"] = type_lookbacks(definition)
    return out


def payload(definition: Definition, audit_id: str | None) -> dict[str, Any]:
    index = definition.index
    slots = [s for s in (_slot(i, index.entries[i].node) for i in index.order) if s]
    return {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "definition": {"id": definition.id, "version": definition.version, "title": definition.title},
        "auditId": audit_id,
        "roles": dict(index.roles),
        "index": {
            "order": list(index.order),
            "entries": {i: _entry(definition, i, index.entries[i]) for i in index.order},
            "scales": {
                s.id: {"best": s.best, "options": [[o.id, o.value, o.label] for o in s.options],
                       "goodFrom": s.good_from,
                       "notApplicable": [s.not_applicable.id, s.not_applicable.label] if s.not_applicable else None}
                for s in definition.scales
            },
            # For the moderator's advice: the look-back, the fields naming the child, the words.
            **_lookbacks(definition),
            "childFields": [i for r in CHILD_NAME_ROLES if (i := index.by_role(r))],
            "text": VOCABULARY,
        },
        "rules": [_dump(r) for r in all_rules(definition)],
        "slots": slots,
        "moderation": moderation_payload(definition),
    }
