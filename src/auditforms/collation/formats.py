"""The report's formats: name -> renderer, imported only when that format is asked for."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Mapping, Sequence

from auditforms.collation.charts import Chart
from auditforms.collation.figures import Figures
from auditforms.collation.tidy import Cell

#: format -> ("module:function", suffix, whether it needs the tidy rows)
FORMATS: dict[str, tuple[str, str, bool]] = {
    "html": ("auditforms.collation.html:render_html", ".html", False),
    "docx": ("auditforms.collation.word:render_docx", ".docx", False),
    "xlsx": ("auditforms.collation.xlsx:render_xlsx", ".xlsx", True),
    "json": ("auditforms.collation.json_report:render_json", ".json", False),
}


def needs_rows(name: str) -> bool:
    return FORMATS[name][2]


def render(name: str, figures: Figures, rows: Iterable[Sequence[Cell]] = (),
           draw_svgs: Callable[[Mapping[str, Chart]], dict[str, str]] | None = None) -> bytes:
    """The report in format ``name``; ``draw_svgs`` draws the web page's charts (default:
    in this process)."""
    target, _, with_rows = FORMATS[name]
    module, function = target.split(":")
    renderer = getattr(importlib.import_module(module), function)
    if name == "html":
        page: bytes = renderer(figures, draw_svgs)
        return page
    data: bytes = renderer(figures, rows) if with_rows else renderer(figures)
    return data
