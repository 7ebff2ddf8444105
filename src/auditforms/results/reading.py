"""Completed-audit files to plain data: JSON fast, YAML with positions; never raises.

JSON goes through the strict reader of :mod:`auditforms.source.json_reader` (``json.loads``
with duplicate keys, huge numbers and lone surrogates refused: a batch of thousands must be
quick); YAML goes through the shared safe loader, which keeps positions and refuses alias
bombs. Files are read by :func:`auditforms.source.files.read_input` (regular files only,
capped whatever ``stat`` says), and share the UTF-8 checks of :func:`auditforms.source.read_text`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.source import parse_yaml, read_text
from auditforms.source.files import read_input
from auditforms.source.json_reader import parse_json
from auditforms.source.reading import DEFAULT_LIMITS, ReadLimits

AUDIT_SUFFIXES = (".json", ".yaml", ".yml")


def read_audit_file(
    path: Path, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Any, list[Diagnostic]]:
    """The document in ``path`` (``None`` when it cannot be read) and any problems found."""
    document, problems, _ = read_audit(path, limits)
    return document, problems


def read_audit(
    path: Path, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Any, list[Diagnostic], str | None]:
    """As :func:`read_audit_file`, with the JSON text kept for locating findings later."""
    data, problem = read_input(path, limits.max_bytes)
    if data is None:
        return None, [problem] if problem else [], None
    return parse_audit_text(data, str(path), limits)


def parse_audit_bytes(
    data: bytes, name: str, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Any, list[Diagnostic]]:
    document, problems, _ = parse_audit_text(data, name, limits)
    return document, problems


def parse_audit_text(
    data: bytes, name: str, limits: ReadLimits = DEFAULT_LIMITS
) -> tuple[Any, list[Diagnostic], str | None]:
    """Parse JSON (fast) or YAML (located); a ``null`` document is a problem, not an audit."""
    if data[:4] == b"PK\x03\x04" and name.lower().endswith((".docx", ".docm")):  # a Word form, given as it came back
        return None, [Diagnostic("AF103", "this is a Word file, not an audit's JSON: read it with 'auditforms extract "
                                 "TOOL FILE -o FILE.json' and check that (month status, month report and actions "
                                 "read returned Word forms themselves)", file=name, line=1, col=1)], None
    is_json = name.lower().endswith(".json") or data.lstrip()[:1] in (b"{", b"[")
    text: str | None = None
    if is_json and len(data) <= limits.max_bytes and b"\x00" not in data:
        with contextlib.suppress(UnicodeDecodeError):  # read_text says where, below
            text = data.decode("utf-8-sig")
    if text is None:
        text, problem = read_text(data, name, limits)
        if problem is not None or text is None:
            return None, [problem] if problem else [], None
    if is_json:
        document, problems = parse_json(text, name)
    elif text.lstrip("\ufeff \t\r\n")[:1] == "<":  # a web page: the blank form given instead of its answers
        return None, [Diagnostic("AF105", "this is a web page (a form?), not a completed audit: in the form, "
                                 "save the answers (Save answers) and give the .json file it saves",
                                 file=name, line=1, col=1)], None
    else:
        parsed = parse_yaml(text, name, limits)
        document, problems = parsed.data, parsed.diagnostics
    if document is None and not problems:
        problems = [Diagnostic("AF104", "the document is empty (null)", file=name, line=1, col=1)]
    return document, problems, text if is_json else None


def iter_audit_paths(paths: Iterable[Path]) -> Iterator[Path]:
    """Files named, then the audit files (``.json``, ``.yaml``, ``.yml``) inside folders, sorted.

    A file reached twice (named, and inside a folder also named) is checked once. Only then
    are files remembered, so one folder of any size is walked in flat memory.
    """
    arguments = list(paths)
    seen: set[object] | None = set() if len(arguments) > 1 else None
    for path in arguments:
        for file in _files(path):
            if seen is not None:
                key = _identity(file)
                if key in seen:
                    continue
                seen.add(key)
            yield file


def _identity(file: Path) -> object:
    """The same for every name of one file: its device and inode (one ``stat``, where
    resolving the path would look up every folder on the way), or, for a name that cannot be
    looked up (to be reported as unreadable), the name made absolute."""
    try:
        found = os.stat(file)
    except (OSError, ValueError):
        return os.path.normpath(os.path.abspath(file))
    return found.st_dev, found.st_ino


def _files(path: Path) -> Iterator[Path]:
    """The audit files under ``path``, folder by folder in sorted order; hidden ones skipped.

    ``os.walk`` holds one folder's names (strings) at a time, not a Path per file of the tree.
    """
    if not path.is_dir():
        yield path
        return
    unreadable: list[OSError] = []
    for root, folders, names in os.walk(path, onerror=unreadable.append):
        while unreadable:  # reported, and counted as not checked, never skipped silently
            yield Path(unreadable.pop().filename or root)
        folders[:] = sorted(f for f in folders if not f.startswith("."))
        for name in sorted(names):
            if name.startswith(".") or not name.lower().endswith(AUDIT_SUFFIXES):
                continue
            yield Path(root, name)  # a FIFO or device too, to be refused with a reason
    while unreadable:
        yield Path(unreadable.pop().filename or path)
