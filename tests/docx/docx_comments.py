"""Word comments as Word stores them: ``word/comments.xml``, anchors in the document and,
for replies and resolved comments, ``word/commentsExtended.xml`` (Word 2013 and later)."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, field

import docx
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from docx.text.run import Run
from docx_helpers import sdts, tag_of

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"
RT_EXTENDED = "http://schemas.microsoft.com/office/2011/relationships/commentsExtended"
CT_EXTENDED = "application/vnd.openxmlformats-officedocument.wordprocessingml.commentsExtended+xml"


@dataclass
class WordComment:
    """A comment on the control tagged ``on`` (or on the paragraph holding ``on_text``)."""

    text: str
    on: str | None = None
    on_text: str | None = None
    author: str = "M. Moderator"
    #: (author, text) of each reply, oldest first
    replies: Sequence[tuple[str, str]] = ()
    done: bool = False
    ids: list[int] = field(default_factory=list)


def add_comments(data: bytes, comments: Sequence[WordComment]) -> bytes:
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    by_tag = {tag_of(s): s for s in sdts(body)}
    extended: list[str] = []
    for comment in comments:
        run = Run(_anchor(body, by_tag, comment), document._body)
        made = document.add_comment(run, text=comment.text, author=comment.author, initials="MM")
        parent = _para_id(made, len(extended))
        extended.append(f'<w15:commentEx w15:paraId="{parent}" w15:done="{int(comment.done)}"/>')
        for author, text in comment.replies:
            reply = document.add_comment(run, text=text, author=author, initials="AA")
            own = _para_id(reply, len(extended))
            extended.append(f'<w15:commentEx w15:paraId="{own}" w15:paraIdParent="{parent}" w15:done="0"/>')
    if any(c.replies or c.done for c in comments):
        _extended_part(document, extended)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _anchor(body, by_tag, comment: WordComment):
    """The first run of a control's content, or of the paragraph holding some text."""
    if comment.on is not None:
        return by_tag[comment.on].find(f"{qn('w:sdtContent')}/{qn('w:r')}")
    for paragraph in body.iter(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
        if comment.on_text and comment.on_text in text:
            return paragraph.find(qn("w:r"))
    raise AssertionError(f"no paragraph holds {comment.on_text!r}")


def _para_id(comment, n: int) -> str:
    """Word gives every paragraph a w14:paraId; a comment is known by its last paragraph's."""
    para_id = f"{0x10000000 + n:08X}"
    comment._comment_elm.findall(qn("w:p"))[-1].set(f"{{{W14}}}paraId", para_id)
    return para_id


def _extended_part(document, entries: list[str]) -> None:
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<w15:commentsEx xmlns:w15="{W15}">{"".join(entries)}</w15:commentsEx>')
    part = Part(PackURI("/word/commentsExtended.xml"), CT_EXTENDED, xml.encode("utf-8"),
                document.part.package)
    document.part.relate_to(part, RT_EXTENDED)
