"""docs/monthly-report.md stays true to the code: the Data sheet's columns and the pictures."""

from __future__ import annotations

import re
from pathlib import Path

from auditforms.collation.tidy import COLUMNS

DOCS = Path(__file__).resolve().parents[2] / "docs"
PAGE = (DOCS / "monthly-report.md").read_text(encoding="utf-8")


def test_the_columns_table_is_the_code_s() -> None:
    documented = re.findall(r"^\| `([a-z_]+)` \| (.+) \|$", PAGE.split("<!-- columns:")[1], re.M)
    assert documented[: len(COLUMNS)] == list(COLUMNS)


def test_every_picture_exists() -> None:
    pictures = re.findall(r"\]\((images/[^)]+)\)", PAGE)
    assert len(pictures) >= 4
    for picture in pictures:
        assert (DOCS / picture).is_file(), picture
