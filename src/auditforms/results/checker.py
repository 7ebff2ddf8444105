"""One definition's checker: schema first, then consistency, then the tool's rules.

Everything expensive (the result schema, its validator, the rule list, the evaluator and
the names of things) is built once per definition and context and reused for every audit
of a batch; checking one audit allocates only its own findings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.model.definition import Definition
from auditforms.results import consistency
from auditforms.results.envelope import FORMAT, FORMAT_VERSION
from auditforms.results.hidden_answers import hidden_answer_findings
from auditforms.results.lifecycle_checks import lifecycle_findings
from auditforms.results.lookback_history import history_index, lookback_findings
from auditforms.results.naming import Namer
from auditforms.results.result_schema import build_result_schema
from auditforms.results.schema_errors import diagnostics_from
from auditforms.results.validation import fast_validity, make_validator
from auditforms.rules import EvalContext, Evaluator, Finding, all_rules

_REQUIRED_RULE_SUFFIXES = (":required", ":judgement-required")


class Checker:
    def __init__(
        self,
        definition: Definition,
        context: EvalContext | None = None,
        schema: Mapping[str, Any] | None = None,
    ) -> None:
        self.definition = definition
        self.schema = schema if schema is not None else build_result_schema(definition)
        self.validator = make_validator(self.schema)
        self.valid = fast_validity(self.schema)
        self.evaluator = Evaluator(definition, context or EvalContext())
        self.rules = all_rules(definition)
        self.namer = Namer(definition)
        history = self.evaluator.context.history
        self.past = history_index(history) if history is not None else None

    def check(self, document: Any, file: str = "") -> list[Diagnostic]:
        envelope = self._envelope(document, file)
        if envelope is not None:
            return envelope
        out: list[Diagnostic] = []
        if self.valid is None or not self.valid(document):
            errors = self.validator.iter_errors(document)
            out = [d for e in errors for d in diagnostics_from(e, self.namer, file)]
        answers = document.get("answers")
        answers = answers if isinstance(answers, Mapping) else {}
        session = self.evaluator.session(answers)  # one evaluation: what is shown is worked out once
        findings = session.findings(self.rules)
        bad = [d.pointer for d in out if d.pointer and d.pointer.startswith("/answers/")]
        missing: list[str] = []
        for finding in findings:
            if finding.rule_id.count(":") == 1 and finding.rule_id.endswith(
                _REQUIRED_RULE_SUFFIXES
            ):
                missing.append(finding.pointer.split("/")[2])
            if not _covered(finding.pointer, bad):
                out.append(self._rule_diagnostic(finding, file))
        version = consistency.version_difference(self.definition, document, file, missing)
        if version is not None:
            out.insert(0, version)
        shown = session.shown
        out += consistency.moderation_findings(self.definition, document, shown, self.namer, file)
        out += lifecycle_findings(self.definition, document, self.namer, file)
        out += hidden_answer_findings(self.definition, shown, answers, self.namer, file)
        if self.past is not None:
            out += lookback_findings(self.definition, answers, self.past, file)
        return out

    def _envelope(self, document: Any, file: str) -> list[Diagnostic] | None:
        """Stop early, with one clear error, for documents that are not audits of this tool."""
        if not isinstance(document, Mapping):
            kind = "a list" if isinstance(document, list) else "a single value"
            return [
                Diagnostic(
                    "AF601",
                    f"this is {kind}, not a completed audit (an object with format: {FORMAT})",
                    file=file,
                    pointer="",
                )
            ]
        if document.get("format") != FORMAT:
            return [
                Diagnostic(
                    "AF601",
                    f"this is not a completed audit: its format is not {FORMAT}",
                    file=file,
                    pointer="/format",
                )
            ]
        version = document.get("format_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
            return [
                Diagnostic(
                    "AF602",
                    f"format_version {version} is newer than this auditforms "
                    f"understands ({FORMAT_VERSION}); upgrade auditforms",
                    file=file,
                    pointer="/format_version",
                )
            ]
        mismatch = consistency.tool_mismatch(self.definition, document, file)
        return [mismatch] if mismatch else None

    def _rule_diagnostic(self, finding: Finding, file: str) -> Diagnostic:
        rule_id = finding.rule_id
        if rule_id.endswith((":max-rows", ":min-rows")):
            code = "AF641"
        elif ":" in rule_id and rule_id.endswith(_REQUIRED_RULE_SUFFIXES):
            code = "AF640"
        else:
            code = "AF642"
        where = self._where(finding)
        severity = Severity.WARNING if finding.severity == "warning" else Severity.ERROR
        return Diagnostic(
            code,
            f"{where}: {finding.message}" if where else finding.message,
            file=file,
            pointer=finding.pointer,
            severity=severity,
            extra=(("rule", rule_id),),
        )

    def _where(self, finding: Finding) -> str:
        if finding.item_id is None:
            return ""
        if finding.row is not None:
            return self.namer.row(finding.item_id, finding.row)
        return self.namer.item(finding.item_id)


def _covered(pointer: str, bad: list[str]) -> bool:
    """Whether a schema error already speaks for this place (or a place containing it)."""
    return any(pointer == p or pointer.startswith(p + "/") for p in bad)
