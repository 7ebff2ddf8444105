"""The batch with the real HTML and Word renderers, where they are installed.

The other sampling tests use fake renderers that show exactly what they receive; these
check that the real forms carry each child's pre-filled case details.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sampling_support import write_csv
from tests.conftest import KITCHEN_SINK

SAMPLE = "Child ID,Team,Age band,Auditor\nC90001,Early Help,11-15,Ann\nC90002,Care Leavers,16-21,Bob\n"


@pytest.mark.parametrize("name", ["html", "docx"])
def test_real_forms_are_prefilled_per_child(run_cli, tmp_path, name):
    sample = write_csv(tmp_path / "s.csv", SAMPLE)
    result = run_cli("render", KITCHEN_SINK, "--sample", sample, "-f", name, "-o", tmp_path / "b")
    assert result.exit_code == 0, result.output
    manifest = json.loads((tmp_path / "b" / "manifest.json").read_text())
    forms = [f for f in manifest["files"] if f["kind"] == "form"]
    assert [f["child_id"] for f in forms] == ["C90001", "C90002"]
    for form in forms:
        data = (tmp_path / "b" / form["path"]).read_bytes()
        if name == "docx":
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = archive.read("word/document.xml")
        text = data.decode("utf-8")
        assert form["child_id"] in text
        other = "C90002" if form["child_id"] == "C90001" else "C90001"
        assert other not in text


def test_a_returned_word_form_is_extracted_and_matched(run_cli, tmp_path):
    sample = write_csv(tmp_path / "s.csv", SAMPLE)
    batch = tmp_path / "b"
    assert run_cli("render", KITCHEN_SINK, "--sample", sample, "-f", "docx", "-o", batch).exit_code == 0
    (batch / "returned").mkdir()
    (batch / "returned" / "from-auditor.docx").write_bytes((batch / "C90002.docx").read_bytes())
    (batch / "returned" / "corrupt.docx").write_bytes(b"PK\x03\x04 not a zip")
    result = run_cli("status", KITCHEN_SINK, batch, "--format", "json")
    children = {c["child_id"]: c for c in json.loads(result.stdout)["children"]}
    assert children["C90002"]["file"] == "returned/from-auditor.docx"
    assert children["C90002"]["state"] in ("fails", "draft")  # a blank form is not a complete audit
    assert children["C90001"]["file"] is None  # the generated blank form is not a return
    assert json.loads(result.stdout)["unmatched"][0]["file"] == "returned/corrupt.docx"
    assert result.exit_code == 1
