"""Completed audits: the envelope format, the result schema, pre-fill data and ``check``."""

from __future__ import annotations

from auditforms.results.codes import CATALOGUE
from auditforms.results.envelope import FORMAT, FORMAT_VERSION, STATUSES

__all__ = ["CATALOGUE", "FORMAT", "FORMAT_VERSION", "STATUSES"]
