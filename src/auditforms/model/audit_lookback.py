"""The look-back of one audit: its audit type's, where the audit records a type.

A tool with ``audit_types`` (a regular audit looking back a year, a deep dive looking back two)
draws each sample with the look-back of the type asked for, and the sample pre-fills the field
with the role ``audit_type``. Whatever reads a completed audit against the look-back (the rules'
``within_lookback_of``, ``check --history``'s advice) must use that same period, not the tool's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditforms.model.definition import Definition
from auditforms.model.policies import Lookback


def type_lookbacks(definition: Definition) -> dict[str, int]:
    """Months of look-back by audit type id: the type's own, else the tool's (types with neither
    are left out)."""
    out: dict[str, int] = {}
    for kind in definition.audit_types:
        lookback = kind.lookback or definition.lookback
        if lookback is not None:
            out[kind.id] = lookback.months
    return out


def default_lookback(definition: Definition) -> Lookback | None:
    """The look-back of an audit that records no type: the default (first) type's, as the
    sample draws with, else the tool's."""
    kind = definition.audit_type(None)
    return kind.lookback if kind is not None and kind.lookback is not None else definition.lookback


def audit_lookback(definition: Definition, answers: Mapping[str, Any]) -> Lookback | None:
    """The look-back of the type this audit records (its ``audit_type`` field, or compound part; the
    tool's when the type has none of its own); for an audit that records no type the tool has, the default."""
    recorded = definition.index.role_answer(answers, "audit_type") if isinstance(answers, Mapping) else None
    kind = definition.audit_type(recorded) if isinstance(recorded, str) else None
    own = (kind.lookback or definition.lookback) if kind is not None else None
    return own or default_lookback(definition)
