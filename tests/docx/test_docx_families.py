"""The Word form of an unmoderated tool has no moderation block, and says which type of audit
it is and who takes part (python-docx, and real LibreOffice)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx_paths import ROOT

EXAMPLES = ROOT / "definitions" / "examples"
SELF_AUDIT = EXAMPLES / "family-school-self-audit.yaml"
EARLY_HELP = EXAMPLES / "family-early-help.yaml"


def texts(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    return [p.text for p in document.paragraphs] + [
        p.text for t in document.tables for c in t._cells for p in c.paragraphs]


def test_an_unmoderated_tool_has_no_moderation_block(render) -> None:
    words = texts(render(SELF_AUDIT))
    assert "Moderation" not in words and "Moderator's sign-off" not in words
    assert "Moderation: Not moderated: the audit is final when it is finished." in words
    assert "Completed by: The school's designated safeguarding lead." in words
    assert any(w.endswith("To be completed by: Allocated social worker.") for w in words)
    assert "Moderator's sign-off" in texts(render(EARLY_HELP))


def test_a_deep_dive_form_says_so(render) -> None:
    words = texts(render(EARLY_HELP, audit_type="deep-dive"))
    assert "Look-back period: 24 months. Look back 24 months." in words
    assert ("Type of audit: Deep dive. A deep dive reads the whole record of the last two years with "
            "the practitioner.") in words
    assert "Judgement window: The last 6 months. Judge practice over the last 6 months." in words


@pytest.mark.libreoffice
def test_libreoffice_opens_the_unmoderated_form_without_moderation(libreoffice, render, tmp_path: Path) -> None:
    source = tmp_path / "self-audit.docx"
    source.write_bytes(render(SELF_AUDIT))
    text = " ".join(libreoffice.convert(source, "txt:Text").read_text(encoding="utf-8-sig").split())
    assert "Concerns shared" in text and "Not moderated" in text
    assert "Moderator's sign-off" not in text and "Moderated judgements" not in text
