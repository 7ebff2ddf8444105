"""Whom a tool's sample is drawn from, how, and when: the definition's ``sampling``,
``audit_types`` and ``subject`` turned into the draw's :class:`Criteria`.

What the lead auditor types on the command line wins over what the tool declares, and what
the tool declares wins over the defaults (a random sample of 20, six months' look-back).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from auditforms.model.definition import Definition
from auditforms.model.families import AuditType
from auditforms.sampling.selection import Criteria, SampleProblem

DEFAULT_SIZE = 20
DEFAULT_LOOKBACK_MONTHS = 6


@dataclass(frozen=True)
class Asked:
    """What the command line asked for; ``None`` and empty mean "as the tool says"."""

    reference_date: dt.date
    seed: int
    size: int | None = None
    lookback_months: int | None = None
    audit_type: str | None = None
    census: bool = False
    stratify: str | None = None
    flags: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    strands: tuple[str, ...] = ()
    plans: tuple[str, ...] = ()


def criteria_for(definition: Definition, asked: Asked) -> Criteria:
    """The draw's criteria; raises :class:`SampleProblem` for an audit type the tool lacks."""
    sampling = definition.sampling
    kind = _audit_type(definition, asked.audit_type)
    lookback = kind.lookback if kind and kind.lookback else definition.lookback
    population = sampling.population if sampling and sampling.population else None
    method = "census" if asked.census or (sampling and sampling.method == "census") else "random"
    stratify = asked.stratify or (sampling.stratify_by if sampling and sampling.method == "stratified" else None)
    return Criteria(
        reference_date=asked.reference_date,
        lookback_months=(asked.lookback_months if asked.lookback_months is not None
                         else lookback.months if lookback else DEFAULT_LOOKBACK_MONTHS),
        size=asked.size or (sampling.size if sampling and sampling.size else DEFAULT_SIZE),
        seed=asked.seed, stratify=None if method == "census" else stratify,
        flags=asked.flags + (population.flags if population else ()),
        teams=asked.teams,
        strands=asked.strands or (population.strands if population else ()),
        plans=asked.plans or (population.plans if population else ()),
        method=method,
        audit_type=kind.id if kind else None,
        judgement_months=kind.judgement_window.months if kind and kind.judgement_window else None,
        documents=definition.subject.is_document,
    )


def _audit_type(definition: Definition, wanted: str | None) -> AuditType | None:
    if wanted is not None and not definition.audit_types:
        raise SampleProblem("AF832", f"--audit-type {wanted}: the tool {definition.id} has no audit types")
    kind = definition.audit_type(wanted)
    if wanted is not None and kind is None:
        known = ", ".join(t.id for t in definition.audit_types)
        raise SampleProblem("AF832", f"the tool {definition.id} has no audit type '{wanted}' (it has: {known})")
    return kind


def month_off(definition: Definition, reference: dt.date) -> str | None:
    """Why no sample is drawn in the reference date's month, or ``None`` when one is."""
    sampling = definition.sampling
    if sampling is None or not sampling.is_month_off(reference.month):
        return None
    return (f"the tool {definition.id} is not sampled in {reference:%B} (its sampling says "
            f"months_off: {', '.join(sampling.months_off)})")

