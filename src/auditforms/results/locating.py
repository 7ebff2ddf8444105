"""Line and column for findings, so an auditor can go straight to the place in the file.

YAML documents already carry positions. JSON is parsed without them, for speed; when a
JSON audit has findings its text is read again and each pointer is followed through the
text, skipping the values that are not on the way with the json module's own (C) decoder.
That costs little even when many audits of a batch fail.
"""

from __future__ import annotations

import json
from dataclasses import replace
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.results.naming import split_pointer
from auditforms.source import LocDict, locate

_DECODER = json.JSONDecoder()
_SPACE = " \t\n\r"


def locate_diagnostics(text: str | None, document: Any, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Line and column for each finding: from a YAML document's nodes, or by following the
    pointer through the JSON ``text`` the document was parsed from."""
    if isinstance(document, LocDict):
        return [_at(d, locate(document, d.pointer or "")) for d in diagnostics]
    if text is None:
        return diagnostics
    return [_at(d, json_position(text, d.pointer)) for d in diagnostics]


def _at(d: Diagnostic, position: Any) -> Diagnostic:
    if d.line or d.pointer is None or position is None:
        return d
    return replace(d, line=position[1], col=position[2])


def json_position(text: str, pointer: str | None) -> tuple[str, int, int] | None:
    """(``""``, line, col) of the value at ``pointer`` in JSON ``text``, or of its nearest parent."""
    try:
        index = _skip_space(text, 0)
        for token in split_pointer(pointer or ""):
            found = _child(text, index, token)
            if found is None:
                break
            index = found
    except (ValueError, IndexError):
        return None
    line = text.count("\n", 0, index) + 1
    return "", line, index - (text.rfind("\n", 0, index) + 1) + 1


def _skip_space(text: str, index: int) -> int:
    while index < len(text) and text[index] in _SPACE:
        index += 1
    return index


def _child(text: str, index: int, token: str) -> int | None:
    """Where the member ``token`` of the object or array starting at ``index`` begins."""
    if text[index] == "{":
        return _member(text, index, token)
    if text[index] == "[" and token.isdigit():
        return _item(text, index, int(token))
    return None


def _member(text: str, index: int, key: str) -> int | None:
    index = _skip_space(text, index + 1)
    while index < len(text) and text[index] == '"':
        name, index = scanstring(text, index + 1)
        index = _skip_space(text, _skip_space(text, index) + 1)  # past the colon
        if name == key:
            return index
        index = _after_value(text, index)
        if text[index] != ",":
            return None
        index = _skip_space(text, index + 1)
    return None


def _item(text: str, index: int, wanted: int) -> int | None:
    index = _skip_space(text, index + 1)
    for _ in range(wanted):
        if text[index] == "]":
            return None
        index = _after_value(text, index)
        if text[index] != ",":
            return None
        index = _skip_space(text, index + 1)
    return None if text[index] == "]" else index


def _after_value(text: str, index: int) -> int:
    _, end = _DECODER.raw_decode(text, index)
    return _skip_space(text, end)
