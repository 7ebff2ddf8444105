"""Write the table of every diagnostic code into ``docs/diagnostics.md`` (a test checks it)."""

from __future__ import annotations

import sys

from auditforms import docgen
from auditforms.diagnostics import codes_markdown

BEGIN = "<!-- BEGIN GENERATED CODES: python -m auditforms.diagnostics_doc --write -->"
END = "<!-- END GENERATED CODES -->"


def splice(document: str) -> str:
    return docgen.splice(document, BEGIN, END, codes_markdown())


if __name__ == "__main__":
    raise SystemExit(docgen.main("diagnostics.md", splice, sys.argv[1:]))
