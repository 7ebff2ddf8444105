"""The definition language as immutable pydantic models (no I/O here)."""

from auditforms.model.conditions import All, Any_, Condition, Not, Test
from auditforms.model.definition import (
    AgeBand,
    Column,
    Consideration,
    Definition,
    FieldItem,
    ForEachRows,
    Judgement,
    Lookback,
    Marking,
    Narrative,
    Option,
    Overall,
    Question,
    ReferenceDocument,
    RowLabel,
    Rule,
    Scale,
    ScaleOption,
    Section,
    Statement,
    Table,
)
from auditforms.model.index import DefinitionIndex, Entry

__all__ = [
    "AgeBand", "All", "Any_", "Column", "Condition", "Consideration", "Definition",
    "DefinitionIndex", "Entry", "FieldItem", "ForEachRows", "Judgement", "Lookback",
    "Marking", "Narrative", "Not", "Option", "Overall", "Question", "ReferenceDocument",
    "RowLabel", "Rule", "Scale", "ScaleOption", "Section", "Statement", "Table", "Test",
]
