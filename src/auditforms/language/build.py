"""Building the immutable model from composed plain data."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from auditforms.diagnostics import Diagnostic


def build_model(tree: Any, filename: str) -> tuple[Any, list[Diagnostic]]:
    """The :class:`Definition`, or diagnostics located in whichever file each node came from.

    The JSON Schema has already accepted every file, so errors here are rare: they come
    from composition (e.g. a ``replace`` with an incomplete item).
    """
    from auditforms.model.definition import Definition
    from auditforms.source.located import locate

    data = {k: v for k, v in tree.items() if k not in ("extends", "select", "changes", "$schema")}
    try:
        return Definition.model_validate(data), []
    except ValidationError as exc:
        out = []
        for error in exc.errors(include_url=False, include_input=False):
            loc = [p for p in error["loc"] if not str(p).startswith(("function-", "tagged-union"))]
            pointer = "".join(f"/{p}" for p in loc)
            pos = locate(tree, pointer)
            message = error["msg"]
            if error["type"] == "missing":
                message = f"'{loc[-1]}' is required here"
            out.append(Diagnostic("AF207", message, file=pos.file if pos else filename,
                                  line=pos.line if pos else 0, col=pos.col if pos else 0, pointer=pointer))
        return None, out
