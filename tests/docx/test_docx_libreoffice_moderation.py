"""Real LibreOffice: a moderated form survives a re-save; the form's first page and placeholders.

What LibreOffice 7.4 keeps when it re-saves a moderated form: the comments (text, author,
anchor), the resolved mark and the moderation drop-downs' values. It drops reply threads
(replies become comments at the same place), which extract then reads by author.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from docx_answers import MODERATION, answers
from docx_comments import WordComment, add_comments
from docx_helpers import controls_for, fill
from docx_paths import KITCHEN_SINK, SHIPPED

from auditforms.extract import extract_docx

pytestmark = pytest.mark.libreoffice

TORBAY = next(p for p in SHIPPED if p.stem == "torbay-full-audit")
COMMENTS = [
    WordComment("Say what this meant for the child.", on="q1.impact",
                replies=[("A. Auditor", "Added: the child now sleeps at home.")], done=True),
    WordComment("Name the delay.", on="q2.evidence", replies=[("M. Moderator", "Two months, I think.")]),
    WordComment("Thank you for a thorough audit.", on_text="Exercises every feature"),
]


def _one_line(value):
    if isinstance(value, str):
        return value.replace("\n", " ")
    if isinstance(value, dict):
        return {k: _one_line(v) for k, v in value.items()}
    return [_one_line(v) for v in value] if isinstance(value, list) else value


def test_docx_libreoffice_resave_keeps_the_moderation(kitchen_sink, libreoffice, render, tmp_path):
    values = controls_for(answers(), MODERATION)
    values.update({"_moderation.q1.judgement": "agree", "_moderation.q2.judgement": "meets-good"})
    source = tmp_path / "moderated.docx"
    source.write_bytes(add_comments(fill(render(KITCHEN_SINK), values), COMMENTS))
    before, _ = extract_docx(kitchen_sink, source.read_bytes(), source.name)
    resaved = libreoffice.convert(source, "docx")
    after, diagnostics = extract_docx(kitchen_sink, resaved.read_bytes(), resaved.name)
    assert after is not None, [d.format() for d in diagnostics]
    assert after["moderation"] == before["moderation"]
    assert after["answers"] == before["answers"]  # line breaks in narratives survive too
    assert after["status"] == "moderated"
    assert before["moderation"]["responses"]["q1"] == {"addressed": True,
                                                       "reply": "Added: the child now sleeps at home."}


def test_docx_libreoffice_lost_breaks_of_old_plain_text_controls_become_spaces(
        kitchen_sink, libreoffice, render, tmp_path):
    """Forms made before text controls were rich text: LibreOffice moves their breaks out."""
    filled = fill(render(KITCHEN_SINK), controls_for({"q1": {"evidence": "1. Risk assessed.\n2. Plan made."},
                                                      "q2": {"evidence": "First line\nSecond line"}}))
    source = tmp_path / "old-form.docx"
    source.write_bytes(_as_plain_text_controls(filled))
    resaved = libreoffice.convert(source, "docx")
    document, _ = extract_docx(kitchen_sink, resaved.read_bytes(), resaved.name)
    assert document["answers"]["q1"]["evidence"] == "1. Risk assessed. 2. Plan made."
    assert document["answers"]["q2"]["evidence"] == "First line Second line"


def _as_plain_text_controls(data: bytes) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            part = source.read(name)
            if name == "word/document.xml":
                part = part.replace(b"<w:richText/>", b'<w:text w:multiLine="1"/>')
            target.writestr(name, part)
    return out.getvalue()


@pytest.fixture(scope="module")
def torbay_pdf(libreoffice, render, tmp_path_factory):
    source = tmp_path_factory.mktemp("torbay") / "torbay-first-page.docx"
    source.write_bytes(render(TORBAY))
    return libreoffice.convert(source, "pdf")


def test_docx_libreoffice_case_details_are_on_the_first_page(torbay_pdf, load):
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils) is not installed")
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(torbay_pdf), "-"], check=True,
                           capture_output=True, timeout=60).stdout.decode("utf-8")
    definition = load(TORBAY)
    details = definition.sections[0]
    assert details.title in first
    assert all(" ".join(f.label.split()) in " ".join(first.split()) for f in details.items[:3])
    assert "within 14 days of allocation" in " ".join(first.split())
    assert "Hints and tips" not in first


def test_docx_libreoffice_every_placeholder_is_grey(libreoffice, render, tmp_path):
    """LibreOffice's HTML export shows the colour it lays each placeholder out in (as in its PDF)."""
    source = tmp_path / "placeholders.docx"
    source.write_bytes(render(TORBAY))
    html = libreoffice.convert(source, "html").read_text(encoding="utf-8", errors="replace")
    words = ("Click or tap here to enter text", "Choose an item", "Click or tap to enter a date")
    pattern = "|".join(r"\s+".join(text.split()) for text in words)
    found = {kind: [] for kind in words}
    for match in re.finditer(f"(?<!“)({pattern})", html):
        kind = " ".join(match.group(1).split())
        found[kind].append(html[max(0, match.start() - 40):match.start()].rstrip().endswith(GREY))
    assert all(found.values()), "every kind of control is in the form"
    assert all(all(greys) for greys in found.values()), {k: greys.count(False) for k, greys in found.items()}


GREY = '<font color="#6e6e6e">'
