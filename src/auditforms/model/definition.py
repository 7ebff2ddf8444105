"""The resolved audit definition: what renderers and checks consume.

These models describe a definition *after* ``extends`` has been resolved and every
reference checked. They are immutable. The YAML spelling of each key is its alias
(``not``, ``is``, ``assert``); everything else is spelt as in YAML.

Answers to a definition live in one flat namespace keyed by id (see
``docs/completed-audit-format.md``):

* a field's answer is a scalar (text, ``YYYY-MM-DD``, number, option id) or, for
  ``multichoice``, a list of option ids;
* a question's answer is an object: ``judgement`` (option id) and one key per narrative;
* a section's answer (only when it has an ``overall`` block or is ``optional``) is an
  object: ``not_relevant`` (bool), ``judgement`` and its narratives;
* a table's answer is a list of row objects keyed by column id, or, for a table with
  fixed ``rows``, an object keyed by row id.
"""

from __future__ import annotations

from functools import cached_property

from pydantic import Field as PydField

from auditforms.model.base import Frozen
from auditforms.model.families import AuditType, Companion, Party, Sampling, Subject
from auditforms.model.index import DefinitionIndex
from auditforms.model.lineage import Lineage
from auditforms.model.nodes import (
    ActionColumnRole,
    AgeBand,
    Checklist,
    Column,
    CompletedBy,
    Consideration,
    FieldItem,
    FieldType,
    ForEachRows,
    Heading,
    Item,
    Judgement,
    Narrative,
    Option,
    Overall,
    Question,
    ReferenceDocument,
    Role,
    RowLabel,
    Rule,
    Section,
    Statement,
    StaticText,
    SubSection,
    Table,
)
from auditforms.model.policies import (
    ChecklistItem,
    Lookback,
    Marking,
    Moderation,
    ModerationDeadline,
    Targets,
)
from auditforms.model.presentation import Presentation
from auditforms.model.scales import NotApplicableOption, Scale, ScaleOption

#: The parts' names stay importable from here, where every caller has always found them.
__all__ = [
    "ActionColumnRole",
    "AgeBand",
    "Checklist",
    "ChecklistItem",
    "Column",
    "CompletedBy",
    "Consideration",
    "Definition",
    "DefinitionIndex",
    "FieldItem",
    "FieldType",
    "ForEachRows",
    "Heading",
    "Item",
    "Judgement",
    "Lookback",
    "Marking",
    "Moderation",
    "ModerationDeadline",
    "Narrative",
    "NotApplicableOption",
    "Option",
    "Overall",
    "Presentation",
    "Question",
    "ReferenceDocument",
    "Role",
    "RowLabel",
    "Rule",
    "Scale",
    "ScaleOption",
    "Section",
    "Statement",
    "StaticText",
    "SubSection",
    "Table",
    "Targets",
]


class Definition(Frozen):
    """A complete, resolved audit tool."""

    id: str
    title: str
    version: str
    publisher: str | None = None
    description: str | None = None
    marking: Marking | None = None
    lookback: Lookback | None = None
    completion_days: int | None = None
    moderation: Moderation | None = None
    guidance: str | None = None
    scales: tuple[Scale, ...] = ()
    references: tuple[ReferenceDocument, ...] = ()
    sections: tuple[Section, ...]
    rules: tuple[Rule, ...] = ()
    tags: dict[str, str] = PydField(default_factory=dict)
    #: Print each question's tags on the forms (HTML and Word), e.g. to tell compliance
    #: questions from quality ones.
    show_tags: bool = False
    targets: Targets | None = None
    based_on: tuple[str, ...] = ()
    presentation: Presentation = PydField(default_factory=Presentation)
    lineage: Lineage | None = None
    abstract: bool = False
    scale_libraries: tuple[str, ...] = ()
    audit_types: tuple[AuditType, ...] = ()
    subject: Subject = PydField(default_factory=Subject)
    parties: tuple[Party, ...] = ()
    companions: tuple[Companion, ...] = ()
    sampling: Sampling | None = None

    @cached_property
    def index(self) -> DefinitionIndex:
        return DefinitionIndex.build(self.scales, self.references, self.sections)

    def scale(self, scale_id: str) -> Scale:
        return self.index.scales[scale_id]

    @property
    def tool_id(self) -> str:
        """The tool this definition is a version of (its lineage), which audits of any version name."""
        return self.lineage.tool if self.lineage and self.lineage.tool else self.id
    def audit_type(self, type_id: str | None) -> AuditType | None:
        """The named audit type, the first (default) one for ``None``, or ``None`` if it has none."""
        if type_id is None:
            return self.audit_types[0] if self.audit_types else None
        return next((t for t in self.audit_types if t.id == type_id), None)

    @property
    def moderated_at_all(self) -> bool:
        """False for a tool that is never moderated (``moderated: never``): its forms have no
        moderation block and its final audits no moderation record."""
        return self.moderation is None or self.moderation.moderated != "never"


Definition.model_rebuild()
