"""Errors a lead auditor who is not a programmer can act on: each names what is wrong and a fix
that works, at the line of the mistake."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from auditforms.language.loader import load_text
from auditforms.language.schema import definition_schema

ROOT = Path(__file__).resolve().parents[2]
HEAD = "id: t\ntitle: T\nversion: 1.0.0\nsections:\n  - id: s\n    title: S\n    items:\n"


def _messages(text: str) -> list[tuple[str, int, str]]:
    return [(d.code, d.line, d.message) for d in load_text(text, "bad.yaml").diagnostics]


def test_unquoted_label_ending_in_a_colon_is_told_to_quote_it() -> None:
    found = _messages(HEAD + "      - id: dob\n        type: date\n        label: Date of birth:\n")
    assert found == [("AF105", 10, "malformed YAML: the text after 'label:' holds a ':', which YAML reads as a "
                      "new key; put the text in quotes: label: \"Date of birth:\"")]


def test_a_tab_is_named_as_a_tab() -> None:
    [(code, line, message)] = _messages(HEAD + "\t- {id: a, type: text, label: A}\n")
    assert (code, line) == ("AF105", 8) and "this line holds a tab" in message and "spaces" in message


def test_version_as_a_whole_number_gets_advice_that_works() -> None:
    [(code, _, message)] = _messages("id: t\ntitle: T\nversion: 7\nsections: []\n")
    assert code == "AF203" and message.endswith("write 7.0.0")
    assert load_text("id: t\ntitle: T\nversion: 7.0.0\nsections: []\n").ok  # the advice works


@pytest.mark.parametrize(("text", "key"), [
    ("id: t\ntitle: ''\nversion: 1.0.0\nsections: []\n", "'title'"),
    (HEAD + "      - {id: a, type: text, label: ''}\n", "'label'"),
    (HEAD + "      - {id: a, type: question, considerations: [{items: ['']}]}\n", "item 1 of 'items'"),
])
def test_every_must_not_be_empty_names_its_key(text: str, key: str) -> None:
    messages = [m for _, _, m in _messages(text) if "must not be empty" in m]
    assert messages == [f"{key} must not be empty"]


def test_undeclared_tag_is_an_error_when_the_tool_declares_none() -> None:
    [(code, line, message)] = _messages(HEAD + "      - {id: a, type: text, label: A, tags: [quality]}\n")
    assert (code, line) == ("AF312", 8) and "declare it: tags: {quality:" in message


def test_undeclared_tag_on_a_consideration_is_an_error() -> None:
    text = ("id: t\ntitle: T\nversion: 1.0.0\ntags: {quality: Quality}\nsections:\n  - id: s\n    title: S\n"
            "    items:\n      - {id: q, type: question, considerations: [{text: Think, tags: [qualty]}]}\n")
    [(code, line, message)] = _messages(text)
    assert (code, line) == ("AF312", 9) and "did you mean 'quality'" in message


def test_undeclared_tag_in_a_rule_selector_is_an_error() -> None:
    text = ("id: t\ntitle: T\nversion: 1.0.0\n"
            "scales: [{id: g, best: highest, options: [{id: a, label: A, value: 1}]}]\n"
            "sections:\n  - id: s\n    title: S\n    items:\n"
            "      - {id: q, type: question, title: Q, judgement: {scale: g}}\n"
            "      - {id: r, type: question, title: R, judgement: {scale: g}}\n"
            "rules:\n  - id: x\n    message: m\n"
            "    assert: {not: {field: r.judgement, better_than_all: {judgements: questions, tagged: core}}}\n")
    assert [c for c, _, _ in _messages(text)] == ["AF312"]


def test_plain_scalar_only_libyaml_reads_is_warned_about() -> None:
    result = load_text(HEAD + "      - {id: a, type: text, label: Is it safe?, required: true}\n")
    assert result.ok
    [warning] = result.diagnostics
    assert (warning.code, warning.line, warning.severity.value) == ("AF111", 8, "warning")
    assert "put the text in quotes" in warning.message


def _shipped() -> list[Path]:
    return sorted([*ROOT.glob("definitions/*.yaml"), *ROOT.glob("definitions/*/*.yaml")])


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.name)
def test_every_shipped_definition_parses_with_pure_python_pyyaml(path: Path) -> None:
    """Without libyaml (yaml.Loader is pure Python) the shipped tools load too."""
    yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.Loader)


@pytest.mark.parametrize("path", _shipped(), ids=lambda p: p.name)
def test_no_shipped_definition_warns(path: Path) -> None:
    from auditforms.language.validate_file import validate_file

    ok, diagnostics = validate_file(path)
    assert ok and not diagnostics, [d.format() for d in diagnostics]


def _descriptions(node: Any, where: str = "", names: bool = False) -> list[tuple[str, Any]]:
    """Every ``description`` of a schema, and every key holding null (a cut-off sentence);
    ``names``: ``node`` maps property names to schemas (a property may be called description)."""
    out: list[tuple[str, Any]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if names:
                out += _descriptions(value, f"{where}/{key}")
                continue
            if key == "description":
                out.append((where, value))
            elif value is None and key not in ("default", "const"):
                out.append((f"{where}/{key}", value))
            out += _descriptions(value, f"{where}/{key}", key in ("properties", "$defs", "patternProperties"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _descriptions(value, f"{where}/{i}")
    return out


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "schemas").glob("*.schema.json")))
def test_every_schema_description_is_one_whole_string(name: str) -> None:
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    bad = [(where, value) for where, value in _descriptions(schema)
           if not isinstance(value, str) or not value.strip() or value.count("(") != value.count(")")]
    assert not bad


def test_the_definition_schema_as_loaded_has_whole_descriptions() -> None:
    assert not [w for w, v in _descriptions(definition_schema()) if not isinstance(v, str)]
