"""The sample's figures: drawn, returned, returned on time, moderated and final, by month.

A sampled child's audit is found by its audit id, else by its child id. It is returned
when a submitted, moderated or final audit came back (a draft is not), and on time when
it came back on or before the sample's due date (the day it was first submitted, as
:func:`auditforms.moderation.lifecycle.returned_on` tells it from any of its files). An audit
whose return day nobody can tell (its only copy saved over later) is left out of the on-time
share and counted apart, as ``month status`` says it is not known: never counted late.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from auditforms.collation.figures import SampleMonth, Share, shown
from auditforms.collation.record import month_of
from auditforms.collation.tally import SampleReturn
from auditforms.sampling.sample_file import SampleRow


@dataclass
class _Month:
    drawn: int = 0
    returned: int = 0
    on_time: int = 0
    unknown: int = 0
    moderated: int = 0
    final: int = 0


def sample_month(row: SampleRow) -> str | None:
    return month_of(row.audit_id) or (month_of(row.due_date.isoformat()) if row.due_date else None)


def sample_figures(rows: Sequence[SampleRow], returns: Mapping[str, SampleReturn],
                   months: tuple[str, ...], public: bool) -> tuple[SampleMonth, ...]:
    tallies = {m: _Month() for m in months}
    for row in rows:
        tally = tallies.get(sample_month(row) or "")
        if tally is None:
            continue
        tally.drawn += 1
        back = returns.get(row.audit_id) or returns.get(f"child:{row.child_id.casefold()}")
        if back is None:
            continue
        tally.returned += 1
        if back.submitted_on is None or row.due_date is None:
            tally.unknown += 1
        else:
            tally.on_time += back.submitted_on <= row.due_date
        tally.moderated += back.status in ("moderated", "final")
        tally.final += back.status == "final"
    return tuple(SampleMonth(m, shown(t.drawn, public), shown(t.returned, public),
                             Share.of(t.on_time, t.returned - t.unknown, public), shown(t.moderated, public),
                             shown(t.final, public), shown(t.unknown, public))
                 for m, t in tallies.items())
