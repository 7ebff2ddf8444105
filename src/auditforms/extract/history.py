"""The history a filled Word form can truthfully tell: who took each step, and when.

A Word form keeps no history of its own, but it keeps traces of the steps taken in it: its
last save (``docProps/core.xml``: when, and the word processor's user name), the moderator's
sign-off (name and date) and comments, and the auditor's replies and resolved comments (each
comment with its author and date). From them ``extract`` writes, oldest first:

- ``submitted`` (role auditor) when the form holds nothing of the moderator's and its last save
  is the auditor's, who returned it: the save's time and user name. A form never saved by a word
  processor tells no time, so it has no such step; nor does one saved last by someone else (the
  save's user name is not the form's answer for the field with role ``auditor``): the moderator
  who opened the returned form, whose save tells nothing of the day it came back.
- ``moderated`` (role moderator) when the moderator signed off: the sign-off's name; the time of
  the last save while the form holds nothing of the auditor's finishing (the moderator saved
  last; not when it is read as final, by itself or ``--status final``) or of the moderator's
  last comment, whichever is later (a save older than the comments is not the moderator's),
  else the start of the sign-off's date; the ids of the parts commented on, judged and agreed,
  as the HTML form records them.
- ``finalised`` (role auditor) when the form reads as final (every moderator's comment
  addressed) or is given the status final: the auditor's last save (when it is the auditor's)
  or last reply, whichever is later; the author of the auditor's last reply, else the save's
  user name; the ids of the parts whose comment was addressed.
- ``extracted`` (role system): when the form was read, its file name and the status it was
  read as (``status_given`` when ``--status`` set it).

What happened before the form's last state (when a moderated form was first submitted) is not
in the form, so it is not in the history: ``extracted`` is an arrival
(:data:`~auditforms.moderation.lifecycle.ARRIVALS`), after which the lifecycle takes the next
step as it stands. Steps beyond the status the audit is given are left out (a form read as a
draft has no ``submitted`` step). A step whose time would come before the step before it (two
computers' clocks disagree), or after the extraction, is left out rather than misdated, so the
history is always in time order (AF660). Entries hold names, times and ids, never answer text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from auditforms.extract.comments import Comment
from auditforms.extract.identity import readable_name
from auditforms.extract.moderation import comments_by_role
from auditforms.moderation.lifecycle import (
    STATUS_AFTER,
    addressed_parts,
    every_comment_addressed,
    parse_time,
    utc_stamp,
)
from auditforms.rules.logic import as_mapping

#: The statuses in lifecycle order: a step is recorded only up to the status the audit is given.
_ORDER = ("draft", "submitted", "moderated", "final")
_NAME_LIMIT = 200  # the completed-audit schema's maxLength for a name
PROGRAM = "auditforms"


@dataclass(frozen=True)
class Saved:
    """The form's last save by a word processor (``None`` where it was never saved after
    auditforms made it, or the word processor did not say)."""

    at: str | None
    by: str | None


@dataclass(frozen=True)
class Extraction:
    """What is known of this reading of the form: the file, when, and the status given it."""

    file: str
    at: dt.datetime
    status: str
    status_given: bool


def form_history(moderation: Mapping[str, Any], comments: Iterable[Comment], saved: Saved,
                 extraction: Extraction, auditor_name: Any = None) -> list[dict[str, Any]]:
    """The history entries the form tells, oldest first, ending with ``extracted``.

    ``auditor_name`` is the form's answer for the field with role ``auditor``, which tells
    whether the last save was the auditor's."""
    moderator, auditor = comments_by_role(comments)
    auditors_save = saved if _saved_by_auditor(saved, auditor_name) else Saved(None, None)
    steps: list[dict[str, Any] | None]
    if not moderation:
        steps = [_submitted(auditors_save)]
    elif _signed_off(moderation):
        finishing = "responses" in moderation or extraction.status == "final"
        steps = [_moderated(moderation, moderator, None if finishing else saved)]
        if every_comment_addressed(moderation) or extraction.status == "final":
            steps.append(_finalised(moderation, auditor, auditors_save))
    else:
        steps = []  # the moderator's comments without a sign-off: neither submitted nor moderated
    reached = _ORDER.index(extraction.status) if extraction.status in _ORDER else 0
    within = [s for s in steps if s is not None and _ORDER.index(STATUS_AFTER[s["event"]]) <= reached]
    return [*_in_time_order(within, extraction.at), _extracted(extraction, saved)]


def auditor_took_part(comments: Iterable[Comment], saved: Saved, auditor_name: Any) -> bool:
    """Whether the auditor worked on the form after the moderator: a reply of theirs to a
    comment, or the last save theirs (or not known to be someone else's)."""
    return bool(comments_by_role(comments)[1]) or _saved_by_auditor(saved, auditor_name)


def _signed_off(moderation: Mapping[str, Any]) -> bool:
    return {"moderator", "date"} <= moderation.keys()


def _saved_by_auditor(saved: Saved, auditor_name: Any) -> bool:
    """Whether the last save may be the auditor's: not when its user name and the form's
    auditor are both known and are not the same person's (a moderator who saved the form)."""
    if not saved.by or not isinstance(auditor_name, str) or not _words(auditor_name):
        return True
    return _same_person(saved.by, auditor_name)


def _same_person(one: str, other: str) -> bool:
    """Whether two names are one person's as people write them: case, punctuation and order
    aside ("Auditor, Alex" is "alex.auditor"), and an initial standing for a name ("A. Auditor"
    is "Alex Auditor")."""
    words, others = _words(one), _words(other)
    for word in list(words):  # whole names first, then initials
        if word in others:
            words.remove(word)
            others.remove(word)
    for word in words:
        match = next((w for w in others if min(len(w), len(word)) == 1 and w[0] == word[0]), None)
        if match is None:
            return False
        others.remove(match)
    return not others


def _words(name: str) -> list[str]:
    return re.findall(r"[^\W_]+", name.casefold())


def _submitted(saved: Saved) -> dict[str, Any] | None:
    return _entry("submitted", "auditor", saved.by, saved.at)


def _moderated(moderation: Mapping[str, Any], comments: Sequence[Comment], saved: Saved | None
               ) -> dict[str, Any] | None:
    last_save = [saved.at] if saved is not None else []
    when = _latest([*last_save, *(c.date for c in comments)]) or _day_start(moderation.get("date"))
    name = moderation.get("moderator")
    entry = _entry("moderated", "moderator", name if isinstance(name, str) else None, when)
    if entry is not None:
        entry["details"] = {"comments": list(as_mapping(moderation.get("comments"))),
                            "judgements": list(as_mapping(moderation.get("judgements"))),
                            "agreed": [p for p in moderation.get("agreed") or [] if isinstance(p, str)]}
    return entry


def _finalised(moderation: Mapping[str, Any], replies: Sequence[Comment], saved: Saved) -> dict[str, Any] | None:
    last_reply = max(replies, key=lambda c: _sortable(c.date), default=None)
    name = (last_reply.author if last_reply is not None and last_reply.author else None) or saved.by
    entry = _entry("finalised", "auditor", name, _latest([saved.at, *(c.date for c in replies)]))
    if entry is not None:
        entry["details"] = {"addressed": addressed_parts(moderation)}
    return entry


def _extracted(extraction: Extraction, saved: Saved) -> dict[str, Any]:
    details: dict[str, Any] = {"file": PurePath(extraction.file).name[:500], "status": extraction.status,
                               "status_given": extraction.status_given}
    last_saved = parse_time(saved.at)
    if last_saved is not None:
        details["last_saved_at"] = utc_stamp(last_saved)
    if saved.by and _name(saved.by):
        details["last_saved_by"] = _name(saved.by)
    return {"event": "extracted", "role": "system", "name": PROGRAM, "at": utc_stamp(extraction.at),
            "details": details}


def _entry(event: str, role: str, name: str | None, when: str | None) -> dict[str, Any] | None:
    """A history entry, or ``None`` when the form tells no time for the step."""
    at = parse_time(when)
    if at is None:
        return None
    entry: dict[str, Any] = {"event": event, "role": role}
    if name and _name(name):
        entry["name"] = _name(name)
    entry["at"] = utc_stamp(at)
    return entry


def _in_time_order(steps: list[dict[str, Any]], now: dt.datetime) -> list[dict[str, Any]]:
    kept: list[dict[str, Any]] = []
    latest: dt.datetime | None = None
    for step in steps:
        at = parse_time(step["at"])
        if at is None or at > now or (latest is not None and at < latest):
            continue
        kept.append(step)
        latest = at
    return kept


def _latest(stamps: Iterable[str | None]) -> str | None:
    times = [t for t in (parse_time(s) for s in stamps) if t is not None]
    return utc_stamp(max(times)) if times else None


def _sortable(stamp: str | None) -> dt.datetime:
    return parse_time(stamp) or dt.datetime.min.replace(tzinfo=dt.UTC)


def _day_start(value: Any) -> str | None:
    """The start of a date (the sign-off holds a day, not a time), as a time in UTC."""
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return f"{day.isoformat()}T00:00:00Z" if day is not None else None


def _name(text: str) -> str:
    return readable_name(text)[:_NAME_LIMIT]
