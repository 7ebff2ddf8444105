"""Grade descriptors as formatted text, and links to guides outside the tool.

A descriptor is Markdown (paragraphs, bullet lists), so it is drawn as paragraphs rather than
run together. A conditional paragraph carries its condition for the form's script, which
shows it only while the condition holds, and says in words when it applies.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from auditforms.model.definition import Definition
from auditforms.model.rubric import Link
from auditforms.model.scales import ScaleOption
from auditforms.renderers.html.describe import only_if
from auditforms.renderers.html.markdown import markdown


def links_html(links: tuple[Link, ...], lead: str = "Guide") -> Markup:
    """``Guide: <a href=…>title</a>`` (the address is a link; the form never fetches it)."""
    if not links:
        return Markup("")
    anchors = Markup(", ").join(
        Markup('<a class="af-link" href="{}" rel="noopener noreferrer">{}</a>').format(link.url, link.title)
        for link in links)
    plural = "s" if len(links) > 1 else ""
    return Markup('<p class="af-see af-guide">{}{}: {}</p>').format(lead, plural, anchors)


def rubric_html(definition: Definition, option: ScaleOption) -> Markup | None:
    """A grade's whole descriptor, or ``None`` when it has nothing beyond its label."""
    if not (option.description or option.descriptors or option.links):
        return None
    parts = [markdown(option.description)]
    for descriptor in option.descriptors:
        body = markdown(descriptor.text)
        if descriptor.when is None:
            parts.append(body)
            continue
        condition = json.dumps(descriptor.when.model_dump(mode="json", by_alias=True, exclude_none=True))
        note = only_if(definition, descriptor.when) or ""
        parts.append(Markup('<div class="af-rubric__extra" data-when="{}"><p class="af-rubric__only-if">{}</p>{}</div>')
                     .format(condition, note, body))
    parts.append(links_html(option.links))
    return Markup("").join(parts)
