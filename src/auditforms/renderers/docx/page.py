"""The document around the form: A4 page, styles, header, footer and document properties."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from xml.sax.saxutils import escape

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from auditforms.model.definition import Definition
from auditforms.renderers.docx.naming import shorten
from auditforms.renderers.docx.text import clean

#: Fixed so the same definition always gives the same file (no "now" in the output).
FIXED_TIME = dt.datetime(2000, 1, 1, 0, 0, 0)
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FONT = "Arial"
CORE_PROPERTY_LIMIT = 255


def set_up_page(document: Document) -> None:
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(20)
    section.header_distance = section.footer_distance = Mm(10)


def set_up_styles(document: Document) -> None:
    """Real Word styles: the navigation pane and screen readers rely on them."""
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    lang = OxmlElement("w:lang")  # British English spelling for the auditors' narratives
    lang.set(qn("w:val"), "en-GB")
    normal.element.rPr.append(lang)
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3"):
        fonts = styles[name].element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        for attr in ("w:ascii", "w:hAnsi", "w:eastAsia"):
            fonts.set(qn(attr), FONT)
    placeholder = styles.add_style("Placeholder Text", WD_STYLE_TYPE.CHARACTER)
    placeholder.font.color.rgb = RGBColor(0x6E, 0x6E, 0x6E)
    hint = styles.add_style("Form Hint", WD_STYLE_TYPE.PARAGRAPH)
    hint.base_style = normal
    hint.font.size = Pt(9)
    hint.font.italic = True
    instruction = styles.add_style("Form Instruction", WD_STYLE_TYPE.PARAGRAPH)
    instruction.base_style = normal
    instruction.font.bold = True
    instruction.font.color.rgb = RGBColor(0x8B, 0x00, 0x00)
    label = styles.add_style("Form Label", WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = normal
    label.font.bold = True


def _field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """A PAGE/NUMPAGES field: Word and LibreOffice compute it when the page is laid out."""
    def run_with(child: BaseOxmlElement) -> None:
        run = OxmlElement("w:r")
        run.append(child)
        paragraph._p.append(run)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    text = OxmlElement("w:t")
    text.text = shown
    run_with(text)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def header_and_footer(document: Document, definition: Definition) -> None:
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if definition.marking:
        run = header.add_run(clean(definition.marking.label))
        run.bold = True
        if definition.marking.warning:
            note = section.header.add_paragraph(clean(definition.marking.warning))
            note.alignment = WD_ALIGN_PARAGRAPH.CENTER
            note.runs[0].font.size = Pt(8)
    else:
        header.add_run(clean(definition.title)).font.size = Pt(8)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{clean(definition.id)} version {clean(definition.version)} · Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES", "1")
    for run in footer.runs:
        run.font.size = Pt(8)


def core_properties(document: Document, definition: Definition) -> None:
    props = document.core_properties
    props.title = _property(definition.title)
    props.subject = _property(f"{definition.id} {definition.version}")
    props.author = _property(definition.publisher or "auditforms")
    props.last_modified_by = "auditforms"
    props.comments = _property(definition.description or "")
    props.keywords = "auditforms"
    props.category = "Audit form"
    props.language = "en-GB"
    props.revision = 1
    props.created = props.modified = FIXED_TIME
    props.last_printed = FIXED_TIME


def _property(text: str) -> str:
    """Core properties hold at most 255 characters; a long description is cut at a word."""
    return shorten(clean(text), CORE_PROPERTY_LIMIT)


def custom_properties(document: Document, values: dict[str, str]) -> None:
    """Custom document properties (File › Properties › Custom); LibreOffice keeps them on save."""
    items = "".join(
        f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{escape(name)}">'
        f"<vt:lpwstr>{escape(clean(value))}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(values.items(), start=2)
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"{items}</Properties>"
    )
    package = document.part.package
    part = Part(PackURI("/docProps/custom.xml"),
                "application/vnd.openxmlformats-officedocument.custom-properties+xml",
                xml.encode("utf-8"), package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


def drop_thumbnail(document: Document) -> None:
    """python-docx's template carries a preview picture of another document; leave it out."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            del package.rels[rel_id]


def deterministic_zip(data: bytes) -> bytes:
    """Re-pack with fixed timestamps and order: identical input gives identical bytes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        first = [n for n in names if n == "[Content_Types].xml"]
        for name in first + sorted(n for n in names if n not in first):
            info = zipfile.ZipInfo(name, _ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
