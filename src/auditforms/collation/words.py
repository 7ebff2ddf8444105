"""How the report words its figures, the same in every format.

Percentages are whole ("66%"); one of fewer than 30 carries a dagger and the report says
what it means; a suppressed count reads "fewer than 5".
"""

from __future__ import annotations

import calendar

from auditforms.collation.figures import (
    CAUTION_BELOW,
    REPEAT_MONTHS,
    SUPPRESS_BELOW,
    ActionFigures,
    Count,
    Coverage,
    Figures,
    Share,
    Target,
    Theme,
)
from auditforms.english import count as counted
from auditforms.english import long_date_of

CAUTION_MARK = "†"
CAUTION_NOTE = (f"{CAUTION_MARK} Fewer than {CAUTION_BELOW} judgements or audits: the percentage can move a "
                "long way with one case, so treat it with caution.")
PUBLIC_NOTE = (f"Counts under {SUPPRESS_BELOW} are suppressed (shown as \u201cfewer than {SUPPRESS_BELOW}\u201d), "
               "and so are the percentages made from them, because this report may be published.")

CHECKLIST_NOTE = ("Checklist criteria are answered from a fixed list (such as Yes, No or N/A), not graded: "
                  "they are counted here, apart from the grades above, and no share of them is good or better.")


def day_label(day: str) -> str:
    """``"2026-10-31"`` as "31 October 2026"."""
    return long_date_of(day)


def month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{calendar.month_name[int(number)]} {year}"


def count(value: Count) -> str:
    return f"fewer than {SUPPRESS_BELOW}" if value is None else str(value)


def cell_count(value: Count) -> str:
    return f"<{SUPPRESS_BELOW}" if value is None else str(value)


def percent(share: Share | None) -> str:
    """``67%``, ``67%†`` with a caution, ``–`` where there is nothing to divide or it is suppressed."""
    if share is None or share.percent is None:
        return "–"
    return f"{share.percent}%{CAUTION_MARK if share.caution else ''}"


def share_cell(share: Share | None) -> str:
    if share is None or share.percent is None:
        return "–" if share is None or share.total != 0 else "none"
    return f"{percent(share)} ({count(share.count)} of {count(share.total)})"


def coverage_sentence(figures: Figures) -> str:
    months = figures.months
    span = month_label(months[0]) if len(months) == 1 else f"{month_label(months[0])} to {month_label(months[-1])}"
    what = ("the audits returned for the cases drawn in the monthly sample" if figures.coverage.from_sample
            else "the audits it was given (no sample file was given, so it cannot say how many were drawn)")
    return f"This report covers {span}, counting {what}: {count(figures.coverage.counted)} audits."


def left_out_sentences(coverage: Coverage) -> list[str]:
    out = []
    reasons = (("drafts", "drafts (not yet submitted)"), ("outside_months", "audits dated outside these months"),
               ("undated", "audits without an audit date"), ("other_tool", "files of another audit tool"),
               ("unreadable", "files that could not be read"),
               ("duplicates", "files of an audit already counted (the same audit id)"))
    for key, words in reasons:
        value: Count = getattr(coverage, key)
        if value != 0:
            out.append(f"Left out: {count(value)} {words}.")
    for version, n in coverage.other_versions.items():
        out.append(f"Shown apart and not counted: {count(n)} audits completed against version {version} "
                   "of the tool, whose questions may differ from this version's.")
    return out


def repeat_findings_sentence(figures: Figures) -> str:
    """What the repeat findings are, before their list; or, with none, why none: a report with
    fewer months than a repeat finding needs says so, rather than "none in the last 3 months"."""
    threshold, months = figures.repeat_threshold, len(figures.months)
    if figures.repeat_findings:
        return (f"Questions with fewer than {threshold}% of judgements good or better in each of the last "
                f"{REPEAT_MONTHS} months or more:")
    if months < REPEAT_MONTHS:
        return (f"A repeat finding is a question below {threshold}% good or better {REPEAT_MONTHS} months "
                f"running; this report counts {counted(months, 'month')} of audits, so none "
                "can show yet.")
    return (f"No question had fewer than {threshold}% of judgements good or better in each of the last "
            f"{REPEAT_MONTHS} months.")


# -- sentences both the web page and the board paper say (each renderer adds only its markup) --


def good_from_sentence(figures: Figures) -> str:
    """Which grades count as good or better, as the tool declares them."""
    said = [f"on the scale \u201c{s.title}\u201d, good or better means "
            + " or ".join(g.label for g in s.grades if g.good) for s in figures.scales if s.good_from]
    if not said:
        return "The tool's scales do not say where good starts (good_from), so no share is good or better."
    return "As the tool declares it, " + "; ".join(said) + "."


def of_total(share: Share, note: str = "") -> str:
    """``"(15 of 19)"``, with ``note`` inside the brackets ("; Not applicable left out")."""
    return f"({count(share.count)} of {count(share.total)}{note})"


HEADLINE_OVERALL = "of audits rated good or better overall"
HEADLINE_JUDGEMENTS = "of all graded judgements good or better"
NOT_APPLICABLE_NOTE = "; Not applicable left out"


def target_text(target: Target | None) -> str:
    """``". Target: at least 80% (from the service's settings)"``, before the verdict."""
    return f". Target: at least {target.at_least}% (from {target.source})" if target else ""


def verdict(target: Target | None) -> str | None:
    """"met", "not met", or ``None`` (no target, or nothing to compare with it)."""
    if target is None or target.met is None:
        return None
    return "met" if target.met else "not met"


def verdict_said(target: Target | None) -> str:
    """``": met"`` or ``": not met"`` after a target's text, as plain text; nothing without one."""
    said = verdict(target)
    return f": {said}" if said else ""


def on_time_text(figures: Figures) -> str | None:
    """``"Returned on time in October 2026: 95%† (18 of 19). Target: …"`` without its verdict."""
    if figures.sample is None or figures.sample_target is None:
        return None
    month = figures.sample[-1]
    unknown = (f" ({counted(month.unknown_return, 'returned audit')} whose return day is not known left out)"
               if month.unknown_return else "")
    return (f"Returned on time in {month_label(figures.period)}: {share_cell(month.on_time)}{unknown}"
            f"{target_text(figures.sample_target)}")


def actions_sentence(actions: ActionFigures) -> str:
    a = actions
    said = (f"Agreed actions of the moderated and final audits of these months, where they stood on "
            f"{day_label(a.as_of)}, by the action tracker's rules: {count(a.agreed)} agreed, "
            f"{count(a.overdue)} overdue")
    if a.signed_off_on_time.percent is not None:
        said += (f", and {percent(a.signed_off_on_time)} of those signed off were signed off on or before "
                 "their completion date")
    return said + "."


def theme_caption(figures: Figures, theme: Theme) -> str:
    """``"Considerations about the impact of the COVID pandemic (Q1, Q2, Q4)"``: the questions
    by the numbers the form shows (their ids where they have none)."""
    numbers = {q.id: f"Q{q.number}" if q.number else q.title for q in figures.questions}
    return f"{theme.description} ({', '.join(numbers.get(q, q) for q in theme.questions)})"
