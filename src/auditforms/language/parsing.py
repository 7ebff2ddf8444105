"""The first stage of loading: bytes to located YAML data, shared by definitions and references."""

from __future__ import annotations

from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.source import parse_yaml, read_text


def parse_definition_file(data: bytes, filename: str) -> tuple[Any, list[Diagnostic]]:
    """Bytes to located data, with every reading and YAML problem as a diagnostic."""
    text, problem = read_text(data, filename)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    parsed = parse_yaml(text, filename)
    if parsed.data is not None and not isinstance(parsed.data, dict):
        kind = "a list" if isinstance(parsed.data, list) else "a single value"
        return None, [*parsed.diagnostics, Diagnostic(
            "AF203", f"a definition is a mapping of keys (id:, title:, …), not {kind}",
            file=filename, line=1, col=1, pointer="")]
    return parsed.data, parsed.diagnostics
