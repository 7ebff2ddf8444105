"""Every figure of the fixture audits, worked out by hand.

The fixture (tests/collation/fixtures/audits; grades O Outstanding, G Good, R Requires
improvement, I Inadequate, N Not applicable; good_from: good, so O and G are good or better):

    file  month    status     team   final q1 q2 q3 q4   notes
    a01   2026-09  submitted  North        R  R  G  R
    a02   2026-09  final      South        R  G  N  G    moderated, all agreed
    a03   2026-10  moderated  North        I  G  G  R    auditor said q1 R, moderator I
    a04   2026-10  submitted  South        G  O  R  G
    a05   2026-11  final      North        R  G  R  R    auditor said G G R G; moderator R G R R
    a06   2026-11  moderated  South        G  G  N  O    auditor said q2 O, moderator G
    a07   2026-11  submitted  North        R  G  G  G
    a08   draft (left out); a09 version 0.9.0 (apart); a10 2026-08 (outside); a11 unreadable

q4 is the overall rating. The period is 2026-11, the trend starts 2026-09.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from auditforms.collation import words
from auditforms.collation.figures import Share, percent


def share(count: int, total: int) -> Share:
    return Share(count, total, percent(count, total), 0 < total < 30)


def test_percent_is_whole_and_rounds_half_up() -> None:
    assert percent(2, 3) == 67  # 66.67
    assert percent(5, 8) == 63  # 62.5 rounds up
    assert percent(1, 8) == 13  # 12.5 rounds up
    assert percent(0, 0) is None


def test_coverage_says_what_was_counted_and_left_out(figures: Any) -> None:
    coverage = figures.coverage
    assert coverage.counted == 7
    assert coverage.by_basis == {"final": 2, "moderated": 2, "submitted": 3}
    assert (coverage.drafts, coverage.outside_months, coverage.unreadable, coverage.undated) == (1, 1, 1, 0)
    assert coverage.other_versions == {"0.9.0": 1}
    assert "finalised after moderation for 2" in figures.basis
    assert figures.months == ("2026-09", "2026-10", "2026-11")


def test_headline_for_the_period(figures: Any) -> None:
    head = figures.headline
    assert head.audits == 3
    # overall (q4) in November: a05 R, a06 O, a07 G -> 2 of 3 good or better
    assert head.overall_good == share(2, 3)
    assert head.overall.counts == (1, 1, 1, 0) and head.overall.not_applicable == 0
    # all judgements in November: 12, one N/A (a06 q3) -> 11 graded;
    # good: a05 q2; a06 q1 q2 q4; a07 q2 q3 q4 -> 7
    assert head.judgements_good == share(7, 11)
    assert head.judgements_good.percent == 64 and head.judgements_good.caution
    # targets from the definition: 80% and 75%, neither met
    assert (head.overall_target.at_least, head.overall_target.met) == (80, False)
    assert (head.judgements_target.at_least, head.judgements_target.met) == (75, False)
    assert head.overall_target.source == "the definition"


def test_trend_month_by_month(figures: Any) -> None:
    september, october, november = figures.trend
    # September: overall a01 R, a02 G -> 1 of 2; judgements a01 RRGR (1 good of 4) + a02 RGNG (2 of 3)
    assert (september.audits, september.overall_good, september.judgements_good) == (2, share(1, 2), share(3, 7))
    # October: overall a03 R, a04 G; judgements a03 IGGR (2 of 4) + a04 GORG (3 of 4) = 5 of 8 = 62.5 -> 63%
    assert (october.audits, october.overall_good, october.judgements_good) == (2, share(1, 2), share(5, 8))
    assert october.judgements_good.percent == 63
    assert november.judgements_good == share(7, 11)


def test_each_question_distribution_and_trend(figures: Any) -> None:
    by_id = {q.id: q for q in figures.questions}
    assert [q.title for q in figures.questions] == ["Q1 Risk", "Q2 Involvement", "Q3 Plans", "Q4 Overall rating"]
    # November q1: R G R; q2: G G G; q3: R N G; q4: R O G (counts best first: O G R I)
    assert by_id["q1"].distribution.counts == (0, 1, 2, 0)
    assert by_id["q2"].distribution.counts == (0, 3, 0, 0)
    assert by_id["q3"].distribution.counts == (0, 1, 1, 0) and by_id["q3"].distribution.not_applicable == 1
    assert by_id["q3"].distribution.good_or_better == share(1, 2)
    # q1 over the months: Sep R R (0/2), Oct I G (1/2), Nov R G R (1/3)
    assert [p.good_or_better for p in by_id["q1"].trend] == [share(0, 2), share(1, 2), share(1, 3)]


def test_repeat_findings_are_questions_below_the_target_three_months_running(figures: Any) -> None:
    # threshold: the judgements target, 75%. q1 0/50/33 and q4 50/50/67 are below it each month;
    # q2 is 100% in October; q3 is 100% in September (a02 is N/A) -> only two months running.
    assert [(r.id, r.months) for r in figures.repeat_findings] == [
        ("q1", ("2026-09", "2026-10", "2026-11")), ("q4", ("2026-09", "2026-10", "2026-11"))]
    assert figures.repeat_threshold == 75
    assert words.repeat_findings_sentence(figures) == (
        "Questions with fewer than 75% of judgements good or better in each of the last 3 months or more:")


def test_breakdowns_for_the_period(figures: Any) -> None:
    by = {b.dimension: {r.value: r for r in b.rows} for b in figures.breakdowns}
    # options in the definition's order (ages youngest first, "6 to 10" before "11 to 17"); teams A to Z
    assert list(by["age_band"]) == ["0 to 5", "6 to 10", "11 to 17"]
    assert list(by["strand"]) == ["Help and protection", "Children looked after"]
    assert list(by["team"]) == ["North", "South"]
    assert "area" not in by  # only a sample file knows the area of service
    north, south = by["team"]["North"], by["team"]["South"]
    # North: a05 (RGRR) and a07 (RGGG): overall R, G; judgements 1 + 3 of 8; q1 R R
    assert (north.audits, north.overall_good, north.judgements_good) == (2, share(1, 2), share(4, 8))
    assert north.by_question == (share(0, 2), share(2, 2), share(1, 2), share(1, 2))
    assert north.distribution.counts == (0, 4, 4, 0)  # R G R R + R G G G
    # South: a06 (G G N O): q3 not graded
    assert south.by_question[2] == Share(0, 0, None, False)
    # strand: a05 has both; Help and protection = a05 + a06 -> judgements 1 of 4 + 3 of 3
    assert by["strand"]["Help and protection"].judgements_good == share(4, 7)
    assert by["strand"]["Children looked after"].judgements_good == share(4, 8)
    assert set(by["age_band"]) == {"0 to 5", "6 to 10", "11 to 17"}


def test_themes_gather_the_tagged_questions(figures: Any) -> None:
    (safety,) = figures.themes
    # q1 carries the tag, q3 through a consideration
    assert safety.questions == ("q1", "q3")
    # captioned by the numbers the form shows, not the ids
    assert words.theme_caption(figures, safety) == "Questions about keeping the child safe (Q1, Q3)"
    # November q1 R G R + q3 R N G: G 2, R 3, N/A 1 -> 2 of 5
    assert safety.distribution.counts == (0, 2, 3, 0) and safety.distribution.not_applicable == 1
    # Sep: q1 R R, q3 G N -> 1 of 3; Oct: q1 I G, q3 G R -> 2 of 4
    assert [p.good_or_better for p in safety.trend] == [share(1, 3), share(2, 4), share(2, 5)]


def test_moderation_agreement_pooled_over_the_months(figures: Any) -> None:
    moderation = figures.moderation
    assert moderation.audits == 4  # a02, a03, a05, a06
    (grade,) = moderation.agreement
    # 16 pairs, 2 of them N/A-N/A -> 14 graded; exact: R-R 3, G-G 6, O-O 1 = 10; every other pair
    # (R-I, G-R twice, O-G) is one grade apart -> 14 within one
    assert grade.pairs == 14
    assert grade.exact == share(10, 14) and grade.exact.percent == 71
    assert grade.within_one == share(14, 14)
    # rows auditor, columns moderator: O G R I N/A
    assert grade.table == ((1, 1, 0, 0, 0), (0, 6, 2, 0, 0), (0, 0, 3, 1, 0), (0, 0, 0, 0, 0), (0, 0, 0, 0, 2))
    assert grade.kappa == 0.611  # worked out in test_kappa_by_hand
    assert grade.kappa_low < grade.kappa < grade.kappa_high


def linear_weighted_kappa(table: list[tuple[int, ...]]) -> float:
    """The textbook formula, written out independently of statsmodels: 1 - sum(w*o) / sum(w*e)."""
    k, n = len(table), sum(map(sum, table))
    rows = [sum(r) for r in table]
    cols = [sum(r[j] for r in table) for j in range(k)]
    observed = sum(abs(i - j) * table[i][j] for i in range(k) for j in range(k)) / n
    expected = sum(abs(i - j) * rows[i] * cols[j] for i in range(k) for j in range(k)) / n / n
    return 1 - observed / expected


def test_kappa_by_hand() -> None:
    # The fixture's table: four pairs one grade apart -> observed weighted disagreement 56/196.
    # Margins: rows (2, 8, 4, 0), columns (1, 7, 5, 1); expected sum |i-j| r_i c_j =
    # 2*(7+10+3) + 8*(1+5+2) + 4*(2+7+1) = 144 -> 144/196. kappa = 1 - 56/144 = 0.611
    kappa = linear_weighted_kappa([(1, 1, 0, 0), (0, 6, 2, 0), (0, 0, 3, 1), (0, 0, 0, 0)])
    assert round(kappa, 3) == 0.611


def test_moved_and_checklist(figures: Any) -> None:
    moved = {m.id: (m.moderated, m.up, m.down) for m in figures.moderation.moved}
    # q1: a03 R->I and a05 G->R down; q2: a06 O->G down; q4: a05 G->R down
    assert moved == {"q1": (4, 0, 2), "q2": (4, 0, 1), "q3": (4, 0, 0), "q4": (4, 0, 1)}
    checklist = {c.item: (c.not_met, c.assessed) for c in figures.moderation.checklist}
    # a05 q1 and q4 lacked an overview, a06 q2 had one; a05 q1's impact was clear
    assert checklist == {"overview": (2, 3), "impact-clear": (0, 1)}


def test_text_is_quoted_only_when_asked(tool: Any, figures: Any) -> None:
    from collation_support import collate

    assert [(q.audit_id, q.part, q.text) for q in figures.texts] == [
        ("2026-11-C005", "Service learning", "Fictional learning about recording decisions.")]
    assert collate(tool).texts == ()


def test_settings_targets_take_precedence(tool: Any) -> None:
    from collation_support import collate

    from auditforms.model.definition import Targets

    figures = collate(tool, settings_targets=Targets(overall_good_or_better=60))
    assert figures.headline.overall_target.met is True
    assert figures.headline.overall_target.source == "the service's settings"
    # the judgements target is not in the settings, so the definition's (75%) stands
    assert (figures.headline.judgements_target.at_least, figures.headline.judgements_target.source) == (
        75, "the definition")


def test_one_month_without_since(tool: Any) -> None:
    from collation_support import collate

    figures = collate(tool, since=None)
    assert figures.months == ("2026-11",)
    assert figures.coverage.outside_months == 5  # a01-a04 and a10
    assert figures.repeat_findings == ()
    # one month cannot show a question below target three months running: the report says so
    assert words.repeat_findings_sentence(figures) == (
        "A repeat finding is a question below 75% good or better 3 months running; this report counts "
        "1 month of audits, so none can show yet.")
    three = dataclasses.replace(figures, months=("2026-09", "2026-10", "2026-11"))
    assert words.repeat_findings_sentence(three) == (
        "No question had fewer than 75% of judgements good or better in each of the last 3 months.")


def test_actions_from_the_tracker_s_own_logic(figures: Any) -> None:
    # Agreed actions are those of moderated and final audits (a07's, submitted, is not), judged on
    # the period's last day, 2026-11-30:
    #   a02 (Sep): A due 15 Oct signed 10 Oct -> signed off; B due 15 Oct signed 20 Oct -> late
    #   a03 (Oct): C due 20 Nov -> overdue; D due 20 Dec -> open
    #   a05 (Nov): E due 5 Dec -> due within 7 days; F signed with an update -> no longer required
    actions = figures.actions
    assert actions.as_of == "2026-11-30"
    assert (actions.agreed, actions.open, actions.due_soon, actions.overdue) == (6, 1, 1, 1)
    assert (actions.signed_off, actions.signed_off_late, actions.no_longer_required) == (1, 1, 1)
    assert actions.signed_off_on_time == share(1, 2)
    september, october, november = actions.months
    assert (september.agreed, september.outstanding, september.signed_off_on_time) == (2, 0, share(1, 2))
    assert (october.agreed, october.outstanding, october.overdue) == (2, 2, 1)
    assert (november.agreed, november.outstanding, november.overdue) == (2, 1, 0)


def test_actions_on_another_day(tool: Any) -> None:
    import datetime as dt

    from collation_support import collate

    later = collate(tool, today=dt.date(2026, 12, 21)).actions
    # on 21 Dec C, D and E are all overdue
    assert (later.overdue, later.open, later.due_soon) == (3, 0, 0)


def test_kappa_interval_stays_within_kappa_s_range() -> None:
    """Near perfect agreement the asymptotic interval (kappa ± 1.96 SE) runs past 1; the report
    cuts it to -1..1, as the example month showed "0.97 to 1.01"."""
    from collections import Counter

    from auditforms.collation.agreement import agreement
    from auditforms.model.definition import Scale

    scale = Scale.model_validate({"id": "q", "options": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"},
                                                          {"id": "c", "label": "C"}], "good_from": "b"})
    pairs = Counter({("a", "a"): 31, ("b", "b"): 114, ("b", "c"): 1, ("c", "c"): 31})
    unclipped = (0.99, 0.97, 1.01)
    result = agreement(scale, pairs, public=False, kappa_of=lambda table: unclipped)
    assert (result.kappa, result.kappa_low, result.kappa_high) == (0.99, 0.97, 1.0)
    low = agreement(scale, pairs, public=False, kappa_of=lambda table: (-0.98, -1.02, -0.9))
    assert (low.kappa_low, low.kappa_high) == (-1.0, -0.9)
