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
    Count,
    Coverage,
    Figures,
    Share,
)
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
    what = ("the audits of the sample files given" if figures.coverage.from_sample
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
                f"running; this report counts {months} month{'' if months == 1 else 's'} of audits, so none "
                "can show yet.")
    return (f"No question had fewer than {threshold}% of judgements good or better in each of the last "
            f"{REPEAT_MONTHS} months.")
