"""What a value read from any file must be to be usable: shared by the JSON and YAML readers.

A number must be finite and of at most :data:`MAX_NUMBER_DIGITS` digits: larger ones
cannot become a float (``OverflowError`` in a renderer), cannot be printed past Python's
4,300-digit limit, and mean nothing in an audit. Text must not hold lone surrogates
(``"\\ud800"``): no encoder, file or jsonschema-rs accepts them.
"""

from __future__ import annotations

import math
import re
from typing import Any

#: Comfortably inside a float's range (about 1.8e308), so every number converts.
MAX_NUMBER_DIGITS = 300
_LIMIT = 10**MAX_NUMBER_DIGITS
_SURROGATE = re.compile("[\ud800-\udfff]")


def number_problem(value: object) -> str | None:
    """Why ``value`` (a parsed number) cannot be used, or ``None`` when it can."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        if -_LIMIT < value < _LIMIT:
            return None
        return f"a number this large is not usable (at most {MAX_NUMBER_DIGITS} digits)"
    if isinstance(value, float) and not math.isfinite(value):
        return "an infinite or not-a-number value (.inf, .nan) is not a usable number"
    return None


def has_lone_surrogate(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def lone_surrogate_pointer(document: Any, pointer: str = "") -> str | None:
    """The JSON pointer of the first key or text holding a lone surrogate, else ``None``."""
    stack: list[tuple[Any, str]] = [(document, pointer)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            if _SURROGATE.search(node):
                return where
        elif isinstance(node, dict):
            for key, value in node.items():
                token = key.replace("~", "~0").replace("/", "~1")
                if _SURROGATE.search(key):
                    return f"{where}/{token}"
                stack.append((value, f"{where}/{token}"))
        elif isinstance(node, list):
            stack.extend((item, f"{where}/{i}") for i, item in enumerate(node))
    return None
