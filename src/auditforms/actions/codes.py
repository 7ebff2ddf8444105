"""The actions diagnostics catalogue (AF95x–AF96x): stable codes, never renumbered or reused.

Merged into ``docs/diagnostics.md`` through :func:`auditforms.diagnostics.all_codes`.
"""

from __future__ import annotations

from auditforms.diagnostics import Diagnostic, Severity

CATALOGUE: dict[str, str] = {
    "AF950": "an audit is not a completed audit of this tool, so its actions are not listed",
    "AF951": "an audit has no audit_id, so its actions cannot be tracked",
    "AF952": "an action row cannot be read fully (a date that is not a real date, or no action text)",
    "AF953": "the definition has no table with role: action_plan",
    "AF954": "two different audits (other children, or equally far on and disagreeing) have the same audit_id; "
             "one's actions are listed",
    "AF955": "a tracker cannot be read (not a workbook, half-written, open in another program)",
    "AF956": "a workbook is not an actions tracker of this tool",
    "AF957": "a tracker row cannot be matched to an action (no id, unknown id, or the audit's rows changed)",
    "AF958": ("a sign-off in a tracker is not valid or incomplete (not a date, before the audit, in the future, "
              "nobody named, a name without a date)"),
    "AF959": ("a sign-off conflicts with a different one already recorded or given in another row (--correct "
              "replaces a recorded one)"),
    "AF960": "an audit file cannot be written back (a Word form, YAML, changed meanwhile, or in use)",
    "AF961": "a teams file row cannot be used, or an audit's team is not in the teams file",
    "AF962": "an output needs managers or e-mail addresses that the teams file does not give",
}


def error(code: str, message: str, file: str = "", line: int = 0, col: int = 0,
          pointer: str | None = None) -> Diagnostic:
    return Diagnostic(code, message, file, line, col, pointer)


def warning(code: str, message: str, file: str = "", line: int = 0, col: int = 0,
            pointer: str | None = None) -> Diagnostic:
    return Diagnostic(code, message, file, line, col, pointer, severity=Severity.WARNING)
