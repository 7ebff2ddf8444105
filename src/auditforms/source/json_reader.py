"""JSON text to plain data, strictly: what ``json.loads`` lets through silently is refused here.

``json.loads`` keeps the last of duplicate keys (a second ``"status"`` wins), turns ``1e999``
into infinity, builds lone surrogates from ``"\\ud800"`` (which then break every encoder
and jsonschema-rs), and raises a Python-speak ``ValueError`` for integers past 4,300
digits. Each of these becomes one located diagnostic, as the YAML loader does for YAML.
The checks cost little: hooks run only for objects and numbers, and the surrogate walk
only when the text holds a ``\\uD8xx``-``\\uDFxx`` escape at all.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.source.values import MAX_NUMBER_DIGITS, lone_surrogate_pointer

_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


class _Refused(ValueError):
    def __init__(self, code: str, message: str, token: str) -> None:
        super().__init__(message)
        self.code, self.message, self.token = code, message, token


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        key = next(k for k, _ in pairs if k in seen or seen.add(k))  # type: ignore[func-returns-value]
        raise _Refused("AF106", f"duplicate key {json.dumps(key)}; JSON readers would silently keep "
                       "only one of them", json.dumps(key))
    return result


def _integer(token: str) -> int:
    if len(token) > MAX_NUMBER_DIGITS:
        raise _Refused("AF108", f"a number of {len(token.lstrip('-'))} digits is too large to use "
                       f"(at most {MAX_NUMBER_DIGITS} digits)", token[:40])
    return int(token)


def _float(token: str) -> float:
    value = float(token)
    if not math.isfinite(value):
        raise _Refused("AF108", "a number too large to use (it overflows to infinity)", token)
    return value


def _constant(token: str) -> Any:
    raise _Refused("AF108", f"{token} is not a JSON number", token)


#: built once: ``json.loads`` with hooks makes a new decoder and scanner for every document
_DECODER = json.JSONDecoder(object_pairs_hook=_object, parse_int=_integer, parse_float=_float,
                            parse_constant=_constant)


def parse_json(text: str, name: str) -> tuple[Any, list[Diagnostic]]:
    """The document in ``text``; on any problem ``None`` and one diagnostic. Never raises."""
    if not text or text.isspace():
        return None, [Diagnostic("AF104", "the file is empty", file=name)]
    try:
        document = _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        return None, [Diagnostic("AF105", f"malformed JSON: {exc.msg}", file=name,
                                 line=exc.lineno, col=exc.colno)]
    except _Refused as refused:
        line, col = _position(text, text.find(refused.token))
        return None, [Diagnostic(refused.code, refused.message, file=name, line=line, col=col)]
    except RecursionError:
        return None, [Diagnostic("AF107", "the document nests too deeply", file=name)]
    except ValueError as exc:  # pragma: no cover - json.loads' own limits, should any remain
        return None, [Diagnostic("AF105", f"malformed JSON: {exc}", file=name)]
    if "\\" in text and _SURROGATE_ESCAPE.search(text):  # most texts have no backslash: memchr says so
        pointer = lone_surrogate_pointer(document)
        if pointer is not None:
            match = _SURROGATE_ESCAPE.search(text)
            line, col = _position(text, match.start() if match else -1)
            return None, [Diagnostic("AF110", "the text holds an invalid character (a lone "
                                     "surrogate, \\uD800-\\uDFFF, written on its own)",
                                     file=name, line=line, col=col, pointer=pointer)]
    return document, []


def _position(text: str, index: int) -> tuple[int, int]:
    if index < 0:
        return 0, 0
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1
