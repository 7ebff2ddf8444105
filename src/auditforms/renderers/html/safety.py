"""Putting data and code into the page safely: JSON inside <script>, and the CSP.

The page must make no network request and run nothing but its own script, even when a
definition or case file is hostile. JSON is embedded so that no text can close the
element or open a comment, and the Content-Security-Policy allows exactly the inline
style and script that were rendered, by their SHA-256 hashes: deterministic (snapshot
tests stay stable) and impossible for injected markup to match.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from markupsafe import Markup

_SCRIPT_ESCAPES = {
    ord("<"): "\\u003c",
    ord(">"): "\\u003e",
    ord("&"): "\\u0026",
    0x2028: "\\u2028",
    0x2029: "\\u2029",
}


def json_for_script(data: Any) -> Markup:
    """JSON that can sit inside ``<script type="application/json">`` whatever its strings say.

    ``<``, ``>`` and ``&`` are written as ``\\u`` escapes, which JSON.parse reads back
    unchanged, so ``</script>`` and ``<!--`` cannot appear in the element's text.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return Markup(text.translate(_SCRIPT_ESCAPES))


def sha256_source(text: str) -> str:
    """A CSP hash source (``'sha256-…'``) for an inline element's exact text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def css_string(text: str) -> str:
    """A quoted CSS string for any text: every character but letters, digits and spaces is
    written as a hex escape, so no quote, backslash or ``</style>`` can appear."""
    out = "".join(c if (c.isascii() and c.isalnum()) or c == " " else f"\\{ord(c):x} " for c in text)
    return f'"{out}"'


def content_security_policy(styles: list[str], script: str) -> str:
    """Nothing may load from anywhere; only the page's own styles and script may run."""
    return "; ".join([
        "default-src 'none'",
        "style-src " + " ".join(sha256_source(s) for s in styles),
        f"script-src {sha256_source(script)}",
        "base-uri 'none'",
        "form-action 'none'",
    ])
