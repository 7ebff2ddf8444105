"""Every fuzz test runs under an alarm: a reader that hangs fails the test instead of the run."""

from __future__ import annotations

import signal
from collections.abc import Iterator

import pytest

#: Far above what any of these tests needs on a loaded 2-core machine; only a hang reaches it.
HANG_SECONDS = 120


@pytest.fixture(autouse=True)
def no_hang() -> Iterator[None]:
    def fail(signum: int, frame: object) -> None:
        raise TimeoutError(f"a reader ran for more than {HANG_SECONDS} s: a hang")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(HANG_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
