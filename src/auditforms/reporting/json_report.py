"""The JSON report for other systems, built whole and then written: never half a document.

Shape: ``{"format": "auditforms/check-report", "format_version": 1, "definition": {...},
"files": [{file, audit_id, status, passed, checked, errors, warnings, findings: [...]}, ...],
"summary": {...}}``. Findings carry code, severity, message, file, line, col, pointer and,
for the tool's rules, ``rule``. Like the text report, it never holds an answer's text.

Each file's entry is encoded as it is checked (a few hundred bytes, so a batch of 10,000
stays small) and the report is returned by ``end`` in one piece: if the run is stopped,
nothing is written rather than a truncated report. A file name that is not UTF-8 appears
with U+FFFD in place of its undecodable bytes, as a strict JSON reader requires.
"""

from __future__ import annotations

import json
from typing import Any

from auditforms.results.check import FileResult
from auditforms.terminal_safety import without_surrogates


class JsonReporter:
    def __init__(self, *, quiet: bool = False) -> None:
        self.head: dict[str, Any] = {}
        self.files: list[str] = []

    def start(self, definition_id: str, definition_version: str) -> str:
        self.head = {
            "format": "auditforms/check-report",
            "format_version": 1,
            "definition": {"id": definition_id, "version": definition_version},
        }
        return ""

    def file(self, result: FileResult) -> str:
        if result.record is None:  # auditforms' own records are counted in the summary alone
            self.files.append(_dumps(result.to_json()))
        return ""

    def end(self, summary: dict[str, int]) -> str:
        head = _dumps(self.head)[:-1]
        files = ",\n".join("  " + f for f in self.files)
        body = f',\n "files": [\n{files}\n ]' if self.files else ',\n "files": []'
        return head + body + ',\n "summary": ' + json.dumps(summary) + "\n}\n"


def _dumps(value: Any) -> str:
    return without_surrogates(json.dumps(value, ensure_ascii=False))
