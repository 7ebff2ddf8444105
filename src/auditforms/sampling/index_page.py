"""The batch's ``index.html``: who is audited, by whom, by when, and the forms to send.

An offline page in the GOV.UK Design System's patterns (header, summary list, tables,
link and focus styles, a skip link), written out as plain HTML and a small inline style
sheet: no script, no web fonts, no external links, so it opens from the folder on any
machine. Dates read as people write them ("16 November 2026"). Every value is escaped;
links are percent-encoded relative paths.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any
from urllib.parse import quote

from auditforms.english import long_date_of

_STYLE = """
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:arial,sans-serif;font-size:1.1875rem;line-height:1.32;color:#0b0c0c;background:#fff}
.govuk-skip-link{position:absolute;left:-9999px;padding:.5rem 1rem;background:#fd0;color:#0b0c0c}
.govuk-skip-link:focus{left:0;top:0;outline:3px solid #fd0}
.govuk-header{background:#0b0c0c;color:#fff;border-bottom:10px solid #1d70b8;padding:.6rem 0}
.govuk-header__service{font-weight:700;font-size:1.5rem}
.govuk-width-container{max-width:960px;margin:0 15px}
@media (min-width:40.0625em){.govuk-width-container{margin:0 30px}}
@media (min-width:1020px){.govuk-width-container{margin:0 auto}}
.govuk-main-wrapper{padding:2.5rem 0}
.govuk-caption-l{display:block;color:#505a5f;font-size:1.5rem;margin-bottom:.3rem}
.govuk-heading-xl{font-size:2.5rem;line-height:1.1;margin:0 0 2rem;font-weight:700}
.govuk-heading-m{font-size:1.5rem;margin:2rem 0 1rem;font-weight:700}
.govuk-body{margin:0 0 1.25rem}
.govuk-summary-list{margin:0 0 2rem;display:table;width:100%;table-layout:fixed;border-collapse:collapse}
.govuk-summary-list__row{display:table-row;border-bottom:1px solid #b1b4b6}
.govuk-summary-list__key,.govuk-summary-list__value{display:table-cell;padding:.6rem 1.25rem .6rem 0;margin:0}
.govuk-summary-list__key{font-weight:700;width:30%}
.govuk-table-wrapper{position:relative;overflow-x:auto;margin-bottom:2rem}
.govuk-table-wrapper:focus{outline:3px solid #fd0;outline-offset:0}
.govuk-table{width:100%;border-collapse:collapse;border-spacing:0;font-size:1rem}
.govuk-table__caption{font-weight:700;font-size:1.5rem;text-align:left;margin-bottom:1rem}
.govuk-table__header,.govuk-table__cell{padding:.6rem 1.25rem .6rem 0;border-bottom:1px solid #b1b4b6;
text-align:left;vertical-align:top}
.govuk-table__header{font-weight:700}
.govuk-table__header:last-child,.govuk-table__cell:last-child{padding-right:0}
.govuk-table .govuk-link{white-space:nowrap;display:inline-block;padding:.25rem 0}
.govuk-table__cell--numeric{text-align:right;font-variant-numeric:tabular-nums}
.govuk-link{color:#1d70b8;text-decoration:underline;text-underline-offset:.1578em}
.govuk-link:visited{color:#4c2c92}
.govuk-link:hover{color:#003078;text-decoration-thickness:max(3px,.1875rem,.12em)}
.govuk-link:focus{outline:3px solid transparent;color:#0b0c0c;background-color:#fd0;
box-shadow:0 -2px #fd0,0 4px #0b0c0c;text-decoration:none}
.govuk-visually-hidden{position:absolute!important;width:1px!important;height:1px!important;margin:0!important;
padding:0!important;overflow:hidden!important;clip:rect(0 0 0 0)!important;white-space:nowrap!important;
border:0!important}
.govuk-inset-text{padding:1rem;margin:1.5rem 0;border-left:10px solid #b1b4b6}
.af-marking{background:#0b0c0c;color:#fff;padding:.5rem 1rem;text-align:center;font-weight:700;letter-spacing:.05em}
.af-marking--foot{margin-top:2rem}
"""
_FORM_NAMES = {"html": "HTML form", "docx": "Word form"}


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def index_html(manifest: Mapping[str, Any], title: str, auditors: Mapping[str, str],
               marking: str | None = None) -> bytes:
    """``auditors`` maps each auditor's name to their area of service (from the sample).
    ``marking`` (the tool's or the service's protective marking, one line) heads and ends the
    page, as on the forms it lists: it names children and who audits them."""
    children = manifest["children"]
    banner = (f"<div class=\"af-marking\" role=\"note\" aria-label=\"Protective marking\">{e(marking)}</div>"
              if marking else "")
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        f"<title>Dip sample – {e(title)}</title><style>{_STYLE}</style></head><body>",
        "<a href=\"#main-content\" class=\"govuk-skip-link\">Skip to main content</a>",
        banner,
        "<header class=\"govuk-header\"><div class=\"govuk-width-container\">"
        "<span class=\"govuk-header__service\">Dip sample</span></div></header>",
        "<div class=\"govuk-width-container\"><main class=\"govuk-main-wrapper\" "
        "id=\"main-content\">",
        f"<span class=\"govuk-caption-l\">Dip sample</span><h1 class=\"govuk-heading-xl\">"
        f"{e(title)}</h1>",
        _meta(manifest, len(children)),
        _children_table(children),
        _auditors_table(children, auditors),
        *(_companions_table(c) for c in manifest.get("companions") or ()),
        "<div class=\"govuk-inset-text\">Forms that come back (HTML saves as <code>.json</code>, "
        "filled Word files) can be saved in this folder; <code>auditforms month status</code> (in a "
        "service folder) or <code>auditforms status</code> reports on them. Re-rendering never replaces "
        "them.</div>",
        "</main></div>",
        banner.replace("class=\"af-marking\"", "class=\"af-marking af-marking--foot\""),
        "</body></html>\n",
    ]
    return "\n".join(p for p in parts if p).encode("utf-8")


def _meta(manifest: Mapping[str, Any], count: int) -> str:
    definition = manifest["definition"]
    dues = sorted({c["due_date"] for c in manifest["children"] if c.get("due_date")})
    items = [("Audit tool", f"{definition['id']} version {definition['version']}"),
             ("Children", count),
             ("Reference date", long_date_of(manifest.get("reference_date")) or "not recorded"),
             ("Due", " or ".join(long_date_of(d) for d in dues) or "not recorded"),
             ("Seed", manifest.get("seed") if manifest.get("seed") is not None else "not recorded")]
    rows = "".join(f"<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">"
                   f"{e(k)}</dt><dd class=\"govuk-summary-list__value\">{e(v)}</dd></div>"
                   for k, v in items)
    return f"<dl class=\"govuk-summary-list\">{rows}</dl>"


def _table(caption: str, headers: Sequence[str], rows: Sequence[str], numeric: int = -1) -> str:
    """A GOV.UK table in a keyboard-scrollable wrapper (wide tables scroll on a phone)."""
    head = "".join(
        f"<th scope=\"col\" class=\"govuk-table__header"
        f"{' govuk-table__cell--numeric' if i == numeric else ''}\">{e(h)}</th>"
        for i, h in enumerate(headers))
    return (f"<div class=\"govuk-table-wrapper\" role=\"region\" aria-label=\"{e(caption)}\" "
            f"tabindex=\"0\"><table class=\"govuk-table\"><caption class=\"govuk-table__caption\">"
            f"{e(caption)}</caption><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows)
            + "\n</tbody></table></div>")


def _cell(value: Any, numeric: bool = False) -> str:
    extra = " govuk-table__cell--numeric" if numeric else ""
    return f"<td class=\"govuk-table__cell{extra}\">{value}</td>"


def _children_table(children: Sequence[Mapping[str, Any]]) -> str:
    rows = []
    for child in children:
        links = "<br>".join(
            f"<a class=\"govuk-link\" href=\"{e(quote(path))}\">{e(_FORM_NAMES.get(fmt, fmt))}"
            f"<span class=\"govuk-visually-hidden\"> for audit {e(child['audit_id'])}</span></a>"
            for fmt, path in sorted(child["forms"].items()))
        cells = [child["audit_id"], child["child_id"], child["initials"], child["team"],
                 child["age_band"], child["auditor"], long_date_of(child["due_date"])]
        rows.append("<tr>" + "".join(_cell(e(c)) for c in cells) + _cell(links) + "</tr>")
    return _table("Children in the sample", ["Audit ID", "Child ID", "Initials", "Team", "Age band",
                                             "Auditor", "Due date", "Forms"], rows)


def _auditors_table(children: Sequence[Mapping[str, Any]], areas: Mapping[str, str]) -> str:
    loads = Counter(c["auditor"] for c in children if c["auditor"])
    emails = {c["auditor"]: c.get("auditor_email") or "" for c in children}
    rows = [f"<tr>{_cell(e(name))}{_cell(e(areas.get(name)))}{_cell(e(emails[name]))}"
            f"{_cell(count, numeric=True)}</tr>" for name, count in sorted(loads.items())]
    return _table("Auditors", ["Auditor", "Area of service", "Email", "Children"], rows, numeric=3)


def _companions_table(companion: Mapping[str, Any]) -> str:
    """A companion tool's forms, by audit id (written under ``companions/<tool>/``)."""
    rows = []
    for audit_id, forms in sorted((companion.get("forms") or {}).items()):
        links = "<br>".join(
            f"<a class=\"govuk-link\" href=\"{e(quote(path))}\">{e(_FORM_NAMES.get(fmt, fmt))}"
            f"<span class=\"govuk-visually-hidden\"> of {e(companion['tool'])} for audit {e(audit_id)}</span></a>"
            for fmt, path in sorted(forms.items()))
        rows.append("<tr>" + _cell(e(audit_id)) + _cell(links) + "</tr>")
    return _table(f"Completed beside: {companion.get('label') or companion['tool']}", ["Audit ID", "Forms"], rows)
