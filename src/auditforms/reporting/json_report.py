"""The JSON report for other systems, written as it goes (valid JSON once ``end`` is written).

Shape: ``{"format": "auditforms/check-report", "format_version": 1, "definition": {...},
"files": [{file, audit_id, status, passed, errors, warnings, findings: [...]}, ...],
"summary": {...}}``. Findings carry code, severity, message, file, line, col, pointer and,
for the tool's rules, ``rule``. Like the text report, it never holds an answer's text.
"""

from __future__ import annotations

import json

from auditforms.results.check import FileResult


class JsonReporter:
    def __init__(self, *, quiet: bool = False) -> None:
        self.count = 0

    def start(self, definition_id: str, definition_version: str) -> str:
        head = {
            "format": "auditforms/check-report",
            "format_version": 1,
            "definition": {"id": definition_id, "version": definition_version},
        }
        return json.dumps(head, ensure_ascii=False)[:-1] + ',\n "files": [\n'

    def file(self, result: FileResult) -> str:
        text = (
            ("" if self.count == 0 else ",\n")
            + "  "
            + json.dumps(result.to_json(), ensure_ascii=False)
        )
        self.count += 1
        return text

    def end(self, summary: dict[str, int]) -> str:
        return ("\n" if self.count else "") + ' ],\n "summary": ' + json.dumps(summary) + "\n}\n"
