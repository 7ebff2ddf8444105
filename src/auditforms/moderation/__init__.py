"""Moderation: the moderator's checklist, the audit's lifecycle and the moderation deadline.

Pure functions over a :class:`~auditforms.model.definition.Definition` and a completed-audit
document; the forms (HTML, Word), ``check`` and the dip sample's ``status`` build on them.
"""

from __future__ import annotations

from auditforms.moderation.checklist import APPLIES_TO_KINDS, checklist_for, checklist_parts, part_kind

__all__ = ["APPLIES_TO_KINDS", "checklist_for", "checklist_parts", "part_kind"]
