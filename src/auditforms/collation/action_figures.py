"""The report's action figures, from the action tracker's own logic (``auditforms.actions``).

Agreed actions are those of moderated and final audits (``actions.collect``); where each
stands is ``actions.state_of`` on the report's ``today``, so the board paper and the
trackers sent to managers can never disagree. Counted audit by audit, in flat memory.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditforms.collation.figures import ActionFigures, ActionMonth, Share, shown
from auditforms.model.definition import Definition


@dataclass
class _Counts:
    kinds: dict[str, int] = field(default_factory=dict)

    def add(self, kind: str) -> None:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1

    def __getitem__(self, kind: str) -> int:
        return self.kinds.get(kind, 0)


class ActionTally:
    def __init__(self, definition: Definition, months: tuple[str, ...], today: dt.date) -> None:
        from auditforms.actions import action_plan

        self.definition = definition
        self.today = today
        self.enabled = action_plan(definition) is not None
        self.months = {m: _Counts() for m in months}

    def add(self, document: Mapping[str, Any], month: str) -> None:
        if not self.enabled or month not in self.months:
            return
        from auditforms.actions import collect, state_of

        counts = self.months[month]
        for action in collect(self.definition, document):
            counts.add(state_of(action, self.today).kind.value)

    def figures(self, public: bool) -> ActionFigures | None:
        if not self.enabled:
            return None
        total = _Counts()
        for counts in self.months.values():
            for kind, n in counts.kinds.items():
                total.kinds[kind] = total[kind] + n
        return ActionFigures(
            as_of=self.today.isoformat(), agreed=shown(sum(total.kinds.values()), public),
            open=shown(total["open"], public), due_soon=shown(total["due-soon"], public),
            overdue=shown(total["overdue"], public), signed_off=shown(total["signed-off"], public),
            signed_off_late=shown(total["signed-off-late"], public),
            no_longer_required=shown(total["no-longer-required"], public),
            signed_off_on_time=_on_time(total, public),
            months=tuple(ActionMonth(m, shown(sum(c.kinds.values()), public),
                                     shown(c["open"] + c["due-soon"] + c["overdue"], public),
                                     shown(c["overdue"], public), _on_time(c, public))
                         for m, c in self.months.items()))


def _on_time(counts: _Counts, public: bool) -> Share:
    return Share.of(counts["signed-off"], counts["signed-off"] + counts["signed-off-late"], public)
