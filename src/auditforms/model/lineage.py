"""Which tool a definition is a version of, how the tool prints its version, its version-control
table, and how the answers of older versions map onto this one.

Audits outlive the version they were completed against: a report across months, the action
tracker and ``check`` read last year's audits beside this month's. The mapping is data, so the
person who changed the tool says once what became of each answer, and every reader agrees.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator
from pydantic import Field as PydField

from auditforms.model.base import Frozen


class VersionRow(Frozen):
    """One row of the tool's version-control table, as the tool prints it ("01/03/21", "V 2")."""

    date: str | None = None
    label: str
    changes: str | None = None
    #: The definition version (semantic) this row is, where one is kept, e.g. ``2.0.0``.
    version: str | None = None


class Rename(Frozen):
    """An answer kept as it was under a new id."""

    rename: str
    to: str


class Merge(Frozen):
    """Several questions became one: narratives are joined, the judgement is chosen by ``judgement``."""

    merge: tuple[str, ...]
    into: str
    judgement: Literal["lowest", "highest", "first"] = "lowest"


class Split(Frozen):
    """One question became several: each new part starts from a copy of the old answer."""

    split: str
    into: tuple[str, ...]


def _as_list(value: Any) -> Any:
    return [value] if isinstance(value, str) else value


class Remove(Frozen):
    """Questions the new version dropped: their answers are not carried."""

    remove: Annotated[tuple[str, ...], BeforeValidator(_as_list)]
    reason: str | None = None


class GradeMap(Frozen):
    """One scale's grades mapped to another's, for every judgement now on scale ``grades``."""

    grades: str
    map: dict[str, str]


class OptionMap(Frozen):
    """A choice field's old option ids mapped to its current ones."""

    options: str
    map: dict[str, str]


class ColumnMap(Frozen):
    """A table's columns renamed (``map``: old column id -> this version's) or not carried
    (``drop``), in every row; ``columns`` names the table by this version's id."""

    columns: str
    map: dict[str, str] = PydField(default_factory=dict)
    drop: tuple[str, ...] = ()
    reason: str | None = None


AnswerChange = Rename | Merge | Split | Remove | GradeMap | OptionMap | ColumnMap


class VersionMapping(Frozen):
    """How the answers of the listed older versions become answers of this one."""

    versions: tuple[str, ...]
    answers: tuple[AnswerChange, ...] = ()
    description: str | None = None


class Lineage(Frozen):
    """A definition's place among the versions of one tool."""

    #: The tool this is a version of (its id, which older versions keep); default: the definition's id.
    tool: str | None = None
    #: The version as the tool prints it, e.g. "V3, 1/10/23".
    label: str | None = None
    version_control: tuple[VersionRow, ...] = ()
    from_versions: tuple[VersionMapping, ...] = PydField(default=())

    def mapping_from(self, version: str) -> VersionMapping | None:
        return next((m for m in self.from_versions if version in m.versions), None)
