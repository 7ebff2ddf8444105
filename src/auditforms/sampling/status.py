"""Where a dip sample stands (pure): each child's returned form, its check, the deadline.

A child's state is one of:

* ``passes``   -- a completed audit came back (status submitted, moderated or final) and
  its check found no errors (warnings are allowed: they are the moderator's business);
  whether it came back after its due date is said apart (:attr:`ChildStatus.returned_late`);
* ``fails``    -- it came back but the check found errors, or it was completed against
  another audit tool;
* ``draft``    -- only a draft came back;
* ``unreadable`` -- a file came back for the child but could not be read;
* ``overdue``  -- nothing came back and the due date has passed;
* ``outstanding`` -- nothing came back yet, and there is still time.

A returned file belongs to a child when its audit id is that child's *and* it is about
that child (the answer of the field with role ``child_id``); an audit id of the sample on
an audit about another child is a *mismatch*: it counts for nobody and is reported, so a
pass about one child never stands in for another. A file without a known audit id is
matched by its child id, and an unreadable one by its file name.

When several files come back for one child, all are listed and one counts, as in every
command that reads returns (:mod:`auditforms.results.progress`): the most advanced (final,
then moderated, submitted, draft), then one that could be read, then one that passes, then
the first by name; :func:`why_counted` says, for each other file, which rule decided. Never
holds answer text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from auditforms.months import in_years
from auditforms.results.progress import Standing, counted, is_word, standing
from auditforms.results.progress import why_counted as why_rather_than
from auditforms.sampling.batch import safe_name
from auditforms.sampling.selection import child_key

STATES = ("passes", "fails", "draft", "unreadable", "overdue", "outstanding")


@dataclass(frozen=True)
class Returned:
    """One file that came back, already read and checked."""

    path: str
    audit_id: str | None = None
    child_id: str | None = None
    audit_status: str | None = None
    errors: int = 0
    warnings: int = 0
    problem: str | None = None
    #: the day the audit was saved as finished (its history's last ``submitted`` step), if known.
    submitted_on: dt.date | None = None
    #: the day it first came back (its history's first ``submitted`` step), if known.
    returned_on: dt.date | None = None

    @property
    def state(self) -> str:
        if self.problem is not None:
            return "unreadable"
        if self.audit_status == "draft":
            return "draft"
        return "fails" if self.errors else "passes"


@dataclass(frozen=True)
class ChildStatus:
    child: Mapping[str, Any]
    state: str
    returned: Returned | None
    due: dt.date | None
    #: the child's other returned files (not counted), and why ``returned`` counts instead:
    #: rather than the runner-up (``why``), and rather than each other file (``whys``).
    others: tuple[Returned, ...] = ()
    why: str = ""
    whys: tuple[str, ...] = ()
    #: files carrying this child's audit id but about another child (counted for nobody).
    mismatched: tuple[Returned, ...] = ()

    @property
    def returned_on(self) -> dt.date | None:
        """The day the audit first came back, from any of the child's files: a moderated or
        final Word form no longer tells when the auditor returned it, the copy it was returned
        as does."""
        days = [r.returned_on for r in (self.returned, *self.others) if r is not None and r.returned_on]
        return min(days) if days else None

    @property
    def returned_late(self) -> bool | None:
        """Whether it came back after its due date; ``None`` when nothing finished came back or
        either day is not known."""
        returned_on = self.returned_on
        if self.state not in ("passes", "fails") or returned_on is None or self.due is None:
            return None
        return returned_on > self.due

    def to_json(self) -> dict[str, Any]:
        r = self.returned
        returned_on = self.returned_on
        return {
            "audit_id": self.child.get("audit_id"), "child_id": self.child.get("child_id"),
            "auditor": self.child.get("auditor"), "due_date": self.child.get("due_date"),
            "state": self.state, "file": r.path if r else None,
            "audit_status": r.audit_status if r else None,
            "errors": r.errors if r else None, "warnings": r.warnings if r else None,
            "problem": r.problem if r else None,
            "returned_on": returned_on.isoformat() if returned_on else None,
            "returned_late": self.returned_late,
            "other_files": [_file_json(o) | {"why_not_counted": why}
                            for o, why in zip(self.others, self.whys, strict=True)],
            "why_this_file": self.why or None,
            "mismatched_files": [m.path for m in self.mismatched],
        }


def _file_json(r: Returned) -> dict[str, Any]:
    return {"file": r.path, "state": r.state, "audit_status": r.audit_status,
            "errors": r.errors, "warnings": r.warnings, "problem": r.problem}


@dataclass
class Matches:
    """Returned files by the sample row they are for (its audit id, else its child id): the
    row's own, and those mismatched onto it. Rows, not children: a sample of documents may
    hold two documents of one child."""

    found: dict[str, list[Returned]]
    mismatched: dict[str, list[Returned]]
    unmatched: list[Returned]


def match(children: Sequence[Mapping[str, Any]], returned: Sequence[Returned]) -> Matches:
    """Each returned file to the child it is for (see the module's docstring)."""
    child_of = {row_key(c): str(c["child_id"]) for c in children}
    by_audit = {str(c.get("audit_id")): row_key(c) for c in children}
    by_child: dict[str, str] = {}
    for c in children:
        by_child.setdefault(child_key(str(c["child_id"])), row_key(c))
    by_stem = {safe_name(str(c.get("audit_id"))).casefold(): row_key(c) for c in children}
    result = Matches({row_key(c): [] for c in children}, {row_key(c): [] for c in children}, [])
    for item in returned:
        claimed = by_audit.get(item.audit_id or "")
        about = child_key(item.child_id) if item.child_id else None
        if claimed is not None and about is not None and about != child_key(child_of[claimed]):
            result.mismatched[claimed].append(item)
            continue
        stem = PurePosixPath(item.path).name.split(".")[0].casefold()
        owner = claimed or (by_child.get(about) if about else by_stem.get(stem))
        if owner is None:
            result.unmatched.append(item)
        else:
            result.found[owner].append(item)
    return result


def row_key(child: Mapping[str, Any]) -> str:
    """The sample row a return is for: its audit id, else (an old manifest) its child id."""
    return str(child.get("audit_id") or child["child_id"])


def _rank(r: Returned) -> Standing:
    return standing(r.audit_status, readable=r.problem is None, passes=r.state == "passes", word=is_word(r.path))


def _best(items: Sequence[Returned]) -> Returned:
    return counted(items, _rank, lambda r: r.path)


def why_counted(best: Returned, others: Sequence[Returned]) -> tuple[str, ...]:
    """Why ``best`` counts rather than each of ``others``, in words (no answer text)."""
    return tuple(why_rather_than(_rank(best), _rank(o), best.audit_status) for o in others)


def classify(child: Mapping[str, Any], items: Sequence[Returned], today: dt.date,
             mismatched: Sequence[Returned] = ()) -> ChildStatus:
    due = manifest_date(child.get("due_date"))
    if items:
        best = _best(items)
        others = tuple(sorted((i for i in items if i is not best), key=lambda r: r.path))
        why = why_rather_than(_rank(best), _rank(_best(others)), best.audit_status) if others else ""
        return ChildStatus(child, best.state, best, due, others, why, why_counted(best, others), tuple(mismatched))
    late = due is not None and today > due
    return ChildStatus(child, "overdue" if late else "outstanding", None, due,
                       mismatched=tuple(mismatched))


def manifest_date(value: Any) -> dt.date | None:
    """A manifest's date; ``None`` for one that cannot be used, and for one outside the years
    auditforms works in (a hand-edited 9999-12-31 due date would overflow its deadlines)."""
    try:
        day = dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return day if day is not None and in_years(day) else None


def status_of(manifest: Mapping[str, Any], returned: Sequence[Returned],
              today: dt.date) -> tuple[list[ChildStatus], list[Returned]]:
    children = [c for c in manifest.get("children", []) if isinstance(c, Mapping)
                and c.get("child_id")]
    matches = match(children, returned)
    statuses = [classify(c, matches.found[row_key(c)], today,
                         matches.mismatched[row_key(c)]) for c in children]
    return statuses, matches.unmatched


def summary(statuses: Sequence[ChildStatus]) -> dict[str, int]:
    counts = Counter(s.state for s in statuses)
    result = {state: counts.get(state, 0) for state in STATES}
    result["children"] = len(statuses)
    result["returned"] = sum(result[s] for s in ("passes", "fails", "draft", "unreadable"))
    #: nothing back: still in time ("outstanding") or past the due date ("overdue")
    result["not_returned"] = result["outstanding"] + result["overdue"]
    #: back, but after the due date (as far as the files tell)
    result["returned_late"] = sum(1 for s in statuses if s.returned_late)
    return result


def all_done(statuses: Sequence[ChildStatus]) -> bool:
    return bool(statuses) and all(s.state == "passes" for s in statuses)
