"""The evaluator: conditions (three-valued) and rules over one audit's answers.

Semantics, mirrored by the HTML form's script:

* A comparison whose operand is missing or not a valid date/number/grade is *unknown*
  (``None``). ``all``/``any``/``not`` follow Kleene logic. A part is shown only when its
  conditions are *true*; a rule reports only when ``when`` is true and ``assert`` is *false*,
  so a rule never fires on what it cannot know.
* Answers in a part that is hidden (its ``when`` is not true, its section is marked not
  relevant, or the option revealing a follow-up is not chosen) count as unanswered.
* A rule is evaluated only where the part it points at (``at``, or the first field of
  ``assert``) is shown; ``for_each: question`` visits shown questions that have every
  part the rule names; ``for_each: {rows: T}`` visits the answered rows of table T.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from auditforms.model.audit_lookback import default_lookback, type_lookbacks
from auditforms.model.conditions import Condition, Judgements, condition_refs
from auditforms.model.definition import Definition, Rule
from auditforms.rules.contracts import EvalContext, Finding
from auditforms.rules.interpreter import CHILD_NAME_ROLES, Interpreter
from auditforms.rules.logic import Truth
from auditforms.rules.scoping import judgement_scale, relative_parts, rule_owners, selected_judgements
from auditforms.rules.session import Program, Session

__all__ = ["CHILD_NAME_ROLES", "Evaluator", "Interpreter"]


class Evaluator:
    """Evaluates conditions and rules of one definition; create once, use for many audits."""

    def __init__(self, definition: Definition, context: EvalContext | None = None) -> None:
        self.definition = definition
        self.index = definition.index
        self.context = context or EvalContext()
        # What does not depend on the answers, worked out once for a whole batch.
        self.questions = self.index.questions()
        self._rule_statics: dict[int, tuple[Rule, str, set[str]]] = {}
        self._judgement_scales: dict[str, str | None] = {}
        self._selected: dict[tuple[str | None, str | None, Judgements], tuple[str, ...]] = {}
        self._owners: dict[int, tuple[Rule, tuple[str, ...]]] = {}
        self.sections = [s for s in self.index.sections() if s.has_answer_object]  # sub-sections too
        default = default_lookback(definition)
        self.lookback_months = default.months if default else None
        # A tool with audit types: each audit is read with the look-back of the type it records.
        self.type_field = self.index.by_role("audit_type")
        self.type_lookbacks = type_lookbacks(definition)
        self._program: Program | None = None

    def lookback_of(self, answers: Mapping[str, Any]) -> int | None:
        """Months of look-back for this audit: its recorded audit type's, else the default."""
        if self.type_field is not None and self.type_lookbacks:
            recorded = self.index.role_answer(answers, "audit_type")  # a compound field's part too
            if isinstance(recorded, str) and recorded in self.type_lookbacks:
                return self.type_lookbacks[recorded]
        return self.lookback_months

    def rule_static(self, rule: Rule) -> tuple[str, set[str]]:
        """(the reference a rule points at, the parts of a question or row it names)."""
        cached = self._rule_statics.get(id(rule))
        if cached is None or cached[0] is not rule:
            cached = (rule, rule.at or condition_refs(rule.assert_)[0], relative_parts(rule))
            self._rule_statics[id(rule)] = cached
        return cached[1], cached[2]

    def rule_owners(self, rule: Rule) -> tuple[str, ...]:
        """The questions (or sections) a ``for_each`` rule may visit: those with every part it
        names (and its tag), whatever the answers; worked out once per rule."""
        cached = self._owners.get(id(rule))
        if cached is None or cached[0] is not rule:
            cached = self._owners[id(rule)] = (rule, rule_owners(rule, self.questions, self.sections))
        return cached[1]

    def judgement_scale(self, owner: str) -> str | None:
        if owner not in self._judgement_scales:
            node = self.index.node(owner) if owner in self.index else None
            self._judgement_scales[owner] = judgement_scale(node)
        return self._judgement_scales[owner]

    def selected(self, owner: str | None, scale: str | None, selector: Judgements) -> tuple[str, ...]:
        """The judgement references a selector names (see :func:`selected_judgements`)."""
        key = (owner, scale, selector)
        if key not in self._selected:
            self._selected[key] = selected_judgements(self.index, selector, owner, scale)
        return self._selected[key]

    # -- public ------------------------------------------------------------------------

    def run(self, answers: Mapping[str, Any], rules: Iterable[Rule]) -> list[Finding]:
        return self.session(answers).findings(rules)

    def shown(self, answers: Mapping[str, Any], item_id: str) -> bool:
        return self.session(answers).shown(item_id)

    def session(self, answers: Mapping[str, Any]) -> Session:
        """One audit's evaluation on the compiled rules, keeping what it has worked out (ask
        ``shown`` many times); see :mod:`auditforms.rules.session`."""
        if self._program is None:
            self._program = Program(self)
        return Session(self._program, answers)

    def plain_session(self, answers: Mapping[str, Any]) -> Interpreter:
        """The same evaluation, interpreted: the reference the compiled path is held to."""
        return Interpreter(self, answers)

    def test(self, answers: Mapping[str, Any], condition: Condition) -> Truth:
        return Interpreter(self, answers).truth(condition, None)


