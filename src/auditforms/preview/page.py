"""The preview's pages: the author's page around the form, and the form itself in each view.

The form keeps its own strict Content-Security-Policy (hashes of its inline style and
script): the preview shows it in an ``<iframe>`` served at its own path, and the author's
page, with the reload script, has a policy of its own. Everything from a definition is
escaped by Jinja's autoescape.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from auditforms.model.definition import Definition
from auditforms.preview.state import Snapshot
from auditforms.renderers import RenderOptions, get_renderer
from auditforms.renderers.html.safety import sha256_source

ASSETS = Path(__file__).resolve().parent / "assets"


@dataclass(frozen=True)
class Mode:
    id: str
    label: str

    @property
    def query(self) -> str:
        return urlencode({"view": self.id})


MODES = (Mode("blank", "Blank form"), Mode("example", "With example answers"),
         Mode("moderator", "As the moderator sees it"))
#: The views that show example answers (and so take a ``seed``).
WITH_EXAMPLES = ("example", "moderator")


@dataclass(frozen=True)
class View:
    """Which form the author asked to see: ``mode`` is a :data:`MODES` id; ``seed`` picks the examples."""

    mode: str = "blank"
    seed: int = 1

    @property
    def query(self) -> str:
        return urlencode({"view": self.mode, "seed": self.seed} if self.mode in WITH_EXAMPLES else {"view": self.mode})


def view_from_query(query: Mapping[str, Sequence[str]]) -> View:
    """A view from a request's query string; anything unknown or malformed means the default."""
    mode = (query.get("view") or ["blank"])[0]
    if mode not in {m.id for m in MODES}:
        mode = "blank"
    seed_text = (query.get("seed") or ["1"])[0]
    seed = int(seed_text) if seed_text.isdigit() and len(seed_text) < 10 else 1
    return View(mode=mode, seed=seed)


@dataclass(frozen=True)
class Page:
    """An HTML page and the Content-Security-Policy to send with it."""

    html: bytes
    csp: str


@cache
def _environment() -> Environment:
    return Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def shell_csp(style: str, script: str) -> str:
    """Only this page's own style and script; it may frame and call back to the preview only."""
    return "; ".join([
        "default-src 'none'", f"style-src {sha256_source(style)}", f"script-src {sha256_source(script)}",
        "connect-src 'self'", "frame-src 'self'", "base-uri 'none'", "form-action 'none'",
        "frame-ancestors 'none'",
    ])


def shell_page(snapshot: Snapshot, view: View) -> Page:
    """The author's page: problems at the top, the form (in a frame), the outline and the rules."""
    from auditforms.outline import outline
    from auditforms.preview.rules_text import rules_text
    from auditforms.rules.implicit import implicit_rules

    style, script = _asset("shell.css"), _asset("shell.js")
    good = snapshot.good
    html = _environment().get_template("shell.html.j2").render(
        snapshot=snapshot, view=view, modes=MODES, style=style, script=script,
        title=good.title if good else snapshot.source,
        other_examples=View(view.mode if view.mode in WITH_EXAMPLES else "example", view.seed + 1).query,
        outline=outline(good) if good else "",
        rules=rules_text(good) if good else (),
        implied=len(implicit_rules(good)) if good else 0,
    )
    return Page(html.encode("utf-8"), shell_csp(style, script))


def _options(definition: Definition, view: View, format_: str, today: dt.date) -> RenderOptions:
    from auditforms.preview.examples import example_answers, example_submitted

    if view.mode == "moderator" and format_ == "html":
        # The form opens the example audit, as submitted, in its moderator mode.
        return RenderOptions(completed=example_submitted(definition, seed=view.seed, today=today))
    if view.mode in WITH_EXAMPLES:
        return RenderOptions(prefill=example_answers(definition, seed=view.seed, today=today))
    return RenderOptions()


def render_form(definition: Definition, view: View, format_: str, today: dt.date) -> bytes:
    """The form (``html`` or ``docx``) of ``definition`` as ``view`` shows it (the Word form of
    the moderator's view is the form with the example answers: Word moderates in the form)."""
    return get_renderer(format_).render(definition, _options(definition, view, format_, today))


def download_name(definition: Definition, view: View) -> str:
    suffix = f"-example-{view.seed}" if view.mode in WITH_EXAMPLES else ""
    return f"{definition.id}{suffix}.docx"
