"""A table of bad definitions: each must give the right code, line, column and message."""

from __future__ import annotations

import textwrap

import pytest

from auditforms.language.loader import load_text

HEAD = """\
id: t
title: T
version: 1.0.0
scales:
  - id: q
    best: highest
    options: [{id: good, label: Good, value: 2}, {id: poor, label: Poor, value: 1}]
    not_applicable: {label: N/A}
sections:
  - id: s
    title: S
    items:
      - {id: f, type: yesno, label: F}
      - {id: q1, type: question, title: Q1, judgement: {scale: q}, narratives: [{id: evidence, label: Evidence}]}
"""  # 14 lines: cases append from line 15

CASES = [
    # (name, yaml appended to HEAD (or see WHOLE), code, line, token pointed at, message fragment)
    ("unknown key with suggestion", "      - {id: a, type: text, labl: A}\n", "AF201", 15, "labl", "did you mean 'label'"),
    ("missing required key", "      - {id: a, type: text}\n", "AF202", 15, "{id: a", "a field needs 'label'"),
    ("unknown item type", "      - {id: a, type: txt, label: A}\n", "AF204", 15, "txt", "did you mean 'text'"),
    ("bad id pattern", "      - {id: Audit_Date, type: date, label: A}\n", "AF205", 15, "Audit_Date", "lower-case letters"),
    ("wrong type", "      - {id: a, type: text, label: A, required: maybe}\n", "AF203", 15, "maybe", "true or false"),
    ("duplicate key", "      - id: a\n        type: text\n        label: A\n        label: B\n", "AF106", 18, "label: B", "duplicate key 'label'"),
    ("duplicate id", "      - {id: f, type: text, label: again}\n", "AF301", 15, "f, type: text", "'f' is already used"),
    ("unknown scale", "      - {id: q2, type: question, judgement: {scale: qualty}}\n", "AF302", 15, "qualty", "no scale 'qualty'"),
    ("condition on unknown field", "      - {id: a, type: text, label: A, when: {field: g, is: 'yes'}}\n", "AF303", 15, "g, is", "'g' is not the id"),
    ("condition with impossible option", "      - {id: a, type: text, label: A, when: {field: f, is: maybe}}\n", "AF304", 15, "maybe", "can never be 'maybe'"),
    ("true for a yes/no answer", "      - {id: a, type: text, label: A, when: {field: f, is: true}}\n", "AF304", 15, "true}", "not true/false: write \"yes\""),
    ("test with two operators", "      - {id: a, type: text, label: A, when: {field: f, is: 'yes', in: ['no']}}\n", "AF206", 15, "{field: f", "exactly one operator"),
    ("unknown operator", "      - {id: a, type: text, label: A, when: {field: f, equals: 'yes'}}\n", "AF201", 15, "equals", "'equals' is not a key of a test"),
    ("graded on a text field", "      - {id: a, type: text, label: A, when: {field: f, graded: true}}\n", "AF304", 15, "true", "'graded' needs a judgement"),
    ("missing part of question", "      - {id: a, type: text, label: A, when: {field: q1.impact, answered: true}}\n", "AF306", 15, "q1.impact", "has no part 'impact'"),
    ("date comparison on text", "      - {id: a, type: text, label: A}\n      - {id: b, type: text, label: B, when: {field: a, before: 2026-01-01}}\n", "AF304", 16, "2026-01-01", "not a date"),
    ("condition on itself", "      - {id: a, type: yesno, label: A, when: {field: a, is: 'yes'}}\n", "AF309", 15, "a, is", "can never be shown"),
    ("choice without options", "      - {id: a, type: choice, label: A}\n", "AF202", 15, "{id: a", "needs 'options'"),
    ("duplicate option ids", "      - {id: a, type: choice, label: A, options: [{id: x, label: X}, {id: x, label: Y}]}\n", "AF301", 15, "x, label: Y", "'x' is used twice"),
    ("min rows over max rows", "      - {id: t1, type: table, title: T, columns: [{id: c, label: C}], min_rows: 5, max_rows: 2}\n", "AF311", 15, "5, max_rows", "min_rows (5) is more than max_rows (2)"),
    ("role given twice", "      - {id: a, type: text, label: A, role: child_id}\n      - {id: b, type: text, label: B, role: child_id}\n", "AF308", 16, "child_id", "already given to 'a'"),
    ("statement not found", "      - {id: a, type: text, label: A, see: [good-practice]}\n", "AF305", 15, "good-practice", "no statement 'good-practice'"),
    ("relative ref outside for_each", "rules:\n  - {id: r, message: m, assert: {field: .evidence, answered: true}}\n", "AF306", 16, ".evidence", "only be used in a rule with for_each"),
    ("rows of a non-table", "rules:\n  - {id: r, message: m, for_each: {rows: f}, assert: {field: .x, answered: true}}\n", "AF303", 16, "f}", "'f' is not the id of a table"),
    ("rule with unknown severity", "rules:\n  - {id: r, message: m, severity: fatal, assert: {field: f, answered: true}}\n", "AF204", 16, "fatal", "use one of: error, warning"),
    ("better_than across scales", "      - {id: a, type: scale, scale: q, label: A}\n      - id: g2\n        type: question\n        judgement: {scale: q2}\n      - {id: b, type: text, label: B, when: {field: a, better_than: g2.judgement}}\n", "AF302", 18, "q2}", "no scale 'q2'"),
    ("undeclared tag", None, "AF312", 6, "qualty", "did you mean 'quality'"),
    ("tab-indented YAML", "\t- {id: a}\n", "AF105", 15, "\t", "malformed YAML"),
    ("version not semantic", None, "AF205", 3, "one point oh", "semantic version"),
    ("version as number", None, "AF203", 3, "1.0", "write 1.0.0"),
    ("empty file", "", "AF104", 0, None, "empty"),
    ("list instead of mapping", "- a\n- b\n", "AF203", 1, "- a", "not a list"),
    ("select without extends", None, "AF201", 4, "select", "only allowed in a tool that extends another"),
    ("merge keys", "      - <<: {id: a}\n        type: text\n", "AF108", 15, "<<", "merge keys"),
    ("python tag", "      - !!python/object:os.system {id: a}\n", "AF108", 15, "!!python", "tag"),
]

WHOLE = {
    "undeclared tag": (
        "id: t\ntitle: T\nversion: 1.0.0\ntags: {quality: Quality}\nsections:\n"
        "  - {id: s, title: S, items: [{id: a, type: text, label: A, tags: [qualty]}]}\n"
    ),
    "version not semantic": "id: t\ntitle: T\nversion: one point oh\nsections: []\n",
    "version as number": "id: t\ntitle: T\nversion: 1.0\nsections: []\n",
    "empty file": "\n\n",
    "list instead of mapping": "- a\n- b\n",
    "select without extends": "id: t\ntitle: T\nversion: 1.0.0\nselect: [a]\nsections: []\n",
}


def _document(name: str, tail: str | None) -> str:
    if name in WHOLE:
        return WHOLE[name]
    return HEAD + (tail or "")


@pytest.mark.parametrize(("name", "tail", "code", "line", "token", "fragment"), CASES, ids=[c[0] for c in CASES])
def test_bad_definition(name: str, tail: str | None, code: str, line: int, token: str | None, fragment: str) -> None:
    """``token`` is the text the error must point at on ``line`` (its first occurrence)."""
    document = _document(name, tail)
    col = document.split("\n")[line - 1].index(token) + 1 if token else 0
    result = load_text(document, "bad.yaml")
    assert result.definition is None
    found = [(d.code, d.line, d.col, d.message) for d in result.diagnostics]
    matching = [f for f in found if f[0] == code and fragment in f[3]]
    assert matching, f"no {code} with {fragment!r} in {found}"
    assert (matching[0][1], matching[0][2]) == (line, col), found


def test_every_error_reported_not_just_the_first() -> None:
    text = HEAD + textwrap.dedent("""\
          - {id: a, type: text, labl: A}
          - {id: b, type: txt, label: B}
          - {id: c, type: text}
    """).replace("\n", "\n      ").rstrip() + "\n"
    text = HEAD + "      - {id: a, type: text, labl: A}\n      - {id: b, type: txt, label: B}\n      - {id: c, type: text}\n"
    codes = sorted(d.code for d in load_text(text, "bad.yaml").diagnostics)
    assert codes.count("AF201") >= 1 and "AF204" in codes and "AF202" in codes


def test_unquoted_yes_and_no_stay_text() -> None:
    """YAML 1.1 reads yes/no/on/off as booleans; auditforms reads them as the words they are."""
    text = HEAD + "      - {id: a, type: text, label: A, when: {field: f, is: yes}}\n"
    result = load_text(text, "ok.yaml")
    assert result.ok, result.diagnostics


def _schema_cases() -> list[tuple[str, str | None]]:
    """The cases whose text parses as YAML, so that the schema validators see it."""
    from auditforms.language.loader import parse_definition_file

    out = []
    for name, tail, *_ in CASES:
        tree, problems = parse_definition_file(_document(name, tail).encode(), "bad.yaml")
        if tree is not None and not problems:
            out.append((name, tail))
    return out


@pytest.mark.parametrize(("name", "tail"), _schema_cases(), ids=[c[0] for c in _schema_cases()])
def test_fast_and_full_schema_validators_agree(name: str, tail: str | None) -> None:
    """jsonschema-rs decides "valid?" on the happy path; it must agree with jsonschema."""
    from jsonschema import Draft202012Validator

    from auditforms.language.loader import parse_definition_file
    from auditforms.language.schema import _fast_validator, definition_schema

    tree, _ = parse_definition_file(_document(name, tail).encode(), "bad.yaml")
    fast = _fast_validator()
    assert fast is not None
    assert fast.is_valid(tree) == Draft202012Validator(definition_schema()).is_valid(tree)
