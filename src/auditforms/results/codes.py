"""The AF6xx catalogue: every problem ``check`` and pre-fill data can report.

Reading problems (missing file, too large, not UTF-8, malformed JSON/YAML) keep the shared
AF1xx codes, so the same problem has the same code whatever file it is found in. Codes are
stable: add, never renumber or reuse. ``docs/completed-audit-format.md`` lists them all and
a test keeps the two in step.
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # The document as a whole
    "AF601": "the document is not a completed audit (not a mapping, or another format)",
    "AF602": "the document uses a format_version this auditforms does not know",
    # The result schema of the tool (envelope and answers)
    "AF610": "a required answer or key is missing",
    "AF611": "an answer or key is not part of the tool or the format",
    "AF612": "a value has the wrong type",
    "AF613": "a value is not one of the allowed options",
    "AF614": "a value does not have the required form (date, pattern, length)",
    "AF615": "a number or list is outside its allowed range",
    "AF616": "a value breaks another constraint of the result schema",
    # Consistency with the definition
    "AF620": "the audit was completed against a different tool",
    "AF621": "the audit was completed against another version of the tool",
    # The moderation record
    "AF630": "the moderation date is before the audit date",
    "AF631": "a moderated judgement is given for a question that is not shown in the audit",
    "AF632": "a moderated judgement is the same as the auditor's (give one only to disagree)",
    "AF633": "the moderator's checklist ticks an item the tool does not give for that part",
    "AF634": "a final audit has a moderator's comment the auditor has not marked addressed",
    # The tool's rules
    "AF640": "a required answer is blank or missing",
    "AF641": "a table has too many or too few rows",
    "AF642": "a rule of the tool does not hold",
    # A file that could not be checked at all
    "AF690": "auditforms failed on this file (a bug, please report it); it was not checked",
    # The audit's lifecycle (history)
    "AF660": "the history is not in time order",
    "AF661": "the history is impossible: a step out of sequence (e.g. final without moderation)",
    "AF662": "the status contradicts the history",
    # The moderator's advice that needs more than one audit's answers
    "AF670": "an answer is given to a part the audit does not show (kept, but not counted)",
    "AF671": "the child was audited within the look-back period (from the sample's history)",
    # Printing a completed audit (render --data: the final copy)
    "AF680": "the audit is far larger than any real one, too large to print as a final copy",
    # Pre-fill (case) data for render --data
    "AF650": "the case data is not a mapping of field ids to values",
    "AF651": "the case data names an id that is not a field of the tool",
    "AF652": "the case data gives a field that is not completed centrally",
    "AF653": "the case data gives a value of the wrong type or not one of the options",
    "AF654": "the case data gives a value the form will not show (its condition does not hold)",
}
