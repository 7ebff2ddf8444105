"""``--format schema``: the JSON Schema (Draft 2020-12) for completed audits of a definition.

The schema itself is built in :mod:`auditforms.results.result_schema`, because ``check``
validates with exactly the same schema; this module only serialises it, deterministically
(sorted nothing, fixed indentation, trailing newline) so that snapshots are stable.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from auditforms.renderers import RenderOptions

if TYPE_CHECKING:
    from auditforms.model.definition import Definition


class ResultSchemaRenderer:
    name = "schema"
    media_type = "application/schema+json"
    suffix = ".json"
    description = "JSON Schema (Draft 2020-12) for completed audits of this tool"
    accepts_prefill = False

    def render(self, definition: Definition, options: RenderOptions) -> bytes:
        from auditforms.results.result_schema import build_result_schema

        schema = build_result_schema(definition)
        return (json.dumps(schema, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


RENDERER = ResultSchemaRenderer()
