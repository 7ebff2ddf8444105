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


def test_click_s_own_errors_escape_what_was_typed(capsys) -> None:
    """A path or month typed with ESC ] 0 ; … BEL retitled the terminal through click's
    'Invalid value' message; it is escaped like every other line."""
    with pytest.raises(SystemExit) as stopped:
        main(["validate", "Z\x1b]0;T\x07.yaml"])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Z\\x1b]0;T\\x07.yaml" in err and "\x1b" not in err and "\x07" not in err
    with pytest.raises(SystemExit) as bare:
        main([])  # the help, as click shows it for no command: its lines stay lines
    assert bare.value.code == 2 and "\n\n  Declarative audit tools" in capsys.readouterr().err


def test_data_shown_on_a_terminal_is_escaped_and_kept_as_is_in_a_pipe(monkeypatch, capsys) -> None:
    """actions --format csv without -o wrote an action's ESC and BEL straight to the terminal."""
    import sys

    from auditforms.cli.common import echo_data

    row = "2026-11-0412:1,Visit\x1b]0;pwned\x07 the family\tsoon\n"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    echo_data(row)
    assert capsys.readouterr().out == "2026-11-0412:1,Visit\\x1b]0;pwned\\x07 the family\tsoon\n"
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False)
    echo_data(row)
    assert capsys.readouterr().out == row
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    echo_data("a,b\r\nc,d\r\n")  # a CSV's line ends are line ends on a terminal, not an escaped \r
    assert capsys.readouterr().out == "a,b\nc,d\n"


@pytest.mark.parametrize("args", [
    ("sample", "torbay-full-audit", "--date", "0001-01-01"),
    ("sample", "torbay-full-audit", "--date", "9999-12-31"),
    ("sample", "torbay-full-audit", "--lookback-months", "30000"),
    ("report", "torbay-full-audit", ".", "--period", "0000-01", "--format", "html", "-o", "r.html"),
    ("check", "torbay-full-audit", ".", "--period", "9999-12"),
], ids=["year-1", "year-9999", "lookback", "report-period", "check-period"])
def test_dates_beyond_the_calendar_are_usage_errors(run_cli, tmp_path: Path, monkeypatch, args) -> None:
    """They crashed (ValueError: year 0 is out of range, OverflowError) once a deadline or a
    look-back was worked out from them; a service folder with a month 9999-12 stayed broken."""
    monkeypatch.chdir(tmp_path)
    examples = Path(__file__).resolve().parents[1] / "examples"
    extra = ("--cases", examples / "case-list.csv", "--auditors", examples / "auditors.csv", "--no-history",
             "-o", "s.csv") if args[0] == "sample" else ()
    result = run_cli(*args, *extra)
    assert result.exit_code == 2, result.output
    assert "1900 to 2999" in result.stderr or "0<=x<=120" in result.stderr
