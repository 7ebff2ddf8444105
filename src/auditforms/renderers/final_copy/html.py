"""The final copy as one HTML page made for print (and for WeasyPrint to lay out as PDF).

Everything from the definition or the audit is escaped. The marking and the footer are
running elements, so they repeat on every page without being put into CSS strings.
"""

from __future__ import annotations

from html import escape

from auditforms.renderers.final_copy.content import FinalCopy, Grid, Heading, Note, Pairs

#: DejaVu Sans is what README's apt line installs (fonts-dejavu-core); every glyph is embedded.
CSS = """
@page { size: A4; margin: 22mm 18mm 20mm 18mm;
  @top-center { content: element(marking); }
  @bottom-left { content: element(footer); font-size: 8pt; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; } }
html { font-family: "DejaVu Sans", sans-serif; font-size: 10pt; line-height: 1.35; color: #0b0c0c; }
.marking { position: running(marking); text-align: center; font-weight: bold; font-size: 9pt; }
.marking small { display: block; font-weight: normal; font-size: 7.5pt; }
.footer { position: running(footer); font-size: 8pt; }
h1 { font-size: 15pt; margin: 14pt 0 6pt; break-after: avoid; }
h2 { font-size: 12pt; margin: 12pt 0 4pt; break-after: avoid; }
h3 { font-size: 11pt; margin: 10pt 0 4pt; break-after: avoid; }
.title { font-size: 20pt; margin-top: 0; }
.subtitle { margin-top: 0; color: #505a5f; }
table { width: 100%; border-collapse: collapse; margin: 0 0 6pt; table-layout: fixed; }
th, td { border: 0.6pt solid #6f777b; padding: 3pt 5pt; text-align: left; vertical-align: top;
  white-space: pre-wrap; overflow-wrap: break-word; }
th { background: #f3f2f1; }
.pairs th { width: 32%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
.note { border-left: 4pt solid #1d70b8; padding-left: 6pt; margin: 0 0 8pt; }
.note p { margin: 0 0 2pt; font-weight: bold; color: #1d70b8; }
.note.auditor { border-left-color: #00703c; }
.note.auditor p { color: #00703c; }
"""


def to_html(copy: FinalCopy) -> str:
    parts = [
        '<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8">',
        f"<title>{escape(copy.title)} – final copy</title><style>{CSS}</style></head><body>",
    ]
    if copy.marking:
        warning = f"<small>{escape(copy.marking_warning)}</small>" if copy.marking_warning else ""
        parts.append(f'<div class="marking">{escape(copy.marking)}{warning}</div>')
    else:  # as the Word form does: the tool's name heads every page
        parts.append(f'<div class="marking"><small>{escape(copy.title)}</small></div>')
    parts.append(f'<div class="footer">{escape(copy.footer)}</div>')
    parts.append(f'<h1 class="title">{escape(copy.title)}</h1><p class="subtitle">{escape(copy.subtitle)}'
                 "<br>Final copy of a completed audit</p>")
    parts.extend(_block(block) for block in copy.blocks)
    parts.append("</body></html>\n")
    return "".join(parts)


def _block(block: Heading | Pairs | Grid | Note) -> str:
    if isinstance(block, Heading):
        level = min(block.level, 3)
        return f"<h{level}>{escape(block.text)}</h{level}>"
    if isinstance(block, Pairs):
        return _pairs("pairs", block.caption, block.rows)
    if isinstance(block, Note):
        kind = "auditor" if block.who.startswith("Auditor") else "moderator"
        return f'<div class="note {kind}"><p>{escape(block.who)}</p>{_pairs("pairs", block.who, block.rows)}</div>'
    header = "".join(f'<th scope="col">{escape(h)}</th>' for h in block.header)
    rows = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in block.rows)
    return f"<table><caption hidden>{escape(block.caption)}</caption><thead><tr>{header}</tr></thead>" \
           f"<tbody>{rows}</tbody></table>"


def _pairs(css: str, caption: str, rows: tuple[tuple[str, str], ...]) -> str:
    body = "".join(f'<tr><th scope="row">{escape(label)}</th><td>{escape(value)}</td></tr>' for label, value in rows)
    return f'<table class="{css}"><caption hidden>{escape(caption)}</caption><tbody>{body}</tbody></table>'
