"""Bad files in a batch: each reported in one line, and the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.results.conftest import VALID_JSON

from auditforms.results.check import check, iter_check_files
from auditforms.results.reading import iter_audit_paths, parse_audit_bytes


def _messages(definition, path: Path) -> list[str]:
    (result,) = list(iter_check_files(definition, [path]))
    return [d.format() for d in result.diagnostics]


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("broken.json", b'{"format": "auditforms/completed-audit",\n  "answers": {,}}',
     "broken.json:2:15: error[AF105] malformed JSON: Expecting property name enclosed in double quotes"),
    ("broken.yaml", b"format: [unclosed\nanswers: {}\n",
     "broken.yaml:1:9: error[AF105] malformed YAML: this [ is never closed: end it with ] on the same line, or, if "
     "it starts a text, put the text in quotes"),
    ("empty.json", b"  \n", "empty.json: error[AF104] the file is empty"),
    ("binary.json", b"\x89PNG\r\n\x1a\n\x00\x00",
     "binary.json: error[AF103] this is a binary file, not YAML or JSON text"),
    ("latin1.json", '{"answers": {"team": "Équipe"}}'.encode("latin-1"),
     "latin1.json:1:23: error[AF103] the file is not UTF-8 text; save it as UTF-8 "
     "(in Notepad: Save As, Encoding UTF-8)"),
    ("nan.json", b'{"answers": {"child-age": NaN}}', "nan.json:1:27: error[AF108] NaN is not a JSON number"),
    ("deep.json", b'{"answers": {"team": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
     "deep.json: error[AF107] the document nests too deeply"),
    ("list.json", b"[1, 2]",
     "list.json:1:1: error[AF601] this is a list, not a completed audit "
     "(an object with format: auditforms/completed-audit)"),
])
def test_bad_file_gives_one_line(kitchen_sink, tmp_path, name, content, expected):
    path = tmp_path / name
    path.write_bytes(content)
    (message,) = _messages(kitchen_sink, path)
    assert message == str(tmp_path / expected.split(":", 1)[0]) + ":" + expected.split(":", 1)[1]


def test_huge_file_is_refused_without_reading_it_all(kitchen_sink, tmp_path):
    path = tmp_path / "huge.json"
    path.write_bytes(b'{"answers": {"team": "' + b"x" * (3 * 1024 * 1024) + b'"}}')
    (message,) = _messages(kitchen_sink, path)
    assert message == f"{path}: error[AF102] the file is larger than the 2.0 MiB limit"


def test_unreadable_file_is_reported(kitchen_sink, tmp_path):
    folder_named_like_a_file = tmp_path / "audit.json"
    folder_named_like_a_file.mkdir()
    result = check(kitchen_sink, [folder_named_like_a_file / "missing.json"])
    (d,) = result.diagnostics
    assert d.code == "AF101"
    assert d.format().startswith(f"{folder_named_like_a_file / 'missing.json'}: error[AF101] cannot read the file:")


def test_batch_goes_on_after_bad_files(kitchen_sink, tmp_path):
    (tmp_path / "a-broken.json").write_text("{", encoding="utf-8")
    (tmp_path / "b-good.json").write_bytes(VALID_JSON.read_bytes())
    (tmp_path / "c-empty.yaml").write_text("", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an audit", encoding="utf-8")
    report = check(kitchen_sink, tmp_path, period="2026-11")
    assert [(Path(r.file).name, r.passed) for r in report.results] == [
        ("a-broken.json", False), ("b-good.json", True), ("c-empty.yaml", False)]
    assert report.summary() == {"audits": 3, "passed": 1, "failed": 2, "not_checked": 2,
                                "with_warnings": 0, "errors": 2, "warnings": 0, "left_out": 0}


def test_json_findings_are_located_by_line(kitchen_sink, tmp_path):
    document = json.loads(VALID_JSON.read_text(encoding="utf-8"))
    document["answers"]["q1"]["impact"] = ""
    path = tmp_path / "child.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    (message,) = _messages(kitchen_sink, path)
    lines = path.read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if '"impact": ""' in text and i > 20)
    assert message.startswith(f"{path}:{line}:")


def test_yaml_findings_are_located_by_line(kitchen_sink, tmp_path):
    path = tmp_path / "child.yaml"
    path.write_text(
        "format: auditforms/completed-audit\nformat_version: 1\n"
        "definition: {id: kitchen-sink, version: 1.2.0}\nstatus: draft\nanswers:\n"
        "  child-age: old\n", encoding="utf-8")
    report = check(kitchen_sink, path)
    ages = [d for d in report.diagnostics if d.pointer == "/answers/child-age"]
    assert [(d.line, d.col, d.message) for d in ages] == [(6, 14, "Age must be a number")]


def test_files_named_twice_are_checked_once(tmp_path):
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    assert list(iter_audit_paths([tmp_path / "a.json", tmp_path])) == [tmp_path / "a.json"]


def test_json_is_recognised_by_content_whatever_the_name():
    document, problems = parse_audit_bytes(b'  {"format": 1}', "audit.txt")
    assert (document, problems) == ({"format": 1}, [])


@pytest.mark.parametrize(("pointer", "starts"), [
    ("", "{\n"), ("/answers", "{\n"), ("/answers/q1/impact", '""'),
    ("/answers/actions/1/person", '""}]'), ("/answers/actions/0/n/1", "2]"),
    ("/answers/actions/5/person", '[{"person"'), ("/answers/missing", "{\n"),
    ("/answers/q1/q/1/a", '"}"'),
])
def test_json_positions_follow_the_pointer_through_the_text(pointer, starts):
    from auditforms.results.locating import json_position

    text = ('{\n  "format": "auditforms/completed-audit",\n  "answers": {\n    "child-id": "C1",\n'
            '    "q1": {"judgement": "x", "impact": "", "q": [1, {"a": "}"}]},\n'
            '    "actions": [{"person": "A", "n": [1, 2]},\n       {"action": "a, b", "person": ""}]\n  }\n}\n')
    position = json_position(text, pointer)
    assert position is not None
    _, line, col = position
    assert text.splitlines(keepends=True)[line - 1][col - 1:].startswith(starts)


def test_an_answer_nested_hundreds_deep_is_reported_not_a_crash(kitchen_sink, tmp_path):
    path = tmp_path / "deep.json"
    document = json.loads(VALID_JSON.read_text(encoding="utf-8"))
    document["answers"]["child-id"] = "PLACEHOLDER"
    text = json.dumps(document).replace('"PLACEHOLDER"', "[" * 990 + "]" * 990)
    path.write_text(text, encoding="utf-8")
    (result,) = list(iter_check_files(kitchen_sink, [path]))
    assert not result.passed
    assert {d.code for d in result.diagnostics} <= {"AF107", "AF612"}
