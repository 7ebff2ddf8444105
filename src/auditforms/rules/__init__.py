"""Evaluating conditions and rules against answers (pure: no I/O)."""

from auditforms.rules.evaluate import EvalContext, Evaluator, Finding
from auditforms.rules.implicit import all_rules, implicit_rules

__all__ = ["EvalContext", "Evaluator", "Finding", "all_rules", "implicit_rules"]
