"""How Word form controls are named: one scheme shared by the renderer and the extractor.

Tags (``w:tag``) are the stable machine names; aliases (``w:alias``, Word's "Title") are
what a person sees when the control is selected. Definition ids match
``[a-z0-9][a-z0-9-]*``, so ``.`` can join them without ambiguity and ``_`` marks names
that belong to the form rather than to the definition:

=====================================  ===========================================
``child-id``                           a field
``strand.care-leavers``                one option (check box) of a multichoice field
``q4.judgement``, ``q4.impact``        a question's judgement and narratives
``care-leaving.not_relevant``          an optional section's "not relevant" box
``care-leaving.judgement``             a section's overall judgement (and narratives)
``actions.2.person``                   row 2 (counted from 1) of a repeatable table
``ecm.being-healthy.grade``            a fixed row of a table
``_moderation.moderator``              the moderator's sign-off (also ``date``, ``summary``)
``_moderation.q4.judgement``           the moderated judgement of q4 (or ``agree``)
``_moderation.q4.checklist.item-id``   one moderator's checklist item for q4
=====================================  ===========================================
"""

from __future__ import annotations

MODERATION = "_moderation"
MODERATION_PARTS = ("moderator", "date", "summary")
#: The value of the moderation drop-downs' first item: the moderator agrees with the auditor.
AGREE = "agree"
ALIAS_LIMIT = 100

#: Custom document properties that say which tool (and version) a form was made from.
PROP_DEFINITION = "auditforms.definition"
PROP_VERSION = "auditforms.version"
PROP_FORMAT = "auditforms.form"
PROP_AUDIT_ID = "auditforms.audit_id"
FORM_FORMAT = "auditforms/word-form 1"
#: A Word file auditforms made that is not a form (the monthly board paper) says what it is in
#: this custom property, as its own JSON records say it in ``format``
#: (:data:`auditforms.results.envelope.OWN_RECORDS`).
PROP_RECORD = "auditforms.format"


def tag(*parts: str | int) -> str:
    return ".".join(str(p) for p in parts)


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` at a word boundary so titles stay readable in Word's properties box."""
    text = " ".join(text.split()).rstrip(":").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:–-") + "…"


class AliasBook:
    """Makes every alias unique, so that a form whose tags were lost can still be read by title."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def alias(self, text: str) -> str:
        base = shorten(text, ALIAS_LIMIT - 5)
        count = self._seen.get(base, 0) + 1
        self._seen[base] = count
        return base if count == 1 else f"{base} ({count})"
