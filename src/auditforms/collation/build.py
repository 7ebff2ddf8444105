"""Turning the counters into the report's figures (pure)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from auditforms.collation.agreement import KappaFunction, agreement
from auditforms.collation.figures import (
    REPEAT_MONTHS,
    Breakdown,
    BreakdownRow,
    ChecklistAnswers,
    ChecklistFinding,
    CriterionAnswers,
    Distribution,
    Grade,
    Headline,
    Moderation,
    MonthHeadline,
    MonthShare,
    Moved,
    QuestionFigures,
    RepeatFinding,
    SampleMonth,
    ScaleInfo,
    Share,
    Target,
    Theme,
    shown,
)
from auditforms.collation.parts import JudgedPart, grades_best_first
from auditforms.collation.record import DIMENSIONS
from auditforms.collation.tally import GoodCount, Tally
from auditforms.model.definition import Definition, Scale, Targets


@dataclass(frozen=True)
class TargetSource:
    """The headline's targets, each with where it comes from: the service's settings where
    they set it, else the definition."""

    settings: Targets | None
    definition: Targets | None

    def get(self, name: str) -> tuple[int | None, str]:
        for targets, source in ((self.settings, "the service's settings"), (self.definition, "the definition")):
            value: int | None = getattr(targets, name) if targets is not None else None
            if value is not None:
                return value, source
        return None, ""


def scale_info(scale: Scale) -> ScaleInfo:
    grades = [Grade(o, scale.option(o).label, scale.option(o).value, scale.meets_good(o))  # type: ignore[union-attr]
              for o in grades_best_first(scale)]
    if scale.not_applicable:
        grades.append(Grade(scale.not_applicable.id, scale.not_applicable.label, None, None))
    return ScaleInfo(scale.id, scale.title or scale.id, tuple(grades), scale.good_from)


def distribution(scale: Scale, counts: Counter[str], public: bool) -> Distribution:
    grades = grades_best_first(scale)
    graded = sum(counts[g] for g in grades)
    good = sum(counts[g] for g in grades if scale.meets_good(g))
    na = counts[scale.not_applicable.id] if scale.not_applicable else 0
    return Distribution(scale.id, tuple(shown(counts[g], public) for g in grades), shown(na, public),
                        shown(graded, public), Share.of(good, graded, public))


def good_share(count: GoodCount, public: bool) -> Share:
    return Share.of(count.good, count.graded, public)


def headline(tally: Tally, overall: JudgedPart | None, targets: TargetSource, public: bool) -> Headline:
    month = tally.month_tallies[tally.period]
    overall_dist = None
    if overall is not None and tally.overall_index is not None:
        overall_dist = distribution(overall.scale, tally.answers[(tally.overall_index, tally.period)], public)
    overall_good = good_share(month.overall, public) if overall else None
    judgements_good = good_share(month.judgements, public)
    return Headline(
        shown(month.audits, public), overall_dist, overall_good, judgements_good,
        _target(*targets.get("overall_good_or_better"), overall_good),
        _target(*targets.get("judgements_good_or_better"), judgements_good))


def sample_target(at_least: int | None, months: tuple[SampleMonth, ...] | None) -> Target | None:
    """The service's returned-on-time target against the period's sample."""
    if at_least is None or not months:
        return None
    return _target(at_least, "the service's settings", months[-1].on_time)


def _target(at_least: int | None, source: str, share: Share | None) -> Target | None:
    if at_least is None:
        return None
    met = None if share is None or share.percent is None else share.percent >= at_least
    return Target(at_least, source, met)


def trend(tally: Tally, has_overall: bool, public: bool) -> tuple[MonthHeadline, ...]:
    return tuple(MonthHeadline(m, shown(t.audits, public),
                               good_share(t.overall, public) if has_overall else None,
                               good_share(t.judgements, public))
                 for m, t in tally.month_tallies.items())


def _part_trend(tally: Tally, indexes: list[int], scale_of: list[Scale], public: bool) -> tuple[MonthShare, ...]:
    out = []
    for month in tally.months:
        count = GoodCount()
        for i, scale in zip(indexes, scale_of, strict=True):
            for answer, n in tally.answers[(i, month)].items():
                good = scale.meets_good(answer)
                if good is not None:
                    count.graded += n
                    count.good += n * good
        out.append(MonthShare(month, good_share(count, public)))
    return tuple(out)


def questions(tally: Tally, public: bool) -> tuple[QuestionFigures, ...]:
    return tuple(
        QuestionFigures(p.id, p.number, p.title, p.tags,
                        distribution(p.scale, tally.answers[(i, tally.period)], public),
                        _part_trend(tally, [i], [p.scale], public))
        for i, p in enumerate(tally.parts))


def checklists(tally: Tally, public: bool) -> tuple[ChecklistAnswers, ...]:
    """The period's checklist answers: criterion by answer, one table per answer set."""
    groups: dict[str, tuple[Scale, list[CriterionAnswers]]] = {}
    for i, part in enumerate(tally.criteria):
        ids = [id_ for id_, _ in _answers(part.scale)]
        counts = tally.criteria_answers[i]
        row = CriterionAnswers(part.id, part.number, part.title, tuple(shown(counts[a], public) for a in ids),
                               shown(sum(counts[a] for a in ids), public))
        groups.setdefault(part.scale.id, (part.scale, []))[1].append(row)
    out = []
    for scale, rows in groups.values():
        labels = tuple(label for _, label in _answers(scale))  # an untitled answer set is named by its answers
        out.append(ChecklistAnswers(scale.id, scale.title or " / ".join(labels),
                                    tuple(a for a, _ in _answers(scale)), labels, tuple(rows)))
    return tuple(out)


def _answers(scale: Scale) -> list[tuple[str, str]]:
    """A checklist answer set's answers (id, label) in its order, not applicable last."""
    found = [(o.id, o.label) for o in scale.options]
    return found + ([(scale.not_applicable.id, scale.not_applicable.label)] if scale.not_applicable else [])


def breakdowns(tally: Tally, has_overall: bool, public: bool,
               order: Callable[[str], Sequence[str]]) -> tuple[Breakdown, ...]:
    """One table per dimension. Its rows follow ``order(dimension)``, the definition's order of
    the dimension's options (so "6-10" comes before "11-15"), then any other value A to Z."""
    ids = tuple(p.id for p in tally.parts)
    scale = tally.parts[0].scale if tally.parts else None
    out = []
    for dimension, title in DIMENSIONS:
        rank = {label: i for i, label in enumerate(order(dimension))}
        groups = dict(sorted(tally.groups[dimension].items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))
        rows = tuple(
            BreakdownRow(value, shown(g.audits, public),
                         good_share(g.overall, public) if has_overall else None,
                         good_share(g.judgements, public),
                         tuple(good_share(g.parts[i], public) for i in range(len(ids))),
                         distribution(scale, g.grades, public) if scale else None)
            for value, g in groups.items())
        if rows:
            out.append(Breakdown(dimension, title, ids, rows))
    return tuple(out)


def repeat_findings(figures: tuple[QuestionFigures, ...], threshold: int) -> tuple[RepeatFinding, ...]:
    """Questions below ``threshold``% good or better in the last REPEAT_MONTHS months or more."""
    out = []
    for question in figures:
        run: list[MonthShare] = []
        for point in reversed(question.trend):
            share = point.good_or_better
            if share.percent is None or share.percent >= threshold:
                break
            run.insert(0, point)
        if len(run) >= REPEAT_MONTHS:
            out.append(RepeatFinding(question.id, question.title, tuple(p.month for p in run),
                                     tuple(p.good_or_better for p in run)))
    return tuple(out)


def themes(definition: Definition, tally: Tally, public: bool) -> tuple[Theme, ...]:
    out = []
    for tag, description in definition.tags.items():
        indexes = [i for i, p in enumerate(tally.parts) if tag in p.tags]
        if not indexes:
            continue
        scales = [tally.parts[i].scale for i in indexes]
        counts: Counter[str] = Counter()
        for i in indexes:
            counts.update(tally.answers[(i, tally.period)])
        out.append(Theme(tag, description, tuple(tally.parts[i].id for i in indexes),
                         distribution(scales[0], counts, public), _part_trend(tally, indexes, scales, public)))
    return tuple(out)


def moderation(definition: Definition, tally: Tally, public: bool,
               kappa_of: KappaFunction | None = None) -> Moderation | None:
    counts = tally.moderation
    if not counts.audits:
        return None
    agreements = tuple(agreement(definition.scale(s), pairs, public, kappa_of)
                       for s, pairs in sorted(counts.pairs.items()))
    moved = tuple(Moved(tally.parts[i].id, tally.parts[i].title, shown(n, public), shown(up, public),
                        shown(down, public))
                  for i, (n, up, down) in sorted(counts.moved.items()))
    labels = checklist_labels(definition)
    checklist = tuple(ChecklistFinding(item, labels.get(item, item.replace("-", " ")), shown(no, public),
                                       shown(n, public))
                      for item, (no, n) in sorted(counts.checklist.items()))
    return Moderation(shown(counts.audits, public), agreements, moved, checklist)


def checklist_labels(definition: Definition) -> dict[str, str]:
    """The moderator's checklist items' labels, where the tool declares its checklist
    (``moderation.checklist``); an item the tool does not declare is named by its id."""
    moderation: Any = getattr(definition, "moderation", None)
    items: Any = getattr(moderation, "checklist", ()) or ()
    return {str(item.id): str(item.label) for item in items}
