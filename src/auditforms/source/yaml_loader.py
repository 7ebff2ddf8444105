"""YAML text to located plain data, safely.

Why not ``yaml.safe_load``: it silently keeps the last of duplicate keys, forgets every
position, turns ``yes``/``no`` into booleans and dates into ``datetime.date``, and expands
aliases without limit. We compose the node graph with libyaml where available (fast) and
convert it ourselves, counting nodes and depth so that an alias bomb stops early.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from auditforms.diagnostics import Diagnostic, Severity
from auditforms.source.located import LocDict, LocList, Position
from auditforms.source.reading import DEFAULT_LIMITS, ReadLimits
from auditforms.source.values import MAX_NUMBER_DIGITS, has_lone_surrogate, number_problem
from auditforms.source.yaml_advice import advise, swallowed_start

_BaseLoader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):  # type: ignore[misc]
    """YAML 1.2-style scalars: only true/false are booleans; dates stay strings."""


_Loader.yaml_implicit_resolvers = {
    first: [
        (tag, regexp)
        for tag, regexp in resolvers
        if tag not in {"tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp"}
    ]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)

_STR = "tag:yaml.org,2002:str"
_SCALAR_TAGS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_CONSTRUCTOR = yaml.SafeLoader("")
_MAX_NUMBER_TEXT = MAX_NUMBER_DIGITS + 100  # room for signs, underscores, exponents
_LIMIT_EXCEEDED = 10 ** (MAX_NUMBER_DIGITS + 1)
_SURROGATE_MESSAGE = "the text holds an invalid character (a lone surrogate, \\uD800-\\uDFFF)"


@dataclass
class ParseResult:
    data: Any = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.diagnostics


class _Abort(Exception):
    def __init__(self, diagnostic: Diagnostic) -> None:
        self.diagnostic = diagnostic


class _Converter:
    def __init__(self, filename: str, limits: ReadLimits, text: str = "") -> None:
        self.filename = filename
        self.limits = limits
        self.text = text  # to tell a text YAML read as a tag (``label: ! Ethnicity``)
        self.nodes = 0
        self.diagnostics: list[Diagnostic] = []

    def pos(self, node: yaml.Node) -> Position:
        mark = node.start_mark
        return Position(self.filename, mark.line + 1, mark.column + 1)

    def convert(self, node: yaml.Node, depth: int = 0) -> Any:
        self.nodes += 1
        if self.nodes > self.limits.max_nodes or depth > self.limits.max_depth:
            what = "nests too deeply" if depth > self.limits.max_depth else "expands to too many nodes"
            p = self.pos(node)
            raise _Abort(
                Diagnostic(
                    "AF107",
                    f"the document {what} (limits: {self.limits.max_nodes} nodes, depth "
                    f"{self.limits.max_depth}); are aliases (*name) being used to multiply it?",
                    file=self.filename,
                    line=p.line,
                    col=p.col,
                )
            )
        if isinstance(node, yaml.MappingNode | yaml.SequenceNode) and node.tag not in _COLLECTION_TAGS:
            self.error("AF108", f"the YAML tag {node.tag} is not allowed here", self.pos(node))
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, depth)
        if isinstance(node, yaml.SequenceNode):
            out = LocList(self.pos(node))
            for item in node.value:
                out.item_positions.append(self.pos(item))
                out.append(self.convert(item, depth + 1))
            if node.flow_style:
                self.warn_flow_scalars(node.value)
            return out
        return self.scalar(node)

    def warn_flow_scalars(self, nodes: list[yaml.Node]) -> None:
        """Warn about unquoted text holding ``?`` inside ``{ }`` or ``[ ]``: libyaml reads it,
        but pure-Python PyYAML (used wherever libyaml is missing) stops there and fails."""
        for node in nodes:
            if isinstance(node, yaml.ScalarNode) and not node.style and "?" in str(node.value)[1:]:
                self.diagnostics.append(Diagnostic(
                    "AF111", "this unquoted text holds '?' inside { } or [ ], which YAML readers without "
                    "libyaml cannot read; put the text in quotes", file=self.filename,
                    line=node.start_mark.line + 1, col=node.start_mark.column + 1,
                    severity=Severity.WARNING))

    def mapping(self, node: yaml.MappingNode, depth: int) -> LocDict:
        out = LocDict(self.pos(node))
        for key_node, value_node in node.value:
            key_pos = self.pos(key_node)
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.error("AF108", "merge keys (<<) are not supported; write the keys out", key_pos)
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.error("AF108", "a mapping key must be plain text", key_pos)
                continue
            key = str(key_node.value)
            if has_lone_surrogate(key):
                self.error("AF110", _SURROGATE_MESSAGE, key_pos)
                continue
            if key in out:
                first = out.key_positions[key]
                self.error(
                    "AF106",
                    f"duplicate key '{key}' (first given at line {first.line}); "
                    "YAML would silently keep only the last one",
                    key_pos,
                )
                continue
            out.key_positions[key] = key_pos
            out.value_positions[key] = self.pos(value_node)
            out[key] = self.convert(value_node, depth + 1)
        if node.flow_style:
            self.warn_flow_scalars([n for pair in node.value for n in pair])
        return out

    def scalar(self, node: yaml.Node) -> Any:
        if node.tag not in _SCALAR_TAGS:
            self.error("AF108", f"the YAML tag {node.tag} is not allowed here", self.pos(node))
            return None
        if node.tag in {_STR, "tag:yaml.org,2002:timestamp"}:
            text = str(node.value)
            swallowed = None if getattr(node, "style", None) else swallowed_start(self.text, node.start_mark.index)
            if swallowed is not None:
                self.error("AF108", swallowed, self.pos(node))
                return None
            if has_lone_surrogate(text):
                self.error("AF110", _SURROGATE_MESSAGE, self.pos(node))
            return text
        if len(str(node.value)) > _MAX_NUMBER_TEXT:  # 1:2:3:… (base 60) grows quadratically
            self.error("AF108", number_problem(_LIMIT_EXCEEDED) or "", self.pos(node))
            return None
        try:
            value = _CONSTRUCTOR.construct_object(node, deep=True)
        except ValueError:  # an integer past Python's 4,300-digit conversion limit
            value = _LIMIT_EXCEEDED
        finally:
            _CONSTRUCTOR.constructed_objects.clear()  # it remembers every node: a leak over a batch
        problem = number_problem(value)
        if problem is not None:
            self.error("AF108", problem, self.pos(node))
            return None
        return value

    def error(self, code: str, message: str, p: Position) -> None:
        self.diagnostics.append(Diagnostic(code, message, file=self.filename, line=p.line, col=p.col))


def parse_yaml(text: str, filename: str, limits: ReadLimits = DEFAULT_LIMITS) -> ParseResult:
    """Parse one YAML document into :class:`LocDict`/:class:`LocList`; never raises for bad input."""
    try:
        nodes = list(yaml.compose_all(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "malformed YAML"
        if mark is None:
            return ParseResult(diagnostics=[Diagnostic("AF105", f"malformed YAML: {problem}", file=filename)])
        context = exc.context_mark
        advice = advise(text, problem, exc.context, (mark.line, mark.column),
                        (context.line, context.column) if context is not None else None)
        return ParseResult(diagnostics=[Diagnostic("AF105", f"malformed YAML: {advice.message}", file=filename,
                                                   line=advice.line + 1, col=advice.column + 1)])
    except yaml.reader.ReaderError as exc:  # a control character: a binary file, or a stray one
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        return ParseResult(diagnostics=[Diagnostic(
            "AF103", f"this holds a control character (U+{exc.character:04X}), which YAML text cannot; is it "
            "a binary file? Otherwise delete the character", file=filename, line=line, col=col)])
    except (yaml.YAMLError, RecursionError, ValueError) as exc:
        return ParseResult(diagnostics=[Diagnostic("AF105", f"malformed YAML: {exc}", file=filename)])
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return ParseResult(diagnostics=[Diagnostic("AF104", "the file is empty", file=filename)])
    if len(nodes) > 1:
        second = nodes[1].start_mark
        return ParseResult(
            diagnostics=[
                Diagnostic(
                    "AF105",
                    "the file holds more than one YAML document (---); keep one per file",
                    file=filename,
                    line=second.line + 1,
                    col=second.column + 1,
                )
            ]
        )
    converter = _Converter(filename, limits, text)
    try:
        data = converter.convert(nodes[0])
    except _Abort as abort:
        return ParseResult(diagnostics=[*converter.diagnostics, abort.diagnostic])
    except RecursionError:
        return ParseResult(
            diagnostics=[Diagnostic("AF107", "the document nests too deeply", file=filename)]
        )
    if data is None and not converter.diagnostics:  # `~` or `null`: nothing to read, not a document
        p = converter.pos(nodes[0])
        return ParseResult(diagnostics=[Diagnostic("AF104", "the document is empty (null)",
                                                   file=filename, line=p.line, col=p.col)])
    return ParseResult(data=data, diagnostics=converter.diagnostics)
