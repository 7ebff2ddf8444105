"""What the monthly report says, as data: one typed, immutable result for every format.

Renderers (html, docx, xlsx, json) only lay these figures out; nothing is counted twice.
A count is ``None`` where ``--public`` suppressed it (a count under 5); a share's
``percent`` is a whole percentage, rounded half up, and ``caution`` marks a percentage
of fewer than 30 judgements or audits. Never holds answer text, except the quoted
``texts`` a definition marks reportable and the user asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Below this many judgements (or audits) a percentage carries a caution.
CAUTION_BELOW = 30
#: With ``--public``, counts below this are suppressed.
SUPPRESS_BELOW = 5
#: A question is a repeat finding when it is below good this many months running.
REPEAT_MONTHS = 3

Count = int | None


def percent(part: int, whole: int) -> int | None:
    """A whole percentage, rounded half up (66.5% is 67%), or ``None`` of nothing."""
    if whole <= 0:
        return None
    return (200 * part + whole) // (2 * whole)


@dataclass(frozen=True)
class Share:
    """``count`` of ``total`` as a whole percentage."""

    count: Count
    total: Count
    percent: int | None
    caution: bool

    @classmethod
    def of(cls, count: int, total: int, public: bool = False) -> Share:
        hide_count = public and count < SUPPRESS_BELOW
        hide_total = public and total < SUPPRESS_BELOW
        shown = None if hide_count or hide_total else percent(count, total)
        return cls(None if hide_count else count, None if hide_total else total, shown,
                   0 < total < CAUTION_BELOW)


def shown(count: int, public: bool) -> Count:
    return None if public and count < SUPPRESS_BELOW else count


def shown_unless_none(count: int, public: bool) -> Count:
    """:func:`shown` for a count of files (counted, left out): none is said as none, where a
    published paper read "Left out: fewer than 5 files that could not be read" with none left
    out. A table's cells keep :func:`shown`: there a 0 beside a suppressed total can tell
    what every child of a small group was rated."""
    return 0 if count == 0 else shown(count, public)


def say(count: Count) -> str:
    """A count as the report words it: a suppressed count is "fewer than 5"."""
    return f"fewer than {SUPPRESS_BELOW}" if count is None else str(count)


@dataclass(frozen=True)
class Grade:
    """One answer of a scale, best first; ``good`` is ``None`` for Not applicable."""

    id: str
    label: str
    value: float | None
    good: bool | None


@dataclass(frozen=True)
class ScaleInfo:
    id: str
    title: str
    grades: tuple[Grade, ...]
    good_from: str | None


@dataclass(frozen=True)
class Distribution:
    """How the judgements on one scale fell: one count per grade (best first), then N/A."""

    scale: str
    counts: tuple[Count, ...]
    not_applicable: Count
    graded: Count
    good_or_better: Share


@dataclass(frozen=True)
class Target:
    """A headline's target (whole percentage) and whether the figure met it."""

    at_least: int
    source: str
    met: bool | None


@dataclass(frozen=True)
class Headline:
    audits: Count
    overall: Distribution | None
    overall_good: Share | None
    judgements_good: Share
    overall_target: Target | None
    judgements_target: Target | None


@dataclass(frozen=True)
class MonthHeadline:
    month: str
    audits: Count
    overall_good: Share | None
    judgements_good: Share


@dataclass(frozen=True)
class MonthShare:
    month: str
    good_or_better: Share


@dataclass(frozen=True)
class QuestionFigures:
    id: str
    number: str | None
    title: str
    tags: tuple[str, ...]
    distribution: Distribution
    trend: tuple[MonthShare, ...]


@dataclass(frozen=True)
class BreakdownRow:
    value: str
    audits: Count
    overall_good: Share | None
    judgements_good: Share
    by_question: tuple[Share, ...]
    #: every judgement of these audits on the tool's first scale, for the stacked chart
    distribution: Distribution | None = None


@dataclass(frozen=True)
class Breakdown:
    """The period's figures by one dimension (team, area of service, strand, age band)."""

    dimension: str
    title: str
    questions: tuple[str, ...]
    rows: tuple[BreakdownRow, ...]


@dataclass(frozen=True)
class RepeatFinding:
    id: str
    title: str
    months: tuple[str, ...]
    shares: tuple[Share, ...]


@dataclass(frozen=True)
class Theme:
    tag: str
    description: str
    questions: tuple[str, ...]
    distribution: Distribution
    trend: tuple[MonthShare, ...]


@dataclass(frozen=True)
class CriterionAnswers:
    """How one checklist criterion was answered in the period: a count per answer, in the
    answer set's order; ``answered`` is their sum."""

    id: str
    number: str | None
    title: str
    counts: tuple[Count, ...]
    answered: Count


@dataclass(frozen=True)
class ChecklistAnswers:
    """The checklist criteria answered on one answer set (YES / NO / N/A): not grades, so
    counted in a table of their own, with no share good or better."""

    scale: str
    title: str
    #: the answers' ids and labels, in the answer set's order (its not-applicable answer last)
    answers: tuple[str, ...]
    labels: tuple[str, ...]
    criteria: tuple[CriterionAnswers, ...]


@dataclass(frozen=True)
class Agreement:
    """Agreement between auditor and moderator on one scale, pooled over the months shown."""

    scale: str
    pairs: Count
    exact: Share
    within_one: Share
    kappa: float | None
    kappa_low: float | None
    kappa_high: float | None
    kappa_method: str
    #: auditor's grade (rows) x moderator's grade (columns), best first, N/A last.
    table: tuple[tuple[Count, ...], ...]


@dataclass(frozen=True)
class Moved:
    """How often the moderator moved one part's judgement up or down."""

    id: str
    title: str
    moderated: Count
    up: Count
    down: Count


@dataclass(frozen=True)
class ChecklistFinding:
    item: str
    label: str
    not_met: Count
    assessed: Count


@dataclass(frozen=True)
class Moderation:
    audits: Count
    agreement: tuple[Agreement, ...]
    moved: tuple[Moved, ...]
    checklist: tuple[ChecklistFinding, ...]


@dataclass(frozen=True)
class SampleMonth:
    """``on_time`` is of the returned audits whose return day is known; ``unknown_return``
    counts the others (a Word form's only copy saved over by its moderator), left out of it."""

    month: str
    drawn: Count
    returned: Count
    on_time: Share
    moderated: Count
    final: Count
    unknown_return: Count = 0


@dataclass(frozen=True)
class ActionMonth:
    month: str
    agreed: Count
    outstanding: Count
    overdue: Count
    signed_off_on_time: Share


@dataclass(frozen=True)
class ActionFigures:
    """Agreed actions of the audits counted, where they stand on ``as_of``.

    ``signed_off_on_time`` is of the actions signed off (no longer required left out): on or
    before their completion date."""

    as_of: str
    agreed: Count
    open: Count
    due_soon: Count
    overdue: Count
    signed_off: Count
    signed_off_late: Count
    no_longer_required: Count
    signed_off_on_time: Share
    months: tuple[ActionMonth, ...]


@dataclass(frozen=True)
class Coverage:
    """Which audits the figures count, and every audit left out with the reason."""

    counted: Count
    by_basis: dict[str, Count]
    drafts: Count = 0
    outside_months: Count = 0
    undated: Count = 0
    other_tool: Count = 0
    unreadable: Count = 0
    duplicates: Count = 0
    other_versions: dict[str, Count] = field(default_factory=dict)
    from_sample: bool = False


@dataclass(frozen=True)
class Quoted:
    """Text the definition marks reportable, quoted because the user asked for it."""

    audit_id: str
    month: str
    part: str
    text: str


@dataclass(frozen=True)
class Figures:
    tool_id: str
    tool_title: str
    tool_version: str
    period: str
    months: tuple[str, ...]
    public: bool
    basis: str
    coverage: Coverage
    scales: tuple[ScaleInfo, ...]
    headline: Headline
    trend: tuple[MonthHeadline, ...]
    questions: tuple[QuestionFigures, ...]
    breakdowns: tuple[Breakdown, ...]
    repeat_findings: tuple[RepeatFinding, ...]
    #: the % good or better a question stays below, REPEAT_MONTHS months running, to be a repeat finding
    repeat_threshold: int
    themes: tuple[Theme, ...]
    moderation: Moderation | None
    sample: tuple[SampleMonth, ...] | None
    #: the service's target for audits returned on time, met or not in the period
    sample_target: Target | None = None
    #: ``None`` when the tool declares no action plan (a table with ``role: action_plan``)
    actions: ActionFigures | None = None
    texts: tuple[Quoted, ...] = ()
    #: checklist answers (YES / NO / N/A) of the period, one table per answer set
    checklists: tuple[ChecklistAnswers, ...] = ()
    #: the protective marking every format prints (the tool's, or the service's --marking)
    marking: str | None = None
