"""CSV writing, paths and a batch manifest shared by the sampling tests."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def write_csv(path: Path, text: str, *, bom: bool = False, encoding: str = "utf-8") -> Path:
    """Write ``text`` as a CSV file the way a spreadsheet would (CRLF line ends)."""
    data = text.replace("\n", "\r\n").encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


#: A batch's manifest of two children (one with characters to escape), for the index page's tests.
INDEX_MANIFEST = {
    "definition": {"id": "kitchen-sink", "version": "1.2.0"},
    "seed": 20261102,
    "reference_date": "2026-11-02",
    "children": [
        {"audit_id": "2026-11-C10001", "child_id": "C10001", "initials": "AB", "team": "Early Help",
         "age_band": "6-10", "auditor": "Jo Lyle", "auditor_email": "jo.lyle@example.org",
         "due_date": "2026-11-16", "forms": {"html": "2026-11-C10001.html", "docx": "2026-11-C10001.docx"}},
        {"audit_id": "2026-11-C10002", "child_id": "C10002", "initials": "C&D", "team": "Children in Care",
         "age_band": "", "auditor": "Sam <Okafor>", "auditor_email": "",
         "due_date": "2026-11-16", "forms": {"html": "2026-11-C10002 #1.html"}},
    ],
}


def fake_batch(run_cli, tmp_path: Path, sample: str) -> Path:
    """The kitchen-sink tool's forms for the children of ``sample`` (CSV text), rendered by the
    fake renderer into ``tmp_path / "batch"`` (needs the ``fake_renderers`` fixture)."""
    from tests.conftest import KITCHEN_SINK

    out = tmp_path / "batch"
    assert run_cli("render", KITCHEN_SINK, "--sample", write_csv(tmp_path / "sample.csv", sample),
                   "-f", "fakeform", "-o", out).exit_code == 0
    return out
