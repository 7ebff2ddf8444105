"""The report as one offline web page: inline SVG charts, each with its table, for screen and print.

Autoescaped (StrictUndefined) like the HTML form; the Content-Security-Policy lets nothing
load and no script run. The page's one style element is allowed by its hash; ``style``
attributes are allowed (``style-src-attr 'unsafe-inline'``) because matplotlib's SVG colours
its shapes with them, and a style attribute can neither run code nor, with ``default-src
'none'``, fetch anything.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
from collections.abc import Callable, Mapping
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from auditforms.collation import layout, words
from auditforms.collation.charts import Chart, all_charts
from auditforms.collation.figures import Agreement, Figures, ScaleInfo
from auditforms.resources import renderer_assets_dir

#: draws charts as inline SVG, by chart id (see :func:`auditforms.collation.draw.svgs`)
SvgDrawer = Callable[[Mapping[str, Chart]], dict[str, str]]


@cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(renderer_assets_dir("report"))), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(pct=words.percent, cell=words.share_cell, n=words.count, month=words.month_label,
                       day=words.day_label)
    return env


def _table_ids() -> Callable[[], str]:
    """A new id for each table of one report, naming the scrolling region around it by its caption
    (a region the keyboard can reach needs a name: axe's scrollable-region-focusable)."""
    numbers = itertools.count(1)
    return lambda: f"af-table-{next(numbers)}"


def content_security_policy(css: str) -> str:
    return "; ".join(["default-src 'none'", f"style-src-elem {_sha256_source(css)}",
                      "style-src-attr 'unsafe-inline'", "img-src 'none'", "base-uri 'none'", "form-action 'none'"])


def _sha256_source(text: str) -> str:
    """A CSP hash source (``'sha256-…'``) for the style element's exact text. Worked out here,
    as :func:`auditforms.renderers.html.safety.sha256_source` does, because importing that
    module first imports the whole form renderer (its package), which the report never uses."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _kappa(agreement: Agreement) -> str:
    if agreement.kappa is None:
        return "not defined for these judgements"
    return f"{agreement.kappa:.2f} (95% CI {agreement.kappa_low:.2f} to {agreement.kappa_high:.2f})"


def contents(figures: Figures) -> list[tuple[str, str]]:
    found = [("headline", "Headline")]
    if figures.sample is not None:
        found.append(("sample", "The sample"))
    found += [("questions", "Questions")]
    found += [("checklists", "Checklists")] if figures.checklists else []
    found += [(f"by-{b.dimension}", f"By {b.title.lower()}") for b in figures.breakdowns]
    if figures.themes:
        found.append(("themes", "Themes"))
    found += [("moderation", "Moderation"), ("actions", "Actions")]
    if figures.texts:
        found.append(("learning", "Learning in the auditors' words"))
    return [*found, ("about", "About these figures")]


def render_html(figures: Figures, draw_svgs: SvgDrawer | None = None) -> bytes:
    """The page; ``draw_svgs`` draws the charts (default: here, with matplotlib)."""
    if draw_svgs is None:
        from auditforms.collation.draw import svgs

        draw_svgs = svgs
    env = _environment()
    css = (renderer_assets_dir("report") / "report.css").read_text(encoding="utf-8")
    charts = all_charts(figures)
    scales: dict[str, ScaleInfo] = {s.id: s for s in figures.scales}
    context: dict[str, Any] = dict(
        f=figures, css=Markup(css), csp=content_security_policy(css), charts=charts,
        svgs={id_: Markup(text) for id_, text in draw_svgs(charts).items()},
        title=f"{figures.tool_title}: monthly audit report, {words.month_label(figures.period)}",
        coverage=words.coverage_sentence(figures), left_out=words.left_out_sentences(figures.coverage),
        contents=contents(figures), good_from=Markup("<p>{}</p>").format(words.good_from_sentence(figures)),
        words=words,
        scale_of=scales.__getitem__, kappa=_kappa, next_table_id=_table_ids(),
        question_rows=lambda s: [(q.title, q.distribution) for q in figures.questions if q.distribution.scale == s],
        breakdown_tables=lambda b: layout.breakdown_tables(figures, b),
        question_trend_tables=layout.question_trend_tables(figures),
        repeat_sentence=words.repeat_findings_sentence(figures),
        caution_note=words.CAUTION_NOTE, public_note=words.PUBLIC_NOTE, checklist_note=words.CHECKLIST_NOTE)
    return env.get_template("report.html.j2").render(context).encode("utf-8")


