"""The HTML renderer: one self-contained, accessible, offline form per audit tool.

The page carries its own CSS and script (no network request of any kind, enforced by a
Content-Security-Policy), the definition's rules as JSON for live checking, and saves
answers as the completed-audit JSON document that ``auditforms check`` reads.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.model.definition import Definition
from auditforms.renderers import RenderOptions
from auditforms.renderers.html.build import build_page
from auditforms.renderers.html.environment import asset_text, environment
from auditforms.renderers.html.payload import payload
from auditforms.renderers.html.safety import content_security_policy, css_string, json_for_script

#: The scripts, in the order they run; they share one inline <script> element (one CSP hash).
SCRIPTS = ("dom.js", "rules.js", "deps.js", "rows.js", "answers.js", "problems.js", "names.js", "live.js",
           "moderation.js", "moderator.js", "form.js")


def marking_css(definition: Definition) -> str:
    """The protective marking in the top margin of every printed page (CSS page-margin boxes).

    The marking is also a banner at the top of the page itself; printed, that shows on the
    first page only, and the margin box repeats it on every page without covering the form.
    """
    lines = [definition.marking.label] if definition.marking else []
    if definition.marking and definition.marking.warning:
        lines.append(definition.marking.warning)
    key = scale_key(definition)
    if key:  # a tool's chosen scale key, repeated in the page header as the Word form does
        lines.append(key)
    if not lines:
        return ""
    text = "\n".join(lines)
    return ("@media print { @page { @top-center { content: " + css_string(text)
            + "; white-space: pre-wrap; font: 700 8pt system-ui, sans-serif; text-align: center; } } }")


def scale_key(definition: Definition) -> str | None:
    """"Grade: Outstanding · Good · …" for the scale named by ``presentation.header_key``."""
    scale = definition.index.scales.get(definition.presentation.header_key or "")
    return scale.key_text if scale is not None else None


@dataclass(frozen=True)
class HtmlRenderer:
    name: str = "html"
    media_type: str = "text/html"
    suffix: str = ".html"
    description: str = "an accessible, offline HTML form that saves answers as JSON"
    accepts_prefill: bool = True

    def render(self, definition: Definition, options: RenderOptions) -> bytes:
        answers = dict(options.prefill)
        page = build_page(definition, answers, options.audit_id, options.due_date, options.audit_type)
        data = payload(definition, options.audit_id)
        if options.completed is not None:
            # Opened on load as the next person in the round would: a submitted audit by its
            # moderator (the preview's "as the moderator sees it"), a moderated one by its auditor.
            data["opening"] = dict(options.completed)
        style = asset_text("form.css")
        marking = marking_css(definition)
        script = "\n".join(asset_text(name) for name in SCRIPTS)
        html = environment().get_template("form.html.j2").render(
            page=page,
            style=style,
            marking_style=marking,
            script=script,
            csp=content_security_policy([style, marking] if marking else [style], script),
            data=json_for_script(data),
        )
        return html.encode("utf-8")


RENDERER = HtmlRenderer()

__all__ = ["RENDERER", "HtmlRenderer"]
