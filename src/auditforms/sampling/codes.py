"""The sampling diagnostics catalogue (AF8xx): stable codes, never renumbered or reused.

The lead merges this into :data:`auditforms.diagnostics.CATALOGUE`; ``docs/dip-sample.md``
lists the same codes.
"""

from __future__ import annotations

from auditforms.diagnostics import Diagnostic, Severity

CATALOGUE: dict[str, str] = {
    "AF801": "a CSV file cannot be read (missing, empty, not text, or too large)",
    "AF802": "a CSV file lacks a column it needs",
    "AF803": "a CSV cell holds a value of the wrong form (date, number, age)",
    "AF804": "a CSV row is missing a required value",
    "AF805": "a child or auditor appears twice",
    "AF806": "a previous audit cannot be used (unreadable, not a completed audit, no child or date)",
    "AF807": "the sample cannot be drawn: too few eligible children",
    "AF808": "auditors cannot be allocated: nobody outside an area of service, or capacity exhausted",
    "AF809": "a pre-fill value does not fit the definition's field and is left blank",
    "AF810": "the output folder exists (--force re-renders and keeps returned work)",
    "AF811": "a sample batch folder has no readable manifest",
    "AF812": "a returned form cannot be read or matched to a child of the sample",
    "AF813": "a CSV row has more cells than the header",
    "AF814": "a CSV header names a column twice",
    "AF820": "another auditforms run is using the output folder (--wait waits for it)",
    "AF821": "a returned audit's audit id belongs to one child of the sample but it is about another",
    "AF822": "a folder left by an interrupted run was removed",
    "AF823": "an output folder's lock cannot be taken (the folder above it is missing or read-only)",
    "AF830": "the tool is not sampled in the month of the reference date (its sampling's months_off)",
    "AF831": "a tool that audits one document at a time is given a case list without document ids",
    "AF832": "an audit type is asked for that the tool does not have",
}


def error(code: str, message: str, file: str = "", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic(code, message, file, line, col)


def warning(code: str, message: str, file: str = "", line: int = 0, col: int = 0) -> Diagnostic:
    return Diagnostic(code, message, file, line, col, severity=Severity.WARNING)
