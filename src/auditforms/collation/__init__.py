"""The monthly audit report: audits streamed into counters, one figures result, many formats.

Pure: the command (:mod:`auditforms.cli.report`) reads the files and writes the output.
"""

from __future__ import annotations

from auditforms.collation.collate import Collator, ReportOptions
from auditforms.collation.figures import Figures

__all__ = ["Collator", "Figures", "ReportOptions"]
