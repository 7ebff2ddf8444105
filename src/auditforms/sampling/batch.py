"""Planning a batch of pre-filled forms (pure): which file each child gets, and the manifest.

File names come from the audit id only (never a child's name or initials), reduced to
characters every file system accepts, with Windows' reserved names avoided and clashes
(including ones that differ only by case) numbered. The manifest is the batch's record:
every file with its SHA-256, so a re-run can tell a form it generated (unchanged hash)
from work that has come back (anything else) and must never be replaced.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.model.definition import Definition
from auditforms.sampling.codes import error
from auditforms.sampling.prefill import prefill_for
from auditforms.sampling.sample_file import SampleRow
from auditforms.sampling.selection import unit_key
from auditforms.version import __version__

MANIFEST = "manifest.json"
INDEX = "index.html"
MANIFEST_FORMAT = "auditforms/sample-batch"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class FormJob:
    row: SampleRow
    format: str
    path: str
    prefill: Mapping[str, Any]


@dataclass
class BatchPlan:
    rows: list[SampleRow]
    jobs: list[FormJob] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def safe_name(text: str) -> str:
    """A file-name stem from an audit id: ASCII letters, digits, ``.``, ``_`` and ``-`` only."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = _UNSAFE.sub("-", ascii_text).strip(".-_")[:80].rstrip(".-_")
    if not stem:
        stem = "audit"
    return f"_{stem}" if _RESERVED.match(stem) else stem


def plan_batch(definition: Definition, rows: Sequence[SampleRow], suffixes: Mapping[str, str],
               sample_file: str = "") -> BatchPlan:
    """One job per child per format; duplicate children are errors, unfit pre-fill warnings."""
    plan = BatchPlan(list(rows))
    taken = {MANIFEST.casefold(), INDEX.casefold()}
    seen: dict[str, int] = {}
    for row in rows:
        key = unit_key(row.child_id, row.document_id)
        if key in seen:
            what = "the same child and document" if row.document_id else "the same child"  # never the id
            plan.problems.append(error("AF805", f"this row of the sample is {what} as line {seen[key]}",
                                       sample_file, row.line, 1))
            continue
        seen[key] = row.line
        prefill, problems = prefill_for(definition, row, sample_file)
        plan.problems += problems
        stem = _unique(safe_name(row.audit_id), suffixes.values(), taken)
        for name, suffix in suffixes.items():
            plan.jobs.append(FormJob(row, name, stem + suffix, prefill))
    return plan


def _unique(stem: str, suffixes: Any, taken: set[str]) -> str:
    candidate, number = stem, 1
    while any((candidate + s).casefold() in taken for s in suffixes):
        number += 1
        candidate = f"{stem}-{number}"
    taken.update((candidate + s).casefold() for s in suffixes)
    return candidate


def manifest(definition: Definition, plan: BatchPlan, files: Sequence[Mapping[str, Any]],
             kept: Sequence[Mapping[str, Any]], sample: Mapping[str, Any]) -> dict[str, Any]:
    """The batch record; written last, so a folder without it is not a finished batch."""
    by_child: dict[str, dict[str, str]] = {}
    for job in plan.jobs:
        by_child.setdefault(job.row.audit_id, {})[job.format] = job.path
    return {
        "format": MANIFEST_FORMAT,
        "format_version": 1,
        "generator": f"auditforms {__version__}",
        "definition": {"id": definition.id, "version": definition.version},
        "seed": sample.get("seed"),
        "reference_date": sample.get("reference_date"),
        "sample": {k: sample.get(k) for k in ("file", "sha256", "edited_since_drawn")},
        "formats": sorted({job.format for job in plan.jobs}),
        "children": [_child_entry(row, by_child.get(row.audit_id, {})) for row in plan.rows
                     if row.audit_id in by_child],
        "files": list(files),
        "kept": list(kept),
    }


def _child_entry(row: SampleRow, forms: Mapping[str, str]) -> dict[str, Any]:
    return {
        "audit_id": row.audit_id, "child_id": row.child_id, "initials": row.initials,
        "team": row.team, "age_band": row.age_band, "auditor": row.auditor,
        "auditor_email": row.auditor_email,
        "due_date": row.due_date.isoformat() if row.due_date else None,
        "forms": dict(forms),
    }
