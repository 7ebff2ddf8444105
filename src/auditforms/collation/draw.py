"""Drawing the report's charts with matplotlib: SVG for the web page, PNG for Word.

matplotlib is imported only here, only by ``auditforms report``, with the Agg backend and
no pyplot state. Output is deterministic (a fixed ``svg.hashsalt``, no dates or software
versions in the metadata) so that snapshots stay stable. Text stays text in the SVG
(``svg.fonttype: none``), so it is readable, searchable and sized by the page.
"""

from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Mapping
from typing import Any, cast

from auditforms.collation.charts import Chart

TONES = {"good1": "#1d70b8", "good2": "#5694ca", "good3": "#9ec5e8",
         "bad1": "#f47738", "bad2": "#d4351c", "bad3": "#942514", "na": "#b1b4b6"}
WIDTH = 7.0
_RC = {"svg.hashsalt": "auditforms", "svg.fonttype": "none", "font.size": 9, "text.parse_math": False,
       "font.family": "sans-serif", "axes.spines.top": False, "axes.spines.right": False}
_XML_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_DROP = re.compile(r"<metadata>.*?</metadata>|<style[^>]*>.*?</style>", re.S)
_IDS = re.compile(r'(id="|url\(#|xlink:href="#)([^")]+)')


def _figure(chart: Chart) -> Any:
    from matplotlib.figure import Figure

    rows = max(1, len(chart.categories))
    extra_lines = sum(label.count("\n") for label in _row_labels(chart))
    height = 2.6 if chart.kind == "trend" else 1.1 + 0.38 * rows + 0.15 * extra_lines
    figure = Figure(figsize=(WIDTH, height))
    _margins(figure, chart, height)
    axes = figure.add_subplot()
    if chart.kind == "trend":
        _trend(axes, chart)
    else:
        _stacked(axes, chart)
    return figure


#: characters of a bar's label on one line: a longer label (a theme's description) wraps, where it
#: ran past the picture's left edge (the margin stops at 45% of the width)
LABEL_LINE = 30


def _row_labels(chart: Chart) -> list[str]:
    return [textwrap.fill(c, LABEL_LINE, break_on_hyphens=False) or c for c in chart.categories]


def _margins(figure: Any, chart: Chart, height: float) -> None:
    """Fixed margins in inches, the left one wide enough for the longest label: matplotlib's
    constrained layout would find them too, at twice the drawing time."""
    if chart.kind == "trend":
        left, top, right = 0.65, 0.15, 0.6
    else:
        longest = max((len(line) for c in _row_labels(chart) for line in c.split("\n")), default=4)
        left, top, right = min(0.2 + 0.068 * longest, WIDTH * 0.45), 0.45, 0.25
    figure.subplots_adjust(left=left / WIDTH, right=1 - right / WIDTH, top=1 - top / height,
                           bottom=0.55 / height)


def _trend(axes: Any, chart: Chart) -> None:
    x = range(len(chart.categories))
    for series in chart.series:
        points = [(i, v) for i, v in zip(x, series.values, strict=True) if v is not None]
        axes.plot([p[0] for p in points], [p[1] for p in points], marker="o",
                  color=TONES.get(series.tone, "#0b0c0c"), label=series.name)
    if chart.target is not None:
        axes.axhline(chart.target, color="#0b0c0c", linestyle="--", linewidth=1,
                     label=f"Target {chart.target}%")
    axes.set_xticks(list(x), list(chart.categories))
    axes.set_ylim(0, 100)
    axes.set_ylabel("% good or better")
    axes.legend(loc="lower left", frameon=False, fontsize=8)


def _stacked(axes: Any, chart: Chart) -> None:
    rows = list(range(len(chart.categories)))
    left = [0.0] * len(rows)
    for series in chart.series:
        widths = [v or 0.0 for v in series.values]
        bars = axes.barh(rows, widths, left=left, color=TONES.get(series.tone, "#505a5f"),
                         label=series.name, edgecolor="white", linewidth=0.5)
        labels = [f"{round(w)}%" if w >= 8 else "" for w in widths]
        axes.bar_label(bars, labels=labels, label_type="center", fontsize=8,
                       color="white" if series.tone in ("good1", "bad2", "bad3") else "#0b0c0c")
        left = [a + b for a, b in zip(left, widths, strict=True)]
    axes.set_yticks(rows, _row_labels(chart))
    axes.invert_yaxis()
    axes.set_xlim(0, 100)
    axes.set_xlabel("% of graded judgements (Not applicable left out)")
    axes.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=min(4, len(chart.series)),
                frameon=False, fontsize=8)


def _render(chart: Chart, fmt: str, **options: Any) -> bytes:
    from matplotlib import rc_context

    with rc_context(cast(Any, _RC)):
        buffer = io.BytesIO()
        _figure(chart).savefig(buffer, format=fmt, **options)
    return buffer.getvalue()


def svg(chart: Chart, prefix: str) -> str:
    """An inline ``<svg>`` element: no prologue, metadata or style element; ids prefixed so
    that several charts share one page; labelled for assistive technology by ``label_id``."""
    text = _render(chart, "svg", metadata={"Date": None, "Creator": None}).decode("utf-8")
    text = _DROP.sub("", _XML_PROLOGUE.sub("", text, count=1))
    text = _IDS.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", text)
    return text.replace("<svg ", f'<svg role="img" aria-labelledby="{prefix}-title" ', 1)


def svgs(charts: Mapping[str, Chart]) -> dict[str, str]:
    """Each chart as an inline ``<svg>``, by chart id, its ids prefixed ``chart-<id>``."""
    return {id_: svg(chart, f"chart-{id_}") for id_, chart in charts.items()}


def png(chart: Chart) -> bytes:
    return _render(chart, "png", dpi=150, metadata={"Software": None})
