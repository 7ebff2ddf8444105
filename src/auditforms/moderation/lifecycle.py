"""The audit's lifecycle: draft → submitted → moderated → final, as recorded in ``history``.

The history is append-only and oldest first; each lifecycle event moves the audit to a status.
These pure functions read a history (a list of plain dicts, as in the completed-audit
envelope) and say what it implies and what in it is impossible, as data; ``check`` turns the
problems into diagnostics, and the forms can ask :func:`status_after` what a step leads to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: Lifecycle events and the status each leads to. Other events (extracted, action-signed-off,
#: migrated…) are recorded in the history but do not change the status.
STATUS_AFTER: dict[str, str] = {
    "created": "draft",
    "reopened": "draft",
    "submitted": "submitted",
    "moderated": "moderated",
    "finalised": "final",
}

#: The statuses from which each lifecycle event may be taken ("created" only first).
ALLOWED_FROM: dict[str, tuple[str, ...]] = {
    "created": (),
    "reopened": ("submitted", "moderated", "final"),
    "submitted": ("draft", "submitted"),
    "moderated": ("submitted", "moderated"),
    "finalised": ("moderated",),
}

_UNMODERATED_FINAL = ("moderated", "submitted")

#: Events that bring a document in from elsewhere (a Word form, an older format): what came
#: before them is not in this history, so the next lifecycle step is taken as it is.
ARRIVALS = ("extracted", "migrated")


@dataclass(frozen=True, slots=True)
class Step:
    """One history entry that could be read: its position, event, role and time."""

    index: int
    event: str
    role: str
    at: dt.datetime | None
    #: written as a time (ISO 8601, so the schema passes it) that UTC cannot hold
    at_out_of_range: bool = False


@dataclass(frozen=True, slots=True)
class Problem:
    """Something impossible in a history: ``kind`` is ``order``, ``sequence`` or ``status``."""

    kind: str
    index: int | None
    message: str


def read_steps(history: Any) -> list[Step]:
    """The entries of ``history`` that are mappings with a text event (others the schema reports)."""
    if not isinstance(history, Sequence) or isinstance(history, str):
        return []
    steps = []
    for i, entry in enumerate(history):
        if isinstance(entry, Mapping) and isinstance(entry.get("event"), str):
            role, raw = entry.get("role"), entry.get("at")
            at = parse_time(raw)
            steps.append(Step(i, entry["event"], role if isinstance(role, str) else "", at,
                              at is None and _is_iso_time(raw)))
    return steps


def utc_stamp(at: dt.datetime) -> str:
    """A time in UTC as history entries and saves write it: RFC 3339 to the second
    (``2026-11-12T10:31:00Z``), what :func:`parse_time` reads back."""
    return at.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def parse_time(value: Any) -> dt.datetime | None:
    """An ISO 8601 date-time as a datetime in UTC (a time without zone is taken as UTC);
    ``None`` for anything else, and for a time UTC cannot hold (9999-12-31T23:59-23:59 is in
    the year 10000 there), which every later comparison would trip over."""
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
        return when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
    except (ValueError, OverflowError):
        return None


def _is_iso_time(value: Any) -> bool:
    try:
        dt.datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def status_after(steps: Sequence[Step], start: str | None = None) -> str | None:
    """The status the lifecycle events of ``steps`` leave the audit in; ``None`` when the history
    does not say (no lifecycle step since the document arrived from elsewhere)."""
    status = start
    for step in steps:
        if step.event in ARRIVALS:
            status = None
        status = STATUS_AFTER.get(step.event, status)
    return status


def history_problems(steps: Sequence[Step], status: str | None, *, moderation_required: bool) -> list[Problem]:
    """Times out of order, steps out of sequence, and a status the history contradicts."""
    problems = list(_order_problems(steps)) + list(_sequence_problems(steps, moderation_required))
    implied = status_after(steps)
    lifecycle = [s for s in steps if s.event in STATUS_AFTER]
    if implied is not None and status is not None and status != implied:
        last = lifecycle[-1]
        problems.append(Problem("status", None, f"the status is '{status}' but the history's last step "
                                f"(entry {last.index + 1}, {last.event}) leaves the audit {implied}"))
    return problems


def _order_problems(steps: Sequence[Step]) -> Iterator[Problem]:
    previous: Step | None = None
    for step in steps:
        if step.at_out_of_range:  # the schema passes it as ISO 8601; no comparison can use it
            yield Problem("order", step.index, f"history entry {step.index + 1} ({step.event}): its time is "
                          "not one a date can hold (beyond the year 9999 in UTC); record when it happened")
        if step.at is None:  # a malformed time: the schema reports it
            continue
        if previous is not None and previous.at is not None and step.at < previous.at:
            yield Problem("order", step.index, f"history entry {step.index + 1} ({step.event}, "
                          f"{_when(step.at)}) is earlier than entry {previous.index + 1} ({previous.event}, "
                          f"{_when(previous.at)}); the history is kept oldest first and never rewritten")
        previous = step


def _sequence_problems(steps: Sequence[Step], moderation_required: bool) -> Iterator[Problem]:
    status: str | None = None
    started = False
    for step in steps:
        if step.event in ARRIVALS:
            status = None
        if step.event not in STATUS_AFTER:
            continue
        allowed = ALLOWED_FROM[step.event]
        if step.event == "finalised" and not moderation_required:
            allowed = _UNMODERATED_FINAL
        if step.event == "created" and started:
            yield Problem("sequence", step.index, f"history entry {step.index + 1} creates the audit again "
                          "after it was created")
        elif step.event != "created" and status is not None and status not in allowed:
            yield Problem("sequence", step.index, _out_of_sequence(step, status))
        status, started = STATUS_AFTER[step.event], True


def _out_of_sequence(step: Step, status: str) -> str:
    where = f"history entry {step.index + 1} ({step.event})"
    if step.event == "finalised" and status != "final":
        return f"{where}: the audit is final without moderation; every audit of this tool is moderated first"
    if step.event == "moderated" and status == "draft":
        return f"{where}: the audit is moderated before it was submitted"
    return f"{where} comes when the audit is {status}; it can only follow " + " or ".join(
        _step_into(s) for s in ALLOWED_FROM[step.event])


def _step_into(status: str) -> str:
    return {"draft": "its creation", "submitted": "submission", "moderated": "moderation",
            "final": "finalisation"}[status]


def _when(at: dt.datetime) -> str:
    return at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


def moderation_required(definition: Any) -> bool:
    """Whether the tool demands moderation before an audit is final (the default)."""
    moderation = getattr(definition, "moderation", None)
    return True if moderation is None else moderation.moderated is True


def unaddressed_comments(moderation: Any) -> list[str]:
    """The parts whose moderator's comment the auditor has not marked addressed (the HTML form's
    "I have addressed this comment", Word's Resolve), in the record's order.

    The lifecycle has the auditor finalise "after addressing each comment": the HTML form
    refuses to save as final before, a Word form reads as final only after (``extract``), and
    ``check`` warns of a final audit that has any.
    """
    answered = _responses(moderation)
    return [part for part in commented_parts(moderation) if not _addressed(answered.get(part))]


def addressed_parts(moderation: Any) -> list[str]:
    """The parts whose response the auditor marked addressed, in the record's order (what a
    ``finalised`` step names)."""
    return [str(part) for part, response in _responses(moderation).items() if _addressed(response)]


def _responses(moderation: Any) -> Mapping[str, Any]:
    responses = moderation.get("responses") if isinstance(moderation, Mapping) else None
    return responses if isinstance(responses, Mapping) else {}


def every_comment_addressed(moderation: Any) -> bool:
    """Whether the moderator commented on some part and the auditor has addressed every comment:
    what a Word form, which has no "Save as final", shows of an audit the auditor finished."""
    return bool(commented_parts(moderation)) and not unaddressed_comments(moderation)


def commented_parts(moderation: Any) -> list[str]:
    """The parts a moderation record holds a (non-blank) comment on, in its order."""
    comments = moderation.get("comments") if isinstance(moderation, Mapping) else None
    if not isinstance(comments, Mapping):
        return []
    return [str(part) for part, text in comments.items() if isinstance(text, str) and text.strip()]


def _addressed(response: Any) -> bool:
    return isinstance(response, Mapping) and response.get("addressed") is True


def returned_on(document: Any) -> dt.date | None:
    """The day an audit first came back: its history's first ``submitted`` step; for a submitted
    audit without one whose history does not say how it was read (a Word form read by an older
    auditforms, which wrote no ``extracted`` step), the day its form was saved.

    Not the save of a moderated or final document: that is the moderator's or the auditor's
    finishing, long after the return (a Word form keeps only its last save). Nor the save of a
    form read by this version without a ``submitted`` step: ``extract`` leaves it out when the
    save was not the auditor's (the moderator opened the returned form), and that save is not
    the return either. Whether an audit came back on time is asked of every file of it: the
    earliest return counts."""
    if not isinstance(document, Mapping):
        return None
    steps = read_steps(document.get("history"))
    submitted = [s.at for s in steps if s.event == "submitted" and s.at is not None]
    if submitted:
        return submitted[0].date()
    if any(s.event == "extracted" for s in steps):
        return None
    source = document.get("source")
    saved = parse_time(source.get("saved_at")) if isinstance(source, Mapping) else None
    return saved.date() if saved is not None and document.get("status") == "submitted" else None
