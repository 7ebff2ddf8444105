"""Hostile and mistaken input files: clear errors, never a hang, crash or traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests_helpers import KITCHEN_DIR, write

from auditforms.language.loader import load, load_text


def only_code(path: Path) -> tuple[str, int]:
    diagnostics = load(path).diagnostics
    assert len(diagnostics) == 1, diagnostics
    return diagnostics[0].code, diagnostics[0].line


def test_alias_bomb_is_refused() -> None:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{prev}"] * 9) + "]")
    diagnostics = load_text("\n".join(lines) + "\n", "bomb.yaml").diagnostics
    assert [d.code for d in diagnostics] == ["AF107"]
    assert "aliases" in diagnostics[0].message


def test_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * 200 + "]" * 200 + "\n"
    assert [d.code for d in load_text(text, "deep.yaml").diagnostics] == ["AF107"]


def test_huge_file_is_refused_without_reading_it_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * 300_000)
    code, _ = only_code(path)
    assert code == "AF102"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "tool.yaml"
    path.write_bytes(b"PK\x03\x04\x00\x00binary")
    assert only_code(path) == ("AF103", 0)


def test_non_utf8_file_points_at_the_bad_byte(tmp_path: Path) -> None:
    path = tmp_path / "tool.yaml"
    path.write_bytes("id: t\ntitle: Caf\xe9\n".encode("latin-1"))
    assert only_code(path) == ("AF103", 2)


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    text = (KITCHEN_DIR / "kitchen-sink.yaml").read_text(encoding="utf-8")
    path = tmp_path / "kitchen-sink.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    result = load(path, search_path=[KITCHEN_DIR])
    assert result.ok, result.diagnostics


@pytest.mark.parametrize("text", ["", "   \n\n", "# only a comment\n"])
def test_empty_file(tmp_path: Path, text: str) -> None:
    assert only_code(write(tmp_path / "t.yaml", text))[0] == "AF104"


def test_two_documents_in_one_file(tmp_path: Path) -> None:
    assert only_code(write(tmp_path / "t.yaml", "id: a\n---\nid: b\n")) == ("AF105", 3)


def test_unreadable_path(tmp_path: Path) -> None:
    assert only_code(tmp_path / "missing.yaml")[0] == "AF101"
    assert only_code(tmp_path)[0] == "AF109"  # a folder: not a regular file


def test_nested_duplicate_keys_all_reported(tmp_path: Path) -> None:
    path = write(tmp_path / "t.yaml", "id: t\nid: u\nmarking:\n  label: A\n  label: B\n")
    dups = [(d.code, d.line) for d in load(path).diagnostics if d.code == "AF106"]
    assert dups == [("AF106", 2), ("AF106", 5)]
