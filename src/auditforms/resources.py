"""Where the files that ship with auditforms live, installed or in a checkout.

A wheel carries ``schemas/``, ``definitions/``, ``renderers/`` and ``examples/`` inside the package as
``auditforms/_data/…``; in a source checkout they sit at the repository root. Code asks
this module rather than guessing, so both layouts behave the same.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The folder ``name`` (``schemas``, ``definitions``, ``renderers`` or ``examples``)."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"auditforms is missing its {name}/ folder; reinstall the package")


def schema_path(filename: str) -> Path:
    return data_dir("schemas") / filename


def shipped_definitions_dir() -> Path:
    return data_dir("definitions")


def renderer_assets_dir(renderer: str) -> Path:
    return data_dir("renderers") / renderer
