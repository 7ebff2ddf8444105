"""Generate the key reference of ``docs/definition-language.md`` from the JSON Schema.

The docs page keeps hand-written explanations and examples; the part between the
``GENERATED`` markers is this module's output, and a test fails when it is stale. Run
``python -m auditforms.language.reference_doc --write`` after changing the schema.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from auditforms import docgen

BEGIN = "<!-- BEGIN GENERATED KEY REFERENCE: python -m auditforms.language.reference_doc --write -->"
END = "<!-- END GENERATED KEY REFERENCE -->"

#: The order in which definitions appear in the reference, with their headings.
SECTIONS: list[tuple[str, str]] = [
    ("", "Top level"), ("marking", "marking"), ("lookback", "lookback"), ("moderation", "moderation"),
    ("moderationDeadline", "moderation deadline"), ("checklistItem", "checklist item"), ("scale", "scale"),
    ("scaleOption", "scale option"), ("notApplicable", "not applicable option"), ("section", "section"),
    ("defaults", "section defaults"), ("item", "item"), ("question", "question"),
    ("consideration", "consideration"), ("judgement", "judgement"), ("narrative", "narrative"),
    ("field", "field"), ("option", "option"), ("ageBand", "age band"), ("table", "table"),
    ("column", "column"), ("rowLabel", "row"), ("overall", "overall judgement"),
    ("condition", "condition"), ("test", "test"), ("rule", "rule"), ("change", "change"),
    ("targets", "targets"),
    ("descriptor", "descriptor"), ("link", "link"), ("judgementSelector", "judgement selector"),
    ("compoundPart", "compound part"),
]


def _anchor(name: str) -> str:
    return "key-" + name.lower().replace(" ", "-")


def _type(schema: Any, defs: dict[str, Any]) -> str:
    if schema is True or not isinstance(schema, dict):
        return "any"
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        heading = dict(SECTIONS).get(name)
        if heading:
            return f"[{heading}](#{_anchor(heading)})"
        return _type(defs[name], defs)
    if "enum" in schema:
        return "one of " + ", ".join(f"`{json.dumps(v) if isinstance(v, bool) else v}`" for v in schema["enum"])
    if "const" in schema:
        return f"`{schema['const']}`"
    if "oneOf" in schema or "anyOf" in schema:
        return " or ".join(_type(s, defs) for s in schema.get("oneOf") or schema["anyOf"])
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_type(schema.get('items', True), defs)}"
    if kind == "object":
        return "mapping"
    names = {"string": "text", "integer": "whole number", "number": "number", "boolean": "true/false"}
    if isinstance(kind, list):
        return " or ".join(names.get(str(k), str(k)) for k in kind)
    return names.get(kind, "text") if kind else "any"


def _table(schema: dict[str, Any], defs: dict[str, Any]) -> list[str]:
    props = schema.get("properties", {})
    required = set(schema.get("required", []))
    rows = ["| key | value | required | meaning |", "|---|---|---|---|"]
    for key, sub in props.items():
        if key == "$schema":
            continue
        description = (sub.get("description") or "") if isinstance(sub, dict) else ""
        if not description and isinstance(sub, dict) and "$ref" in sub:
            description = defs.get(sub["$ref"].rsplit("/", 1)[-1], {}).get("description", "")
        description = description.replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{key}` | {_type(sub, defs)} | {'yes' if key in required else ''} | {description} |")
    return rows


def generate(schema: dict[str, Any]) -> str:
    defs = schema["$defs"]
    out: list[str] = []
    for name, heading in SECTIONS:
        node = schema if not name else defs[name]
        out += [f'<a id="{_anchor(heading)}"></a>', f"### {heading}", ""]
        if node.get("description"):
            out += [node["description"], ""]
        if node.get("properties"):
            out += [*_table(node, defs), ""]
    return "\n".join(out)


def splice(document: str, generated: str) -> str:
    return docgen.splice(document, BEGIN, END, generated)


def update(document: str) -> str:
    from auditforms.language.schema import definition_schema

    return splice(document, generate(definition_schema()))


if __name__ == "__main__":
    raise SystemExit(docgen.main("definition-language.md", update, sys.argv[1:]))
