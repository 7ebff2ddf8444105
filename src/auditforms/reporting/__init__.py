"""Formatting check results for people (text) and for other systems (JSON).

Reporters stream: ``start`` once, ``file`` per audit as it is checked, ``end`` with the
totals, so a batch of any size is reported in flat memory. Each returns the text to write.
"""

from __future__ import annotations

from typing import Protocol

from auditforms.reporting.json_report import JsonReporter
from auditforms.reporting.text import TextReporter
from auditforms.results.check import FileResult


class Reporter(Protocol):
    def start(self, definition_id: str, definition_version: str) -> str: ...

    def file(self, result: FileResult) -> str: ...

    def end(self, summary: dict[str, int]) -> str: ...


REPORTERS: dict[str, type[TextReporter] | type[JsonReporter]] = {
    "text": TextReporter,
    "json": JsonReporter,
}

__all__ = ["REPORTERS", "JsonReporter", "Reporter", "TextReporter"]
