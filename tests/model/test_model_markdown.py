"""The Markdown subset every renderer lays out."""

from __future__ import annotations

from auditforms.model.markdown import Heading, ListBlock, Paragraph, Span, parse, plain


def test_paragraphs_are_separated_by_blank_lines_and_joined_within() -> None:
    assert parse("one\ntwo\n\nthree") == (Paragraph((Span("one two"),)), Paragraph((Span("three"),)))


def test_bullets_and_bold() -> None:
    (intro, bullets, after) = parse("Risks:\n\n- neglect\n- **sexual** abuse\n\nThen.")
    assert intro == Paragraph((Span("Risks:"),))
    assert isinstance(bullets, ListBlock) and not bullets.ordered
    assert bullets.items[1] == (Paragraph((Span("sexual", bold=True), Span(" abuse"))),)
    assert after == Paragraph((Span("Then."),))


def test_numbered_list_with_nested_bullets_and_continuation() -> None:
    text = "1. First\n2. Second:\n   - a\n   - b\n\n   More about second.\n3. Third"
    (block,) = parse(text)
    assert isinstance(block, ListBlock) and block.ordered and len(block.items) == 3
    second = block.items[1]
    assert isinstance(second[1], ListBlock) and len(second[1].items) == 2
    assert second[2] == Paragraph((Span("More about second."),))


def test_numbered_list_keeps_its_start() -> None:
    (block,) = parse("4. Finally")
    assert isinstance(block, ListBlock) and block.start == 4


def test_heading_and_plain_text() -> None:
    blocks = parse("## Hints\n\nText with *stars* and <tags>")
    assert blocks[0] == Heading(2, (Span("Hints"),))
    assert plain(blocks) == "Hints\nText with *stars* and <tags>"


def test_empty() -> None:
    assert parse(None) == () and parse("") == ()
