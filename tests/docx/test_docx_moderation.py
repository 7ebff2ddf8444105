"""Moderating in Word: the moderation table, Word's comments and their replies, read by extract."""

from __future__ import annotations

import pytest
from docx_answers import MODERATION, answers
from docx_comments import WordComment, add_comments
from docx_helpers import controls_for, fill
from docx_paths import KITCHEN_SINK

from auditforms.extract import extract_docx
from auditforms.extract.breaks import respace
from auditforms.results.check import check_document


def moderated(render, comments=(), sign_off=True, **table) -> bytes:
    values = controls_for(answers(), MODERATION if sign_off else None)
    values.update({f"_moderation.{part}.judgement": value for part, value in table.items()})
    return add_comments(fill(render(KITCHEN_SINK), values), list(comments))


def test_docx_moderation_table_gives_agreements_and_moderated_judgements(kitchen_sink, render):
    data = moderated(render, q1="agree", q2="meets-good", **{"care-leaving": "agree"})
    document, diagnostics = extract_docx(kitchen_sink, data, "C0412.docx")
    assert diagnostics == []
    moderation = document["moderation"]
    assert moderation["agreed"] == ["q1", "care-leaving"]
    assert moderation["judgements"] == {"q2": "meets-good"}
    assert moderation["auditor_judgements"]["q2"] == "does-not-meet-good"
    assert document["status"] == "moderated"
    assert not [d for d in check_document(kitchen_sink, document) if d.is_error]


def test_docx_moderation_comments_are_read_for_the_part_they_are_anchored_in(kitchen_sink, render):
    data = moderated(render, [
        WordComment("Say what this meant for the child.", on="q1.impact"),
        WordComment("Name the delay.", on="q2.evidence"),
        WordComment("And its length.", on="q2.impact"),
        WordComment("A clear question.", on_text="Decision making"),  # its heading: the same question
        WordComment("Pathway plan action is not SMART.", on="actions.1.action"),
        WordComment("Thank you for a thorough audit.", on_text="Exercises every feature"),
    ])
    document, diagnostics = extract_docx(kitchen_sink, data, "C0412.docx")
    assert diagnostics == []
    assert document["moderation"]["comments"] == {
        "q1": "Say what this meant for the child.",
        "q2": "A clear question.\n\nName the delay.\n\nAnd its length.",
        "actions": "Pathway plan action is not SMART.",
    }
    assert document["moderation"]["summary"] == f"{MODERATION['summary']}\n\nThank you for a thorough audit."
    assert not [d for d in check_document(kitchen_sink, document) if d.is_error]


def test_docx_moderation_replies_are_the_auditors_responses_or_the_moderators_follow_up(kitchen_sink, render):
    data = moderated(render, [
        WordComment("Say what this meant for the child.", on="q1.impact",
                    replies=[("A. Auditor", "Added: the child now sleeps at home.")], done=True),
        WordComment("Name the delay.", on="q2.evidence", replies=[("M. Moderator", "Two months, I think.")]),
        WordComment("Is the plan current?", on="q3.evidence", done=True),
    ])
    document, _ = extract_docx(kitchen_sink, data, "C0412.docx")
    moderation = document["moderation"]
    assert moderation["comments"]["q2"] == "Name the delay.\n\nTwo months, I think."
    assert moderation["comments"]["q1"] == "Say what this meant for the child."
    assert moderation["responses"] == {
        "q1": {"addressed": True, "reply": "Added: the child now sleeps at home."},
        "q3": {"addressed": True, "reply": None},
    }


def test_docx_moderation_without_sign_off_stays_submitted_and_says_why(kitchen_sink, render):
    data = moderated(render, [WordComment("Name the delay.", on="q2.evidence")], sign_off=False, q1="agree")
    document, diagnostics = extract_docx(kitchen_sink, data, "C0412.docx")
    assert document["status"] == "submitted"
    assert [d.code for d in diagnostics] == ["AF717"]
    assert "Name the delay" not in diagnostics[0].message


def test_docx_blank_form_has_no_moderation(kitchen_sink, render):
    document, _ = extract_docx(kitchen_sink, fill(render(KITCHEN_SINK), controls_for(answers())), "a.docx")
    assert "moderation" not in document


@pytest.mark.parametrize(("glued", "lost", "spaced"), [
    ("1. First point.Second point", 1, "1. First point. Second point"),
    ("First lineSecond line", 1, "First line Second line"),
    ("One.Two.Three", 1, "One. Two.Three"),
    ("Mr McDonald visited.Then", 1, "Mr McDonald visited. Then"),
    ("Risk assessed.2. Plan made.", 1, "Risk assessed. 2. Plan made."),
    ("It cost 1.5 days.", 1, "It cost 1.5 days."),
    ("Nothing lost", 0, "Nothing lost"),
    ("no candidates here", 2, "no candidates here"),
])
def test_docx_respace_puts_a_space_where_a_break_was_lost(glued, lost, spaced):
    assert respace(glued, lost) == spaced


def test_docx_moderators_checklist_is_read_per_part(load, render):
    from docx_paths import SHIPPED

    from auditforms.moderation import checklist_for

    torbay_path = next(p for p in SHIPPED if p.stem == "torbay-full-audit")
    torbay = load(torbay_path)
    items = [i.id for i in checklist_for(torbay, "q4")]
    table_items = [i.id for i in checklist_for(torbay, "actions")]
    assert items and table_items
    values = {"_moderation.q4.judgement": "agree", f"_moderation.q4.checklist.{items[0]}": True,
              f"_moderation.actions.checklist.{table_items[0]}": True,
              "_moderation.moderator": "M. Moderator", "_moderation.date": "2026-12-03"}
    document, diagnostics = extract_docx(torbay, fill(render(torbay_path), values), "torbay.docx")
    assert diagnostics == []
    checklist = document["moderation"]["checklist"]
    assert checklist["q4"] == {item: item == items[0] for item in items}  # unticked: not met
    assert checklist["actions"] == {item: item == table_items[0] for item in table_items}
    assert set(checklist) == {"q4", "actions"}  # parts the moderator left alone: not assessed
