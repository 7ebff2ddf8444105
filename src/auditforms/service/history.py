"""The history that keeps itself: which past audits count for the look-back exclusion.

Nobody edits a history file. The audits that count for a month are every *earlier*
month's returned audits (the completed-audit JSON saved into its ``forms`` folder, read
exactly as ``sample --audits`` reads a folder) plus, once and for ever, the CSV of audits
from before auditforms named in the settings. A later month's returns never count for an
earlier month, so re-drawing an old month (``--force``) gives the same answer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from auditforms.service.layout import month_paths, months_in
from auditforms.service.settings import Settings


@dataclass(frozen=True)
class HistorySources:
    csv_files: tuple[Path, ...]
    audit_folders: tuple[Path, ...]

    @property
    def empty(self) -> bool:
        return not self.csv_files and not self.audit_folders


def history_for(settings: Settings, month: str, existing_months: Iterable[str]) -> HistorySources:
    """The sources of the look-back history for ``month``, given the month folders that exist."""
    earlier = [m for m in months_in(existing_months) if m < month]
    folders = tuple(month_paths(settings.folder, m).forms for m in earlier)
    csv = (settings.path(settings.history_before),) if settings.history_before else ()
    return HistorySources(csv, folders)
