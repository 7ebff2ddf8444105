"""Write the table of every diagnostic code into ``docs/diagnostics.md`` (a test checks it)."""

from __future__ import annotations

import sys
from pathlib import Path

from auditforms.diagnostics import codes_markdown

BEGIN = "<!-- BEGIN GENERATED CODES: python -m auditforms.diagnostics_doc --write -->"
END = "<!-- END GENERATED CODES -->"


def splice(document: str) -> str:
    start, end = document.index(BEGIN), document.index(END)
    return document[: start + len(BEGIN)] + "\n" + codes_markdown() + document[end:]


def main(argv: list[str]) -> int:
    path = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"
    updated = splice(path.read_text(encoding="utf-8"))
    if "--write" in argv:
        path.write_text(updated, encoding="utf-8")
    else:
        sys.stdout.write(updated)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
