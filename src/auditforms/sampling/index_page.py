"""The batch's ``index.html``: who is audited, by whom, by when, and the forms to send.

A plain offline page (no script, no web fonts, no external links) that a lead auditor
opens from the folder. Every value is escaped; links are percent-encoded relative paths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

_STYLE = """
body{font-family:Arial,Helvetica,sans-serif;margin:2rem;color:#1b1b1b;line-height:1.4}
table{border-collapse:collapse;margin:1rem 0}
th,td{border:1px solid #8a8a8a;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#eef0f2}caption{text-align:left;font-weight:bold;padding:.3rem 0}
a{color:#0b4f9c}.meta{margin:0}.meta dt{font-weight:bold;float:left;clear:left;width:12rem}
.meta dd{margin:0 0 .2rem 12rem}
"""


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def index_html(manifest: Mapping[str, Any], title: str, auditors: Mapping[str, str]) -> bytes:
    """``auditors`` maps each auditor's name to their area of service (from the sample)."""
    children = manifest["children"]
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        f"<title>Dip sample: {e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>Dip sample: {e(title)}</h1>",
        _meta(manifest, len(children)),
        _children_table(children),
        _auditors_table(children, auditors),
        "<p>Forms that come back (HTML saves as <code>.json</code>, filled Word files) can be "
        "saved in this folder; <code>auditforms status</code> reports on them. Re-rendering "
        "never replaces them.</p>",
        "</body></html>\n",
    ]
    return "\n".join(parts).encode("utf-8")


def _meta(manifest: Mapping[str, Any], count: int) -> str:
    definition = manifest["definition"]
    items = [("Audit tool", f"{definition['id']} version {definition['version']}"),
             ("Children", count), ("Reference date", manifest.get("reference_date") or "not recorded"),
             ("Seed", manifest.get("seed") if manifest.get("seed") is not None else "not recorded")]
    rows = "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in items)
    return f"<dl class=\"meta\">{rows}</dl>"


def _children_table(children: Sequence[Mapping[str, Any]]) -> str:
    head = ("<table><caption>Children in the sample</caption><thead><tr><th scope=\"col\">"
            "Audit ID</th><th scope=\"col\">Child ID</th><th scope=\"col\">Initials</th>"
            "<th scope=\"col\">Team</th><th scope=\"col\">Age band</th><th scope=\"col\">"
            "Auditor</th><th scope=\"col\">Due date</th><th scope=\"col\">Forms</th></tr>"
            "</thead><tbody>")
    rows = []
    for child in children:
        links = " ".join(f"<a href=\"{e(quote(path))}\">{e(fmt)}</a>"
                         for fmt, path in sorted(child["forms"].items()))
        cells = [child["audit_id"], child["child_id"], child["initials"], child["team"],
                 child["age_band"], child["auditor"], child["due_date"]]
        rows.append("<tr>" + "".join(f"<td>{e(c)}</td>" for c in cells) + f"<td>{links}</td></tr>")
    return head + "\n" + "\n".join(rows) + "\n</tbody></table>"


def _auditors_table(children: Sequence[Mapping[str, Any]], areas: Mapping[str, str]) -> str:
    loads = Counter(c["auditor"] for c in children if c["auditor"])
    emails = {c["auditor"]: c.get("auditor_email") or "" for c in children}
    head = ("<table><caption>Auditors</caption><thead><tr><th scope=\"col\">Auditor</th>"
            "<th scope=\"col\">Area of service</th><th scope=\"col\">Email</th>"
            "<th scope=\"col\">Children</th></tr></thead><tbody>")
    rows = [f"<tr><td>{e(name)}</td><td>{e(areas.get(name))}</td><td>{e(emails[name])}</td>"
            f"<td>{count}</td></tr>" for name, count in sorted(loads.items())]
    return head + "\n" + "\n".join(rows) + "\n</tbody></table>"
