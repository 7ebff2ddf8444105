"""How far moderators agreed with auditors on an ordinal scale.

Exact agreement and agreement within one grade are plain proportions. The chance-corrected
figure is Cohen's kappa with linear weights (a disagreement of two grades counts twice one
of one grade), from statsmodels' ``cohens_kappa``: it takes the auditor × moderator table
this report already shows, and gives the asymptotic standard error and a 95% confidence
interval in closed form, so the figure is deterministic (no bootstrap) and quick; the
interval is cut to kappa's range, -1 to 1, which the normal approximation can overrun. Pairs
where either side is Not applicable are left out of all three figures but shown in the
table.

statsmodels is the heaviest import of the report (it brings pandas and scipy.stats), so the
kappa function is a parameter: the command may compute it in a second process that imported
statsmodels while the audits were being read (:mod:`auditforms.cli.report_worker`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from auditforms.collation.figures import Agreement, Share, shown
from auditforms.collation.parts import grades_best_first
from auditforms.model.definition import Scale

KAPPA_METHOD = "Cohen's kappa, linear weights, 95% confidence interval (statsmodels)"

#: kappa, the low and the high end of its 95% interval; ``None`` where undefined
KappaInterval = tuple[float | None, float | None, float | None]
#: computes a KappaInterval from a square table of counts, auditor (rows) x moderator, best first
KappaFunction = Callable[[list[list[int]]], KappaInterval]


def agreement(scale: Scale, pairs: Counter[tuple[str, str]], public: bool,
              kappa_of: KappaFunction | None = None) -> Agreement:
    grades = grades_best_first(scale)
    position = {g: k for k, g in enumerate(grades)}
    graded = {pair: n for pair, n in pairs.items() if pair[0] in position and pair[1] in position}
    total = sum(graded.values())
    exact = sum(n for (a, b), n in graded.items() if a == b)
    near = sum(n for (a, b), n in graded.items() if abs(position[a] - position[b]) <= 1)
    kappa, low, high = _kappa(grades, graded, kappa_of or linear_kappa)
    axis = (*grades, scale.not_applicable.id) if scale.not_applicable else grades
    table = tuple(tuple(shown(pairs.get((a, b), 0), public) for b in axis) for a in axis)
    return Agreement(scale.id, shown(total, public), Share.of(exact, total, public),
                     Share.of(near, total, public), kappa, low, high, KAPPA_METHOD, table)


def _kappa(grades: tuple[str, ...], pairs: dict[tuple[str, str], int], kappa_of: KappaFunction) -> KappaInterval:
    """Kappa and its 95% interval, or ``None`` where it is undefined (no pairs, one grade)."""
    total = sum(pairs.values())
    rows = {a for a, _ in pairs if pairs[(a, _)]}
    cols = {b for _, b in pairs if pairs[(_, b)]}
    if total < 2 or (len(rows) == 1 and rows == cols):
        return None, None, None
    kappa, low, high = kappa_of([[pairs.get((a, b), 0) for b in grades] for a in grades])
    return kappa, _within_range(low), _within_range(high)


def _within_range(end: float | None) -> float | None:
    """An end of the interval cut to kappa's own range, -1 to 1. The asymptotic interval is
    kappa ± 1.96 standard errors, which near perfect agreement runs past 1 ("0.97 to 1.01"),
    a value kappa cannot take."""
    return None if end is None else min(1.0, max(-1.0, end))


def linear_kappa(table: list[list[int]]) -> KappaInterval:
    """statsmodels' linearly weighted Cohen's kappa of ``table``, with its 95% interval,
    rounded to three places; ``None`` where it is undefined for this table."""
    from statsmodels.stats.inter_rater import cohens_kappa  # type: ignore[import-untyped]

    result: Any = cohens_kappa(table, wt="linear")
    values = (float(result.kappa), float(result.kappa_low), float(result.kappa_upp))
    if any(v != v for v in values):  # NaN: undefined for this table
        return None, None, None
    return _round(values[0]), _round(values[1]), _round(values[2])


def _round(value: float) -> float:
    return round(value, 3)
