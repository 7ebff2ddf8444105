"""The small Markdown subset of prompts, guidance and descriptions, parsed once for every renderer.

Supported: paragraphs (separated by blank lines), headings (``#`` to ``###``), bullet
lists (``-`` or ``*``), numbered lists (``1.``), nesting by indentation, and ``**bold**``.
Anything else is text. Parsing to blocks here, rather than to HTML, lets the HTML and Word
renderers lay out the same structure, and keeps escaping in the renderer that knows its
output language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_LIST_ITEM = re.compile(r"^(?P<indent> *)(?P<marker>[-*]|\d{1,3}[.)])\s+(?P<text>.*)$")
_HEADING = re.compile(r"^(?P<hashes>#{1,3})\s+(?P<text>.+?)\s*#*\s*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False


@dataclass(frozen=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Heading:
    level: int
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]
    start: int = 1


Block = Paragraph | Heading | ListBlock


def spans(text: str) -> tuple[Span, ...]:
    """Inline text with ``**bold**`` runs; whitespace collapsed."""
    text = " ".join(text.split())
    out: list[Span] = []
    position = 0
    for match in _BOLD.finditer(text):
        if match.start() > position:
            out.append(Span(text[position:match.start()]))
        out.append(Span(match.group(1), bold=True))
        position = match.end()
    if position < len(text):
        out.append(Span(text[position:]))
    return tuple(out)


def plain(blocks: tuple[Block, ...] | list[Block]) -> str:
    """The text alone, e.g. for search and for checking wording."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            parts.extend(plain(list(item)) for item in block.items)
        else:
            parts.append("".join(s.text for s in block.spans))
    return "\n".join(p for p in parts if p)


@dataclass
class _Line:
    indent: int
    text: str


@dataclass
class _Parser:
    lines: list[_Line]
    position: int = 0
    out: list[Block] = field(default_factory=list)

    def peek(self) -> _Line | None:
        return self.lines[self.position] if self.position < len(self.lines) else None


def split_lead(text: str | None) -> tuple[str, str]:
    """(the first paragraph or heading of ``text`` as one line of plain text, the Markdown after
    it), read as :func:`parse` reads blocks; ``("", text)`` when the text starts with a list, which
    cannot name anything in one line."""
    lines = (text or "").strip("\n").split("\n")
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if start == len(lines) or _LIST_ITEM.match(lines[start].replace("\t", "    ")):
        return "", (text or "").strip()
    end = start + 1
    if not _HEADING.match(lines[start].strip()):
        while end < len(lines) and lines[end].strip() and not _LIST_ITEM.match(lines[end].replace("\t", "    ")) \
                and not _HEADING.match(lines[end].strip()):
            end += 1
    lead = " ".join(plain(parse("\n".join(lines[start:end]))).split())
    return lead, "\n".join(lines[end:]).strip()


def parse(text: str | None) -> tuple[Block, ...]:
    if not text:
        return ()
    lines = [_Line(len(raw) - len(raw.lstrip(" ")), raw.rstrip()) for raw in text.replace("\t", "    ").split("\n")]
    return tuple(_blocks(lines, 0))


def _blocks(lines: list[_Line], base: int) -> list[Block]:
    """Blocks from ``lines``, all indented at least ``base``."""
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.text.strip()
        if not stripped:
            i += 1
            continue
        item = _LIST_ITEM.match(line.text)
        heading = _HEADING.match(stripped)
        if item:
            block, i = _list(lines, i)
            blocks.append(block)
        elif heading:
            blocks.append(Heading(len(heading.group("hashes")), spans(heading.group("text"))))
            i += 1
        else:
            start = i
            while i < len(lines) and lines[i].text.strip() and not _LIST_ITEM.match(lines[i].text) \
                    and not _HEADING.match(lines[i].text.strip()):
                i += 1
            blocks.append(Paragraph(spans(" ".join(ln.text.strip() for ln in lines[start:i]))))
    return blocks


def _list(lines: list[_Line], i: int) -> tuple[ListBlock, int]:
    first = _LIST_ITEM.match(lines[i].text)
    assert first is not None
    indent = len(first.group("indent"))
    ordered = first.group("marker")[0].isdigit()
    start = int(first.group("marker")[:-1]) if ordered else 1
    items: list[tuple[Block, ...]] = []
    while i < len(lines):
        match = _LIST_ITEM.match(lines[i].text)
        if not match or len(match.group("indent")) != indent or match.group("marker")[0].isdigit() != ordered:
            break
        content_indent = indent + len(match.group("marker")) + 1
        body = [_Line(content_indent, " " * content_indent + match.group("text"))]
        i += 1
        while i < len(lines):
            line = lines[i]
            if line.text.strip() and line.indent < content_indent:
                break
            if not line.text.strip():
                following = next((ln for ln in lines[i + 1:] if ln.text.strip()), None)
                if following is None or following.indent < content_indent:
                    break
            body.append(line)
            i += 1
        dedented = [_Line(max(0, ln.indent - content_indent), ln.text[content_indent:] if ln.text.strip() else "")
                    for ln in body]
        items.append(tuple(_blocks(dedented, 0)))
        while i < len(lines) and not lines[i].text.strip():
            following = next((ln for ln in lines[i:] if ln.text.strip()), None)
            if following is None or not _LIST_ITEM.match(following.text) or following.indent != indent:
                break
            i += 1
    return ListBlock(ordered, tuple(items), start), i
