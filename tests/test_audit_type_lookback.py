"""Rules and ``check --history`` read an audit with the look-back of the audit type it records."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from auditforms.api import load_definition
from auditforms.model.audit_lookback import audit_lookback
from auditforms.results.lookback_history import lookback_findings
from auditforms.rules import Evaluator, all_rules

OPERATORS = load_definition(Path(__file__).parent / "html" / "fixtures" / "operators.yaml")
TEN_MONTHS = {"start": "2026-01-01", "end": "2026-11-12"}


def _fired(answers: dict[str, object], compiled: bool) -> bool:
    ev = Evaluator(OPERATORS)
    rules = [r for r in all_rules(OPERATORS) if r.id == "r-lookback"]
    run = ev.session(answers) if compiled else ev.plain_session(answers)
    return any(f.rule_id == "r-lookback" for f in run.findings(rules))


def test_a_deep_dive_is_read_with_its_own_lookback_on_both_paths():
    for compiled in (True, False):
        assert _fired({**TEN_MONTHS, "kind": "deep-dive"}, compiled)  # 24 months
        assert not _fired({**TEN_MONTHS, "kind": "regular"}, compiled)  # no own: the tool's 6
        assert not _fired({**TEN_MONTHS, "kind": "unknown"}, compiled)
        assert not _fired(dict(TEN_MONTHS), compiled)


def test_the_recorded_type_decides_the_lookback_else_the_default_type_or_the_tool():
    assert audit_lookback(OPERATORS, {"kind": "deep-dive"}).months == 24  # type: ignore[union-attr]
    assert audit_lookback(OPERATORS, {"kind": "regular"}).months == 6  # type: ignore[union-attr]
    assert audit_lookback(OPERATORS, {}).months == 6  # type: ignore[union-attr]


def test_check_history_advice_uses_the_audit_types_lookback():
    definition = load_definition(Path(__file__).parents[1] / "definitions" / "examples" / "family-early-help.yaml")
    child = definition.index.by_role("child_id")
    date = definition.index.by_role("audit_date")
    kind = definition.index.by_role("audit_type")
    assert child and date and kind
    audited, earlier = dt.date(2026, 11, 12), dt.date(2025, 5, 12)  # 18 months: a deep dive's 24, not 12
    past = {"C1": [earlier]}
    base = {child: "C1", date: audited.isoformat()}
    assert [d.code for d in lookback_findings(definition, {**base, kind: "deep-dive"}, past, "a.json")] == ["AF671"]
    assert lookback_findings(definition, {**base, kind: "regular"}, past, "a.json") == []


def test_a_tool_whose_default_type_has_a_lookback_needs_none_of_its_own():
    from auditforms.language.loader import load_text

    source = (Path(__file__).parent / "html" / "fixtures" / "operators.yaml").read_text(encoding="utf-8")
    without = source.replace("lookback: {months: 6}\n", "", 1)
    assert any(d.code == "AF304" for d in load_text(without, "operators.yaml").diagnostics)
    typed = without.replace("{id: regular, label: Regular audit}", "{id: regular, label: Regular audit, "
                            "lookback: {months: 6}}", 1)  # the type, not the field's option
    assert not [d.format() for d in load_text(typed, "operators.yaml").diagnostics if d.is_error]


def test_a_type_without_its_own_lookback_uses_the_tools_not_the_default_types():
    from auditforms.language.loader import load_text

    source = (Path(__file__).parent / "html" / "fixtures" / "operators.yaml").read_text(encoding="utf-8")
    regular = "  - {id: regular, label: Regular audit}\n"
    deep = "  - {id: deep-dive, label: Deep dive, lookback: {months: 24}}\n"
    swapped = source.replace(regular + deep, deep + regular, 1)  # the deep dive is now the default
    definition = load_text(swapped, "operators.yaml").definition
    assert definition is not None and definition.audit_types[0].id == "deep-dive"
    assert audit_lookback(definition, {"kind": "regular"}).months == 6  # type: ignore[union-attr]
    assert audit_lookback(definition, {}).months == 24  # type: ignore[union-attr]
    ev = Evaluator(definition)
    assert (ev.lookback_of({"kind": "regular"}), ev.lookback_of({}), ev.lookback_of({"kind": "x"})) == (6, 24, 24)


def test_a_compound_part_recording_the_type_is_read_as_every_role_is():
    from auditforms.language.loader import load_text

    source = (Path(__file__).parent / "html" / "fixtures" / "operators.yaml").read_text(encoding="utf-8")
    field = "      - {id: kind, type: choice, label: Type of audit, role: audit_type, "
    compound = ("      - id: about\n        type: compound\n        label: About the audit\n        parts:\n"
                "          - {id: kind, type: choice, label: Type of audit, role: audit_type, ")
    assert field in source
    result = load_text(source.replace(field, compound, 1), "operators.yaml")
    definition = result.definition
    assert definition is not None, [d.format() for d in result.diagnostics]
    assert definition.index.by_role("audit_type") == "about.kind"
    assert audit_lookback(definition, {"about": {"kind": "deep-dive"}}).months == 24  # type: ignore[union-attr]
    assert audit_lookback(definition, {"about": {"kind": "regular"}}).months == 6  # type: ignore[union-attr]
    assert audit_lookback(definition, {"about": "deep-dive"}).months == 6  # type: ignore[union-attr]
    assert audit_lookback(definition, {"about.kind": "deep-dive"}).months == 6  # type: ignore[union-attr]
    ev = Evaluator(definition)  # the rule engine reads the type where every role is read
    assert (ev.lookback_of({"about": {"kind": "deep-dive"}}), ev.lookback_of({"about.kind": "deep-dive"})) == (24, 6)
