"""Line and column for findings, so an auditor can go straight to the place in the file.

YAML documents already carry positions. JSON is parsed without them for speed; only when
a JSON audit has findings is its text read again through the located loader (JSON is
YAML), which costs nothing for the audits that pass.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.source import LocDict, locate, parse_yaml
from auditforms.source.reading import DEFAULT_LIMITS


def locate_diagnostics(
    path: Path, document: Any, diagnostics: list[Diagnostic]
) -> list[Diagnostic]:
    tree = document if isinstance(document, LocDict) else _located_json(path)
    if tree is None:
        return diagnostics
    out = []
    for d in diagnostics:
        position = locate(tree, d.pointer) if d.pointer is not None and not d.line else None
        out.append(replace(d, line=position.line, col=position.col) if position else d)
    return out


def _located_json(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) > DEFAULT_LIMITS.max_bytes:
        return None
    try:
        text = data.decode("utf-8-sig").replace("\t", " ")
    except UnicodeDecodeError:
        return None
    parsed = parse_yaml(text, str(path))
    return parsed.data if isinstance(parsed.data, LocDict) else None
