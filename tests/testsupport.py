"""Helpers shared by test modules in every folder (imported as ``testsupport``)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest


def require_binary(name: str, *candidates: str) -> str:
    """The path of an external program, or skip the test (fail under CI) when it is absent."""
    for candidate in (name, *candidates):
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found:
            return found
    message = f"{name} is not installed; the test needs the real program"
    if os.environ.get("CI"):
        pytest.fail(f"{message} (CI is set, so it must be present)")
    pytest.skip(message)
