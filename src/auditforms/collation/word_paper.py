"""The Word document a board paper is written into: headings, captioned tables whose header
repeats on every page, and charts as images with alternative text.

The paper is A4 (python-docx's own template is US Letter, on which the charts ran past the
margin); a table's rows never split across pages, a short table stays on one page with its
caption, and its columns are given widths that fit the page (a row's name wider than its
figures), in a size of type that holds 7 columns without breaking a word (:func:`type_size`).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from auditforms.collation import words
from auditforms.collation.charts import Chart, all_charts
from auditforms.collation.figures import Distribution, Figures, ScaleInfo


class Paper:
    def __init__(self, figures: Figures) -> None:
        from docx import Document

        self.figures = figures
        self.document: Any = Document()
        _a4(self.document.sections[0])
        self.charts = all_charts(figures)
        self.scales = {s.id: s for s in figures.scales}

    def marking(self, label: str) -> None:
        """The protective marking, centred and bold at the top and foot of every page."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        for section in self.document.sections:
            for part in (section.header, section.footer):
                paragraph = part.paragraphs[0]
                paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
                paragraph.add_run(label).bold = True

    def heading(self, text: str, level: int) -> None:
        self.document.add_heading(text, level=level)

    def para(self, text: str, style: str | None = None) -> None:
        paragraph = self.document.add_paragraph(text, style=style)
        if style == "Caption":  # a caption stays on the page of its chart or table
            paragraph.paragraph_format.keep_with_next = True

    def table(self, caption: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Cm, Pt

        self.para(caption, "Caption")
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        table.autofit = False
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        _repeat_header(table.rows[0])
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
        points = type_size(header, rows)
        size, widths = Pt(points), [Cm(w) for w in column_widths(header, rows, points)]
        for column, width in zip(table.columns, widths, strict=True):
            column.width = width  # the grid LibreOffice lays out by; each cell's own width is Word's
        keep_together = len(table.rows) <= KEEP_TOGETHER_ROWS
        for number, row in enumerate(table.rows):
            _never_split(row)
            for column, (cell, width) in enumerate(zip(row.cells, widths, strict=True)):
                cell.width = width
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = keep_together and number < len(table.rows) - 1
                    if column:
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                    for run in paragraph.runs:
                        run.font.size = size
        self.document.add_paragraph()

    def chart(self, id_: str) -> None:
        from docx.shared import Cm

        from auditforms.collation.draw import png

        chart: Chart | None = self.charts.get(id_)
        if chart is None:
            return
        self.para(chart.title, "Caption")
        self.document.add_picture(io.BytesIO(png(chart)), width=Cm(16))
        shape = self.document.inline_shapes[-1]
        shape._inline.docPr.set("descr", f"{chart.title}. The table below gives the figures.")

    def distribution(self, caption: str, rows: Sequence[tuple[str, Distribution]]) -> None:
        scale: ScaleInfo = self.scales[rows[0][1].scale]
        header = ["Part", *(g.label for g in scale.grades), "Good or better"]
        body = []
        for name, d in rows:
            na = [words.count(d.not_applicable)] if len(scale.grades) > len(d.counts) else []
            body.append([name, *(words.count(c) for c in d.counts), *na, words.share_cell(d.good_or_better)])
        self.table(caption, header, body)


#: A4 portrait with 2 cm margins: 17 cm of text
A4_WIDTH_CM, A4_HEIGHT_CM, MARGIN_CM = 21.0, 29.7, 2.0
TEXT_WIDTH_CM = A4_WIDTH_CM - 2 * MARGIN_CM
#: the type of a table's cells, and of one of more than 5 columns (smaller where a word would break)
TABLE_TYPE_PT, WIDE_TABLE_TYPE_PT = 10.0, (9.0, 8.5, 8.0)
#: a character's width in ems (generous: bold, in whichever font stands in for Calibri), and a
#: cell's padding left and right ("Table Grid": 0.19 cm each side, and a little to spare)
CHAR_EM, CELL_PADDING_CM = 0.66, 0.5
#: a table of at most this many rows (header included) is kept on one page with its caption
KEEP_TOGETHER_ROWS = 20


def _a4(section: Any) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(A4_WIDTH_CM), Cm(A4_HEIGHT_CM)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))


def type_size(header: Sequence[str], rows: Sequence[Sequence[str]]) -> float:
    """The cells' type in points: 10, or 9 for a table of more than 5 columns, or smaller (down
    to 8) until no word need break."""
    sizes = (TABLE_TYPE_PT, *WIDE_TABLE_TYPE_PT) if len(header) <= 5 else WIDE_TABLE_TYPE_PT
    for points in sizes:
        if sum(_least_and_most(header, rows, points)[0]) <= TEXT_WIDTH_CM:
            return points
    return sizes[-1]


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], points: float) -> list[float]:
    """Each column's width in cm, as a browser lays out a table: every column at least as wide as
    its longest word, and a figure ("84%† (16 of 19)") kept on one line (where even widths broke
    "Coordination" after "Coordina"); the rest of the text's width shared out in proportion to
    what each column needs to keep its texts on one line. Words too long for the page in all
    share the width in proportion."""
    least, most = _least_and_most(header, rows, points)
    if sum(least) >= TEXT_WIDTH_CM:
        return [TEXT_WIDTH_CM * low / sum(least) for low in least]
    if sum(most) <= TEXT_WIDTH_CM:
        return [TEXT_WIDTH_CM * high / sum(most) for high in most]
    share = (TEXT_WIDTH_CM - sum(least)) / (sum(most) - sum(least))
    return [low + (high - low) * share for low, high in zip(least, most, strict=True)]


def _least_and_most(header: Sequence[str], rows: Sequence[Sequence[str]], points: float,
                    ) -> tuple[list[float], list[float]]:
    """Each column's least width (its longest word, or its longest figure) and the width that
    keeps every text of it on one line, in cm."""
    char_cm = points * CHAR_EM * 2.54 / 72

    def cm(chars: int) -> float:
        return chars * char_cm + CELL_PADDING_CM

    least, most = [], []
    for column, name in enumerate(header):
        cells = [row[column] for row in rows]
        words_ = [word for text in (name, *cells) for word in text.split()] or [""]
        figures = cells if column else []  # a row's name may wrap; its figures may not
        least.append(cm(max(len(text) for text in (*words_, *figures))))
        most.append(max(cm(max(len(text) for text in (name, *cells))), least[-1]))
    return least, most


def _never_split(row: Any) -> None:
    """A row stays whole on one page (``w:cantSplit``)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    element = OxmlElement("w:cantSplit")
    element.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(element)


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
