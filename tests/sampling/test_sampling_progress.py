"""Progress on a terminal only: count and time left, nothing at all otherwise."""

from __future__ import annotations

import io

from auditforms.cli.progress import Progress, describe_seconds


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_nothing_is_written_when_not_a_terminal() -> None:
    stream = io.StringIO()
    bar = Progress(10, "checking audits", stream)
    for _ in range(10):
        bar.advance()
    bar.close()
    assert stream.getvalue() == ""


def test_count_and_time_left_on_a_terminal_then_cleared() -> None:
    stream, clock = FakeTerminal(), Clock()
    bar = Progress(100, "rendering forms", stream, clock)
    clock.now = 10.0
    bar.advance(25)
    assert stream.getvalue() == "\rrendering forms: 25 of 100, about 30 s left"
    clock.now = 10.05
    bar.advance()  # too soon to redraw
    assert stream.getvalue().count("\r") == 1
    clock.now = 40.0
    bar.advance(74)
    bar.close()
    assert stream.getvalue().endswith("\r" + " " * len("rendering forms: 100 of 100") + "\r")


def test_time_left_is_rounded_to_what_a_reader_needs() -> None:
    assert describe_seconds(0.2) == "about 1 s left"
    assert describe_seconds(44.6) == "about 45 s left"
    assert describe_seconds(185) == "about 3 min left"
