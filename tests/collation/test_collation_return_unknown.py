"""An audit whose return day nobody can tell is not counted late: it is left out of the
on-time share and counted apart, as month status says it is not known."""

from __future__ import annotations

import datetime as dt

from auditforms.collation.sample import sample_figures
from auditforms.collation.tally import SampleReturn
from auditforms.sampling.sample_file import SampleRow

DUE = dt.date(2026, 11, 15)


def test_an_unknown_return_day_is_left_out_of_on_time() -> None:
    rows = [SampleRow(f"2026-11-C{n}", f"C{n}", due_date=DUE) for n in (1, 2, 3)]
    returns = {"2026-11-C1": SampleReturn("final", dt.date(2026, 11, 10)),   # on time
               "2026-11-C2": SampleReturn("final", dt.date(2026, 11, 20)),   # late
               "2026-11-C3": SampleReturn("moderated", None)}                # nobody can tell
    (month,) = sample_figures(rows, returns, ("2026-11",), public=False)
    assert (month.returned, month.unknown_return) == (3, 1)
    assert (month.on_time.count, month.on_time.total) == (1, 2)  # it counted C3 late: 1 of 3
