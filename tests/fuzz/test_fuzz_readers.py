"""Property-based fuzzing of every reader: whatever the bytes, no exception escapes, every
problem is a Diagnostic with a known code and the file it is about, and nothing hangs.

Inputs are random bytes, random JSON-like data written as JSON or YAML, and mutations of
good files (bytes flipped, cut, inserted; zip members of a real Word form damaged). Each
reader gets a few seconds; the fuzz conftest fails any test that would hang.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.conftest import KITCHEN_SINK

from auditforms.api import load_definition
from auditforms.diagnostics import Diagnostic, all_codes

DEFINITION = load_definition(KITCHEN_SINK)
CODES = set(all_codes())
FUZZ = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
GOOD_DEFINITION = Path(KITCHEN_SINK).read_bytes()
GOOD_AUDIT = (Path(KITCHEN_SINK).parents[1] / "audits" / "kitchen-sink" / "child-0412.json").read_bytes()
HOSTILE_TEXT = st.sampled_from(["\ud800", "\x00", "\x1b]0;x\x07", "~", "null", "9" * 5000, "1e999",
                                ".inf", ".nan", "&a [*a, *a]", "!!python/object:os.system", "\ufeff",
                                "kitchen-sink\n", "=cmd|' /C calc'!A0", "\r", '"', ",", ";", "\t"])
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20),
                    HOSTILE_TEXT)
JSON_LIKE = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.one_of(st.text(max_size=8), HOSTILE_TEXT), inner,
                                                 max_size=4)), max_leaves=20)


@st.composite
def mutations(draw: Any, good: bytes) -> bytes:
    """``good`` with a few bytes flipped, a piece cut out, or hostile text inserted."""
    out = bytearray(good)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(out) - 1, 0)))
        kind = draw(st.sampled_from(["flip", "cut", "insert"]))
        if kind == "flip" and out:
            out[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del out[at:at + draw(st.integers(1, 200))]
        else:
            out[at:at] = draw(HOSTILE_TEXT).encode("utf-8", "surrogatepass")
    return bytes(out)


def documents_as_bytes() -> st.SearchStrategy[bytes]:
    def encode(value: Any, as_json: bool) -> bytes:
        if as_json:
            return json.dumps(value, allow_nan=True).encode("utf-8", "surrogatepass")
        return yaml.safe_dump(value, allow_unicode=True).encode("utf-8", "surrogatepass")
    return st.builds(encode, JSON_LIKE, st.booleans())


ANY_BYTES = st.one_of(st.binary(max_size=300), documents_as_bytes())


def assert_diagnostics(diagnostics: Any, file: str | None = None) -> None:
    for d in diagnostics:
        assert isinstance(d, Diagnostic), d
        assert d.code in CODES, d
        assert d.file, d
        assert "\x1b" not in d.format() and "\n" not in d.format()
        d.format().encode("utf-8")  # never a lone surrogate on the way out
        if file is not None:
            assert d.file.startswith(file) or d.file == file


@FUZZ
@given(st.one_of(ANY_BYTES, mutations(GOOD_DEFINITION)))
def test_definitions(data):
    from auditforms.language.loader import load_bytes

    result = load_bytes(data, "fuzz.yaml")
    assert_diagnostics(result.diagnostics)
    assert result.definition is not None or result.diagnostics


@FUZZ
@given(st.one_of(ANY_BYTES, mutations(GOOD_AUDIT)), st.sampled_from(["a.json", "a.yaml"]))
def test_audits(data, name):
    from auditforms.results.check import check_document
    from auditforms.results.reading import parse_audit_bytes

    document, problems = parse_audit_bytes(data, name)
    assert_diagnostics(problems)
    if not problems:
        found = check_document(DEFINITION, document, file=name)
        assert_diagnostics(found)
        assert not any(d.code == "AF690" for d in found)


@FUZZ
@given(st.one_of(ANY_BYTES, mutations(b"child-id: C0412\nteam: Early Help\n")))
def test_pre_fill_data(tmp_path_factory, data):
    from auditforms.results.prefill import load_prefill

    path = tmp_path_factory.mktemp("prefill") / "case.yaml"
    path.write_bytes(data)
    values, problems = load_prefill(DEFINITION, path)
    assert_diagnostics(problems)
    assert values is not None or problems


CSV_GOOD = {
    "cases": (Path(KITCHEN_SINK).parents[3] / "examples" / "case-list.csv").read_bytes()[:3000],
    "auditors": (Path(KITCHEN_SINK).parents[3] / "examples" / "auditors.csv").read_bytes(),
    "history": (Path(KITCHEN_SINK).parents[3] / "examples" / "audit-history.csv").read_bytes()[:2000],
}


def csv_bytes() -> st.SearchStrategy[bytes]:
    rows = st.lists(st.lists(st.one_of(st.text(max_size=12), HOSTILE_TEXT), min_size=1, max_size=6),
                    max_size=6)
    joined = st.builds(lambda rs, d: "\n".join(d.join(r) for r in rs).encode("utf-8", "surrogatepass"),
                       rows, st.sampled_from([",", ";", "\t"]))
    return st.one_of(st.binary(max_size=300), joined, *(mutations(g) for g in CSV_GOOD.values()))


@FUZZ
@given(csv_bytes())
def test_case_list_auditors_and_history_csvs(data):
    from auditforms.sampling.records import (
        AUDITOR_COLUMNS,
        CASE_COLUMNS,
        HISTORY_COLUMNS,
        read_auditors,
        read_children,
        read_history,
    )
    from auditforms.sampling.tabular import read_table

    for columns, read in ((CASE_COLUMNS, read_children), (AUDITOR_COLUMNS, read_auditors),
                          (HISTORY_COLUMNS, read_history)):
        _, problems = read(read_table(data, "f.csv", columns))
        assert_diagnostics(problems)


@FUZZ
@given(csv_bytes())
def test_sample_files(data):
    from auditforms.sampling.sample_file import SAMPLE_COLUMNS, read_sample
    from auditforms.sampling.tabular import read_table

    _rows, problems = read_sample(read_table(data, "s.csv", SAMPLE_COLUMNS))
    assert_diagnostics(problems)


def _word_form() -> bytes:
    from auditforms.renderers import RenderOptions, get_renderer

    return get_renderer("docx").render(DEFINITION, RenderOptions())


WORD = _word_form()


def damaged_members() -> st.SearchStrategy[bytes]:
    """The real form's zip, rebuilt with one member mutated (or dropped, or added)."""
    names = zipfile.ZipFile(io.BytesIO(WORD)).namelist()

    def rebuild(name: str, new: bytes | None, extra: bool) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(WORD)) as source, zipfile.ZipFile(out, "w") as target:
            for member in names:
                data = source.read(member)
                if member == name:
                    if new is None:
                        continue
                    data = new
                target.writestr(member, data)
            if extra:
                target.writestr("word/extra.xml", b"<!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>")
        return out.getvalue()

    return st.builds(rebuild, st.sampled_from(names),
                     st.one_of(st.none(), st.binary(max_size=200),
                               st.builds(lambda b: b, mutations(b"<w:document><w:body/></w:document>"))),
                     st.booleans())


@FUZZ
@given(st.one_of(st.binary(max_size=300), mutations(WORD[:4000] + WORD[-2000:]), damaged_members()))
def test_word_files(data):
    from auditforms.extract import extract_docx

    document, problems = extract_docx(DEFINITION, data, "form.docx")
    assert_diagnostics(problems)
    assert document is not None or problems


@FUZZ
@given(st.one_of(ANY_BYTES, mutations(b'{"format": "auditforms/sample-batch", "files": []}')))
def test_manifests_and_returned_json(tmp_path_factory, data):
    from auditforms.cli.folder_swap import read_manifest
    from auditforms.cli.sample_inputs import read_json_file

    folder = tmp_path_factory.mktemp("batch")
    (folder / "manifest.json").write_bytes(data)
    manifest = read_manifest(folder)
    assert manifest is None or isinstance(manifest, dict)
    _value, problem = read_json_file(folder / "manifest.json")
    assert_diagnostics([problem] if problem else [])
