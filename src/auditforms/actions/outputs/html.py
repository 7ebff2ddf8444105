"""The html page: one offline file with the summary by area and team, and every action.

Same rules as the form: autoescaped Jinja, a Content-Security-Policy that allows only the
page's own inline style and script (by hash), no network. The table is readable without
the script; the script only adds sort buttons to its headings.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from auditforms.actions.model import StateKind
from auditforms.actions.outputs.text import counts_phrase
from auditforms.actions.report import ActionsReport, TrackerRow
from auditforms.english import count, long_date
from auditforms.renderers.html.safety import content_security_policy
from auditforms.resources import renderer_assets_dir

LIST_COLUMNS = (("action_id", "Action id"), ("child_id", "Child"), ("area", "Area of service"),
                ("team", "Team"), ("action", "Action"), ("action_owner", "Person responsible"),
                ("completion_date", "Completion date"), ("state", "State"), ("sign_off_date", "Sign-off date"),
                ("manager_update", "Manager's update"))
_STATES = tuple(StateKind)


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(renderer_assets_dir("actions"))), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                       keep_trailing_newline=True)


def render(report: ActionsReport) -> bytes:
    folder = renderer_assets_dir("actions")
    style = (folder / "actions.css").read_text(encoding="utf-8")
    script = (folder / "actions.js").read_text(encoding="utf-8")
    d = report.definition
    page = _environment().get_template("actions.html.j2").render(
        csp=content_security_policy([style], script), style=style, script=script,
        title=f"Audit actions: {d.title}", marking=d.marking.label if d.marking else "",
        publisher=d.publisher or "", headline=f"{counts_phrase(report.counts)} in {count(report.audits, 'audit')}, "
        f"as at {long_date(report.today)}.",
        teams_file=report.teams_file is not None, state_labels=[s.label for s in _STATES],
        areas=[{"area": a.area, "numbers": _numbers(a.counts),
                "teams": [{"team": t.team, "numbers": _numbers(t.counts)} for t in a.teams]}
               for a in report.areas()],
        headings=[h for _, h in LIST_COLUMNS], rows=[_cells(r) for r in report.rows],
        today=long_date(report.today), definition=f"{d.id} {d.version}")
    return page.encode("utf-8")


def _numbers(counts: Any) -> list[int]:
    return [counts.of(s) for s in _STATES] + [counts.total]


def _cells(row: TrackerRow) -> list[dict[str, str]]:
    out = []
    cells = row.cells()
    for key, _ in LIST_COLUMNS:
        value = cells[key]
        if key == "state":
            sort = f"{_STATES.index(row.state.kind)}-{row.state.days or 0:05d}"
            out.append({"text": row.state.describe(), "state": row.state.kind.value, "sort": sort})
        elif isinstance(value, dt.date):
            out.append({"text": long_date(value), "state": "", "sort": value.isoformat()})  # sorts by date
        else:
            out.append({"text": "" if value is None else str(value), "state": "", "sort": ""})
    return out
