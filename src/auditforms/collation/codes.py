"""The monthly report's diagnostics catalogue (AF99x): stable codes, never renumbered or reused.

Files that cannot be read keep the shared reading codes (AF101-AF108).
"""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    "AF990": "a file given to the report is not a completed audit of this tool, so it is left out",
    "AF991": ("a file repeats an audit counted from another file (a copy, or an earlier stage of it), "
              "so the audit is counted once"),
}
