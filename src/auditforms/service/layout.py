"""Where a month's work lives in a service folder, and which month a command means.

::

    auditforms.yaml
    definitions/            the service's own tools (customisations), if any
    data/                   the case-list export, auditors, teams, the pre-auditforms history
    months/2026-11/
        sample.csv          the month's sample (sample.meta.json beside it: seed, inputs)
        forms/              one pre-filled form per child, index.html, manifest.json;
                            returned audits are saved in here (any sub-folder)

Pure: names and dates only; the CLI looks at the disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditforms.months import MonthProblem as MonthProblem  # callers have found these here
from auditforms.months import first_day as first_day
from auditforms.months import is_month, month_of
from auditforms.months import parse_month as parse_month

MONTHS = "months"
SAMPLE = "sample.csv"
FORMS = "forms"
def reference_date(month: str, today: dt.date) -> dt.date:
    """The sample's reference date: today when today is in the month, else its first day.

    The look-back and the due date count from it, so a month started late still gives
    its auditors the full time, and a month prepared in advance starts on its first day.
    """
    return today if month_of(today) == month else first_day(month)


@dataclass(frozen=True)
class MonthPaths:
    folder: Path

    @property
    def sample(self) -> Path:
        return self.folder / SAMPLE

    @property
    def forms(self) -> Path:
        return self.folder / FORMS


def month_paths(service: Path, month: str) -> MonthPaths:
    return MonthPaths(service / MONTHS / month)


def months_in(names: Iterable[str]) -> list[str]:
    """The month folder names among ``names``, oldest first (other names ignored)."""
    return sorted(n for n in names if is_month(n))


def latest(names: Iterable[str]) -> str | None:
    found = months_in(names)
    return found[-1] if found else None
