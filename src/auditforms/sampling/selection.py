"""Who may be sampled this month, and the random draw itself.

Eligibility follows the Torbay process: children "open to children's services, who have
not been audited within the past 6 months", where "some of these children may have
already been closed but they will still be audited". So a child is eligible when their
involvement overlaps the look-back window (opened on or before the reference date, and
not closed before the window starts) and they have no audit dated on or after the
window's first day.

The draw is reproducible without depending on Python's ``random`` implementation: each
child's place is the SHA-256 of ``seed:child id``, and the sample is the first N places
(within each stratum when stratified). The same inputs and seed give the same sample on
any machine and Python version, and adding a child to the list does not reshuffle others.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from auditforms.english import long_date
from auditforms.sampling.records import Child, PastAudit
from auditforms.sampling.values import months_before, normalise_key

STRATA = ("team", "area", "strand", "plan")


class SampleProblem(Exception):
    """The rules cannot be met; ``code`` is an AF8xx code and the message one line."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Criteria:
    reference_date: dt.date
    lookback_months: int
    size: int
    seed: int
    stratify: str | None = None
    flags: tuple[str, ...] = ()
    teams: tuple[str, ...] = ()
    strands: tuple[str, ...] = ()
    #: ``random`` draws ``size``; ``census`` takes every eligible child (or document).
    method: str = "random"
    plans: tuple[str, ...] = ()
    audit_type: str | None = None
    judgement_months: int | None = None
    #: The tool audits one document at a time: the list and the history are of documents.
    documents: bool = False

    @property
    def window_start(self) -> dt.date:
        return months_before(self.reference_date, self.lookback_months)


@dataclass
class Selection:
    chosen: list[Child]
    counts: dict[str, int] = field(default_factory=dict)
    quotas: dict[str, int] = field(default_factory=dict)


def draw_key(seed: int, text: str) -> str:
    return hashlib.sha256(f"{seed}:{text}".encode()).hexdigest()


def child_key(child_id: str) -> str:
    """Child ids compare without case or surrounding space ("c10001" is C10001)."""
    return child_id.strip().casefold()


def unit_key(child_id: str, document_id: str = "") -> str:
    """What one audit is about: a child (``c10001``) or one document of a child."""
    return child_key(child_id) + (f"\x00{child_key(document_id)}" if document_id.strip() else "")


def recently_audited(history: Iterable[PastAudit], since: dt.date, documents: bool = False) -> set[str]:
    """Children (or documents) audited on or after ``since``.

    An audit of one of a child's documents is not an audit of the child: for a tool about a
    child's whole case only whole-case audits count, and for a tool about documents only audits
    of the same document do, so two audits of one child's documents are never a repeat audit.
    """
    return {unit_key(a.child_id, a.document_id) for a in history
            if a.date >= since and bool(a.document_id.strip()) == documents}


def select(children: Sequence[Child], history: Iterable[PastAudit], criteria: Criteria) -> Selection:
    """Eligible children, filtered by theme, then drawn; raises :class:`SampleProblem`."""
    start = criteria.window_start
    if criteria.documents:
        _need_document_ids(children)
    audited = recently_audited(history, start, criteria.documents)
    counts = {"listed": len(children), "not_open": 0, "recently_audited": 0, "filtered": 0}
    eligible: list[Child] = []
    for child in children:
        if not _open_in_window(child, start, criteria.reference_date):
            counts["not_open"] += 1
        elif unit_key(child.child_id, child.document_id) in audited:
            counts["recently_audited"] += 1
        elif not matches_theme(child, criteria):
            counts["filtered"] += 1
        else:
            eligible.append(child)
    counts["eligible"] = len(eligible)
    if criteria.method == "census":
        if not eligible:
            raise SampleProblem("AF807", "no child is eligible for the census (" + _reasons(counts, criteria) + ")")
        return Selection(_readable(eligible), counts, {})
    if len(eligible) < criteria.size:
        raise SampleProblem("AF807", _too_few(counts, criteria))
    chosen, quotas = draw(eligible, criteria)
    return Selection(chosen, counts, quotas)


def _need_document_ids(children: Sequence[Child]) -> None:
    blank = next((c for c in children if not c.document_id), None)
    if blank is not None:
        raise SampleProblem("AF831", f"line {blank.line} of the case list has no document id; this tool "
                            "audits one document at a time, so the list needs a Document ID column "
                            "(one row per document)")


def _open_in_window(child: Child, start: dt.date, reference: dt.date) -> bool:
    if child.open_date and child.open_date > reference:
        return False
    return not (child.closed_date and child.closed_date < start)


def matches_theme(child: Child, criteria: Criteria) -> bool:
    flags = {normalise_key(f) for f in child.flags}
    if any(normalise_key(f) not in flags for f in criteria.flags):
        return False
    places = {normalise_key(child.team), normalise_key(child.area)}
    if criteria.teams and not places & {normalise_key(t) for t in criteria.teams}:
        return False
    if criteria.plans and normalise_key(child.plan) not in {normalise_key(p) for p in criteria.plans}:
        return False
    return not (criteria.strands and normalise_key(child.strand)
                not in {normalise_key(s) for s in criteria.strands})


def _reasons(counts: dict[str, int], criteria: Criteria) -> str:
    reasons = [f"{counts['recently_audited']} audited since {long_date(criteria.window_start)}",
               f"{counts['not_open']} not open in the look-back window"]
    if criteria.flags or criteria.teams or criteria.strands or criteria.plans:
        reasons.append(f"{counts['filtered']} outside the theme")
    return f"{counts['listed']} listed: {', '.join(reasons)}"


def _too_few(counts: dict[str, int], criteria: Criteria) -> str:
    return (f"only {counts['eligible']} children are eligible but the sample needs "
            f"{criteria.size} ({_reasons(counts, criteria)}); "
            "ask for a smaller sample or widen the theme")


def draw(eligible: Sequence[Child], criteria: Criteria) -> tuple[list[Child], dict[str, int]]:
    ranked = sorted(eligible, key=lambda c: draw_key(criteria.seed, _draw_text(c)))
    if not criteria.stratify:
        return _readable(ranked[: criteria.size]), {}
    strata: dict[str, list[Child]] = {}
    for child in ranked:
        strata.setdefault(getattr(child, criteria.stratify) or "(none)", []).append(child)
    quotas = proportional_quotas({k: len(v) for k, v in strata.items()}, criteria.size)
    chosen = [c for name, members in strata.items() for c in members[: quotas[name]]]
    return _readable(chosen), dict(sorted(quotas.items()))


def _draw_text(child: Child) -> str:
    """The text a child's (or document's) place is drawn from; a child's is as it always was."""
    key = child_key(child.child_id)
    return f"{key}:{child_key(child.document_id)}" if child.document_id else key


def _readable(children: list[Child]) -> list[Child]:
    """The sample in the order a lead auditor reads it: by area, team, then child id."""
    return sorted(children, key=lambda c: (normalise_key(c.area), normalise_key(c.team),
                                           c.child_id, c.document_id))


def proportional_quotas(sizes: dict[str, int], total: int) -> dict[str, int]:
    """Split ``total`` in proportion to ``sizes`` (largest remainder; ties by name)."""
    population = sum(sizes.values())
    if population == 0:
        return dict.fromkeys(sizes, 0)
    exact = {k: total * n / population for k, n in sizes.items()}
    quotas = {k: int(v) for k, v in exact.items()}
    order = sorted(sizes, key=lambda k: (-(exact[k] - quotas[k]), k))
    for name in order[: total - sum(quotas.values())]:
        quotas[name] += 1
    return quotas
