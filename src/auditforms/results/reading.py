"""Completed-audit files to plain data: JSON fast, YAML with positions; never raises.

JSON goes through :func:`json.loads` (a batch of thousands must be quick); YAML goes
through the shared safe loader, which keeps positions and refuses alias bombs. Both share
the size cap and the UTF-8 checks of :func:`auditforms.source.read_text`.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.source import parse_yaml, read_text
from auditforms.source.reading import DEFAULT_LIMITS, ReadLimits

AUDIT_SUFFIXES = (".json", ".yaml", ".yml")
_MAX_JSON_DEPTH = 64


def read_audit_file(
    path: Path, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Any, list[Diagnostic]]:
    """The document in ``path`` (``None`` when it cannot be read) and any problems found."""
    name = str(path)
    try:
        with path.open("rb") as handle:
            data = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return None, [Diagnostic("AF101", f"cannot read the file: {reason}", file=name)]
    return parse_audit_bytes(data, name, limits)


def parse_audit_bytes(
    data: bytes, name: str, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Any, list[Diagnostic]]:
    if len(data) > limits.max_bytes:  # read_text reports the size; keep the cap message
        text, problem = read_text(data, name, limits)
        return None, [problem] if problem else []
    is_json = name.lower().endswith(".json") or data.lstrip()[:1] in (b"{", b"[")
    if is_json:
        try:
            return _loads_json(data, name, limits)
        except UnicodeDecodeError:
            pass  # read_text explains encoding problems with a position
    text, problem = read_text(data, name, limits)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    if is_json:
        return _json_from_text(text, name, limits)
    parsed = parse_yaml(text, name, limits)
    return parsed.data, parsed.diagnostics


def _loads_json(data: bytes, name: str, limits: ReadLimits) -> tuple[Any, list[Diagnostic]]:
    if b"\x00" in data:
        _, problem = read_text(data, name, limits)
        return None, [problem] if problem else []
    return _json_from_text(data.decode("utf-8-sig"), name, limits)


def _json_from_text(text: str, name: str, limits: ReadLimits) -> tuple[Any, list[Diagnostic]]:
    if not text or text.isspace():
        return None, [Diagnostic("AF104", "the file is empty", file=name)]
    try:
        document = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        return None, [
            Diagnostic(
                "AF105", f"malformed JSON: {exc.msg}", file=name, line=exc.lineno, col=exc.colno
            )
        ]
    except RecursionError:
        return None, [Diagnostic("AF107", "the document nests too deeply", file=name)]
    except ValueError as exc:
        return None, [Diagnostic("AF105", f"malformed JSON: {exc}", file=name)]
    return document, []


def _refuse_constant(token: str) -> Any:
    raise ValueError(f"{token} is not a JSON number")


def iter_audit_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, then the audit files (``.json``, ``.yaml``, ``.yml``) inside folders, sorted.

    A file reached twice (named, and inside a folder also named) is checked once. Only then
    are files remembered, so one folder of any size is walked in flat memory.
    """
    arguments = list(paths)
    seen: set[str] | None = set() if len(arguments) > 1 else None
    for path in arguments:
        for file in _files(path):
            if seen is not None:
                key = str(file.resolve())
                if key in seen:
                    continue
                seen.add(key)
            yield file


def _files(path: Path) -> Iterator[Path]:
    """The audit files under ``path``, folder by folder in sorted order; hidden ones skipped.

    ``os.walk`` holds one folder's names (strings) at a time, not a Path per file of the tree.
    """
    if not path.is_dir():
        yield path
        return
    for root, folders, names in os.walk(path):
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(AUDIT_SUFFIXES):
                continue
            file = Path(root, name)
            if file.is_file():
                yield file
