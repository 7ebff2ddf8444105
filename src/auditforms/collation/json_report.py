"""The figures as JSON for other systems, and that JSON's schema (``schemas/report.schema.json``).

The schema is generated from the figures' dataclasses, so the two cannot drift; a test
keeps the shipped file equal to it (``python -m auditforms.collation.json_report --write``).
"""

from __future__ import annotations

import dataclasses
import json
import sys
from typing import Any

from auditforms.collation.figures import Figures

FORMAT = "auditforms/monthly-report"
FORMAT_VERSION = 1
SCHEMA_ID = "https://auditforms.invalid/schemas/report.schema.json"


def figures_json(figures: Figures) -> dict[str, Any]:
    return {"format": FORMAT, "format_version": FORMAT_VERSION, **dataclasses.asdict(figures)}


def render_json(figures: Figures) -> bytes:
    return (json.dumps(figures_json(figures), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def report_schema() -> dict[str, Any]:
    """Draft 2020-12 schema of :func:`figures_json`'s document; every object closed."""
    from pydantic import TypeAdapter

    generated = TypeAdapter(Figures).json_schema(mode="serialization")
    defs = generated.pop("$defs")
    for node in (generated, *defs.values()):
        _close(node)
    generated["properties"] = {"format": {"const": FORMAT}, "format_version": {"const": FORMAT_VERSION},
                               **generated["properties"]}
    generated["required"] = ["format", "format_version", *generated["required"]]
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID,
            "title": "auditforms monthly report", **generated, "$defs": defs}


def _close(node: dict[str, Any]) -> None:
    if node.get("type") == "object" and "properties" in node:
        node["additionalProperties"] = False
        node["required"] = list(node["properties"])


def schema_text() -> str:
    return json.dumps(report_schema(), indent=2, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    from auditforms.resources import schema_path

    if "--write" in sys.argv[1:]:
        schema_path("report.schema.json").write_text(schema_text(), encoding="utf-8")
    else:
        sys.stdout.write(schema_text())
