"""The form being built: paragraphs, tables and controls, with unique ids and titles.

Every control sits alone in its own table cell (or, for check boxes, its own paragraph
in a cell). That is what lets the extractor find a control by table position when a
word processor has dropped its tag and title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from docx.document import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from auditforms.model import markdown
from auditforms.model.conditions import Condition
from auditforms.model.definition import Column, Definition, FieldItem, Judgement, Option
from auditforms.model.rubric import Link
from auditforms.model.scales import ScaleOption
from auditforms.renderers.docx import controls as c
from auditforms.renderers.docx.naming import AliasBook, shorten
from auditforms.renderers.docx.text import ConditionWords, clean
from auditforms.rules.values import as_date

CONTENT_WIDTH_MM = 170  # A4 less 20 mm margins
LABEL_SHADE = "EDEDED"


class Form:
    """State shared while one document is built; the visitors in :mod:`items` write through it."""

    def __init__(self, document: Document, definition: Definition, prefill: Mapping[str, Any]) -> None:
        self.doc = document
        self.definition = definition
        self.prefill = prefill
        self.ids = c.ControlIds()
        self.aliases = AliasBook()
        self.words = ConditionWords(definition)
        # python-docx looks a style up by scanning every style each time; once is enough.
        self._style_ids = {st.name: st.style_id for st in document.styles}

    def styled(self, paragraph: Paragraph, style: str | None) -> Paragraph:
        if style is not None:
            paragraph._p.style = self._style_ids[style]
        return paragraph

    def new_paragraph(self, style: str | None = None, text: str = "") -> Paragraph:
        paragraph: Paragraph = self.doc.add_paragraph(clean(text))
        return self.styled(paragraph, style)

    # -- text --------------------------------------------------------------------------

    def para(self, text: str, style: str | None = None) -> Paragraph:
        return self.new_paragraph(style, text)

    def heading(self, text: str, level: int) -> Paragraph:
        return self.new_paragraph(f"Heading {level}", text)

    def bullets(self, items: Sequence[str]) -> None:
        for item in items:
            self.para(item, "List Bullet")

    def prose(self, text: str | None, style: str | None = None) -> None:
        """The Markdown subset of prompts and guidance (:mod:`auditforms.model.markdown`)."""
        self._blocks(markdown.parse(text), style, 0)

    def _blocks(self, blocks: Sequence[markdown.Block], style: str | None, depth: int) -> None:
        for block in blocks:
            if isinstance(block, markdown.Heading):
                self._spans(self.new_paragraph("Heading 3"), block.spans)
            elif isinstance(block, markdown.Paragraph):
                self._spans(self.new_paragraph(style), block.spans)
            else:
                self._list(block, style, depth)

    def _list(self, block: markdown.ListBlock, style: str | None, depth: int) -> None:
        """Numbers are written out, so a list never continues another list's numbering."""
        level = "" if depth == 0 else f" {min(depth + 1, 3)}"
        for n, item in enumerate(block.items, start=block.start):
            first, rest = (item[0], item[1:]) if item else (markdown.Paragraph(()), ())
            if isinstance(first, markdown.Paragraph):
                name = f"List Continue{level}" if block.ordered else f"List Bullet{level}"
                paragraph = self.new_paragraph(name)
                if block.ordered:
                    paragraph.add_run(f"{n}. ")
                self._spans(paragraph, first.spans)
            else:
                rest = item
            self._blocks(rest, style, depth + 1)

    @staticmethod
    def _spans(paragraph: Paragraph, spans: Sequence[markdown.Span]) -> None:
        for span in spans:
            paragraph.add_run(clean(span.text)).bold = span.bold or None

    def only_if(self, conditions: Sequence[Condition | None], what: str = "") -> str | None:
        """The "Complete only if …" sentence for the conditions that apply, or None."""
        said = [self.words.describe(cond) for cond in conditions if cond is not None]
        if not said:
            return None
        return f"Complete {what}only if {' and '.join(said)}."

    def instruction(self, text: str | None) -> None:
        if text:
            self.para(text, "Form Instruction")

    # -- tables ------------------------------------------------------------------------

    def grid(self, widths_mm: Sequence[int], caption: str, rows: int = 0) -> Table:
        """A Table Grid table; ``caption`` is its title for screen readers (Table Properties › Alt Text)."""
        table: Table = self.doc.add_table(rows=rows, cols=len(widths_mm))
        table._tbl.tblPr.style = self._style_ids["Table Grid"]
        table.autofit = False
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths_mm, strict=True):
            column.w = Mm(width)
        for row in table.rows:
            self.size_row(row, widths_mm)
        title = OxmlElement("w:tblCaption")  # last in tblPr, after tblLook, as the schema orders it
        title.set(qn("w:val"), clean(shorten(caption, 120)))
        table._tbl.tblPr.append(title)
        return table

    def add_row(self, table: Table, widths_mm: Sequence[int]) -> _Row:
        row: _Row = table.add_row()  # type: ignore[no-untyped-call]
        self.size_row(row, widths_mm)
        self.keep_whole(row)
        return row

    @staticmethod
    def size_row(row: _Row, widths_mm: Sequence[int]) -> None:
        for cell, width in zip(row.cells, widths_mm, strict=False):
            cell.width = Mm(width)

    @staticmethod
    def header_row(row: _Row) -> None:
        """Repeat on every page, so a long actions table stays readable."""
        tr_pr = row._tr.get_or_add_trPr()
        tr_pr.append(OxmlElement("w:tblHeader"))
        for cell in row.cells:
            Form.shade(cell)
            for run in (r for p in cell.paragraphs for r in p.runs):
                run.bold = True

    @staticmethod
    def keep_whole(row: _Row) -> None:
        """A row (a writing box with its label) is never split across two pages."""
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))

    @staticmethod
    def min_height(row: _Row, lines: int) -> None:
        row.height = Pt(14 * max(lines, 1))
        row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST

    @staticmethod
    def shade(cell: _Cell) -> None:
        shd = OxmlElement("w:shd")
        shd.set(qn("w:val"), "clear")
        shd.set(qn("w:color"), "auto")
        shd.set(qn("w:fill"), LABEL_SHADE)
        cell._tc.get_or_add_tcPr().append(shd)

    def label_cell(self, cell: _Cell, label: str, *, hint: str | Sequence[str | None] | None = None,
                   note: str | None = None) -> None:
        cell.paragraphs[0].text = clean(label)
        self.styled(cell.paragraphs[0], "Form Label")
        for line in [hint] if isinstance(hint, str) else (hint or ()):
            if line:
                self.styled(cell.add_paragraph(clean(line)), "Form Hint")
        if note:
            self.styled(cell.add_paragraph(clean(note)), "Form Instruction")
        self.shade(cell)

    # -- controls ----------------------------------------------------------------------

    def _place(self, cell: _Cell, element: Any, *, new_paragraph: bool = False) -> None:
        paragraph = cell.add_paragraph() if new_paragraph else cell.paragraphs[-1]
        paragraph._p.append(element)

    def text(self, cell: _Cell, tag: str, alias: str, value: Any = None) -> None:
        shown = None if value is None or value == "" else clean(_as_text(value))
        self._place(cell, c.text_control(tag, self.aliases.alias(alias), self.ids.next(), shown))

    def dropdown(self, cell: _Cell, tag: str, alias: str, options: Sequence[Option],
                 value: Any = None) -> None:
        choices = [c.Choice(clean(o.label), o.id) for o in options]
        self._place(cell, c.dropdown_control(tag, self.aliases.alias(alias), self.ids.next(), choices,
                                             value if isinstance(value, str) else None))

    def date(self, cell: _Cell, tag: str, alias: str, value: Any = None) -> None:
        if isinstance(value, dt.date):  # YAML pre-fill files give dates as date objects
            value = value.isoformat()[:10]
        shown = value if isinstance(value, str) and as_date(value) else None
        self._place(cell, c.date_control(tag, self.aliases.alias(alias), self.ids.next(), shown))

    def checkboxes(self, cell: _Cell, tag_prefix: str, alias: str, options: Sequence[Option],
                   chosen: Sequence[str] = ()) -> None:
        """One check box per paragraph, its label after it, as a person would lay it out."""
        for i, option in enumerate(options):
            box = c.checkbox_control(f"{tag_prefix}.{option.id}",
                                     self.aliases.alias(f"{alias}: {option.label}"), self.ids.next(),
                                     option.id in chosen)
            self._place(cell, box, new_paragraph=i > 0 or bool(cell.paragraphs[-1].text))
            cell.paragraphs[-1].add_run(" " + clean(option.label))

    def checkbox(self, cell: _Cell, tag: str, alias: str, label: str, checked: bool = False) -> None:
        self._place(cell, c.checkbox_control(tag, self.aliases.alias(alias), self.ids.next(), checked))
        cell.paragraphs[-1].add_run(" " + clean(label))

    # -- what kind of control answers a field, a column or a judgement -----------------

    def options_of(self, item: FieldItem | Column) -> tuple[Option, ...]:
        if isinstance(item, FieldItem) and item.type != "scale":
            return item.answer_options
        if item.type == "yesno":
            return (Option(id="yes", label="Yes"), Option(id="no", label="No"))
        if item.type == "scale" and item.scale:
            return self.scale_options(item.scale)
        return item.options

    def scale_options(self, scale_id: str) -> tuple[Option, ...]:
        scale = self.definition.index.scales[scale_id]
        options = tuple(Option(id=o.id, label=o.label, description=o.description) for o in scale.options)
        if scale.not_applicable:
            options += (Option(id=scale.not_applicable.id, label=scale.not_applicable.label),)
        return options

    def answer(self, cell: _Cell, item: FieldItem | Column, tag: str, alias: str, value: Any) -> None:
        """The one control that answers ``item`` (a field or a table column) in ``cell``."""
        kind = item.type
        if isinstance(item, FieldItem) and kind == "compound":
            self.compound(cell, item, tag, alias, value)
        elif kind == "date":
            self.date(cell, tag, alias, value)
        elif kind in {"choice", "yesno", "age_band", "scale"}:
            self.dropdown(cell, tag, alias, self.options_of(item), value)
        elif kind == "multichoice":
            chosen = [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
            self.checkboxes(cell, tag, alias, self.options_of(item), chosen)
        else:
            self.text(cell, tag, alias, value)

    def compound(self, cell: _Cell, field: FieldItem, tag: str, alias: str, value: Any) -> None:
        """A compound field's labelled answers in one cell, a line each: "Offered: [ ]"."""
        given = value if isinstance(value, Mapping) else {}
        for i, part in enumerate(field.parts):
            paragraph = cell.paragraphs[-1] if i == 0 and not cell.paragraphs[-1].text else cell.add_paragraph()
            unit = f" ({part.unit})" if part.unit else ""
            paragraph.add_run(f"{clean(part.label)}{unit}: ")
            self.answer(cell, part, f"{tag}.{part.id}", f"{alias}: {part.label}", given.get(part.id))

    def option_notes(self, options: Sequence[Option], scale: str | None = None) -> list[str]:
        """What an option means and where its statement of good is, as a line each; a grade's
        descriptor a paragraph a line, with its conditional paragraphs and guides."""
        statements = self.definition.index.statements
        grades = self.definition.index.scales[scale] if scale else None
        notes = []
        for option in options:
            paragraphs = [markdown.plain([b]) for b in markdown.parse(option.description)]
            titles = [f"“{statements[r].title}”" for r in option.see if r in statements]
            if titles:
                paragraphs.append(f"see the appendix: {'; '.join(titles)}")
            if paragraphs and not scale:
                paragraphs = ["; ".join(paragraphs)]
            notes += [sentence(f"{option.label}: {p}" if i == 0 else p) for i, p in enumerate(paragraphs)]
            grade = grades.option(option.id) if grades else None
            if grade is not None:
                notes += self.rubric_notes(option.label, grade)
        return notes

    def rubric_notes(self, label: str, grade: ScaleOption) -> list[str]:
        """A grade's conditional descriptor paragraphs ("… only if …") and its guides."""
        notes = []
        for descriptor in grade.descriptors:
            text = markdown.plain(markdown.parse(descriptor.text))
            if descriptor.when is not None:
                text = f"{label}, only if {self.words.describe(descriptor.when)}: {text}"
            notes.append(sentence(text))
        return notes + guide_lines(grade.links)

    def judgement(self, cell: _Cell, judgement: Judgement, tag: str, alias: str) -> None:
        self.dropdown(cell, tag, alias, self.scale_options(judgement.scale))


def _as_text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sentence(text: str) -> str:
    """``text`` ending in one full stop: a descriptor that already ends a sentence gets none."""
    text = text.strip()
    return text if text.rstrip("”’\"')").endswith((".", "!", "?", ":", ";")) else text + "."


def guide_lines(links: Sequence[Link]) -> list[str]:
    """Guides outside the tool, as a printed page can give them: title and address."""
    return [f"Guide: {link.title} ({link.url})" for link in links]
