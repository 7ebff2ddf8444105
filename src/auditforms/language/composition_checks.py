"""What a customisation is told about its own mistakes, in its own file.

A customisation (a tool that ``extends`` another) builds sections and items from pieces:
``add``, ``replace … with``, ``update … set``. The parent file was valid, so any mistake in
the result is the customisation's: it is reported at the customisation's line, in
auditforms' words, not later by the model in the parent's file. A customisation that leaves
out or removes a part a parent rule names is told which rule, and how to change it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.source.located import LocDict, locate


def check_part(node: Any, tree: Any, filename: str, pointer: str) -> list[Diagnostic]:
    """Schema errors of a section or item a change adds or replaces, located at ``pointer``."""
    from auditforms.language.schema import validate_part

    if not isinstance(node, dict):
        return []
    return validate_part(node, "item" if "type" in node else "section", tree, filename, pointer)


def check_update(target: dict[str, Any], values: dict[str, Any], tree: Any, filename: str,
                 pointer: str) -> list[Diagnostic]:
    """Schema errors an ``update … set`` makes in its target: only those in keys it sets,
    located at those keys under ``set:`` in the customisation."""
    from auditforms.language.schema import validate_part

    updated = LocDict(getattr(values, "position", None))
    updated.update(target)
    updated.update(values)
    found = validate_part(updated, "item" if "type" in updated else "section", tree, filename, pointer + "/set")
    return [d for d in found if _in_keys(d.pointer, pointer + "/set", values)]


def _in_keys(where: str | None, prefix: str, values: dict[str, Any]) -> bool:
    if where is None or not where.startswith(prefix + "/"):
        return False
    return where[len(prefix) + 1:].split("/")[0] in values


def sections_given(child: LocDict, filename: str) -> list[Diagnostic]:
    """A customisation that gives ``sections:`` replaces every section of the tool it extends."""
    if "sections" not in child:
        return []
    pos = locate(child, "/sections", at_key=True)
    return [Diagnostic(
        "AF409", f"'sections:' here replaces every section of '{child.get('extends')}', so nothing of its "
        "form is kept; to change some of it use changes: (add, remove, replace, move, update) or select:",
        file=pos.file if pos else filename, line=pos.line if pos else 0, col=pos.col if pos else 0,
        pointer="/sections", severity=Severity.WARNING)]


def rules_naming(tree: dict[str, Any], gone: set[str]) -> Iterator[tuple[str, str]]:
    """``(rule id, part id)`` for each rule that still names a part no longer in the tool."""
    for rule in tree.get("rules") or []:
        if not isinstance(rule, dict):
            continue
        named = next((ref for ref in _strings(rule) if ref.split(".")[0] in gone), None)
        if named is not None:
            yield str(rule.get("id")), named.split(".")[0]


#: Keys of a rule whose values are never references to parts.
_NOT_REFERENCES = frozenset({"message", "description", "id", "severity", "tagged", "is", "is_not", "in",
                             "not_in", "judgements"})


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in _NOT_REFERENCES:
                yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)
