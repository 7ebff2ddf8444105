"""Was the child audited within the look-back period? Asked of the sample's history.

The tool's own answers ("Audited previously? If Yes, when?") are checked by a rule; this asks
the same history the dip sample uses (a history CSV, or last months' completed audits), given
to ``check --history``. The message gives the period checked, never a date from the history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.model.audit_lookback import audit_lookback
from auditforms.model.definition import Definition
from auditforms.rules.values import as_date, months_before


def history_index(history: Iterable[tuple[str, dt.date]]) -> dict[str, list[dt.date]]:
    """Audit dates by child id (ids compared without surrounding spaces)."""
    out: dict[str, list[dt.date]] = {}
    for child, date in history:
        out.setdefault(child.strip(), []).append(date)
    return out


def lookback_findings(definition: Definition, answers: Mapping[str, Any],
                      past: Mapping[str, list[dt.date]], file: str) -> list[Diagnostic]:
    """A warning (AF671) when the history holds an earlier audit of the child in the look-back
    (of the audit type the audit records, where the tool has types)."""
    index = definition.index
    child_field = index.by_role("child_id")
    lookback = audit_lookback(definition, answers)
    if lookback is None or child_field is None or index.by_role("audit_date") is None:
        return []
    child, audited = index.role_answer(answers, "child_id"), as_date(index.role_answer(answers, "audit_date"))
    if not isinstance(child, str | int) or isinstance(child, bool) or audited is None:
        return []
    months = lookback.months
    start = months_before(audited, months)
    earlier = [d for d in past.get(str(child).strip(), ()) if start < d < audited]
    if not earlier:
        return []
    first_day = start + dt.timedelta(days=1)
    last_day = audited - dt.timedelta(days=1)
    times = "once" if len(earlier) == 1 else f"{len(earlier)} times"
    return [Diagnostic(
        "AF671", f"the sample's history records this child audited {times} in the {months} months before "
        f"the audit date (the look-back, {first_day} to {last_day}); the sample is of children not "
        "audited within it", file=file, pointer=f"/answers/{child_field.replace('.', '/')}", severity=Severity.WARNING)]
