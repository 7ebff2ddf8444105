"""Reading the sampling commands' input files (CLI layer: the only sampling code that reads).

Every failure becomes a diagnostic naming the file; nothing here raises for bad input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.results.envelope import own_record
from auditforms.sampling.codes import error, warning
from auditforms.sampling.history import past_audit
from auditforms.sampling.records import PastAudit
from auditforms.sampling.tabular import MAX_BYTES, ColumnSpec, Table, read_table
from auditforms.source.files import Unreadable, read_capped, sha256_of
from auditforms.source.json_reader import parse_json

MAX_JSON_BYTES = 5 * 1024 * 1024


def sha256_file(path: Path) -> str:
    return sha256_of(path)


def read_csv_file(path: Path, columns: Sequence[ColumnSpec]) -> Table:
    try:
        data = read_capped(path, MAX_BYTES)
    except Unreadable as problem:
        table = Table(str(path))
        table.problems.append(error("AF801", problem.message, str(path)))
        return table
    return read_table(data, str(path), columns)


def read_json_file(path: Path) -> tuple[Any, Diagnostic | None]:
    """The parsed JSON of ``path``, or a diagnostic saying why it cannot be read.

    The same strict reader as ``check`` (duplicate keys, huge numbers, lone surrogates and
    deep nesting refused), so status, sample and check never disagree about a file.
    """
    try:
        data = read_capped(path, MAX_JSON_BYTES)
    except Unreadable as problem:
        return None, error("AF806", problem.message, str(path))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, error("AF806", "not valid JSON (the file is not UTF-8 text)", str(path))
    document, problems = parse_json(text, str(path))
    if problems:
        first = problems[0]
        return None, error("AF806", f"not valid JSON: {first.message}", str(path), first.line,
                           first.col)
    return document, None


def json_files(folder: Path) -> Iterator[Path]:
    """JSON files under ``folder`` in a stable order, skipping hidden and partial folders."""
    for path in sorted(folder.rglob("*.json")):
        relative = path.relative_to(folder)
        if not any(part.startswith(".") for part in relative.parts) and path.is_file():
            yield path


def tool_finder(folders: Sequence[Path]) -> Callable[[str], Definition | None]:
    """Loads, once each, the tools that past audits name (to read their roles and subject)."""
    from auditforms.language.loader import load
    from auditforms.language.search import find, search_dirs

    dirs = search_dirs(None, folders)
    found: dict[str, Definition | None] = {}

    def tool(tool_id: str) -> Definition | None:
        if tool_id not in found:
            path, _ = find(tool_id, dirs)
            found[tool_id] = load(path, search_path=folders).definition if path else None
        return found[tool_id]

    return tool


def read_audit_folder(definition: Definition, folder: Path,
                      tools: Callable[[str], Definition | None] | None = None,
                      versions: Any = None,
                      ) -> tuple[list[PastAudit], list[Diagnostic]]:
    """Past audits from the completed audits under ``folder`` (``versions``: the sampled tool's
    kept versions, to read audits of older versions through its mapping)."""
    audits: list[PastAudit] = []
    problems: list[Diagnostic] = []
    for path in json_files(folder):
        data, problem = read_json_file(path)
        if problem is not None:
            problems.append(warning(problem.code, problem.message + "; ignored", problem.file,
                                    problem.line, problem.col))
            continue
        if own_record(data) is not None:  # auditforms' own, beside the audits: never worth a warning
            continue
        audit, problem = past_audit(definition, data, str(path), tools, versions)
        if audit is not None:
            audits.append(audit)
        if problem is not None:
            problems.append(problem)
    return audits, problems
