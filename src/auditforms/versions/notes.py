"""What carrying an audit forward says to its reader: by id and version, never by answer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

NoteKind = Literal["removed", "no-place", "grade", "option", "split", "merged", "clash", "column-removed",
                   "column-no-place"]


@dataclass(frozen=True)
class Note:
    """One thing a reader of the carried audit should know, by id (never by answer)."""

    kind: NoteKind
    ids: tuple[str, ...]
    to_version: str
    where: Literal["answers", "moderation"] = "answers"
    reason: str | None = None
    #: For the moderation record: the first of its keys (comments, judgements...) holding the part.
    key: str | None = None

    @property
    def not_carried(self) -> bool:
        return self.kind in ("removed", "no-place", "grade", "option", "clash", "column-removed", "column-no-place")
