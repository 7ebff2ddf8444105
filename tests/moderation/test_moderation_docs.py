"""docs/moderating-audits.md stays true: its codes, deadlines and quoted messages are real."""

from __future__ import annotations

import datetime as dt
import re

from moderation_support import ROOT, tool

from auditforms.diagnostics import all_codes
from auditforms.moderation.deadlines import moderation_due

DOC = (ROOT / "docs" / "moderating-audits.md").read_text(encoding="utf-8")


def test_every_code_named_is_catalogued() -> None:
    codes = set(re.findall(r"AF\d{3}", DOC))
    assert codes and codes <= set(all_codes())


def test_the_deadlines_given_are_the_functions() -> None:
    torbay = tool("torbay-full-audit")
    assert "14 December 2026" in DOC and moderation_due(torbay, "2026-11") == dt.date(2026, 12, 14)
    assert "15 January 2027" in DOC and moderation_due(torbay, "2026-12") == dt.date(2027, 1, 15)


def test_the_messages_quoted_are_the_tools() -> None:
    torbay = " ".join(" ".join(r.message.split()) for r in tool("torbay-full-audit").rules)
    rows = re.findall(r"^\| [^|]+ \| ([^|]+) \|$", DOC.split("## The moderator's advice in `check`")[1], re.M)
    quoted = [row.strip() for row in rows if row.strip() != "message (after the question's number and title)"]
    assert len(quoted) >= 10
    for message in quoted:
        for piece in re.split(r" … |…|\d+ words|\(Exceeds good\)|6 actions|“Does not meet good”", message):
            piece = piece.strip(" ;.")
            if piece:
                assert piece in torbay, piece
