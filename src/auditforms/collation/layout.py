"""The report's wide tables cut into tables a page holds (pure), the same on the web page and
in the board paper.

A breakdown with a column for every question (16 columns for Torbay's 12 questions) was cut
off the right edge of a printed A4 page after Q6, and in Word broke its headers letter by
letter ("Te/a/m"). Each breakdown is now a table of its headline figures and then the
questions in groups of :data:`QUESTIONS_PER_TABLE`, each group's table naming its row again;
the question-by-month trend is cut the same way, :data:`MONTHS_PER_TABLE` months at a time
(a trend can run to 36 months). Every table is then at most 7 columns: it fits a portrait
A4 page in 10.5 point type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from auditforms.collation import words
from auditforms.collation.figures import Breakdown, Figures, QuestionFigures

QUESTIONS_PER_TABLE = 6
MONTHS_PER_TABLE = 6


@dataclass(frozen=True)
class TextTable:
    """A table as the reader sees it: the first column names each row, the others are figures."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def groups(count: int, size: int) -> list[slice]:
    """``count`` columns in consecutive groups of at most ``size``."""
    return [slice(start, min(start + size, count)) for start in range(0, count, size)]


def question_label(question: QuestionFigures) -> str:
    """``"Q5"``, as the form numbers it; its title where it has no number."""
    return f"Q{question.number}" if question.number else question.title


def _span(first: str, last: str) -> str:
    return first if first == last else f"{first} to {last}"


def breakdown_tables(figures: Figures, breakdown: Breakdown) -> list[TextTable]:
    """The breakdown's headline figures by row, then its questions in groups."""
    what, month = breakdown.title.lower(), words.month_label(figures.period)
    overall = figures.headline.overall_good is not None
    tables = [TextTable(
        f"Good or better by {what} in {month}",
        (breakdown.title, "Audits", *(["Rated good or better overall"] if overall else []),
         "Judgements good or better"),
        tuple((r.value, words.count(r.audits), *([words.share_cell(r.overall_good)] if overall else []),
               words.share_cell(r.judgements_good)) for r in breakdown.rows))]
    questions = figures.questions
    for part in groups(len(questions), QUESTIONS_PER_TABLE):
        chosen = questions[part]
        span = _span(question_label(chosen[0]), question_label(chosen[-1]))
        tables.append(TextTable(
            f"Judgements good or better by {what} and question in {month} ({span})",
            (breakdown.title, *(q.title for q in chosen)),
            tuple((r.value, *(words.percent(s) for s in r.by_question[part])) for r in breakdown.rows)))
    return tables


def question_trend_tables(figures: Figures) -> list[TextTable]:
    """Each question's share good or better month by month, six months to a table."""
    tables = []
    months: Sequence[str] = figures.months
    for part in groups(len(months), MONTHS_PER_TABLE):
        chosen = months[part]
        caption = "Judgements good or better by question, month by month"
        if len(months) > MONTHS_PER_TABLE:
            caption += f" ({_span(words.month_label(chosen[0]), words.month_label(chosen[-1]))})"
        tables.append(TextTable(
            caption, ("Question", *(words.month_label(m) for m in chosen)),
            tuple((q.title, *(words.share_cell(t.good_or_better) for t in q.trend[part]))
                  for q in figures.questions)))
    return tables
