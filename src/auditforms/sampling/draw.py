"""The whole draw, pure: eligible children -> random sample -> allocated auditors -> rows.

Also the sidecar metadata that makes a run reproducible: the seed, the reference date,
every parameter and the SHA-256 of every input file, so anyone can re-run the same
command on the same files and get the same sample, or see that an input has changed.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditforms.model.definition import Definition
from auditforms.moderation.deadlines import completion_due
from auditforms.sampling.allocation import allocate
from auditforms.sampling.records import Auditor, Child, PastAudit
from auditforms.sampling.sample_file import SampleRow, build_rows
from auditforms.sampling.selection import Criteria, Selection, select, unit_key
from auditforms.version import __version__

DEFAULT_LOOKBACK_MONTHS = 6
DEFAULT_SIZE = 20
METADATA_FORMAT = "auditforms/dip-sample"


@dataclass
class Draw:
    rows: list[SampleRow]
    selection: Selection
    loads: dict[str, int]


def lookback_months(definition: Definition) -> int:
    return definition.lookback.months if definition.lookback else DEFAULT_LOOKBACK_MONTHS


def draw_sample(definition: Definition, children: Sequence[Child], history: Sequence[PastAudit],
                auditors: Sequence[Auditor], criteria: Criteria) -> Draw:
    """Raises :class:`~auditforms.sampling.selection.SampleProblem` when the rules cannot be met."""
    selection = select(children, history, criteria)
    allocation = allocate(selection.chosen, auditors, criteria.seed)
    rows = build_rows(definition, selection.chosen, allocation, criteria,
                      last_audits(history, criteria.documents))
    loads = Counter(row.auditor for row in rows)
    return Draw(rows, selection, {a.name: loads.get(a.name, 0) for a in auditors})


def last_audits(history: Sequence[PastAudit], documents: bool = False) -> dict[str, dt.date]:
    """The latest audit of each child (or document, for a tool about documents), for the
    form's "Audited previously? If yes, when?"; keyed by :func:`unit_key`."""
    latest: dict[str, dt.date] = {}
    for audit in history:
        if bool(audit.document_id.strip()) != documents:
            continue
        key = unit_key(audit.child_id, audit.document_id)
        if key not in latest or audit.date > latest[key]:
            latest[key] = audit.date
    return latest


def metadata(definition: Definition, criteria: Criteria, draw: Draw,
             inputs: Mapping[str, Mapping[str, str]], sample_sha256: str) -> dict[str, Any]:
    return {
        "format": METADATA_FORMAT,
        "format_version": 1,
        "generator": f"auditforms {__version__}",
        "definition": {"id": definition.id, "version": definition.version},
        "seed": criteria.seed,
        "reference_date": criteria.reference_date.isoformat(),
        "lookback_months": criteria.lookback_months,
        "lookback_start": criteria.window_start.isoformat(),
        "due_date": completion_due(definition, criteria.reference_date).isoformat(),
        "size": criteria.size,
        "stratify": criteria.stratify,
        "method": criteria.method,
        "audit_type": criteria.audit_type,
        "judgement_window_months": criteria.judgement_months,
        "subject": definition.subject.kind,
        "theme": {"flags": list(criteria.flags), "teams": list(criteria.teams),
                  "strands": list(criteria.strands), "plans": list(criteria.plans)},
        "inputs": {k: dict(v) for k, v in inputs.items()},
        "counts": draw.selection.counts,
        "quotas": draw.selection.quotas,
        "auditor_loads": draw.loads,
        "sample_sha256": sample_sha256,
    }
