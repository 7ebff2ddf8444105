"""The board paper's sections, in the order of the web page (headings, charts, tables)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditforms.collation import layout, words
from auditforms.collation.figures import Figures

if TYPE_CHECKING:
    from auditforms.collation.word_paper import Paper


def write_paper(paper: Paper) -> None:
    f = paper.figures
    if f.marking:
        paper.marking(f.marking)
    paper.heading(f"{f.tool_title}: monthly audit report, {words.month_label(f.period)}", 0)
    for line in (words.coverage_sentence(f), f.basis, *words.left_out_sentences(f.coverage)):
        paper.para(line)
    _headline(paper, f)
    _sample(paper, f)
    _questions(paper, f)
    _checklists(paper, f)
    for b in f.breakdowns:
        paper.heading(f"By {b.title.lower()}", 1)
        paper.chart(f"by-{b.dimension}")
        for t in layout.breakdown_tables(f, b):
            paper.table(t.caption, t.header, t.rows)
    _themes(paper, f)
    _moderation(paper, f)
    _actions(paper, f)
    if f.texts:
        paper.heading("Learning in the auditors' words", 1)
        for q in f.texts:
            paper.para(f"{q.part}, audit {q.audit_id} ({words.month_label(q.month)})", "Heading 3")
            paper.para(q.text, "Quote")
    paper.heading("About these figures", 1)
    paper.para(words.CAUTION_NOTE)
    if f.public:
        paper.para(words.PUBLIC_NOTE)


def _headline(paper: Paper, f: Figures) -> None:
    paper.heading("Headline", 1)
    h = f.headline
    for share, what, note, target in (
            (h.overall_good, words.HEADLINE_OVERALL, "", h.overall_target),
            (h.judgements_good, words.HEADLINE_JUDGEMENTS, words.NOT_APPLICABLE_NOTE, h.judgements_target)):
        if share is None:
            continue
        paper.para(f"{words.percent(share)} {what} {words.of_total(share, note)}{words.target_text(target)}"
                   f"{words.verdict_said(target)}", "List Bullet")
    paper.para(words.good_from_sentence(f))
    paper.chart("headline")
    paper.table("Good or better, month by month", ["Month", "Audits", "Rated good or better overall",
                                                    "Judgements good or better"],
                [[words.month_label(t.month), words.count(t.audits), words.share_cell(t.overall_good),
                  words.share_cell(t.judgements_good)] for t in f.trend])
    if h.overall is not None:
        paper.chart("overall")
        paper.distribution(f"Overall ratings in {words.month_label(f.period)}", [("Overall rating", h.overall)])


def _sample(paper: Paper, f: Figures) -> None:
    if f.sample is None:
        return
    paper.heading("The sample", 1)
    on_time = words.on_time_text(f)
    if on_time is not None:
        paper.para(f"{on_time}{words.verdict_said(f.sample_target)}.")
    paper.table("Audits drawn and returned", ["Month", "Drawn", "Returned", "Returned on time", "Moderated", "Final"],
                [[words.month_label(s.month), words.count(s.drawn), words.count(s.returned),
                  words.share_cell(s.on_time), words.count(s.moderated), words.count(s.final)] for s in f.sample])


def _questions(paper: Paper, f: Figures) -> None:
    paper.heading("Questions", 1)
    for scale in f.scales:
        rows = [(q.title, q.distribution) for q in f.questions if q.distribution.scale == scale.id]
        if rows:
            paper.chart(f"questions-{scale.id}")
            paper.distribution(f"Judgements by question in {words.month_label(f.period)} ({scale.title})", rows)
    for t in layout.question_trend_tables(f):
        paper.table(t.caption, t.header, t.rows)
    paper.heading("Repeat findings", 2)
    paper.para(words.repeat_findings_sentence(f))
    for r in f.repeat_findings:
        pairs = zip(r.months, r.shares, strict=True)
        months = "; ".join(f"{words.month_label(m)} {words.percent(s)}" for m, s in pairs)
        paper.para(f"{r.title}: {months}", "List Bullet")


def _checklists(paper: Paper, f: Figures) -> None:
    if not f.checklists:
        return
    paper.heading("Checklists", 1)
    paper.para(words.CHECKLIST_NOTE)
    for c in f.checklists:
        paper.table(f"Checklist answers in {words.month_label(f.period)} ({c.title})",
                    ["Criterion", *c.labels, "Answered"],
                    [[r.title, *(words.count(n) for n in r.counts), words.count(r.answered)] for r in c.criteria])


def _themes(paper: Paper, f: Figures) -> None:
    if not f.themes:
        return
    paper.heading("Themes", 1)
    for t in f.themes:
        paper.chart(f"theme-{t.tag}")
        paper.distribution(words.theme_caption(f, t), [(t.description, t.distribution)])


def _moderation(paper: Paper, f: Figures) -> None:
    paper.heading("Moderation", 1)
    m = f.moderation
    if m is None:
        paper.para("None of the audits in these months carries a moderation record.")
        return
    paper.para(f"{words.count(m.audits)} audits in these months were moderated; agreement is pooled over them.")
    for a in m.agreement:
        kappa = "not defined" if a.kappa is None else f"{a.kappa:.2f} (95% CI {a.kappa_low:.2f} to {a.kappa_high:.2f})"
        paper.table(f"How often the moderator agreed with the auditor ({paper.scales[a.scale].title})",
                    ["Measure", "Figure"],
                    [["Judgements compared (both graded)", words.count(a.pairs)],
                     ["Exact agreement", words.share_cell(a.exact)],
                     ["Within one grade", words.share_cell(a.within_one)],
                     [a.kappa_method, kappa]])
        grades = paper.scales[a.scale].grades
        paper.table("Auditor's judgement (rows) against moderator's judgement (columns)",
                    ["Auditor \\ Moderator", *(g.label for g in grades)],
                    [[grades[k].label, *(words.count(c) for c in row)] for k, row in enumerate(a.table)])
    paper.table("Judgements the moderator moved, by question", ["Question", "Moderated", "Moved up", "Moved down"],
                [[x.title, words.count(x.moderated), words.count(x.up), words.count(x.down)] for x in m.moved])
    if m.checklist:
        paper.heading("What the moderator's checklist found", 2)
        for c in m.checklist:
            paper.para(f"{c.label}: not met in {words.count(c.not_met)} of {words.count(c.assessed)} parts assessed",
                       "List Bullet")


def _actions(paper: Paper, f: Figures) -> None:
    paper.heading("Actions", 1)
    a = f.actions
    if a is None:
        paper.para("The tool declares no action plan, so there are no action figures.")
        return
    paper.para(words.actions_sentence(a))
    paper.table(f"Where the agreed actions stood on {words.day_label(a.as_of)}", ["State", "Actions"],
                [["Agreed", words.count(a.agreed)], ["Open", words.count(a.open)],
                 ["Due within 7 days", words.count(a.due_soon)], ["Overdue", words.count(a.overdue)],
                 ["Signed off", words.count(a.signed_off)], ["Signed off late", words.count(a.signed_off_late)],
                 ["No longer required", words.count(a.no_longer_required)],
                 ["Signed off on time", words.share_cell(a.signed_off_on_time)]])
    paper.table("Agreed actions by the month of their audit",
                ["Month", "Agreed", "Not yet done", "Overdue", "Signed off on time"],
                [[words.month_label(m.month), words.count(m.agreed), words.count(m.outstanding),
                  words.count(m.overdue), words.share_cell(m.signed_off_on_time)] for m in a.months])
