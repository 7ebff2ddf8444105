"""Families of tools: abstract bases, shared scale libraries, changes to one grade, and
Markdown that a customisation adds to rather than replaces.

These work on located plain data, like the rest of ``extends`` composition, so an error
in a library or a change still points at its own file and line.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.language.search import find
from auditforms.language.suggest import did_you_mean
from auditforms.source.located import LocList, locate

#: Where scale libraries live on the definition search path.
LIBRARY_FOLDER = "scales"
#: The change keys this module applies (``update`` with ``append`` is handled here too).
FAMILY_OPS = ("update_scale", "append")

Report = Callable[[str, str, str], None]


def settle_abstract(merged: dict[str, Any], child: dict[str, Any]) -> None:
    """An abstract base is not abstract in the tools that extend it, unless they say so."""
    if "abstract" not in child:
        merged.pop("abstract", None)


# -- scale libraries -------------------------------------------------------------------------


def resolve_scale_libraries(tree: dict[str, Any], filename: str,
                            dirs: Sequence[Path]) -> tuple[list[Path], list[Diagnostic]]:
    """Put the scales of each library the file names before its own scales.

    A scale id given by two libraries, or by a library and the tool, is an error: which one
    wins would otherwise depend on the order of a list. Returns the library files read.
    """
    ids = tree.get("scale_libraries")
    if not isinstance(ids, list) or not ids:
        return [], []
    found: list[Path] = []
    problems: list[Diagnostic] = []
    merged = LocList(getattr(tree.get("scales"), "position", None))
    origin: dict[str, str] = {}
    for i, library_id in enumerate(ids):
        pointer = f"/scale_libraries/{i}"
        scales, path, trouble = _read_library(str(library_id), dirs, tree, filename, pointer)
        problems += trouble
        if path is not None:
            found.append(path)
        for k, scale in enumerate(scales):
            clash = _add_scale(merged, scale, scales, k, origin, f"library '{library_id}'")
            if clash:
                problems.append(_at(tree, filename, pointer, "AF432", clash))
    given = tree.get("scales")
    own: list[Any] = given if isinstance(given, list) else []
    for k, scale in enumerate(own):
        clash = _add_scale(merged, scale, own, k, origin, "this tool")
        if clash:
            problems.append(_at(tree, filename, f"/scales/{k}/id", "AF432",
                                clash + "; change a grade with update_scale instead"))
    tree["scales"] = merged
    return found, problems


def _add_scale(merged: LocList, scale: Any, source: list[Any], k: int, origin: dict[str, str],
               where: str) -> str | None:
    scale_id = str(scale.get("id")) if isinstance(scale, dict) else ""
    if scale_id in origin:
        return f"scale '{scale_id}' is given by {origin[scale_id]} and again by {where}"
    origin[scale_id] = where
    merged.append(scale)
    positions = getattr(source, "item_positions", [])
    if k < len(positions):
        merged.item_positions.append(positions[k])
    return None


def _read_library(library_id: str, dirs: Sequence[Path], tree: dict[str, Any], filename: str,
                  pointer: str) -> tuple[list[Any], Path | None, list[Diagnostic]]:
    from auditforms.language.parsing import parse_definition_file
    from auditforms.source.files import read_input
    from auditforms.source.reading import DEFAULT_LIMITS

    path, escaped = find(library_id, dirs, LIBRARY_FOLDER)
    if path is None:
        known = sorted({p.stem for d in dirs for p in (d / LIBRARY_FOLDER).glob("*.y*ml")})
        why = " (it points outside the search path)" if escaped else did_you_mean(library_id, known)
        return [], None, [_at(tree, filename, pointer, "AF431", f"scale library '{library_id}' not found "
                              f"in a {LIBRARY_FOLDER}/ folder of the definition search path{why}")]
    raw, unreadable = read_input(path, DEFAULT_LIMITS.max_bytes)
    data, problems = parse_definition_file(raw, str(path)) if raw is not None else (None, [])
    problems += [unreadable] if unreadable else []
    if data is None or problems:
        return [], path, problems
    problems = validate_library(data, str(path))
    if problems:
        return [], path, problems
    return list(data.get("scales") or []), path, []


@cache
def library_schema() -> dict[str, Any]:
    """The scale library's schema, made from the definition language's own ``scale``."""
    from auditforms.language.schema import definition_schema

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema", "title": "scale library",
        "type": "object", "additionalProperties": False, "required": ["id", "scales"],
        "properties": {"$schema": {"type": "string"}, "id": {"$ref": "#/$defs/id"},
                       "title": {"$ref": "#/$defs/text"}, "description": {"$ref": "#/$defs/markdown"},
                       "scales": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/scale"}}},
        "$defs": definition_schema()["$defs"],
    }


def validate_library(data: Any, filename: str) -> list[Diagnostic]:
    from jsonschema import Draft202012Validator

    from auditforms.language.schema import _diagnose

    validator = Draft202012Validator(library_schema())
    return [d for error in validator.iter_errors(data) for d in _diagnose(error, data, filename)]


# -- changes: update_scale, append -------------------------------------------------------------


@cache
def markdown_keys() -> dict[str, frozenset[str]]:
    """Which keys of the tool, a section, an item and a grade are Markdown, read from the schema."""
    from auditforms.language.schema import definition_schema

    schema = definition_schema()
    defs = schema["$defs"]

    def of(*names: str) -> frozenset[str]:
        props = [schema["properties"] if n == "" else defs[n].get("properties", {}) for n in names]
        return frozenset(k for p in props for k, v in p.items()
                         if isinstance(v, dict) and v.get("$ref") == "#/$defs/markdown")

    return {"tool": of(""), "section": of("section"),
            "item": of("question", "table", "field", "consideration"), "grade": of("scaleOption"),
            "scale": of("scale")}


def append_markdown(node: dict[str, Any], additions: Any, kind: str, pointer: str,
                    report: Report) -> None:
    """Add each text as a new paragraph after the key's current text (or as the text)."""
    if not isinstance(additions, dict):
        return
    allowed = markdown_keys()[kind]
    for key, text in additions.items():
        if key not in allowed:
            report("AF433", f"'{key}' cannot be appended to: only Markdown keys can "
                   f"({', '.join(sorted(allowed)) or 'this has none'})", f"{pointer}/append/{key}")
            continue
        current = node.get(key)
        node[key] = f"{current.rstrip()}\n\n{text}" if isinstance(current, str) and current.strip() else text


def update_scale(tree: dict[str, Any], change: dict[str, Any], pointer: str, report: Report) -> None:
    """Change some keys of one scale, or of one of its grades, keeping the rest."""
    scales = [s for s in tree.get("scales") or [] if isinstance(s, dict)]
    scale_id = str(change["update_scale"])
    scale = next((s for s in scales if s.get("id") == scale_id), None)
    if scale is None:
        report("AF403", f"'{scale_id}' is not a scale of the tool being extended"
               + did_you_mean(scale_id, [str(s.get("id")) for s in scales]), f"{pointer}/update_scale")
        return
    target: dict[str, Any] | None = scale
    kind = "scale"
    if "grade" in change:
        grades = [g for g in scale.get("options") or [] if isinstance(g, dict)]
        grade_id = str(change["grade"])
        target = next((g for g in grades if g.get("id") == grade_id), None)
        kind = "grade"
        if target is None:
            report("AF403", f"'{grade_id}' is not a grade of scale '{scale_id}'"
                   + did_you_mean(grade_id, [str(g.get("id")) for g in grades]), f"{pointer}/grade")
            return
    if target is None:
        return
    if isinstance(change.get("set"), dict):
        if "id" in change["set"]:
            report("AF434", f"a change cannot rename a {kind}: completed audits store its id",
                   f"{pointer}/set/id")
            return
        target.update(change["set"])
    append_markdown(target, change.get("append"), kind, pointer, report)


def _at(tree: Any, filename: str, pointer: str, code: str, message: str) -> Diagnostic:
    pos = locate(tree, pointer)
    return Diagnostic(code, message, file=pos.file if pos else filename,
                      line=pos.line if pos else 0, col=pos.col if pos else 0, pointer=pointer)


def abstract_refusal(path: Path, tool_id: str) -> Diagnostic:
    """Why a command will not use an abstract base, located at its ``abstract:`` key."""
    from auditforms.language.parsing import parse_definition_file
    from auditforms.source.files import read_input
    from auditforms.source.reading import DEFAULT_LIMITS

    raw, _ = read_input(path, DEFAULT_LIMITS.max_bytes)
    tree, _ = parse_definition_file(raw, str(path)) if raw is not None else (None, [])
    return _at(tree, str(path), "/abstract", "AF430",
               f"'{tool_id}' is an abstract base: tools extend it, but it is never rendered, sampled "
               f"or filled in itself; use a tool that extends it (auditforms new NAME --extends {tool_id})")


def find_companions(tree: dict[str, Any], filename: str, dirs: Sequence[Path]) -> list[Diagnostic]:
    """Each companion tool is a file on the search path (found, not loaded: two tools may name
    each other as companions)."""
    problems = []
    for k, companion in enumerate(tree.get("companions") or []):
        tool = str(companion.get("tool")) if isinstance(companion, dict) else ""
        if find(tool, dirs)[0] is None:
            known = sorted({p.stem for d in dirs for p in d.glob("*.y*ml")})
            problems.append(_at(tree, filename, f"/companions/{k}/tool", "AF435",
                                f"no companion tool '{tool}' on the definition search path"
                                + did_you_mean(tool, known)))
    return problems


def validate_library_file(path: Path) -> list[Diagnostic]:
    """Diagnostics for a scale library file on its own (``auditforms validate``)."""
    from auditforms.language.parsing import parse_definition_file
    from auditforms.source.files import read_input
    from auditforms.source.reading import DEFAULT_LIMITS

    raw, unreadable = read_input(path, DEFAULT_LIMITS.max_bytes)
    if raw is None:
        return [unreadable] if unreadable else []
    data, problems = parse_definition_file(raw, str(path))
    return problems if data is None or problems else validate_library(data, str(path))
