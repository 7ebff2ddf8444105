"""The auditor's finishing: a final audit has every moderator's comment addressed (AF634 warns of
one that has not), a judgement the auditor took from the moderator is never advice (AF632), and
the day an audit came back is its first submission, never a later save."""

from __future__ import annotations

from moderation_support import docs_example, finalised, messages, tool

from auditforms.moderation.lifecycle import every_comment_addressed, returned_on, unaddressed_comments

TORBAY = tool("torbay-full-audit")
FINALISED = {"event": "finalised", "role": "auditor", "at": "2026-11-26T09:00:00Z"}


def final_audit(responses: dict | None) -> dict:
    audit = docs_example()
    audit["status"] = "final"
    audit["history"].append(FINALISED)
    if responses is not None:
        audit["moderation"]["responses"] = responses
    return audit


def test_a_final_audit_with_a_comment_not_addressed_is_advised_on() -> None:
    assert messages(TORBAY, final_audit(None)) == [
        "warning[AF634] the audit is final, but the moderator's comment on Q3 Decision making is not marked "
        "addressed; the auditor addresses each comment before finalising (the HTML form's “I have addressed "
        "this comment”, Word's Resolve) (/moderation/comments/q3)"]
    replied_only = final_audit({"q3": {"addressed": False, "reply": "Noted."}})
    assert [m[:16] for m in messages(TORBAY, replied_only)] == ["warning[AF634] t"]


def test_a_final_audit_with_every_comment_addressed_and_a_moderated_one_are_not() -> None:
    assert messages(TORBAY, final_audit({"q3": {"addressed": True, "reply": None}})) == []
    assert messages(TORBAY, docs_example()) == []  # moderated: the auditor has not finished yet


def test_a_judgement_taken_while_finishing_is_not_advice_without_the_record_of_it() -> None:
    """A Word form the auditor is finishing (a comment resolved, another not) holds the moderator's
    grade as the auditor's answer and keeps no ``auditor_judgements``: not AF632."""
    audit = docs_example()
    audit["answers"]["q12"]["judgement"] = "does-not-meet-good"  # taken from the moderator
    audit["moderation"]["responses"] = {"q3": {"addressed": True, "reply": None}}
    assert messages(TORBAY, audit) == []
    audit["moderation"].pop("responses")  # not begun: the answer is the auditor's as moderated
    assert [m[:16] for m in messages(TORBAY, audit)] == ["warning[AF632] m"]
    assert messages(TORBAY, finalised(audit) | {"history": [*audit["history"], FINALISED]}) == []


def test_unaddressed_comments_are_the_commented_parts_without_an_addressed_response() -> None:
    moderation = {"comments": {"q1": "a", "q2": "b", "q3": "  "},
                  "responses": {"q1": {"addressed": True}, "q2": {"addressed": False, "reply": "x"}}}
    assert unaddressed_comments(moderation) == ["q2"]
    assert not every_comment_addressed(moderation)
    moderation["responses"]["q2"]["addressed"] = True
    assert every_comment_addressed(moderation)
    assert not every_comment_addressed({"comments": {}}) and not every_comment_addressed(None)


def test_the_day_an_audit_came_back_is_its_first_submission_never_a_later_save() -> None:
    submitted = {"event": "submitted", "role": "auditor", "at": "2026-11-12T10:31:00Z"}
    again = {"event": "submitted", "role": "auditor", "at": "2026-11-20T10:31:00Z"}
    document = {"status": "final", "history": [submitted, again], "source": {"saved_at": "2026-11-27T09:00:00Z"}}
    assert str(returned_on(document)) == "2026-11-12"
    assert returned_on({"status": "final", "history": [], "source": {"saved_at": "2026-11-27T09:00:00Z"}}) is None
    assert str(returned_on({"status": "submitted", "source": {"saved_at": "2026-11-14T09:00:00Z"}})) == "2026-11-14"
