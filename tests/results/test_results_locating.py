"""Locating many findings in one walk (jumping to ids written once) gives the places locating
each one alone gives."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from auditforms.results.locating import json_position, json_positions

KEYS = st.sampled_from(["a", "b", "answers", "q1", "x/y", "t~n", "é", "0", 'q"u', "back\\slash", "\u2028"])
DOCUMENTS = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-3, 300), st.sampled_from(["", "}", "]", '"a":', "x, y"])),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(KEYS, inner, max_size=4)),
    max_leaves=20)


def _pointers(value: Any, prefix: str = "") -> list[str]:
    out = [prefix]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        token = str(key).replace("~", "~0").replace("/", "~1")
        out += _pointers(item, f"{prefix}/{token}")
    return out


@settings(max_examples=200, deadline=None)
@given(document=DOCUMENTS, indent=st.sampled_from([None, 1, 2]), ascii=st.booleans(), extra=st.lists(st.sampled_from(
    ["/zz", "/a/zz", "/0/7", "/answers/q1/01", "/a/b/c/d", "/b/1"]), max_size=3), data=st.data())
def test_one_walk_finds_what_each_pointer_finds_alone(document, indent, ascii, extra, data):
    text = json.dumps(document, indent=indent, ensure_ascii=ascii)
    pointers = set(data.draw(st.lists(st.sampled_from(_pointers(document)), max_size=5))) | set(extra)
    expected = {p: json_position(text, p) for p in pointers}
    assert json_positions(text, pointers) == expected
    assert json_positions(text, pointers, document) == expected  # ids written once are found at once
    spaced = text.replace('": ', '" : ')  # another writer's spacing
    assert json_positions(spaced, pointers, json.loads(spaced)) == {p: json_position(spaced, p) for p in pointers}
