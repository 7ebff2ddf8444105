"""The moderation record a Word form holds: the moderation table, the sign-off and comments.

- The moderation table's drop-down for a part gives ``agreed`` (the moderator chose
  "Agree") or ``judgements`` (the judgement the moderator would give instead).
- Its check boxes give ``checklist``: for every part where the moderator ticked at least one
  box each item is recorded, ticked as true and unticked as false; a part whose boxes were all
  left unticked records nothing (not assessed), even when the moderator judged it, so an
  untouched checklist is never counted as eight items not met.
- Comments anchored in a part's answers give ``comments`` (several are joined by blank
  lines). A reply by the comment's own author is the moderator's follow-up and is joined
  to the comment; a reply by anyone else is the auditor's and goes to ``responses``, with
  ``addressed`` true when the comment was resolved (Word's Resolve). Comments anchored
  outside any part (the title page, the sign-off) are added to the ``summary``.
- When the moderator's name and date are filled, ``auditor_judgements`` keeps the
  auditor's judgements as the form holds them, unless the auditor has begun finishing (a
  reply or a resolved comment): their answers may then hold the moderator's judgements
  taken, which are not the judgements as moderated (``check`` would take each for a
  needless moderated judgement, AF632, and reports would count the moderator as agreeing).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

from auditforms.extract.comments import Comment
from auditforms.extract.reader import Control, w
from auditforms.model.definition import Definition
from auditforms.renderers.docx.moderation import judged_parts
from auditforms.renderers.docx.naming import AGREE, MODERATION, MODERATION_PARTS


def part_of_tag(tag: str) -> str | None:
    """The part a control belongs to: ``q4`` for ``q4.impact`` and ``_moderation.q4.judgement``."""
    owner, _, rest = tag.partition(".")
    if owner != MODERATION:
        return owner
    part = rest.split(".", 1)[0]
    return None if part in MODERATION_PARTS else part


class Owners:
    """Which part a table row or a table belongs to, from the controls matched in it."""

    def __init__(self, controls: Mapping[str, Control], tables: Mapping[str, etree._Element | None]) -> None:
        self._rows: dict[etree._Element, Counter[str | None]] = {}
        self._tables: dict[etree._Element, Counter[str | None]] = {}
        for tag, control in controls.items():
            if control.element is not None:
                self._count(control.element, part_of_tag(tag))
        self._answer_tables = {element: table_id for table_id, element in tables.items() if element is not None}

    def _count(self, element: etree._Element, part: str | None) -> None:
        row = next(element.iterancestors(w("tr")), None)
        table = next(element.iterancestors(w("tbl")), None)
        if row is not None and table is not None:
            self._rows.setdefault(row, Counter())[part] += 1
            self._tables.setdefault(table, Counter())[part] += 1

    def __call__(self, element: etree._Element) -> str | None:
        """The one part a row or table holds controls of; None when it has none or several."""
        if element in self._answer_tables:
            return self._answer_tables[element]
        table = element if element.tag == w("tbl") else next(element.iterancestors(w("tbl")), None)
        if table in self._answer_tables:
            return self._answer_tables[table]
        counts = (self._rows if element.tag == w("tr") else self._tables).get(element)
        return next(iter(counts)) if counts is not None and len(counts) == 1 else None


def moderation_record(definition: Definition, raw: Mapping[str, Any], comments: Iterable[Comment],
                      answers: Mapping[str, Any]) -> dict[str, Any]:
    """The ``moderation`` object; empty when the form holds nothing of the moderator's."""
    record: dict[str, Any] = {k: raw[k] for k in ("moderator", "date") if k in raw}
    _judgements(raw, record)
    _comments(list(comments), record)
    if "moderator" in record and "date" in record and "responses" not in record:
        auditor = _auditor_judgements(definition, answers)
        if auditor:
            record["auditor_judgements"] = auditor
    if "summary" in raw or "summary" in record:
        record["summary"] = "\n\n".join(t for t in (raw.get("summary"), record.pop("summary", None)) if t)
    return record


def _judgements(raw: Mapping[str, Any], record: dict[str, Any]) -> None:
    agreed: list[str] = []
    judgements: dict[str, str] = {}
    ticks: dict[str, dict[str, bool]] = {}
    for key, value in raw.items():
        part, _, what = key.partition(".")
        if what == "judgement" and value == AGREE:
            agreed.append(part)
        elif what == "judgement":
            judgements[part] = value
        elif what.startswith("checklist."):
            ticks.setdefault(part, {})[what.removeprefix("checklist.")] = value is True
    checklist = {p: items for p, items in ticks.items() if any(items.values())}
    for name, value in (("judgements", judgements), ("agreed", agreed), ("checklist", checklist)):
        if value:
            record[name] = value


def _comments(comments: list[Comment], record: dict[str, Any]) -> None:
    texts: dict[str | None, list[str]] = {}
    responses: dict[str, dict[str, Any]] = {}
    for comment, root in _threads(comments):
        if _is_auditors_reply(comment, root) and root.part is not None:
            response = responses.setdefault(root.part, {"addressed": False, "reply": None})
            response["reply"] = "\n\n".join(t for t in (response["reply"], comment.text) if t) or None
            continue
        if comment.text:
            texts.setdefault(root.part, []).append(comment.text)
        if comment is root and comment.done and root.part is not None:
            responses.setdefault(root.part, {"addressed": False, "reply": None})["addressed"] = True
    by_part = {part: "\n\n".join(t) for part, t in texts.items() if part is not None}
    if by_part:
        record["comments"] = by_part
    if responses:
        record["responses"] = responses
    if texts.get(None):
        record["summary"] = "\n\n".join(texts[None])


def _is_auditors_reply(comment: Comment, root: Comment) -> bool:
    """A reply on a part by someone other than the comment's author: the auditor's."""
    return comment is not root and comment.author != root.author and root.part is not None


def comments_by_role(comments: Iterable[Comment]) -> tuple[list[Comment], list[Comment]]:
    """The moderator's comments (with their follow-ups) and the auditor's replies, in document
    order, told apart as the moderation record tells them (for the history's who and when)."""
    moderator: list[Comment] = []
    auditor: list[Comment] = []
    for comment, root in _threads(list(comments)):
        (auditor if _is_auditors_reply(comment, root) else moderator).append(comment)
    return moderator, auditor


def _threads(comments: list[Comment]) -> list[tuple[Comment, Comment]]:
    """Each comment, in document order, with the first comment of its thread.

    Word records threads; LibreOffice 7.4 loses them on save, leaving replies as comments
    anchored at the same place. So a comment with no recorded parent, by another author
    than the first comment on its part, is taken as a reply to that first comment."""
    by_id = {c.id: c for c in comments}
    first: dict[str, Comment] = {}
    out = []
    for comment in sorted(comments, key=lambda c: (c.order, int(c.id) if c.id.isdigit() else 0)):
        root = _root(comment, by_id)
        if root is comment and comment.part is not None:
            opener = first.setdefault(comment.part, comment)
            if opener.author != comment.author:
                root = opener
        out.append((comment, root))
    return out


def _root(comment: Comment, by_id: Mapping[str, Comment]) -> Comment:
    seen = {comment.id}
    while comment.parent is not None and comment.parent in by_id and comment.parent not in seen:
        comment = by_id[comment.parent]
        seen.add(comment.id)
    return comment


def _auditor_judgements(definition: Definition, answers: Mapping[str, Any]) -> dict[str, str]:
    out = {}
    for part in judged_parts(definition):
        answer = answers.get(part.id)
        if isinstance(answer, Mapping) and isinstance(answer.get("judgement"), str):
            out[part.id] = answer["judgement"]
    return out
