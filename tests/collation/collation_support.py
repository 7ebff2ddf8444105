"""Paths and a helper shared by the monthly report's tests."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
TOOL = FIXTURES / "report-tool.yaml"
AUDITS = FIXTURES / "audits"
SAMPLE = FIXTURES / "sample-2026-11.csv"


def collate(tool: Any, *, period: str = "2026-11", since: str | None = "2026-09", sample: Any = None,
            kappa_of: Any = None, **options: Any) -> Any:
    """The figures of the fixture audits, read as the command reads them (a11 is unreadable)."""
    from auditforms.collation import Collator, ReportOptions

    collator = Collator(tool, ReportOptions(period=period, since=since, with_sample=sample is not None, **options))
    rows = {row.audit_id: {"area": row.area} for row in sample or []}
    for path in sorted(AUDITS.glob("*.json")):
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
        except ValueError:
            collator.left_out("unreadable")
            continue
        collator.add(document, path.stem, rows.get(document.get("audit_id")))
    return collator.figures(sample, kappa_of)


def read_sample() -> Any:
    from auditforms.sampling.sample_file import SAMPLE_COLUMNS, read_sample
    from auditforms.sampling.tabular import read_table

    rows, problems = read_sample(read_table(SAMPLE.read_bytes(), str(SAMPLE), SAMPLE_COLUMNS))
    assert not problems
    return rows
