"""Line and column for findings, so an auditor can go straight to the place in the file.

YAML documents already carry positions. JSON is parsed without them, for speed; when a
JSON audit has findings its text is read again and each pointer is followed through the
text, skipping the values that are not on the way with the json module's own (C) decoder.
All the findings of one file are located in one walk through its text, which stops as soon
as every place is found. That costs little even when many audits of a batch fail.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from json.decoder import scanstring  # type: ignore[attr-defined]
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.results.naming import split_pointer
from auditforms.source import LocDict, locate

_DECODER = json.JSONDecoder()
_SPACES = re.compile(r"[ \t\n\r]*")
_KEY = re.compile(r'"([^"\\\x00-\x1f]*)"[ \t\n\r]*:[ \t\n\r]*')
_ID = re.compile(r"[A-Za-z0-9_.-]+")
_UNPARSED: Any = object()  # no parsed document at hand
_NEXT = re.compile(r"[ \t\n\r]*,[ \t\n\r]*")


def locate_diagnostics(text: str | None, document: Any, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Line and column for each finding: from a YAML document's nodes, or by following the
    pointer through the JSON ``text`` the document was parsed from."""
    if isinstance(document, LocDict):
        return [_at(d, locate(document, d.pointer or "")) for d in diagnostics]
    if text is None:
        return diagnostics
    found = json_positions(text, {d.pointer for d in diagnostics if d.pointer is not None and not d.line},
                           document)
    return [_at(d, found.get(d.pointer)) if d.pointer is not None else d for d in diagnostics]


def json_positions(text: str, pointers: set[str], document: Any = _UNPARSED) -> dict[str, tuple[str, int, int] | None]:
    """:func:`json_position` of each pointer, found in one walk through the text.

    Given the ``document`` parsed from ``text``, a member whose name is an id written once in
    the whole text (and only plainly: the text escapes no ``\\u`` or ``\\/``) is found at once,
    without walking the members before it: a batch's failing audits cost little to locate."""
    tokens = {pointer: split_pointer(pointer) for pointer in pointers}
    root: _Trie = ({}, [])
    for pointer, path in tokens.items():
        node = root
        node[1].append(pointer)
        for token in path:
            node = node[0].setdefault(token, ({}, []))
            node[1].append(pointer)
    deepest: dict[str, int] = {}
    try:
        plain = document is not _UNPARSED and _escapes_no_names(text)
        _walk(text, _skip_space(text, 0), root, deepest, document if plain else _UNPARSED)
    except (ValueError, IndexError):
        return {pointer: json_position(text, pointer) for pointer in pointers}
    return {pointer: _line_col(text, index) for pointer, index in deepest.items()}


def _escapes_no_names(text: str) -> bool:
    """Whether the text writes no character as ``\\u`` or ``\\/`` (so a name is written as it
    reads). Most audits have no backslash at all: a one-character search (``memchr``) says so
    at once, where searching for the two-character escapes walks the whole text."""
    return "\\" not in text or ("\\u" not in text and "\\/" not in text)


#: children by token, and the pointers that pass through this place
_Trie = tuple[dict[str, "_Trie"], list[str]]


def _walk(text: str, index: int, node: _Trie, deepest: dict[str, int], value: Any) -> None:
    """Record ``index`` for the pointers through ``node``, then find its wanted children
    (``value`` is what the text holds there, or ``_UNPARSED`` when that is not known)."""
    children, through = node
    for pointer in through:
        deepest[pointer] = index
    if not children:
        return
    opening = text[index]
    if opening == "{" and isinstance(value, dict):
        children = dict(children)
        for token in list(children):
            start = _written_once(text, token) if token in value else None
            if start is not None:
                _walk(text, start, children.pop(token), deepest, value[token])
        if not children:
            return
    values = value if isinstance(value, dict | list) else None
    if opening == "{":
        members = _members(text, index)
    elif opening == "[":
        members = _items(text, index)
    else:
        return
    left: dict[str, list[str]] = {}  # a member's name (an item's number) -> the tokens naming it
    for token in children:
        if opening == "{" or token.isdigit():
            left.setdefault(token if opening == "{" else str(int(token)), []).append(token)
    for key, start in members:
        for token in left.pop(key, ()):
            _walk(text, start, children[token], deepest, _member_value(values, key))
        if not left:
            return


def _member_value(values: dict[str, Any] | list[Any] | None, key: str) -> Any:
    if isinstance(values, dict):
        return values.get(key, _UNPARSED)
    if isinstance(values, list) and int(key) < len(values):
        return values[int(key)]
    return _UNPARSED


def _written_once(text: str, name: str) -> int | None:
    """Where the value of the member ``name`` starts, when the name is an id that is written
    (in quotes) once in the whole text: the member's own name, then; otherwise ``None``."""
    if not _ID.fullmatch(name):
        return None
    quoted = f'"{name}"'
    first = text.find(quoted)
    if first < 0 or text.find(quoted, first + 1) >= 0:
        return None
    colon = _skip_space(text, first + len(quoted))
    return _skip_space(text, colon + 1) if text[colon] == ":" else None


def _members(text: str, index: int) -> Iterator[tuple[str, int]]:
    """(name, where its value starts) of each member of the object at ``index``, in order."""
    index = _skip_space(text, index + 1)
    while True:
        key = _KEY.match(text, index)  # a name without escapes, its colon and the spaces around
        if key is not None:
            name, index = key.group(1), key.end()
        elif text[index] == '"':
            name, index = scanstring(text, index + 1)
            index = _skip_space(text, _skip_space(text, index) + 1)  # past the colon
        else:
            return
        yield name, index
        following = _NEXT.match(text, _DECODER.raw_decode(text, index)[1])
        if following is None:
            return
        index = following.end()


def _items(text: str, index: int) -> Iterator[tuple[str, int]]:
    index = _skip_space(text, index + 1)
    number = 0
    while text[index] != "]":
        yield str(number), index
        index = _after_value(text, index)
        if text[index] != ",":
            return
        index = _skip_space(text, index + 1)
        number += 1


def _line_col(text: str, index: int) -> tuple[str, int, int]:
    line = text.count("\n", 0, index) + 1
    return "", line, index - (text.rfind("\n", 0, index) + 1) + 1


def _at(d: Diagnostic, position: Any) -> Diagnostic:
    if d.line or d.pointer is None or position is None:
        return d
    return d.located(d.file, position[1], position[2])


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
    return _line_col(text, index)


def _skip_space(text: str, index: int) -> int:
    return _SPACES.match(text, index).end()  # type: ignore[union-attr]  # matches the empty string


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
