"""Plain dicts and lists that carry their source positions.

The YAML loader builds these instead of bare ``dict``/``list`` so that positions survive
schema validation, composition with ``extends`` (where parts of several files are merged)
and semantic checks. They behave exactly like ``dict`` and ``list`` for everything else,
including jsonschema and pydantic.
"""

from __future__ import annotations

from typing import Any, NamedTuple


class Position(NamedTuple):
    """A place in a source file; ``line`` and ``col`` are 1-based."""

    file: str
    line: int
    col: int


class LocDict(dict[str, Any]):
    """A mapping with the position of itself, of each key and of each value."""

    __slots__ = ("key_positions", "position", "value_positions")

    def __init__(self, position: Position | None = None) -> None:
        super().__init__()
        self.position = position
        self.key_positions: dict[str, Position] = {}
        self.value_positions: dict[str, Position] = {}


class LocList(list[Any]):
    """A sequence with the position of itself and of each item."""

    __slots__ = ("item_positions", "position")

    def __init__(self, position: Position | None = None) -> None:
        super().__init__()
        self.position = position
        self.item_positions: list[Position] = []


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def locate(root: Any, pointer: str, *, at_key: bool = False) -> Position | None:
    """The position of the node at JSON ``pointer``, or of its nearest located ancestor.

    With ``at_key`` the position of the mapping key is preferred over its value, which is
    what a person wants to see for "unknown key" errors.
    """
    best: Position | None = getattr(root, "position", None)
    node = root
    tokens = [_unescape(t) for t in pointer.split("/")[1:]] if pointer else []
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        if isinstance(node, LocDict) and token in node:
            positions = node.key_positions if (at_key and last) else node.value_positions
            best = positions.get(token, best)
            node = node[token]
        elif isinstance(node, LocList) and token.isdigit() and int(token) < len(node):
            i = int(token)
            if i < len(node.item_positions):
                best = node.item_positions[i]
            node = node[i]
        else:
            break
    return best


def pointer_join(base: str, *tokens: str | int) -> str:
    escaped = (str(t).replace("~", "~0").replace("/", "~1") for t in tokens)
    return base + "".join("/" + t for t in escaped)
