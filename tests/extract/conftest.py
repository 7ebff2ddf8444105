"""The extract tests build filled Word forms with the Word tests' helpers (tests/docx)."""

from __future__ import annotations

import sys
from pathlib import Path

WORD_HELPERS = str(Path(__file__).resolve().parents[1] / "docx")
if WORD_HELPERS not in sys.path:
    sys.path.insert(0, WORD_HELPERS)
