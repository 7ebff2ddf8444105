"""The report as an Excel workbook: a Summary sheet, tidy sheets of the sample, the breakdowns
and the themes, a tidy Data sheet and a Columns sheet.

Each tidy sheet is a table an analyst can filter, pivot or load into Power BI as it stands: one
header row, one row per thing counted, a cell a number, a date or a TRUE/FALSE where it is one,
nothing merged; a count ``--public`` suppressed is a blank cell.

Written with xlsxwriter, which never turns a string into a formula when told not to
(``strings_to_formulas: False``); a text cell that a spreadsheet would still read as a
formula once exported to CSV (``=``, ``+``, ``-``, ``@``) is also given Excel's quote
prefix, which shows it exactly as written. With ``--public`` the Data sheet is left out:
one row per child cannot be published.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Sequence
from typing import Any

from auditforms.collation import words
from auditforms.collation.figures import Distribution, Figures, Share
from auditforms.collation.layout import question_label
from auditforms.collation.tidy import COLUMNS, Cell, month_start, question_number

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class _Sheet:
    """Writes rows one after another, guarding every text cell."""

    def __init__(self, book: Any, name: str, formats: dict[str, Any]) -> None:
        self.sheet = book.add_worksheet(name)
        self.sheet.set_landscape()
        self.sheet.fit_to_pages(1, 0)  # printed one page wide
        self.formats = formats
        self.row = 0

    def write(self, cells: Sequence[Cell], style: str | None = None) -> None:
        for col, value in enumerate(cells):
            if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
                self.sheet.write_string(self.row, col, value, self.formats["quoted"])
            elif value is None or value == "":
                continue
            elif isinstance(value, bool):
                self.sheet.write_boolean(self.row, col, value)
            elif isinstance(value, int | float):
                self.sheet.write_number(self.row, col, value)
            elif isinstance(value, dt.date):
                self.sheet.write_datetime(self.row, col, value, self.formats["date"])
            else:
                self.sheet.write_string(self.row, col, value, self.formats.get(style or ""))
        self.row += 1

    def gap(self) -> None:
        self.row += 1

    def as_table(self, header: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
        """A tidy sheet: its header row, frozen and filtered, then the rows."""
        self.sheet.set_column(0, len(header) - 1, 18)
        self.write(header, "head")
        for row in rows:
            self.write(row)
        self.sheet.autofilter(0, 0, max(self.row - 1, 0), len(header) - 1)
        self.sheet.freeze_panes(1, 0)


def _share(share: Share | None) -> list[Cell]:
    """:func:`_tidy_share` as the Summary sheet words it: the caution said, not TRUE/FALSE."""
    count, total, percent, caution = _tidy_share(share)
    return [count, total, percent, "fewer than 30" if caution else None]


def _summary(sheet: _Sheet, figures: Figures) -> None:
    title = f"{figures.tool_title}: monthly audit report, {words.month_label(figures.period)}"
    if figures.marking:
        sheet.write([figures.marking], "title")
    sheet.write([title], "title")
    for line in (words.coverage_sentence(figures), figures.basis, *words.left_out_sentences(figures.coverage)):
        sheet.write([line])
    if figures.public:
        sheet.write([words.PUBLIC_NOTE])
    sheet.gap()
    head = figures.headline
    sheet.write(["Headline", "Count", "Of", "Percent", "Caution", "Target (at least %)", "Target met"], "head")
    for name, share, target in (("Audits rated good or better overall", head.overall_good, head.overall_target),
                                ("Judgements good or better", head.judgements_good, head.judgements_target)):
        if share is not None:
            sheet.write([name, *_share(share), target.at_least if target else None, target.met if target else None])
    if figures.sample:
        on_time, target = figures.sample[-1].on_time, figures.sample_target
        sheet.write([f"Audits returned on time in {words.month_label(figures.period)}", *_share(on_time),
                     target.at_least if target else None, target.met if target else None])
    sheet.gap()
    sheet.write(["Month", "Audits", "Overall good: count", "of", "%", "caution",
                 "Judgements good: count", "of", "%", "caution"], "head")
    for t in figures.trend:
        sheet.write([t.month, t.audits, *_share(t.overall_good), *_share(t.judgements_good)])
    sheet.gap()
    _questions(sheet, figures)
    _checklists(sheet, figures)
    _moderation(sheet, figures)
    _actions(sheet, figures)


def _questions(sheet: _Sheet, figures: Figures) -> None:
    for scale in figures.scales:
        sheet.write(["Question", *(g.label for g in scale.grades), "Good or better: count", "of", "%", "caution"],
                    "head")
        for q in figures.questions:
            d = q.distribution
            if d.scale == scale.id:
                na = [d.not_applicable] if len(scale.grades) > len(d.counts) else []
                sheet.write([q.title, *d.counts, *na, *_share(d.good_or_better)])
        sheet.gap()


def _checklists(sheet: _Sheet, figures: Figures) -> None:
    """Checklist answers (not grades), criterion by answer, one block per answer set."""
    for c in figures.checklists:
        sheet.write([f"Checklist criterion ({c.title})", *c.labels, "Answered"], "head")
        for r in c.criteria:
            sheet.write([r.title, *r.counts, r.answered])
        sheet.gap()


def _moderation(sheet: _Sheet, figures: Figures) -> None:
    if figures.moderation is None:
        return
    sheet.write(["Moderation agreement", "Pairs", "Exact %", "Within one grade %", "Kappa", "95% CI low",
                 "95% CI high", "Method"], "head")
    titles = {s.id: s.title for s in figures.scales}
    for a in figures.moderation.agreement:
        sheet.write([titles.get(a.scale, a.scale), a.pairs, a.exact.percent, a.within_one.percent, a.kappa, a.kappa_low,
                     a.kappa_high, a.kappa_method])
    sheet.gap()
    sheet.write(["Checklist item", "Not met", "Assessed"], "head")
    for c in figures.moderation.checklist:
        sheet.write([c.label, c.not_met, c.assessed])


def _actions(sheet: _Sheet, figures: Figures) -> None:
    a = figures.actions
    if a is None:
        return
    sheet.gap()
    sheet.write([f"Actions on {a.as_of}", "Agreed", "Open", "Due within 7 days", "Overdue", "Signed off",
                 "Signed off late", "No longer required", "On time: count", "of", "%", "caution"], "head")
    sheet.write(["All months shown", a.agreed, a.open, a.due_soon, a.overdue, a.signed_off, a.signed_off_late,
                 a.no_longer_required, *_share(a.signed_off_on_time)])


def _tidy_share(share: Share | None) -> list[Cell]:
    """A share as four typed cells: count, of, percent, and TRUE where fewer than 30 (a caution)."""
    if share is None:
        return [None, None, None, None]
    return [share.count, share.total, share.percent, share.caution]


def _share_columns(name: str) -> list[str]:
    return [f"{name}_count", f"{name}_of", f"{name}_percent", f"{name}_fewer_than_30"]


def sample_sheet(figures: Figures) -> tuple[list[str], list[list[Cell]]]:
    """The sample month by month: drawn, returned, returned on time (against its target), moderated, final."""
    target = figures.sample_target
    header = ["month", "month_start", "drawn", "returned", *_share_columns("returned_on_time"),
              "return_day_not_known", "moderated", "final", "on_time_target_percent", "on_time_target_met"]
    rows = [[s.month, month_start(s.month), s.drawn, s.returned, *_tidy_share(s.on_time), s.unknown_return,
             s.moderated, s.final,
             target.at_least if target else None,
             target.met if target and s.month == figures.period else None] for s in figures.sample or ()]
    return header, rows


def breakdown_sheet(figures: Figures) -> tuple[list[str], list[list[Cell]]]:
    """Each breakdown's rows (team, area of service, strand, age band) with their headline figures."""
    header = ["month", "month_start", "breakdown", "value", "audits", *_share_columns("overall_good_or_better"),
              *_share_columns("judgements_good_or_better")]
    rows = [[figures.period, month_start(figures.period), b.title, r.value, r.audits, *_tidy_share(r.overall_good),
             *_tidy_share(r.judgements_good)] for b in figures.breakdowns for r in b.rows]
    return header, rows


def breakdown_question_sheet(figures: Figures) -> tuple[list[str], list[list[Cell]]]:
    """Each breakdown's rows question by question: the judgements good or better."""
    header = ["month", "month_start", "breakdown", "value", "question_order", "question_number", "question_id",
              "question_title", *_share_columns("good_or_better")]
    rows = [[figures.period, month_start(figures.period), b.title, r.value, order, question_number(q.number), q.id,
             q.title, *_tidy_share(share)]
            for b in figures.breakdowns for r in b.rows
            for order, (q, share) in enumerate(zip(figures.questions, r.by_question, strict=True), start=1)]
    return header, rows


def theme_sheet(figures: Figures) -> tuple[list[str], list[list[Cell]]]:
    """Each theme month by month: its judgements good or better."""
    numbers = {q.id: question_label(q) for q in figures.questions}
    header = ["month", "month_start", "theme", "description", "questions", *_share_columns("good_or_better")]
    rows = [[m.month, month_start(m.month), t.tag, t.description, "; ".join(numbers.get(q, q) for q in t.questions),
             *_tidy_share(m.good_or_better)] for t in figures.themes for m in t.trend]
    return header, rows


def theme_grade_sheet(figures: Figures) -> tuple[list[str], list[list[Cell]]]:
    """Each theme's judgements in the period, grade by grade (Not applicable last)."""
    header = ["month", "month_start", "theme", "description", "grade_id", "grade_label", "grade_good_or_better",
              "judgements"]
    rows = [[figures.period, month_start(figures.period), t.tag, t.description, *grade]
            for t in figures.themes for grade in _grades(figures, t.distribution)]
    return header, rows


def _grades(figures: Figures, distribution: Distribution) -> list[list[Cell]]:
    scale = next(s for s in figures.scales if s.id == distribution.scale)
    counts = [*distribution.counts, distribution.not_applicable][: len(scale.grades)]
    return [[g.id, g.label, g.good, n] for g, n in zip(scale.grades, counts, strict=False)]


def render_xlsx(figures: Figures, rows: Iterable[Sequence[Cell]]) -> bytes:
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_urls": False, "strings_to_numbers": False})
    formats = {"quoted": book.add_format({"quote_prefix": True}), "head": book.add_format({"bold": True}),
               "title": book.add_format({"bold": True, "font_size": 14}),
               "date": book.add_format({"num_format": "dd/mm/yyyy"})}
    summary = _Sheet(book, "Summary", formats)
    summary.sheet.set_column(0, 0, 40)
    summary.sheet.set_column(1, 12, 14)
    _summary(summary, figures)
    tables = [("Sample", sample_sheet, figures.sample is not None), ("Breakdowns", breakdown_sheet, True),
              ("Breakdowns by question", breakdown_question_sheet, True), ("Themes", theme_sheet, bool(figures.themes)),
              ("Theme grades", theme_grade_sheet, bool(figures.themes))]
    for name, make, wanted in tables:
        if wanted:
            _Sheet(book, name, formats).as_table(*make(figures))
    if not figures.public:
        data = _Sheet(book, "Data", formats)
        data.as_table([name for name, _ in COLUMNS], rows)
    columns = _Sheet(book, "Columns", formats)
    columns.sheet.set_column(0, 0, 28)
    columns.sheet.set_column(1, 1, 90)
    columns.write(["Column", "What it holds"], "head")
    for name, meaning in COLUMNS:
        columns.write([name, meaning])
    book.close()
    return buffer.getvalue()
