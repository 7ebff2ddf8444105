"""Folding audit records into counters, one at a time, so memory stays flat as months add up.

Only counts are kept (per month, part and grade; per dimension value for the period; per
pair of grades for moderation); a record is dropped as soon as it is counted. The tidy
rows for the spreadsheet are kept only when asked for.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from auditforms.collation.parts import JudgedPart
from auditforms.collation.record import DIMENSIONS, AuditRecord
from auditforms.results.envelope import RETURNED_STATUSES
from auditforms.results.progress import progress


@dataclass
class GoodCount:
    graded: int = 0
    good: int = 0

    def add(self, good: bool | None) -> None:
        if good is not None:
            self.graded += 1
            self.good += good


@dataclass
class MonthTally:
    audits: int = 0
    overall: GoodCount = field(default_factory=GoodCount)
    judgements: GoodCount = field(default_factory=GoodCount)


@dataclass
class GroupTally:
    """The period's counts for one value of a dimension (one team, one age band)."""

    audits: int = 0
    overall: GoodCount = field(default_factory=GoodCount)
    judgements: GoodCount = field(default_factory=GoodCount)
    parts: defaultdict[int, GoodCount] = field(default_factory=lambda: defaultdict(GoodCount))
    #: final answer id -> count, over every judged part
    grades: Counter[str] = field(default_factory=Counter)


@dataclass
class ModerationTally:
    audits: int = 0
    #: scale id -> (auditor's grade, moderator's grade) -> count
    pairs: defaultdict[str, Counter[tuple[str, str]]] = field(default_factory=lambda: defaultdict(Counter))
    #: part index -> [moderated, up, down]
    moved: defaultdict[int, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))
    #: checklist item id -> [not met, assessed]
    checklist: defaultdict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))


@dataclass
class SampleReturn:
    status: str
    submitted_on: dt.date | None


@dataclass
class Tally:
    parts: tuple[JudgedPart, ...]
    overall_index: int | None
    months: tuple[str, ...]
    month_tallies: dict[str, MonthTally] = field(default_factory=dict)
    #: (part index, month) -> final answer id -> count
    answers: defaultdict[tuple[int, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    groups: dict[str, defaultdict[str, GroupTally]] = field(default_factory=dict)
    moderation: ModerationTally = field(default_factory=ModerationTally)
    by_basis: Counter[str] = field(default_factory=Counter)
    left_out: Counter[str] = field(default_factory=Counter)
    other_versions: Counter[str] = field(default_factory=Counter)
    #: audit id (and "child:<id>") -> what the sample figures need (from the audit's file
    #: furthest on); kept only with a sample
    track_returns: bool = False
    #: audit ids already counted: a second file of the same audit is not counted again
    counted_ids: set[str] = field(default_factory=set)
    returns: dict[str, SampleReturn] = field(default_factory=dict)
    #: checklist criteria (YES / NO / N/A), counted apart from grades
    criteria: tuple[JudgedPart, ...] = ()
    #: criterion index -> the period's final answer id -> count
    criteria_answers: defaultdict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def __post_init__(self) -> None:
        self.month_tallies = {m: MonthTally() for m in self.months}
        self.groups = {d: defaultdict(GroupTally) for d, _ in DIMENSIONS}

    @property
    def period(self) -> str:
        return self.months[-1]

    def add(self, record: AuditRecord, version: str) -> str | None:
        """Count ``record``; the reason (also counted) when it is left out."""
        if self.track_returns and record.status in RETURNED_STATUSES:
            self._note_return(record)
        reason = self._left_out(record, version)
        if reason:
            self.left_out[reason] += 1
            if reason == "other_version":
                self.other_versions[record.version or "unknown"] += 1
            return reason
        self.counted_ids.add(record.audit_id)
        month = record.month or ""
        self.by_basis[record.status] += 1
        self._count_month(record, self.month_tallies[month])
        if month == self.period:
            self._count_groups(record)
            for i, answer in enumerate(record.criteria):
                if answer is not None:
                    self.criteria_answers[i][answer] += 1
        if record.moderated:
            self._count_moderation(record)
        return None

    def _note_return(self, record: AuditRecord) -> None:
        self.note_return(record.audit_id, record.child_id, record.status, record.submitted_on)

    def note_return(self, audit_id: str, child_id: str | None, status: str, returned: dt.date | None) -> None:
        """What the sample figures need of one file of an audit: of its files, the one furthest
        on says where it stands (:mod:`auditforms.results.progress`), and the earliest says when it
        came back (a moderated or final file was saved later), whatever the order they are read in."""
        keys = [audit_id] + ([f"child:{child_id.casefold()}"] if child_id else [])
        for key in keys:
            held = self.returns.get(key)
            status_now = status if held is None or progress(status) > progress(held.status) else held.status
            days = [d for d in (returned, held.submitted_on if held else None) if d is not None]
            self.returns[key] = SampleReturn(status_now, min(days) if days else None)

    def _left_out(self, record: AuditRecord, version: str) -> str | None:
        if record.status not in RETURNED_STATUSES:
            return "drafts"
        if record.version != version:
            return "other_version"
        if record.month is None:
            return "undated"
        if record.month not in self.month_tallies:
            return "outside_months"
        return "duplicates" if record.audit_id in self.counted_ids else None

    def _count_month(self, record: AuditRecord, tally: MonthTally) -> None:
        tally.audits += 1
        month = record.month or ""
        for i, (part, judgement) in enumerate(zip(self.parts, record.judgements, strict=True)):
            if judgement.final is None:
                continue
            self.answers[(i, month)][judgement.final] += 1
            good = part.good.get(judgement.final)
            tally.judgements.add(good)
            if i == self.overall_index:
                tally.overall.add(good)

    def _count_groups(self, record: AuditRecord) -> None:
        for dimension, _ in DIMENSIONS:
            for value in record.dimensions.get(dimension, ()):
                group = self.groups[dimension][value]
                group.audits += 1
                for i, (part, judgement) in enumerate(zip(self.parts, record.judgements, strict=True)):
                    good = part.good.get(judgement.final) if judgement.final else None
                    if judgement.final:
                        group.grades[judgement.final] += 1
                    group.judgements.add(good)
                    group.parts[i].add(good)
                    if i == self.overall_index:
                        group.overall.add(good)

    def _count_moderation(self, record: AuditRecord) -> None:
        tally = self.moderation
        tally.audits += 1
        for i, (part, judgement) in enumerate(zip(self.parts, record.judgements, strict=True)):
            before, after = judgement.auditor, judgement.moderator
            if before is None or after is None:
                continue
            tally.pairs[part.scale.id][(before, after)] += 1
            moved = tally.moved[i]
            moved[0] += 1
            rank_before, rank_after = part.ranks.get(before), part.ranks.get(after)
            if rank_before is not None and rank_after is not None and rank_before != rank_after:
                moved[1 if rank_after > rank_before else 2] += 1
        for items in record.checklist.values():
            for item, met in items.items():
                counts = tally.checklist[item]
                counts[0] += not met
                counts[1] += 1
