"""How far moderators agreed with auditors on an ordinal scale.

Exact agreement and agreement within one grade are plain proportions. The chance-corrected
figure is Cohen's kappa with linear weights (a disagreement of two grades counts twice one
of one grade), from statsmodels' ``cohens_kappa``: it takes the auditor × moderator table
this report already shows, and gives the asymptotic standard error and a 95% confidence
interval in closed form, so the figure is deterministic (no bootstrap) and quick. Pairs
where either side is Not applicable are left out of all three figures but shown in the
table.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from auditforms.collation.figures import Agreement, Share, shown
from auditforms.collation.parts import grades_best_first
from auditforms.model.definition import Scale

KAPPA_METHOD = "Cohen's kappa, linear weights, 95% confidence interval (statsmodels)"


def agreement(scale: Scale, pairs: Counter[tuple[str, str]], public: bool) -> Agreement:
    grades = grades_best_first(scale)
    position = {g: k for k, g in enumerate(grades)}
    graded = {pair: n for pair, n in pairs.items() if pair[0] in position and pair[1] in position}
    total = sum(graded.values())
    exact = sum(n for (a, b), n in graded.items() if a == b)
    near = sum(n for (a, b), n in graded.items() if abs(position[a] - position[b]) <= 1)
    kappa, low, high = _kappa(grades, graded)
    axis = (*grades, scale.not_applicable.id) if scale.not_applicable else grades
    table = tuple(tuple(shown(pairs.get((a, b), 0), public) for b in axis) for a in axis)
    return Agreement(scale.id, shown(total, public), Share.of(exact, total, public),
                     Share.of(near, total, public), kappa, low, high, KAPPA_METHOD, table)


def _kappa(grades: tuple[str, ...], pairs: dict[tuple[str, str], int],
           ) -> tuple[float | None, float | None, float | None]:
    """Kappa and its 95% interval, or ``None`` where it is undefined (no pairs, one grade)."""
    total = sum(pairs.values())
    rows = {a for a, _ in pairs if pairs[(a, _)]}
    cols = {b for _, b in pairs if pairs[(_, b)]}
    if total < 2 or (len(rows) == 1 and rows == cols):
        return None, None, None
    from statsmodels.stats.inter_rater import cohens_kappa  # type: ignore[import-untyped]

    table = [[pairs.get((a, b), 0) for b in grades] for a in grades]
    result: Any = cohens_kappa(table, wt="linear")
    values = (float(result.kappa), float(result.kappa_low), float(result.kappa_upp))
    if any(v != v for v in values):  # NaN: undefined for this table
        return None, None, None
    return _round(values[0]), _round(values[1]), _round(values[2])


def _round(value: float) -> float:
    return round(value, 3)
