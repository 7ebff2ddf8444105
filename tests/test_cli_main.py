"""The command line's own entry point: what it refuses before any command runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditforms.cli import main


def test_an_argument_of_bytes_that_are_not_utf8_is_one_line_and_exit_2(tmp_path: Path, capsys) -> None:
    """A name made on another system (b'bad\\xff') reaches Python as a lone surrogate; init
    --name and render --sample crashed on it (UnicodeEncodeError)."""
    with pytest.raises(SystemExit) as stopped:
        main(["init", str(tmp_path / "n1"), "--name", "bad\udcff"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("error: an argument holds bytes that are not UTF-8 text") and err.count("\n") == 1
    assert "\udcff" not in err and not (tmp_path / "n1").exists()
