"""Reading the sampling commands' input files (CLI layer: the only sampling code that reads).

Every failure becomes a diagnostic naming the file; nothing here raises for bad input.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.sampling.codes import error, warning
from auditforms.sampling.history import past_audit
from auditforms.sampling.records import PastAudit
from auditforms.sampling.tabular import MAX_BYTES, ColumnSpec, Table, read_table

MAX_JSON_BYTES = 5 * 1024 * 1024
#: JSON files auditforms itself writes beside audits; never audits, never worth a warning.
OWN_FORMATS = {"auditforms/sample-batch", "auditforms/dip-sample"}


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_csv_file(path: Path, columns: Sequence[ColumnSpec]) -> Table:
    try:
        if path.stat().st_size > MAX_BYTES:
            table = Table(str(path))
            table.problems.append(error("AF801", f"the file is larger than {MAX_BYTES // 2**20} MB",
                                        str(path)))
            return table
        data = path.read_bytes()
    except OSError as exc:
        table = Table(str(path))
        table.problems.append(error("AF801", f"cannot read the file ({exc.strerror or exc})",
                                    str(path)))
        return table
    return read_table(data, str(path), columns)


def read_json_file(path: Path) -> tuple[Any, Diagnostic | None]:
    """The parsed JSON of ``path``, or a diagnostic saying why it cannot be read."""
    try:
        if path.stat().st_size > MAX_JSON_BYTES:
            return None, error("AF806", f"larger than {MAX_JSON_BYTES // 2**20} MB; not read",
                               str(path))
        return json.loads(path.read_bytes()), None
    except OSError as exc:
        return None, error("AF806", f"cannot read the file ({exc.strerror or exc})", str(path))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        line = getattr(exc, "lineno", 0)
        col = getattr(exc, "colno", 0)
        return None, error("AF806", "not valid JSON", str(path), line, col)


def json_files(folder: Path) -> Iterator[Path]:
    """JSON files under ``folder`` in a stable order, skipping hidden and partial folders."""
    for path in sorted(folder.rglob("*.json")):
        relative = path.relative_to(folder)
        if not any(part.startswith(".") for part in relative.parts) and path.is_file():
            yield path


def read_audit_folder(definition: Definition, folder: Path) -> tuple[list[PastAudit], list[Diagnostic]]:
    audits: list[PastAudit] = []
    problems: list[Diagnostic] = []
    for path in json_files(folder):
        data, problem = read_json_file(path)
        if problem is not None:
            problems.append(warning(problem.code, problem.message + "; ignored", problem.file,
                                    problem.line, problem.col))
            continue
        if isinstance(data, dict) and data.get("format") in OWN_FORMATS:
            continue
        audit, problem = past_audit(definition, data, str(path))
        if audit is not None:
            audits.append(audit)
        if problem is not None:
            problems.append(problem)
    return audits, problems
