"""The one Jinja environment the HTML renderer uses: autoescaped, strict about undefined names.

Autoescape is on for every template, so anything from a definition or an answer is
escaped unless a view model deliberately made it :class:`~markupsafe.Markup` (only the
Markdown converter and the JSON embedder do, both of which escape first).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from auditforms.resources import renderer_assets_dir


def assets_dir() -> Path:
    return renderer_assets_dir("html")


@cache
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(assets_dir())),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def asset_text(name: str) -> str:
    """A CSS or JS file shipped with the renderer, inlined into the page."""
    return (assets_dir() / name).read_text(encoding="utf-8")
