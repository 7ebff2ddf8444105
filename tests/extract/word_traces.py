"""What a word processor leaves in a form when someone saves it: the time and user name of the
last save (``docProps/core.xml``) and the date of each comment (``w:date``), set as Word sets
them, so tests can say who saved a form when without a real Word."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Mapping

CORE = "docProps/core.xml"
COMMENTS = "word/comments.xml"


def saved(data: bytes, at: str, by: str, comment_dates: Mapping[str, str] | None = None) -> bytes:
    """``data`` as saved at ``at`` by the user ``by``; each comment by an author named in
    ``comment_dates`` dated as given there (an author's comments all get one date)."""
    parts = _unzip(data)
    core = parts[CORE].decode("utf-8")
    core = re.sub(r"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rf"\g<1>{at}\g<2>", core)
    core = re.sub(r"(<cp:lastModifiedBy>)[^<]*(</cp:lastModifiedBy>)", rf"\g<1>{by}\g<2>", core)
    parts[CORE] = core.encode("utf-8")
    if comment_dates and COMMENTS in parts:
        parts[COMMENTS] = _date_comments(parts[COMMENTS].decode("utf-8"), comment_dates).encode("utf-8")
    return _zip(parts)


def _date_comments(xml: str, dates: Mapping[str, str]) -> str:
    def dated(match: re.Match[str]) -> str:
        tag = match.group(0)
        author = re.search(r'w:author="([^"]*)"', tag)
        if author is None or author.group(1) not in dates:
            return tag
        tag = re.sub(r'\sw:date="[^"]*"', "", tag)
        return tag[:-1] + f' w:date="{dates[author.group(1)]}">'
    return re.sub(r"<w:comment\s[^>]*>", dated, xml)


def _unzip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zip(parts: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return out.getvalue()
