"""Sentences a board member reads: which audits are counted, said without "sample files given";
a breakdown's range naming every row at each extreme, as what it is ("the 0 and 6-10 age bands",
where "74% (1 -5) to 100% (0)" named one of two bands at 100%); and the actions' position on the
day given to ``month report --today``."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import docx

from auditforms.collation.charts import range_sentence

OCTOBER_AGES = ("By age band, judgements good or better ranged from 74% (the 1 -5 age band) to 100% "
                "(the 0 and 6-10 age bands) in October 2026")


def test_a_range_names_every_row_at_each_extreme() -> None:
    known = [("0", 100), ("1 -5", 74), ("6-10", 100), ("11-15", 80)]
    assert range_sentence("Age band", known) == ("By age band, judgements good or better ranged from 74% (the 1 -5 "
                                                 "age band) to 100% (the 0 and 6-10 age bands)")
    assert range_sentence("Area of service", [("A", 60), ("B", 60), ("C", 92)]).endswith(
        "from 60% (the A and B areas of service) to 92% (the C area of service)")
    assert range_sentence("Team", [("North", 70), ("South", 70)]) == (
        "By team, 70% of judgements were good or better in every team")


def test_every_format_says_it_the_same_way(october: Callable[..., Path]) -> None:
    page = october("html").read_text(encoding="utf-8")
    paper = "\n".join(p.text for p in docx.Document(io.BytesIO(october("docx").read_bytes())).paragraphs)
    for text in (page, paper):
        assert OCTOBER_AGES in text
        assert "counting the audits returned for the cases drawn in the monthly sample: 19 audits" in text
        assert "sample files given" not in text and "(0)" not in text


def test_month_report_takes_today(october: Callable[..., Path]) -> None:
    by_default = json.loads(october("json").read_text(encoding="utf-8"))["actions"]
    on_the_day = json.loads(october("json", "--today", "20/11/2026").read_text(encoding="utf-8"))["actions"]
    assert by_default["as_of"] == "2026-10-31" and on_the_day["as_of"] == "2026-11-20"
    assert on_the_day["overdue"] > by_default["overdue"]
