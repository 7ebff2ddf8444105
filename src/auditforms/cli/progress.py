"""Progress for long batches, on a terminal only: how many done and about how long is left.

One line on standard error, rewritten in place and cleared when the batch ends, so the
command's own output is unchanged. When standard error is not a terminal (a pipe, a log
file, a scheduled job) nothing at all is written: a log never fills with progress lines.
The line holds counts and times only, never a file name or a child's details.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

MIN_INTERVAL = 0.1


def describe_seconds(seconds: float) -> str:
    """``"about 40 s left"``, ``"about 3 min left"``; rounded, because it is an estimate."""
    if seconds < 60:
        return f"about {max(1, round(seconds))} s left"
    return f"about {round(seconds / 60)} min left"


class Progress:
    """Counts work done; draws ``label: 12 of 300, about 40 s left`` at most ten times a second."""

    def __init__(self, total: int, label: str, stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.total, self.label, self.done = total, label, 0
        self.stream = sys.stderr if stream is None else stream
        self.clock = clock
        self.enabled = total > 0 and _is_terminal(self.stream)
        self.started = clock()
        self.drawn_at = float("-inf")
        self.width = 0

    def advance(self, count: int = 1) -> None:
        self.done += count
        now = self.clock()
        if self.enabled and (now - self.drawn_at >= MIN_INTERVAL or self.done >= self.total):
            self.drawn_at = now
            self._draw(self.line(now))

    def line(self, now: float) -> str:
        text = f"{self.label}: {self.done} of {self.total}"
        if 0 < self.done < self.total:
            rate = (now - self.started) / self.done
            text += ", " + describe_seconds(rate * (self.total - self.done))
        return text

    def close(self) -> None:
        self.clear()

    def clear(self) -> None:
        """Take the line away (before the command prints a line of its own); the next
        :meth:`advance` draws it again."""
        if self.enabled and self.width:
            self._draw("")
            self.stream.write("\r")
            self.stream.flush()
            self.width = 0
            self.drawn_at = float("-inf")

    def _draw(self, text: str) -> None:
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()
        self.width = len(text)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextmanager
def progress(total: int, label: str, stream: TextIO | None = None) -> Iterator[Progress]:
    """A :class:`Progress` for the ``with`` block, its line cleared at the end."""
    bar = Progress(total, label, stream)
    try:
        yield bar
    finally:
        bar.close()
