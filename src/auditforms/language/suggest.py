""""Did you mean …?" for misspelt keys and ids.

Ids are words joined by hyphens, and authors misremember their order as often as their
spelling (``date-of-audit`` for ``audit-date``): an id made of the same words in another order,
give or take a short word, is suggested before :mod:`difflib`'s close spellings.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

_SEPARATORS = re.compile(r"[-_. ]+")
#: words an id may gain or lose without changing what it names
_LITTLE_WORDS = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to"})


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """``; did you mean 'x'?`` when one candidate is close, else an empty string."""
    matches = closest(word, candidates, n=1)
    return f"; did you mean '{matches[0]}'?" if matches else ""


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The one candidate made of the same words as ``word``, else up to ``n`` spelt like it
    (the same words first: ``date-of-audit`` is spelt much like ``date-of-birth``)."""
    known = list(candidates)
    words = _words(word)
    same = [c for c in known if words and _words(c) == words]
    if len(same) == 1:
        return same
    return difflib.get_close_matches(word, known, n=n, cutoff=0.6)


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _SEPARATORS.split(text.lower()) if w and w not in _LITTLE_WORDS)
