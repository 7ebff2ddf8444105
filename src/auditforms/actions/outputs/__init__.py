"""Renderers of an :class:`~auditforms.actions.report.ActionsReport`: one module per format.

Each is ``render(report) -> bytes``; the CLI writes the bytes. Heavy libraries (xlsxwriter)
are imported only by the format that needs them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from auditforms.actions.report import ActionsReport


@dataclass(frozen=True)
class Format:
    name: str
    suffix: str
    module: str

    def render(self, report: ActionsReport) -> bytes:
        function: Callable[[ActionsReport], bytes] = importlib.import_module(self.module).render
        return function(report)


FORMATS: dict[str, Format] = {
    "text": Format("text", ".txt", "auditforms.actions.outputs.text"),
    "csv": Format("csv", ".csv", "auditforms.actions.outputs.tabular"),
    "json": Format("json", ".json", "auditforms.actions.outputs.json_out"),
    "html": Format("html", ".html", "auditforms.actions.outputs.html"),
    "xlsx": Format("xlsx", ".xlsx", "auditforms.actions.outputs.xlsx"),
}
