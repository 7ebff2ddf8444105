"""Evaluating conditions and rules against answers (pure: no I/O)."""

from auditforms.rules.contracts import EvalContext, Finding
from auditforms.rules.evaluate import Evaluator
from auditforms.rules.implicit import all_rules, implicit_rules

__all__ = ["EvalContext", "Evaluator", "Finding", "all_rules", "implicit_rules"]
