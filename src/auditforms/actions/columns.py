"""The columns of every tracker and export: stable keys for Power BI, headings for people.

The csv and json outputs use the keys; the xlsx tracker uses the headings and reads either
back. Both are documented in docs/actions.md (a test holds the page to this list). Never
rename a key: add a new one.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class TrackerColumn:
    key: str
    heading: str
    meaning: str
    width: int = 14
    editable: bool = False
    is_date: bool = False
    hidden: bool = False
    tracker_only: bool = False


COLUMNS: tuple[TrackerColumn, ...] = (
    TrackerColumn("action_id", "Action id", "`<audit id>:<row of the action plan>`, stable across months", 18),
    TrackerColumn("audit_id", "Audit", "the audit's id in the sample", 14),
    TrackerColumn("child_id", "Child", "the child's id (the answer of the field with role child_id)", 11),
    TrackerColumn("area", "Area of service", "from the teams file; the team when there is none", 18),
    TrackerColumn("team", "Team", "the team recorded in the audit (role team)", 18),
    TrackerColumn("action", "Action", "the agreed action, as written in the audit", 48),
    TrackerColumn("action_owner", "Person responsible", "the person named for the action", 20),
    TrackerColumn("audit_date", "Audit date", "YYYY-MM-DD", 12, is_date=True),
    TrackerColumn("completion_date", "Completion date", "YYYY-MM-DD: when the action should be done by",
                  13, is_date=True),
    TrackerColumn("state", "State", "open, due-soon, overdue, signed-off, signed-off-late, no-longer-required",
                  16),
    TrackerColumn("days_overdue", "Days overdue", "whole days past the completion date (overdue only)", 13),
    TrackerColumn("sign_off_date", "Manager's sign-off date", "YYYY-MM-DD; managers fill it in the tracker",
                  23, editable=True, is_date=True),
    TrackerColumn("signed_off_by", "Signed off by", "who signed off (tracker only; recorded in the audit's "
                  "history)", 18, editable=True, tracker_only=True),
    TrackerColumn("manager_update", "Manager's update", "a short update, e.g. why the action is no longer "
                  "required", 36, editable=True),
    TrackerColumn("team_manager", "Team manager", "from the teams file", 18),
    TrackerColumn("service_manager", "Service manager", "from the teams file", 18),
    TrackerColumn("head_of_service", "Head of service", "from the teams file", 18),
    TrackerColumn("fingerprint", "Fingerprint", "8 hex digits of the action text: detects an audit whose rows "
                  "changed since the tracker was made", 10, hidden=True),
)

BY_KEY = {c.key: c for c in COLUMNS}
EXPORT_COLUMNS = tuple(c for c in COLUMNS if not c.tracker_only)
