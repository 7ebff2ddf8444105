"""A deliberately tiny Markdown subset for prompts and guidance: paragraphs, bullets, bold.

Definitions are written by QA staff, not web developers, so only what the seed tools use
is supported, and the text is escaped *before* any markup is added: nothing a definition
says can become HTML.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_BULLET = re.compile(r"^\s*[-*•]\s+(.*)$")
_BOLD = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")


def _inline(text: str) -> str:
    """Escape, then turn ``**bold**`` into <strong> (the asterisks survive escaping)."""
    return _BOLD.sub(r"<strong>\1</strong>", str(escape(text)))


def _blocks(text: str) -> list[list[str]]:
    blocks: list[list[str]] = [[]]
    for line in text.replace("\r\n", "\n").split("\n"):
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _render_block(lines: list[str]) -> list[str]:
    """A block is paragraph lines, possibly followed or interrupted by bullet lines."""
    out: list[str] = []
    para: list[str] = []
    items: list[str] = []

    def flush_para() -> None:
        if para:
            out.append(f'<p class="af-body">{_inline(" ".join(p.strip() for p in para))}</p>')
            para.clear()

    def flush_items() -> None:
        if items:
            lis = "".join(f"<li>{_inline(i)}</li>" for i in items)
            out.append(f'<ul class="af-list af-list--bullet">{lis}</ul>')
            items.clear()

    for line in lines:
        bullet = _BULLET.match(line)
        if bullet:
            flush_para()
            items.append(bullet.group(1).strip())
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        else:
            flush_items()
            para.append(line)
    flush_para()
    flush_items()
    return out


def markdown(text: str | None) -> Markup:
    """Safe HTML for ``text``: paragraphs separated by blank lines, "- " bullet lists, **bold**."""
    if not text:
        return Markup("")
    return Markup("\n".join(html for block in _blocks(text) for html in _render_block(block)))


def plain(text: str | None) -> str:
    """``text`` on one line without Markdown markers, for headings and accessible names."""
    if not text:
        return ""
    lines = [(_BULLET.match(line).group(1) if _BULLET.match(line) else line).strip()  # type: ignore[union-attr]
             for line in text.splitlines()]
    return _BOLD.sub(r"\1", " ".join(line for line in lines if line))
