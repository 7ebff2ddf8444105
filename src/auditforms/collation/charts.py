"""The report's charts as data (pure): what each one shows and the sentence that states it.

Every chart is drawn from figures the report also prints as a table; the drawing itself is
:mod:`auditforms.collation.draw`. A title states the message ("67% of audits were good or
better in 2026-11, below the target of 80%"), not the chart's kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.collation.figures import Distribution, Figures, ScaleInfo, Share
from auditforms.collation.words import month_label


@dataclass(frozen=True)
class Series:
    name: str
    values: tuple[float | None, ...]
    #: good grades are drawn in blues, the others in oranges and reds, N/A in grey
    tone: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    kind: str  # "trend" (lines over months) or "stacked" (horizontal bars of percentages)
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    target: int | None = None


def _pct(share: Share | None) -> float | None:
    return None if share is None or share.percent is None else float(share.percent)


def _said(share: Share | None) -> str:
    return "an unknown share" if share is None or share.percent is None else f"{share.percent}%"


def headline_chart(figures: Figures) -> Chart:
    head = figures.headline
    lead = head.overall_good if head.overall_good is not None else head.judgements_good
    what = "of audits were rated good or better overall" if head.overall_good is not None \
        else "of judgements were good or better"
    target = head.overall_target if head.overall_good is not None else head.judgements_target
    against = ""
    if target is not None and target.met is not None:
        against = f", {'meeting' if target.met else 'below'} the target of {target.at_least}%"
    series = [Series("Judgements good or better", tuple(_pct(t.judgements_good) for t in figures.trend), "good2")]
    if head.overall_good is not None:
        series.insert(0, Series("Audits rated good or better overall",
                                tuple(_pct(t.overall_good) for t in figures.trend), "good1"))
    return Chart("headline", f"{_said(lead)} {what} in {month_label(figures.period)}{against}", "trend",
                 tuple(month_label(m) for m in figures.months), tuple(series), target.at_least if target else None)


def _stacked(id_: str, title: str, scale: ScaleInfo, rows: list[tuple[str, Distribution]]) -> Chart:
    grades = [g for g in scale.grades if g.good is not None]
    series = []
    tones = _tones(scale)
    for k, grade in enumerate(grades):
        values = []
        for _, dist in rows:
            count, graded = dist.counts[k], dist.graded
            values.append(None if count is None or not graded else 100.0 * count / graded)
        series.append(Series(grade.label, tuple(values), tones[k]))
    return Chart(id_, title, "stacked", tuple(name for name, _ in rows), tuple(series))


def _tones(scale: ScaleInfo) -> list[str]:
    good = [g for g in scale.grades if g.good]
    bad = [g for g in scale.grades if g.good is False]
    return [f"good{k + 1}" for k in range(len(good))] + [f"bad{k + 1}" for k in range(len(bad))]


def question_charts(figures: Figures) -> list[Chart]:
    """One stacked chart per scale of the questions' period distributions."""
    charts = []
    for scale in figures.scales:
        rows = [(q.title, q.distribution) for q in figures.questions if q.distribution.scale == scale.id]
        if not rows:
            continue
        known = [(q.title, q.distribution.good_or_better.percent) for q in figures.questions
                 if q.distribution.scale == scale.id and q.distribution.good_or_better.percent is not None]
        title = f"How each question was judged in {month_label(figures.period)}"
        if known:
            low = min(known, key=lambda item: item[1])
            title = f"{low[0]} had the fewest judgements good or better in {month_label(figures.period)} ({low[1]}%)"
        charts.append(_stacked(f"questions-{scale.id}", title, scale, rows))
    return charts


def overall_chart(figures: Figures) -> Chart | None:
    dist = figures.headline.overall
    if dist is None:
        return None
    scale = next(s for s in figures.scales if s.id == dist.scale)
    title = f"Overall ratings in {month_label(figures.period)}: {_said(dist.good_or_better)} good or better"
    return _stacked("overall", title, scale, [("Overall rating", dist)])


def theme_charts(figures: Figures) -> list[Chart]:
    charts = []
    for theme in figures.themes:
        scale = next(s for s in figures.scales if s.id == theme.distribution.scale)
        title = (f"{_said(theme.distribution.good_or_better)} of judgements in the theme "
                 f"\u201c{theme.description}\u201d were good or better in {month_label(figures.period)}")
        charts.append(_stacked(f"theme-{theme.tag}", title, scale, [(theme.description, theme.distribution)]))
    return charts


def breakdown_charts(figures: Figures) -> list[Chart]:
    charts = []
    for breakdown in figures.breakdowns:
        rows = [(r.value, r.distribution) for r in breakdown.rows if r.distribution is not None]
        if not rows:
            continue
        scale = next(s for s in figures.scales if s.id == rows[0][1].scale)
        known = [(r.value, r.judgements_good.percent) for r in breakdown.rows if r.judgements_good.percent is not None]
        title = f"Judgements by {breakdown.title.lower()} in {month_label(figures.period)}"
        if len(known) > 1:
            title = f"{range_sentence(breakdown.title, known)} in {month_label(figures.period)}"
        charts.append(_stacked(f"by-{breakdown.dimension}", title, scale, rows))
    return charts


def range_sentence(title: str, known: list[tuple[str, int]]) -> str:
    """``"By age band, judgements good or better ranged from 74% (the 1 -5 age band) to 100% (the
    0 and 6-10 age bands)"``: every row at each extreme, named with what it is, where "74% (1 -5)
    to 100% (0)" named one of two bands at 100% and left a reader wondering what "(0)" was."""
    what = title.lower()
    low, high = min(p for _, p in known), max(p for _, p in known)
    if low == high:
        return f"By {what}, {low}% of judgements were good or better in every {what}"
    return (f"By {what}, judgements good or better ranged from {low}% ({_named(what, known, low)}) "
            f"to {high}% ({_named(what, known, high)})")


def _named(what: str, known: list[tuple[str, int]], percent: int) -> str:
    """``"the Early Help team"``, ``"the 0 and 6-10 age bands"``, ``"the A, B and C areas of service"``."""
    names = [name for name, p in known if p == percent]
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"the {listed} {what if len(names) == 1 else _plural(what)}"


def _plural(what: str) -> str:
    """``"age bands"``, ``"areas of service"``: the noun before "of", else the last word, with an s."""
    head, of, tail = what.partition(" of ")
    return f"{head}s{of}{tail}"


def all_charts(figures: Figures) -> dict[str, Chart]:
    found = [headline_chart(figures), overall_chart(figures), *question_charts(figures),
             *breakdown_charts(figures), *theme_charts(figures)]
    return {c.id: c for c in found if c is not None}
