"""The history a filled Word form tells (``extract``): who took each step and when, from the
form's last save, the moderator's sign-off and comments and the auditor's replies; and the
status it shows: final once every moderator's comment is resolved. ``check`` accepts every
history written here, and none holds a word of an answer."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from docx_answers import MODERATION, answers
from docx_comments import WordComment, add_comments
from docx_helpers import controls_for, fill
from tests.conftest import KITCHEN_SINK
from word_traces import saved

from auditforms.api import load_definition
from auditforms.extract import extract_docx
from auditforms.moderation.lifecycle import returned_on
from auditforms.renderers import RenderOptions, get_renderer
from auditforms.results.check import check_document

TOOL = load_definition(KITCHEN_SINK)
NOW = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
AUDITOR, MODERATOR = "A. Auditor", "M. Moderator"
COMMENTS = [WordComment("Say what this meant for the child.", on="q1.impact"),
            WordComment("Name the delay.", on="q2.evidence")]


@pytest.fixture(scope="module")
def blank() -> bytes:
    return get_renderer("docx").render(TOOL, RenderOptions())


def returned(blank: bytes, given: dict | None = None) -> bytes:
    """The auditor's form as they returned it, saved in Word on 12 November."""
    return saved(fill(blank, controls_for(given or answers())), "2026-11-12T16:40:00Z", AUDITOR)


def moderated(blank: bytes, comments=COMMENTS, given: dict | None = None, **table: str) -> bytes:
    """The moderator's form: signed off, commented on 25 November, saved that afternoon."""
    values = controls_for(given or answers(), MODERATION)
    values.update({f"_moderation.{part}.judgement": value for part, value in table.items()})
    data = add_comments(fill(blank, values), list(comments))
    return saved(data, "2026-11-25T15:00:00Z", MODERATOR, {MODERATOR: "2026-11-25T14:20:00Z"})


def finalised(blank: bytes, resolved: tuple[str, ...] = ("q1", "q2"), **table: str) -> bytes:
    """The auditor's finished form: replies to (and resolves) the comments on ``resolved``, saved
    on 27 November, with the moderator's judgement for q2 taken."""
    taken = answers()
    taken["q2"] = {**taken["q2"], "judgement": "meets-good"}
    comments = [WordComment(c.text, on=c.on, done=c.on.split(".")[0] in resolved,
                            replies=[(AUDITOR, "Done.")] if c.on.split(".")[0] in resolved else [])
                for c in COMMENTS]
    data = moderated(blank, comments, taken, q2="meets-good", **table)
    return saved(data, "2026-11-27T09:30:00Z", AUDITOR, {MODERATOR: "2026-11-25T14:20:00Z",
                                                         AUDITOR: "2026-11-27T09:00:00Z"})


def extract(data: bytes, **options):
    document, diagnostics = extract_docx(TOOL, data, "months/2026-11/returned/C0412.docx", now=NOW, **options)
    assert document is not None and not [d for d in diagnostics if d.is_error]
    return document


def events(document) -> list[tuple]:
    return [(e["event"], e["role"], e.get("name"), e["at"]) for e in document["history"]]


def lifecycle_codes(document) -> list[str]:
    return [d.code for d in check_document(TOOL, document) if d.code.startswith(("AF63", "AF66"))]


def test_a_returned_form_records_its_submission_by_its_last_save(blank) -> None:
    document = extract(returned(blank))
    assert document["status"] == "submitted"
    assert events(document) == [("submitted", "auditor", AUDITOR, "2026-11-12T16:40:00Z"),
                                ("extracted", "system", "auditforms", "2026-12-07T09:00:00Z")]
    assert document["history"][-1]["details"] == {
        "file": "C0412.docx", "status": "submitted", "status_given": False,
        "last_saved_at": "2026-11-12T16:40:00Z", "last_saved_by": AUDITOR}
    assert lifecycle_codes(document) == []


def test_a_form_no_word_processor_saved_tells_no_submission(blank) -> None:
    document = extract(fill(blank, controls_for(answers())))
    assert [e["event"] for e in document["history"]] == ["extracted"]
    assert "last_saved_at" not in document["history"][0]["details"]


def test_a_moderated_form_records_the_moderation_by_the_sign_off_and_the_last_save(blank) -> None:
    document = extract(moderated(blank, q1="agree", q2="meets-good"))
    assert document["status"] == "moderated"
    assert events(document) == [("moderated", "moderator", MODERATOR, "2026-11-25T15:00:00Z"),
                                ("extracted", "system", "auditforms", "2026-12-07T09:00:00Z")]
    assert document["history"][0]["details"] == {"comments": ["q1", "q2"], "judgements": ["q2"], "agreed": ["q1"]}
    assert document["moderation"]["auditor_judgements"]["q2"] == "does-not-meet-good"
    assert lifecycle_codes(document) == []


def test_a_form_whose_comments_are_all_resolved_is_final_with_the_auditors_step(blank) -> None:
    document = extract(finalised(blank))
    assert document["status"] == "final"
    assert events(document) == [("moderated", "moderator", MODERATOR, "2026-11-25T14:20:00Z"),
                                ("finalised", "auditor", AUDITOR, "2026-11-27T09:30:00Z"),
                                ("extracted", "system", "auditforms", "2026-12-07T09:00:00Z")]
    assert document["history"][1]["details"] == {"addressed": ["q1", "q2"]}


def test_a_judgement_taken_from_the_moderator_in_word_is_not_taken_for_the_auditors_own(blank) -> None:
    """The finished form holds the moderator's grade for q2 as the auditor's answer: it is not
    recorded as the auditor's judgement as moderated, so ``check`` gives no AF632."""
    document = extract(finalised(blank))
    assert "auditor_judgements" not in document["moderation"]
    assert document["answers"]["q2"]["judgement"] == document["moderation"]["judgements"]["q2"]
    assert lifecycle_codes(document) == []


def test_a_form_the_auditor_is_still_finishing_stays_moderated_without_advice_on_taken_judgements(blank) -> None:
    document = extract(finalised(blank, resolved=("q1",)))
    assert document["status"] == "moderated"
    assert [e["event"] for e in document["history"]] == ["moderated", "extracted"]
    assert "auditor_judgements" not in document["moderation"]
    assert lifecycle_codes(document) == []


def test_a_status_given_leaves_out_the_steps_beyond_it_and_says_it_was_given(blank) -> None:
    draft = extract(returned(blank), status="draft")
    assert [e["event"] for e in draft["history"]] == ["extracted"]
    assert draft["history"][0]["details"]["status_given"] is True
    final = extract(moderated(blank), status="final")
    assert [e["event"] for e in final["history"]] == ["moderated", "extracted"]
    assert final["history"][0]["at"] == "2026-11-25T14:20:00Z"  # the save is not the moderation's
    assert "auditor_judgements" not in final["moderation"]


def test_a_step_dated_out_of_order_or_after_the_extraction_is_left_out(blank) -> None:
    skewed = saved(finalised(blank), "2026-11-20T09:30:00Z", AUDITOR,  # the auditor's clock behind
                   {AUDITOR: "2026-11-20T09:00:00Z"})
    assert [e["event"] for e in extract(skewed)["history"]] == ["moderated", "extracted"]
    future = saved(returned(blank), "2027-01-01T09:00:00Z", AUDITOR)
    assert [e["event"] for e in extract(future)["history"]] == ["extracted"]
    assert lifecycle_codes(extract(skewed)) == []


def test_a_save_older_than_the_moderators_comments_is_not_taken_for_the_moderation(blank) -> None:
    """A word processor that did not record the moderator's save leaves the auditor's: the
    moderation is then dated by the moderator's last comment."""
    stale = saved(moderated(blank), "2026-11-12T16:40:00Z", AUDITOR)
    assert events(extract(stale))[0] == ("moderated", "moderator", MODERATOR, "2026-11-25T14:20:00Z")


def test_the_history_holds_no_answer_text(blank) -> None:
    document = extract(finalised(blank))
    history = json.dumps(document["history"])
    texts = [answers()["q1"]["impact"], answers()["q2"]["evidence"], "Done.", "Name the delay", "Fictional Team"]
    assert not [t for t in texts if t in history]


def test_a_signed_off_form_with_every_comment_unaddressed_read_as_final_is_advised_on(blank) -> None:
    document = extract(moderated(blank), status="final")
    found = [(d.code, d.pointer) for d in check_document(TOOL, document) if d.code == "AF634"]
    assert found == [("AF634", "/moderation/comments/q1"), ("AF634", "/moderation/comments/q2")]


def signed_off_then_saved_by_the_auditor(blank: bytes, comments=()) -> bytes:
    """Signed off and saved by the moderator on 25 November, then saved by the auditor on 28."""
    return saved(moderated(blank, comments), "2026-11-28T10:00:00Z", AUDITOR,
                 {MODERATOR: "2026-11-25T14:20:00Z"})


def test_a_form_read_as_final_records_the_auditors_last_save_as_its_finalisation(blank) -> None:
    """``--status final``, the route for a form with no comment to resolve: the last save is the
    auditor's finishing, not the moderation (dated by the sign-off's day)."""
    document = extract(signed_off_then_saved_by_the_auditor(blank), status="final")
    assert events(document) == [("moderated", "moderator", MODERATOR, "2026-11-25T00:00:00Z"),
                                ("finalised", "auditor", AUDITOR, "2026-11-28T10:00:00Z"),
                                ("extracted", "system", "auditforms", "2026-12-07T09:00:00Z")]
    assert lifecycle_codes(document) == []


def test_a_commented_form_read_as_final_dates_the_moderation_by_the_moderators_last_comment(blank) -> None:
    document = extract(signed_off_then_saved_by_the_auditor(blank, COMMENTS), status="final")
    assert events(document)[:2] == [("moderated", "moderator", MODERATOR, "2026-11-25T14:20:00Z"),
                                    ("finalised", "auditor", AUDITOR, "2026-11-28T10:00:00Z")]


def test_a_returned_form_the_moderator_saved_tells_no_submission_nor_the_day_it_came_back(blank) -> None:
    document = extract(saved(returned(blank), "2026-11-25T15:00:00Z", MODERATOR))
    assert [e["event"] for e in document["history"]] == ["extracted"]
    assert document["source"]["saved_at"] == "2026-11-25T15:00:00Z"
    assert returned_on(document) is None
    assert returned_on(extract(returned(blank))) == dt.date(2026, 11, 12)  # the auditor's copy tells it


def test_the_moderators_comments_without_a_sign_off_do_not_date_the_return_by_their_save(blank) -> None:
    commented = add_comments(returned(blank), [COMMENTS[1]])
    document = extract(saved(commented, "2026-11-25T15:00:00Z", MODERATOR, {MODERATOR: "2026-11-25T14:20:00Z"}))
    assert document["status"] == "submitted"
    assert [e["event"] for e in document["history"]] == ["extracted"]
    assert returned_on(document) is None


def test_a_submitted_audit_from_an_older_auditforms_is_still_dated_by_its_save(blank) -> None:
    document = {**extract(returned(blank)), "history": []}
    assert returned_on(document) == dt.date(2026, 11, 12)


@pytest.mark.parametrize("user_name", ["Auditor, A.", "a.auditor", "Alex Auditor", "A  AUDITOR"])
def test_the_auditors_user_name_written_another_way_is_still_theirs(blank, user_name) -> None:
    document = extract(saved(returned(blank), "2026-11-12T16:40:00Z", user_name))
    assert events(document)[0] == ("submitted", "auditor", " ".join(user_name.split()), "2026-11-12T16:40:00Z")


def test_a_form_without_the_auditors_name_takes_its_last_save_for_the_auditors(blank) -> None:
    unnamed = {k: v for k, v in answers().items() if k != "auditor-name"}
    document = extract(saved(fill(blank, controls_for(unnamed)), "2026-11-12T16:40:00Z", MODERATOR))
    assert events(document)[0] == ("submitted", "auditor", MODERATOR, "2026-11-12T16:40:00Z")


def test_names_lose_the_controls_that_would_show_another_name(blank) -> None:
    """A right-to-left override in a user name shows "evil" as "live" in the final copy."""
    tricked = "A. \u202eAud\u2066itor\u200f"
    comments = [WordComment(c.text, on=c.on, done=True, replies=[(f"\u202e{AUDITOR}", "Done.")]) for c in COMMENTS]
    data = saved(moderated(blank, comments), "2026-11-27T09:30:00Z", tricked,
                 {MODERATOR: "2026-11-25T14:20:00Z", f"\u202e{AUDITOR}": "2026-11-27T09:00:00Z"})
    document = extract(data)
    assert [(e["event"], e.get("name")) for e in document["history"]] == [
        ("moderated", MODERATOR), ("finalised", AUDITOR), ("extracted", "auditforms")]
    assert document["history"][-1]["details"]["last_saved_by"] == AUDITOR
    assert events(extract(saved(returned(blank), "2026-11-12T16:40:00Z", tricked)))[0][2] == AUDITOR


def test_comments_the_moderator_resolved_themselves_do_not_make_the_form_final(blank) -> None:
    """No reply by the auditor and the last save the moderator's: the auditor has not finished
    it, so it is moderated (it read as final, with the moderator named as the auditor)."""
    resolved = [WordComment(c.text, on=c.on, done=True) for c in COMMENTS]
    data = add_comments(fill(blank, controls_for(answers(), MODERATION)), resolved)
    data = saved(data, "2026-11-26T10:00:00Z", MODERATOR, {MODERATOR: "2026-11-25T14:20:00Z"})
    document, _ = extract_docx(TOOL, data, "C0412.docx", now=NOW)
    assert document["status"] == "moderated"
    assert [e["event"] for e in document["history"]] == ["moderated", "extracted"]


@pytest.mark.parametrize(("written", "stamp"), [("2026-11-12", "2026-11-12T00:00:00Z"),
                                                ("2026-11-12T10:00:00", "2026-11-12T10:00:00Z"),
                                                ("2026-11-12T11:00:00+01:00", "2026-11-12T10:00:00Z"),
                                                ("yesterday", None), ("2026-02-30T10:00:00Z", None)])
def test_the_last_save_is_written_as_an_audit_writes_a_time(blank, written: str, stamp: str | None) -> None:
    """A word processor may write a date alone, a time without its zone, or nonsense: check
    refused the audit (AF614) for a field its auditor cannot mend."""
    document, _ = extract_docx(TOOL, saved(fill(blank, controls_for(answers())), written, AUDITOR),
                               "C0412.docx", now=NOW)
    assert document["source"].get("saved_at") == stamp
    assert not [d for d in check_document(TOOL, document, file="C0412.json") if d.code == "AF614"]
