"""Every rendered form, opened with python-docx: styles, page, every question and every control."""

from __future__ import annotations

import io

import docx
import pytest
from docx_helpers import alias_of, kind_of, sdts, shown, tag_of
from docx_paths import ALL_DEFINITIONS, KITCHEN_SINK, definition_id

from auditforms.model import markdown
from auditforms.model.definition import FieldItem, Question, Table
from auditforms.renderers.docx.items import question_heading


def expected_tags(definition) -> dict[str, str]:
    """tag -> control kind, worked out from the definition alone."""
    tags: dict[str, str] = {}
    kinds = {"date": "date", "choice": "dropdown", "yesno": "dropdown", "age_band": "dropdown",
             "scale": "dropdown"}
    for entry_id in definition.index.order:
        node = definition.index.entries[entry_id].node
        if isinstance(node, FieldItem):
            if node.type == "multichoice":
                tags.update({f"{node.id}.{o.id}": "checkbox" for o in node.options})
            else:
                tags[node.id] = kinds.get(node.type, "text")
        elif isinstance(node, Question):
            if node.judgement:
                tags[f"{node.id}.judgement"] = "dropdown"
            tags.update({f"{node.id}.{n.id}": "text" for n in node.narratives})
        elif isinstance(node, Table):
            rows = [r.id for r in node.rows] or ["1"]
            for row in rows:
                tags.update({f"{node.id}.{row}.{c.id}": kinds.get(c.type, "text") for c in node.columns})
        else:
            if node.optional:
                tags[f"{node.id}.not_relevant"] = "checkbox"
            if node.overall and node.overall.judgement:
                tags[f"{node.id}.judgement"] = "dropdown"
            if node.overall:
                tags.update({f"{node.id}.{n.id}": "text" for n in node.overall.narratives})
    return tags


@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=definition_id)
def test_docx_every_control_is_tagged_titled_and_of_the_right_kind(path, load, render):
    definition = load(path)
    document = docx.Document(io.BytesIO(render(path)))
    found = {tag_of(s): s for s in sdts(document.element.body)}
    all_tags = [tag_of(s) for s in sdts(document.element.body)]
    assert len(all_tags) == len(set(all_tags)), "every tag is unique"
    aliases = [alias_of(s) for s in sdts(document.element.body)]
    assert all(aliases) and len(aliases) == len(set(aliases)), "every title is present and unique"
    for tag, kind in expected_tags(definition).items():
        assert tag in found, f"no control tagged {tag}"
        assert kind_of(found[tag]) == kind, tag
    for part in ("moderator", "date", "summary"):
        assert f"_moderation.{part}" in found


@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=definition_id)
def test_docx_every_question_is_a_heading(path, load, render):
    definition = load(path)
    document = docx.Document(io.BytesIO(render(path)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    texts = [p.text for p in document.paragraphs]
    for question in definition.index.questions():
        assert any(question_heading(question) in h for h in headings), f"{question.id} has no heading"
        for block in markdown.parse(question.prompt):
            if isinstance(block, markdown.Paragraph):
                wanted = markdown.plain([block])
                assert any(wanted in t for t in texts + headings), f"{question.id}'s prompt is missing"
    for section in definition.sections:
        assert any(section.title in h for h in headings)
    assert document.paragraphs[0].style.name == "Title"


def test_docx_page_header_footer_and_properties(render):
    document = docx.Document(io.BytesIO(render(KITCHEN_SINK)))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.header.paragraphs[0].text == "RESTRICTED WHEN COMPLETED"
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and "kitchen-sink version 1.2.0" in footer
    assert document.core_properties.title == "Kitchen sink audit tool"
    assert document.core_properties.modified.year == 2000
    assert all(t.style.name == "Table Grid" for t in document.tables)


def test_docx_rendering_is_byte_for_byte_reproducible(render):
    assert render(KITCHEN_SINK) == render(KITCHEN_SINK)


def test_docx_conditional_parts_say_when_to_complete_them(render):
    document = docx.Document(io.BytesIO(render(KITCHEN_SINK)))
    texts = [p.text for p in document.paragraphs]
    texts += [p.text for t in document.tables for c in t._cells for p in c.paragraphs]
    assert ("Complete this section only if “Is the child an unaccompanied asylum-seeker?” is “Yes”."
            in texts)
    assert "Complete this section only if “Age band” is “16-21”." in texts
    assert "Complete only if “Audited previously?” is “YES”." in texts


def test_docx_prefill_fills_case_details(render):
    data = render(KITCHEN_SINK, prefill={"child-id": "C0412", "age-band": "6-10", "strand": ["care-leavers"],
                                         "audit-date": "2026-11-12", "child-age": 9.0})
    found = {tag_of(s): s for s in sdts(docx.Document(io.BytesIO(data)).element.body)}
    displayed = {t: shown(found[t]) for t in
             ("child-id", "age-band", "strand.care-leavers", "strand.help-and-protection", "audit-date",
              "child-age")}
    assert displayed == {"child-id": "C0412", "age-band": "6-10", "strand.care-leavers": "\u2612",
                     "strand.help-and-protection": "\u2610", "audit-date": "12/11/2026", "child-age": "9"}


def test_docx_actions_table_has_its_columns_and_blank_rows(render):
    document = docx.Document(io.BytesIO(render(KITCHEN_SINK)))
    table = next(t for t in document.tables if t.rows[0].cells[0].text.startswith("Agreed Action"))
    header = [c.paragraphs[0].text for c in table.rows[0].cells]
    assert header == ["Agreed Action (child)", "Person", "Completion date", "Manager's sign off date"]
    assert len(table.rows) == 1 + 8  # max_rows is 8: one blank row per allowed action
    kinds = [kind_of(next(sdts(c._tc))) for c in table.rows[1].cells]
    assert kinds == ["text", "text", "date", "date"]


def test_docx_statements_of_good_are_an_appendix(render):
    document = docx.Document(io.BytesIO(render(KITCHEN_SINK)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Appendix: Sample statements of good" in headings
    assert "2. Care leavers" in headings


def test_docx_control_characters_in_prefill_are_removed(render):
    data = render(KITCHEN_SINK, prefill={"team": "North\x0bTeam\x00"})
    found = {tag_of(s): s for s in sdts(docx.Document(io.BytesIO(data)).element.body)}
    assert shown(found["team"]) == "NorthTeam"


def test_docx_prefilled_dates_may_be_date_objects(render):
    import datetime as dt

    data = render(KITCHEN_SINK, prefill={"audit-date": dt.date(2026, 11, 12), "date-shared": "2026-02-30"})
    found = {tag_of(s): s for s in sdts(docx.Document(io.BytesIO(data)).element.body)}
    assert shown(found["audit-date"]) == "12/11/2026"
    assert shown(found["date-shared"]) == "Click or tap to enter a date."  # not a real date


def test_docx_has_no_stray_thumbnail(render):
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(render(KITCHEN_SINK))).namelist()
    assert "docProps/thumbnail.jpeg" not in names
    assert "docProps/custom.xml" in names


SDT_PR_ORDER = ["alias", "tag", "id", "lock", "showingPlcHdr", "text", "richText", "dropDownList", "date", "checkbox"]


@pytest.mark.parametrize("path", ALL_DEFINITIONS, ids=definition_id)
def test_docx_control_properties_are_in_schema_order(path, render):
    """Word refuses a file whose elements are out of the schema's order ("unreadable content")."""
    from docx.oxml.ns import qn

    body = docx.Document(io.BytesIO(render(path))).element.body
    for sdt in sdts(body):
        names = [child.tag.rsplit("}", 1)[1] for child in sdt.find(qn("w:sdtPr"))]
        assert names == sorted(names, key=SDT_PR_ORDER.index), tag_of(sdt)
        assert sum(n in {"text", "richText", "dropDownList", "date", "checkbox"} for n in names) == 1


def test_docx_every_table_has_a_caption_for_screen_readers(render):
    from docx.oxml.ns import qn

    body = docx.Document(io.BytesIO(render(KITCHEN_SINK))).element.body
    captions = [t.find(f"{qn('w:tblPr')}/{qn('w:tblCaption')}") for t in body.iter(qn("w:tbl"))]
    assert captions and all(c is not None and c.get(qn("w:val")) for c in captions)
    names = [child.tag.rsplit("}", 1)[1] for child in next(body.iter(qn("w:tblPr")))]
    assert names[-2:] == ["tblLook", "tblCaption"]
