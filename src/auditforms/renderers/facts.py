"""What a form says about the audit besides its questions: which type of audit it is, the
period it judges, what it is about, who takes part and what is completed beside it.

Worked out once here for the HTML and Word forms, so both say the same in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.model.definition import Definition, Lookback

_DOES = {"self-audit": "Completed by", "receive-outcome": "Outcome shared with", "contribute": "With information from"}


@dataclass(frozen=True)
class Fact:
    """One line of the form's summary: "Type of audit: Deep dive"."""

    label: str
    value: str
    hint: str | None = None


def completer(definition: Definition, completed_by: str | None) -> str | None:
    """``completed_by`` as a form shows it: a party's label, else as written (central, ...)."""
    party = next((p for p in definition.parties if p.id == completed_by), None)
    return party.label if party else completed_by


def months(count: int) -> str:
    return f"{count} month{'s' if count != 1 else ''}"


def lookback_for(definition: Definition, audit_type: str | None) -> Lookback | None:
    """The look-back of the audit type, else the tool's."""
    kind = definition.audit_type(audit_type) if audit_type else None
    return kind.lookback if kind and kind.lookback else definition.lookback


def audit_facts(definition: Definition, audit_type: str | None = None) -> tuple[Fact, ...]:
    """The summary lines after the version and look-back; none for a tool that uses none of
    audit types, document subjects, parties, companions or an unmoderated process."""
    facts = list(_type_facts(definition, audit_type))
    if definition.subject.is_document:
        facts.append(Fact("What is audited", f"One {definition.subject.label or 'document'}, with its own "
                          "reference and date"))
    for does, label in _DOES.items():
        names = [p.label for p in definition.parties if p.does == does]
        if names:
            hints = [p.description for p in definition.parties if p.does == does and p.description]
            facts.append(Fact(label, "; ".join(names), " ".join(hints) or None))
    for companion in definition.companions:
        facts.append(Fact("Completed beside", companion.label or companion.tool,
                          "About the same subject; keep the two together."))
    if not definition.moderated_at_all:
        facts.append(Fact("Moderation", "Not moderated: the audit is final when it is finished"))
    return tuple(facts)


def _type_facts(definition: Definition, audit_type: str | None) -> list[Fact]:
    kind = definition.audit_type(audit_type) if audit_type else None
    if kind is None:
        if not definition.audit_types:
            return []
        each = [f"{t.label} ({months(t.lookback.months)} look-back)" if t.lookback else t.label
                for t in definition.audit_types]
        return [Fact("Types of audit", "; ".join(each), "The lead auditor says which this audit is.")]
    facts = [Fact("Type of audit", kind.label, kind.description)]
    if kind.judgement_window:
        window = kind.judgement_window
        facts.append(Fact("Judgement window", f"The last {months(window.months)}", window.description))
    return facts
