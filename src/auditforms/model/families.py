"""What a tool says about the family and the audits it belongs to: its audit types, what one
audit is about, who takes part, the tools completed beside it, and whom the sample draws.

Kept apart from :mod:`auditforms.model.policies` (marking, look-back, moderation) because
these describe the audit's place in a service's work rather than the form itself.
"""

from __future__ import annotations

from typing import Literal

from auditforms.model.base import Frozen
from auditforms.model.policies import Lookback

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december")
Month = Literal["january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"]


class JudgementWindow(Frozen):
    """The period the judgements are about: a deep dive reads two years but judges six months."""

    months: int
    description: str | None = None


class AuditType(Frozen):
    """One kind of audit on the tool (regular, deep dive), with its own look-back."""

    id: str
    label: str
    description: str | None = None
    lookback: Lookback | None = None
    judgement_window: JudgementWindow | None = None


class Subject(Frozen):
    """What one audit is about: a child's whole case, or one document of it."""

    kind: Literal["child", "document"] = "child"
    label: str | None = None

    @property
    def is_document(self) -> bool:
        return self.kind == "document"


class Party(Frozen):
    """Someone taking part besides the lead auditor, the auditor and the moderator."""

    id: str
    label: str
    does: Literal["self-audit", "receive-outcome", "contribute"]
    description: str | None = None


class Companion(Frozen):
    """A tool completed beside this one about the same subject (a self-assessment checklist)."""

    tool: str
    label: str | None = None
    completed_by: str | None = None


class Population(Frozen):
    """Which children of the case list the tool is about; every condition given must hold."""

    plans: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    strands: tuple[str, ...] = ()


class Sampling(Frozen):
    """How ``auditforms sample`` draws for this tool, and the months it draws nothing."""

    method: Literal["random", "census", "stratified"] = "random"
    size: int | None = None
    stratify_by: Literal["team", "area", "strand", "plan"] | None = None
    population: Population | None = None
    months_off: tuple[Month, ...] = ()

    def is_month_off(self, month: int) -> bool:
        """Whether month number ``month`` (1-12) is one without a sample."""
        return MONTHS[month - 1] in self.months_off
