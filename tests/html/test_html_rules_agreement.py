"""The form's script and ``auditforms check`` apply the same rules: same findings, same visibility.

Hand-written audits cover the cases named in the brief (hidden parts, unknown comparisons,
rows, ``better_than_all``); a few hundred generated audits per definition, full of wrong
types, invalid dates and half-filled rows, cover the rest. Each goes through the page's
JavaScript evaluator and through :class:`auditforms.rules.Evaluator`; the findings (rule,
pointer, item, row, severity, in order) and every part's visibility must be identical.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import DEFINITIONS, KITCHEN_SINK
from tests.html.html_support import embedded_data, render_html

from auditforms.api import load_definition
from auditforms.model.definition import Definition
from auditforms.rules import EvalContext, Evaluator, all_rules

pytestmark = pytest.mark.browser

OPERATORS = Path(__file__).parent / "fixtures" / "operators.yaml"
SHIPPED = sorted(DEFINITIONS.glob("*.yaml")) if DEFINITIONS.is_dir() else []
EXAMPLES = sorted((DEFINITIONS / "examples").glob("*.yaml"))

TEXT = ["", "  ", "Some words", None, 3,
        "She is safer at home now and goes to school every day.",
        "KM now sleeps through the night.", "The CP plan was updated by the IRO.",
        "Sam is settled; Sam chose the activities in the plan with Sam’s carer.",
        "Risks were identified early and the plan was reviewed within timescales set out."]
DATES = ["2026-01-01", "2026-06-01", "2026-11-12", "2026-12-31", "2026-02-30", "12/11/2026", 20260101, None]
NUMBERS = [0, 1, 1.5, 3, 4, 10, 12, -2, "4", True, None]
CONTEXTS = [{}, {"today": "2026-11-20"},
            {"today": "2026-11-20", "period_start": "2026-11-01", "period_end": "2026-11-30"}]

KITCHEN_CASES: list[dict[str, Any]] = [
    {},
    {"uasc": "yes", "uasc-age-assessment": {"judgement": "good"}},
    {"uasc": "no", "uasc-age-assessment": {"judgement": "good"}},  # hidden part
    {"q1": {"judgement": "meets-good"}, "q2": {"judgement": "does-not-meet-good"}, "q3": {"judgement": "exceeds-good"}},
    {"q1": {"judgement": "not-applicable"}, "q2": {"judgement": "meets-good"}, "q3": {"judgement": "exceeds-good"}},
    {"q1": {"judgement": "unknown-grade"}, "q3": {"judgement": "exceeds-good"}},  # unknown comparison
    {"audit-date": "2026-11-10", "actions": [{"action": "A", "completion-date": "2026-01-01"}, {},
                                             {"person": "P", "completion-date": "not a date"}]},
    {"actions": [{"action": f"a{i}", "person": "p", "completion-date": "2026-12-01"} for i in range(9)]},
    {"age-band": "16-21", "care-leaving": {"not_relevant": True, "judgement": "good"}},
    {"age-band": "16-21", "care-leaving": {"judgement": "good"}, "pathway-plan": {"comments": "x"}},
    {"audited-previously": "yes", "audited-previously-when": "2025-01-01", "legal-status": "other"},
    {"ecm": {"being-healthy": {"grade": "good"}, "staying-safe": {}}},
    {"audit-date": "2026-10-01"},
]


CARE_LEAVERS = DEFINITIONS / "examples" / "answers-care-leavers.yaml"
#: The child's initials come from a part of a compound field (its role is child_initials).
CARE_LEAVERS_CASES: list[dict[str, Any]] = [
    {"young-person": {"initials": "KM"}, "q1": {"evidence": "KM now sleeps through the night."}},
    {"young-person": {"initials": "KM"}, "q1": {"evidence": "Visits were regular."}},
    {"young-person": "KM", "q1": {"evidence": "KM now sleeps through the night."}},
    {"q1": {"evidence": "Visits were regular."}},
]

OPERATOR_CASES: list[dict[str, Any]] = [
    {"start": "2026-05-01", "end": "2026-11-01",
     "optional-part": {"judgement": "good", "impact": "The plan was updated."},
     "flag": "yes", "g1": {"judgement": "poor", "evidence": "The plan was updated by the IRO."},
     "g2": {"judgement": "good", "evidence": "The plan was updated by the IRO."}, "rating": "good"},
    {"initials": "KM", "flag": "yes", "g1": {"judgement": "good", "evidence": "Km enjoys school."},
     "g2": {"evidence": "Jo is happier. Jo says so."}, "rating": "poor"},
    # Ten months apart: outside the tool's 6-month look-back, inside a deep dive's 24 months.
    {"start": "2026-01-01", "end": "2026-11-12", "kind": "deep-dive"},
    {"start": "2026-01-01", "end": "2026-11-12", "kind": "regular"},
    {"start": "2026-01-01", "end": "2026-11-12", "kind": "no such type"},
]


def _pick(rng: random.Random, pool: list[Any]) -> Any:
    return rng.choice(pool)


def _scale_pool(definition: Definition, scale_id: str | None) -> list[Any]:
    scale = definition.index.scales.get(scale_id or "")
    ids: list[Any] = list(scale.answer_ids) if scale else []
    return [*ids, "unknown", 2, None]


def _value(rng: random.Random, definition: Definition, slot: dict[str, Any]) -> Any:
    entry = definition.index.entries[slot["id"]]
    node: Any = entry.node
    kind = slot.get("type")
    if kind == "date":
        return _pick(rng, DATES)
    if kind == "number":
        return _pick(rng, NUMBERS)
    if kind == "scale":
        return _pick(rng, _scale_pool(definition, node.scale))
    if kind == "multichoice":
        ids = [o.id for o in node.answer_options]
        return rng.choice([[], ids[:1], ids[-1:], ids, ids[-1], None])
    if kind in {"choice", "yesno", "age_band"}:
        return _pick(rng, [o.id for o in node.answer_options] + [True, "", None])
    return _pick(rng, TEXT)


def _object(rng: random.Random, definition: Definition, slot: dict[str, Any]) -> Any:
    node: Any = definition.index.entries[slot["id"]].node
    judgement = getattr(node, "judgement", None) or getattr(getattr(node, "overall", None), "judgement", None)
    out: dict[str, Any] = {}
    for key in slot["keys"]:
        if rng.random() < 0.35:
            continue
        if key == "judgement":
            out[key] = _pick(rng, _scale_pool(definition, judgement.scale if judgement else None))
        elif key == "not_relevant":
            out[key] = rng.choice([True, False, "true"])
        else:
            out[key] = _pick(rng, TEXT)
    return rng.choice([out, out, out, "not an object"])


def _compound(rng: random.Random, definition: Definition, slot: dict[str, Any]) -> Any:
    """A compound field's answer: each part answered as its type (or wrongly), or not an object."""
    field: Any = definition.index.entries[slot["id"]].node
    out = {}
    for part in field.parts:
        if rng.random() < 0.7:
            out[part.id] = _pick(rng, [o.id for o in part.answer_options] + [None]) if part.answer_options \
                else _pick(rng, DATES if part.type == "date" else NUMBERS if part.type == "number" else TEXT)
    return rng.choice([out, out, out, "not an object"])


def _row(rng: random.Random, definition: Definition, columns: list[dict[str, Any]]) -> dict[str, Any]:
    row: dict[str, Any] = {}
    for column in columns:
        if rng.random() < 0.3:
            continue
        kind = column["type"]
        if kind == "date":
            row[column["id"]] = _pick(rng, DATES)
        elif kind == "number":
            row[column["id"]] = _pick(rng, NUMBERS)
        elif kind == "scale":
            row[column["id"]] = _pick(rng, [*_scale_pool(definition, "grade"), "good"])
        else:
            row[column["id"]] = _pick(rng, TEXT)
    return row


def _table(rng: random.Random, definition: Definition, slot: dict[str, Any]) -> Any:
    if slot["shape"] == "fixed":
        rows = {r: _row(rng, definition, slot["columns"]) for r in slot["rows"] if rng.random() < 0.7}
        return rows
    return [_row(rng, definition, slot["columns"]) for _ in range(rng.randint(0, 5))]


def generated(definition: Definition, slots: list[dict[str, Any]], count: int, seed: int) -> list[Any]:
    rng = random.Random(seed)
    docs: list[Any] = []
    for _ in range(count):
        answers: dict[str, Any] = {}
        for slot in slots:
            if rng.random() < 0.25:
                continue
            if slot["shape"] == "value":
                answers[slot["id"]] = _value(rng, definition, slot)
            elif slot["shape"] == "object":
                answers[slot["id"]] = _object(rng, definition, slot)
            elif slot["shape"] == "compound":
                answers[slot["id"]] = _compound(rng, definition, slot)
            else:
                answers[slot["id"]] = _table(rng, definition, slot)
        docs.append(answers)
    return [*docs, [], "not answers"]


def _context(ctx: dict[str, str]) -> EvalContext:
    return EvalContext(**{k: dt.date.fromisoformat(v) for k, v in ctx.items()})


def python_side(definition: Definition, cases: list[tuple[Any, dict[str, str]]]) -> list[Any]:
    out = []
    for answers, ctx in cases:
        ev = Evaluator(definition, _context(ctx))
        found = ev.run(answers, all_rules(definition))
        findings = [[f.rule_id, f.pointer, f.item_id, f.row, f.severity, f.message] for f in found]
        shown = {i: ev.shown(answers, i) for i in definition.index.order}
        out.append({"findings": findings, "shown": shown})
    return out


JS = """cases => cases.map(([answers, ctx]) => {
  const findings = AuditForm.evaluate(answers, ctx)
    .map(f => [f.rule_id, f.pointer, f.item_id, f.row, f.severity, f.message]);
  const shown = {};
  for (const id of AuditForm.data.index.order) shown[id] = AuditForm.shown(answers, id, ctx);
  return {findings, shown};
})"""


@pytest.mark.parametrize("source", [KITCHEN_SINK, OPERATORS, *SHIPPED, *EXAMPLES],
                         ids=["kitchen-sink", "operators", *[p.stem for p in SHIPPED],
                              *[f"example-{p.stem}" for p in EXAMPLES]])
def test_html_js_and_python_rules_agree(open_form, source: Path):
    cases_by_hand = {KITCHEN_SINK: KITCHEN_CASES, OPERATORS: OPERATOR_CASES,
                     CARE_LEAVERS: CARE_LEAVERS_CASES}.get(source, [])
    _agree(open_form, source, cases_by_hand)


def test_html_js_and_python_read_an_audit_type_kept_in_a_compound_field_alike(open_form, tmp_path: Path):
    """The type's look-back is read where the role is: one part of a compound field."""
    field = "      - {id: kind, type: choice, label: Type of audit, role: audit_type, "
    compound = ("      - id: about\n        type: compound\n        label: About the audit\n        parts:\n"
                "          - {id: kind, type: choice, label: Type of audit, role: audit_type, ")
    text = OPERATORS.read_text(encoding="utf-8")
    assert field in text
    source = tmp_path / "operators.yaml"
    source.write_text(text.replace(field, compound, 1), encoding="utf-8")
    by_hand = [{**case, "about": {"kind": kind}} for case in OPERATOR_CASES for kind in ("deep-dive", "regular")]
    _agree(open_form, source, by_hand)


def _agree(open_form: Any, source: Path, cases_by_hand: list[Any]) -> None:
    definition = load_definition(source)
    html = render_html(definition)
    slots = embedded_data(html)["slots"]
    docs = cases_by_hand + generated(definition, slots, 300, seed=4)
    cases = [(doc, CONTEXTS[n % len(CONTEXTS)]) for n, doc in enumerate(docs)]
    form = open_form(html)
    got = form.page.evaluate(JS, cases)
    expected = python_side(definition, cases)
    for n, (js, py) in enumerate(zip(got, expected, strict=True)):
        assert js == py, f"case {n} disagrees: {cases[n]!r}"
    assert sum(len(e["findings"]) for e in expected) > len(cases)  # the cases do find problems
    if source in (KITCHEN_SINK, OPERATORS):  # the fixtures' every rule is exercised
        assert {r.id for r in definition.rules} <= {f[0] for e in expected for f in e["findings"]}
    assert form.errors == []


def test_html_cases_exercise_every_operator_rule():
    definition = load_definition(OPERATORS)
    slots = embedded_data(render_html(definition))["slots"]
    docs = OPERATOR_CASES + generated(definition, slots, 300, seed=4)
    cases = [(doc, CONTEXTS[n % len(CONTEXTS)]) for n, doc in enumerate(docs)]
    fired = {f[0] for e in python_side(definition, cases) for f in e["findings"]}
    assert {r.id for r in definition.rules} <= fired
