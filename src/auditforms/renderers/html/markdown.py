"""HTML for the core Markdown subset (:mod:`auditforms.model.markdown`) of prompts and guidance.

The core parses the text into blocks once for every renderer; this module only lays the
blocks out, escaping every piece of text before any markup is added, so nothing a
definition says can become HTML.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from auditforms.model.markdown import Block, Heading, ListBlock, Paragraph, Span, parse
from auditforms.model.markdown import plain as plain_blocks

#: Headings in guidance sit inside a question (h3), so the first level is h4.
_HEADING_BASE = 3


def _spans(spans: tuple[Span, ...]) -> str:
    return "".join(f"<strong>{escape(s.text)}</strong>" if s.bold else str(escape(s.text)) for s in spans)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f'<p class="af-body">{_spans(block.spans)}</p>'
    if isinstance(block, Heading):
        level = min(_HEADING_BASE + block.level, 6)
        return f'<h{level} class="af-heading-s">{_spans(block.spans)}</h{level}>'
    return _list(block)


def _list(block: ListBlock) -> str:
    items = []
    for item in block.items:
        # A list item of one paragraph is written without the <p>, as people expect.
        if len(item) == 1 and isinstance(item[0], Paragraph):
            items.append(f"<li>{_spans(item[0].spans)}</li>")
        else:
            items.append("<li>" + "".join(_block(b) for b in item) + "</li>")
    if block.ordered:
        start = f' start="{block.start}"' if block.start != 1 else ""
        return f'<ol class="af-list af-list--number"{start}>{"".join(items)}</ol>'
    return f'<ul class="af-list af-list--bullet">{"".join(items)}</ul>'


def markdown(text: str | None) -> Markup:
    """Safe HTML for ``text``: paragraphs, headings, bullet and numbered lists, **bold**."""
    if not text:
        return Markup("")
    return Markup("\n".join(_block(b) for b in parse(text)))


def plain(text: str | None) -> str:
    """``text`` on one line without Markdown markers, for headings and accessible names."""
    if not text:
        return ""
    return " ".join(plain_blocks(parse(text)).split())
