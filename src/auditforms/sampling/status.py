"""Where a dip sample stands (pure): each child's returned form, its check, the deadline.

A child's state is one of:

* ``passes``   -- a completed audit came back (status submitted, moderated or final) and
  its check found no errors (warnings are allowed: they are the moderator's business);
* ``fails``    -- it came back but the check found errors, or it was completed against
  another audit tool;
* ``draft``    -- only a draft came back;
* ``unreadable`` -- a file came back for the child but could not be read;
* ``overdue``  -- nothing came back and the due date has passed;
* ``outstanding`` -- nothing came back yet, and there is still time.

When several files come back for one child, the most advanced one counts (final, then
moderated, submitted, draft), then the one that passes. Never holds answer text.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from auditforms.sampling.batch import safe_name
from auditforms.sampling.selection import child_key

STATES = ("passes", "fails", "draft", "unreadable", "overdue", "outstanding")
_PROGRESS = {"final": 4, "moderated": 3, "submitted": 2, "draft": 1}


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

    def to_json(self) -> dict[str, Any]:
        r = self.returned
        return {
            "audit_id": self.child.get("audit_id"), "child_id": self.child.get("child_id"),
            "auditor": self.child.get("auditor"), "due_date": self.child.get("due_date"),
            "state": self.state, "file": r.path if r else None,
            "audit_status": r.audit_status if r else None,
            "errors": r.errors if r else None, "warnings": r.warnings if r else None,
            "problem": r.problem if r else None,
        }


def match(children: Sequence[Mapping[str, Any]], returned: Sequence[Returned],
          ) -> tuple[dict[str, list[Returned]], list[Returned]]:
    """Returned files by child id (audit id first, then child id, then file name)."""
    by_audit = {str(c.get("audit_id")): str(c["child_id"]) for c in children}
    by_child = {child_key(str(c["child_id"])): str(c["child_id"]) for c in children}
    by_stem = {safe_name(str(c.get("audit_id"))).casefold(): str(c["child_id"]) for c in children}
    found: dict[str, list[Returned]] = {str(c["child_id"]): [] for c in children}
    unmatched: list[Returned] = []
    for item in returned:
        stem = PurePosixPath(item.path).name.split(".")[0].casefold()
        owner = (by_audit.get(item.audit_id or "")
                 or by_child.get(child_key(item.child_id or ""))
                 or by_stem.get(stem))
        if owner is None:
            unmatched.append(item)
        else:
            found[owner].append(item)
    return found, unmatched


def _best(items: Sequence[Returned]) -> Returned:
    return max(items, key=lambda r: (_PROGRESS.get(r.audit_status or "", 0),
                                     r.problem is None, r.state == "passes", r.path))


def classify(child: Mapping[str, Any], items: Sequence[Returned], today: dt.date) -> ChildStatus:
    due = _date(child.get("due_date"))
    if items:
        best = _best(items)
        return ChildStatus(child, best.state, best, due)
    late = due is not None and today > due
    return ChildStatus(child, "overdue" if late else "outstanding", None, due)


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def status_of(manifest: Mapping[str, Any], returned: Sequence[Returned],
              today: dt.date) -> tuple[list[ChildStatus], list[Returned]]:
    children = [c for c in manifest.get("children", []) if isinstance(c, Mapping)
                and c.get("child_id")]
    found, unmatched = match(children, returned)
    return [classify(c, found[str(c["child_id"])], today) for c in children], unmatched


def summary(statuses: Sequence[ChildStatus]) -> dict[str, int]:
    counts = Counter(s.state for s in statuses)
    result = {state: counts.get(state, 0) for state in STATES}
    result["children"] = len(statuses)
    result["returned"] = sum(result[s] for s in ("passes", "fails", "draft", "unreadable"))
    return result


def all_done(statuses: Sequence[ChildStatus]) -> bool:
    return bool(statuses) and all(s.state == "passes" for s in statuses)
