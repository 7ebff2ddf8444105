"""--public suppression, the sample's figures and the area of service it brings."""

from __future__ import annotations

from typing import Any

from collation_support import collate, read_sample

from auditforms.collation.figures import Share


def test_public_suppresses_every_count_under_five(tool: Any) -> None:
    figures = collate(tool, public=True)
    head = figures.headline
    assert figures.public
    # 3 audits in November, 2 good overall: both under 5, so the percentage goes too
    assert head.audits is None
    assert head.overall_good == Share(None, None, None, True)
    # 7 of 11 judgements: both shown
    assert head.judgements_good == Share(7, 11, 64, True)
    assert head.overall.counts == (None, None, None, None)
    assert figures.coverage.counted == 7 and figures.coverage.drafts is None
    # files left out: none is said as none (no "fewer than 5 duplicates" line), 1 to 4 suppressed
    assert figures.coverage.duplicates == 0
    from auditforms.collation.words import left_out_sentences

    assert not any("already counted" in s for s in left_out_sentences(figures.coverage))
    assert figures.moderation.agreement[0].table[1][1] == 6
    assert figures.moderation.agreement[0].table[0][0] is None
    assert "fewer than 5" in figures.basis


def test_sample_figures(tool: Any) -> None:
    figures = collate(tool, sample=read_sample())
    assert figures.coverage.from_sample
    september, october, november = figures.sample
    assert september.drawn == october.drawn == 0
    # 5 drawn; C005, C006, C007 came back (C008 is a draft, C012 nothing);
    # on time (due 14 Nov): C005 submitted 10 Nov, C007 saved 12 Nov; C006 submitted 20 Nov is late
    assert (november.drawn, november.returned, november.moderated, november.final) == (5, 3, 2, 1)
    assert november.on_time == Share(2, 3, 67, True)
    areas = {b.dimension: [r.value for r in b.rows] for b in figures.breakdowns}["area"]
    assert areas == ["Children in care", "Help and protection"]


def test_without_a_sample_the_report_says_it_covers_the_audits_given(figures: Any) -> None:
    from auditforms.collation.words import coverage_sentence

    assert figures.sample is None
    assert "no sample file was given" in coverage_sentence(figures)
