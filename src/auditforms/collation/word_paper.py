"""The Word document a board paper is written into: headings, captioned tables whose header
repeats on every page, and charts as images with alternative text."""

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
        self.para(caption, "Caption")
        table = self.document.add_table(rows=1, cols=len(header))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, header, strict=True):
            cell.text = text
            for run in cell.paragraphs[0].runs:
                run.bold = True
        _repeat_header(table.rows[0])
        for row in rows:
            for cell, text in zip(table.add_row().cells, row, strict=True):
                cell.text = text
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


def _repeat_header(row: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
