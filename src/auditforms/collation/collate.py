"""The monthly report's one entry point (pure): feed documents in, take the figures out.

    collator = Collator(definition, ReportOptions(period="2026-11", since="2026-06"))
    for name, document in audits:
        collator.add(document, name)
    figures = collator.figures(sample_rows)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from auditforms.collation import build
from auditforms.collation.action_figures import ActionTally
from auditforms.collation.agreement import KappaFunction
from auditforms.collation.build import TargetSource
from auditforms.collation.figures import Coverage, Figures, Quoted, say, shown_unless_none
from auditforms.collation.parts import checklist_criteria, judged_parts, overall_part, reportable_texts
from auditforms.collation.record import AuditRecord, RecordReader, shown_text
from auditforms.collation.sample import sample_figures
from auditforms.collation.tally import Tally
from auditforms.model.definition import Definition, Targets
from auditforms.months import last_day, month_number
from auditforms.sampling.sample_file import SampleRow

#: Judgements below good in this share (or the judgements target, when set) make a question
#: a repeat finding.
REPEAT_THRESHOLD = 50
MAX_MONTHS = 36


class MonthsError(ValueError):
    """``since`` is after ``period``, or the months span more than MAX_MONTHS."""


def months_between(since: str, period: str) -> tuple[str, ...]:
    start, end = month_number(since), month_number(period)
    if start > end:
        raise MonthsError(f"--since {since} is after --period {period}")
    if end - start >= MAX_MONTHS:
        raise MonthsError(f"--since {since} is more than {MAX_MONTHS} months before --period {period}")
    return tuple(f"{n // 12:04d}-{n % 12 + 1:02d}" for n in range(start, end + 1))


@dataclass(frozen=True)
class ReportOptions:
    period: str
    since: str | None = None
    public: bool = False
    include_text: bool = False
    #: Targets from the service's settings; each one set takes precedence over the definition's.
    settings_targets: Targets | None = None
    #: The service's target for the share of the sample returned on time (whole percentage).
    returned_on_time_target: int | None = None
    with_sample: bool = False
    #: The day actions are judged open or overdue on (default: the last day of the period).
    today: dt.date | None = None


class Collator:
    def __init__(self, definition: Definition, options: ReportOptions) -> None:
        self.definition = definition
        self.options = options
        self.parts = judged_parts(definition)
        overall = overall_part(definition, self.parts)
        self.overall = overall
        criteria = checklist_criteria(definition)
        self.tally = Tally(self.parts, self.parts.index(overall) if overall else None,
                           months_between(options.since or options.period, options.period),
                           track_returns=options.with_sample, criteria=criteria)
        self.reader = RecordReader(definition, self.parts, criteria)
        self.actions = ActionTally(definition, self.tally.months, options.today or last_day(options.period))
        self.texts: list[Quoted] = []
        #: why the last document added was left out (``drafts``, ``duplicates``...), if it was
        self.last_left_out: str | None = None
        self._reportable = reportable_texts(definition) if options.include_text else ()

    def add(self, document: Mapping[str, Any], name: str, sample_row: Mapping[str, str] | None = None,
            ) -> AuditRecord | None:
        """Count one completed audit document of this tool (any version, any status); the
        record when it counts (for the spreadsheet's rows), ``None`` when it is left out."""
        record = self.reader.read(document, name, sample_row)
        self.last_left_out = self.tally.add(record, self.definition.version)
        if self.last_left_out is not None:
            return None
        self.actions.add(document, record.month or "")
        if self._reportable:
            self._quote(document.get("answers"), record.audit_id, record.month or "")
        return record

    def left_out(self, reason: str) -> None:
        """An audit that could not be counted at all: ``unreadable`` or ``other_tool``."""
        self.tally.left_out[reason] += 1

    def earlier_file(self, audit_id: str, child_id: str | None, status: str, returned: dt.date | None) -> None:
        """An earlier stage of an audit, not counted (its file furthest on is): it may still
        say when the audit first came back, for the sample's 'returned on time'."""
        if self.tally.track_returns:
            self.tally.note_return(audit_id, child_id, status, returned)

    def _quote(self, answers: Any, audit_id: str, month: str) -> None:
        if not isinstance(answers, Mapping):
            return
        for answer_id, narrative, label in self._reportable:
            value = answers.get(answer_id)
            if narrative is not None:
                value = value.get(narrative) if isinstance(value, Mapping) else None
            if isinstance(value, str) and value.strip():
                self.texts.append(Quoted(audit_id, month, label, shown_text(value).strip()))

    def figures(self, sample: Sequence[SampleRow] | None = None, kappa_of: KappaFunction | None = None) -> Figures:
        """The report's figures; ``kappa_of`` computes the moderation kappa (default: here,
        with statsmodels)."""
        definition, tally, public = self.definition, self.tally, self.options.public
        targets = self._targets()
        questions = build.questions(tally, public)
        sample_months = sample_figures(sample, tally.returns, tally.months, public) if sample is not None else None
        wanted = targets.get("judgements_good_or_better")[0]
        threshold = wanted if wanted is not None else REPEAT_THRESHOLD
        return Figures(
            tool_id=definition.id, tool_title=definition.title, tool_version=definition.version,
            period=self.options.period, months=tally.months, public=public,
            basis=basis_sentence(tally.by_basis, public), coverage=self._coverage(sample is not None),
            scales=tuple(build.scale_info(s) for s in definition.scales
                         if any(p.scale.id == s.id for p in self.parts)),
            headline=build.headline(tally, self.overall, targets, public),
            trend=build.trend(tally, self.overall is not None, public),
            questions=questions,
            breakdowns=build.breakdowns(tally, self.overall is not None, public, self.reader.order),
            repeat_findings=build.repeat_findings(questions, threshold), repeat_threshold=threshold,
            themes=build.themes(definition, tally, public),
            moderation=build.moderation(definition, tally, public, kappa_of),
            sample=sample_months,
            sample_target=build.sample_target(self.options.returned_on_time_target, sample_months),
            actions=self.actions.figures(public),
            texts=tuple(self.texts),
            checklists=build.checklists(tally, public),
            marking=" ".join(shown_text(definition.marking.label).split()) if definition.marking else None,
        )

    def _targets(self) -> TargetSource:
        return TargetSource(self.options.settings_targets, self.definition.targets)

    def _coverage(self, from_sample: bool) -> Coverage:
        left, public = self.tally.left_out, self.options.public
        files = shown_unless_none
        return Coverage(
            counted=files(sum(self.tally.by_basis.values()), public),
            by_basis={k: files(v, public) for k, v in sorted(self.tally.by_basis.items())},
            drafts=files(left["drafts"], public), outside_months=files(left["outside_months"], public),
            undated=files(left["undated"], public), other_tool=files(left["other_tool"], public),
            unreadable=files(left["unreadable"], public), duplicates=files(left["duplicates"], public),
            other_versions={k: files(v, public) for k, v in sorted(self.tally.other_versions.items())},
            from_sample=from_sample)


def basis_sentence(by_basis: Mapping[str, int], public: bool) -> str:
    """Which judgement the figures count, said plainly."""
    def n(key: str) -> str:
        return say(shown_unless_none(by_basis.get(key, 0), public))

    parts = [f"as finalised after moderation for {n('final')}",
             f"as moderated (not yet finalised) for {n('moderated')}",
             f"as submitted (not yet moderated) for {n('submitted')}"]
    return ("The figures count each audit's final judgements: " + ", ".join(parts) + " audits.")
