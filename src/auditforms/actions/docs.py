"""Write the generated parts of ``docs/actions.md``: the tracker columns and the codes (tested).

Run ``python -m auditforms.actions.docs --write`` after changing a column or a code.
"""

from __future__ import annotations

import sys

from auditforms import docgen
from auditforms.actions.codes import CATALOGUE
from auditforms.actions.columns import COLUMNS

COLUMNS_BEGIN = "<!-- BEGIN GENERATED COLUMNS: python -m auditforms.actions.docs --write -->"
COLUMNS_END = "<!-- END GENERATED COLUMNS -->"
CODES_BEGIN = "<!-- BEGIN GENERATED ACTION CODES: python -m auditforms.actions.docs --write -->"
CODES_END = "<!-- END GENERATED ACTION CODES -->"


def columns_markdown() -> str:
    rows = ["| key (csv, json) | heading (xlsx) | in | what it holds |", "|---|---|---|---|"]
    for c in COLUMNS:
        where = "xlsx only" if c.tracker_only else "all"
        notes = c.meaning + ("; managers fill it in" if c.editable else "") + ("; hidden" if c.hidden else "")
        rows.append(f"| `{c.key}` | {c.heading} | {where} | {notes.replace('|', chr(92) + '|')} |")
    return "\n".join(rows) + "\n"


def codes_markdown() -> str:
    rows = ["| code | meaning |", "|---|---|"]
    rows += [f"| `{code}` | {summary} |" for code, summary in CATALOGUE.items()]
    return "\n".join(rows) + "\n"


def splice(document: str) -> str:
    document = docgen.splice(document, COLUMNS_BEGIN, COLUMNS_END, columns_markdown())
    return docgen.splice(document, CODES_BEGIN, CODES_END, codes_markdown())


if __name__ == "__main__":
    raise SystemExit(docgen.main("actions.md", splice, sys.argv[1:]))
