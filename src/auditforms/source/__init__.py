"""Reading text files into plain data that remembers where every node came from."""

from auditforms.source.located import LocDict, LocList, Position, locate
from auditforms.source.reading import ReadLimits, read_text
from auditforms.source.yaml_loader import ParseResult, parse_yaml

__all__ = [
    "LocDict",
    "LocList",
    "ParseResult",
    "Position",
    "ReadLimits",
    "locate",
    "parse_yaml",
    "read_text",
]
