"""A moderator's Word comments: their text, their threads, and the part each is anchored in.

Word keeps a comment's text in ``word/comments.xml`` and marks where it applies in the
document with ``w:commentRangeStart`` (and ``w:commentReference``) carrying the same id.
Word 2013 and later record replies in ``word/commentsExtended.xml``: a reply's last
paragraph id names its parent's (``w15:paraIdParent``), and ``w15:done`` marks a comment
resolved. Each comment carries its author and date (``w:author``, ``w:date``): the history's
who and when of the moderation and of the auditor's replies. A comment belongs to the part
whose controls share its table row, else its table, else (a comment on a heading or a
prompt) the part whose answers come next.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

from auditforms.extract.reader import text_of, w

W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


@dataclass
class Comment:
    id: str
    author: str
    text: str
    #: The id of the comment this one replies to, if it is a reply.
    parent: str | None = None
    done: bool = False
    #: The part (question, section, field or table id) it is anchored in; None for the form as a whole.
    part: str | None = None
    #: Where its anchor sits in the document, for ordering.
    order: int = 0
    #: When it was written (``w:date``, as the word processor wrote it), for the history.
    date: str | None = None


def read_comments(comments: etree._Element | None, extended: etree._Element | None) -> dict[str, Comment]:
    """Every comment by id, with its thread (parent, resolved) from ``commentsExtended.xml``."""
    if comments is None:
        return {}
    out: dict[str, Comment] = {}
    by_para: dict[str, str] = {}
    for element in comments.iter(w("comment")):
        comment_id = element.get(w("id"))
        if comment_id is None:
            continue
        out[comment_id] = Comment(comment_id, element.get(w("author")) or "", text_of(element).strip(),
                                  date=element.get(w("date")))
        for paragraph in element.iter(w("p")):
            para_id = paragraph.get(f"{{{W14}}}paraId")
            if para_id:
                by_para[para_id] = comment_id
    for entry in extended.iter(f"{{{W15}}}commentEx") if extended is not None else ():
        own = out.get(by_para.get(entry.get(f"{{{W15}}}paraId") or "", ""))
        if own is None:
            continue
        own.done = entry.get(f"{{{W15}}}done") in ("1", "true")
        parent = by_para.get(entry.get(f"{{{W15}}}paraIdParent") or "")
        own.parent = parent if parent != own.id else None
    return out


def anchor_comments(body: etree._Element, comments: dict[str, Comment],
                    owner_of: Callable[[etree._Element], str | None]) -> None:
    """Give each comment the part it is anchored in; ``owner_of`` names a row's or table's part.

    A comment outside every table (on a question's heading or prompt) belongs to the part
    of the next table, unless a heading comes first: then it is about the form as a whole."""
    waiting: list[Comment] = []
    seen: set[str] = set()
    for order, element in enumerate(body.iter(w("commentRangeStart"), w("commentReference"), w("tbl"), w("p"))):
        if element.tag == w("p"):
            if _is_heading(element):
                waiting = []  # they keep part None
            continue
        if element.tag == w("tbl"):
            part = owner_of(element)
            for comment in waiting:
                comment.part = part
            waiting = []
            continue
        found = comments.get(element.get(w("id")) or "")
        if found is None or found.id in seen:
            continue
        comment = found
        seen.add(comment.id)
        comment.order = order
        row = next(element.iterancestors(w("tr")), None)
        if row is None:
            waiting.append(comment)
            continue
        table = next(element.iterancestors(w("tbl")))
        comment.part = owner_of(row) or owner_of(table)


def _is_heading(paragraph: etree._Element) -> bool:
    style = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return style is not None and (style.get(w("val")) or "").startswith(("Heading", "Title"))
