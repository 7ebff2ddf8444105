"""Spaces where LibreOffice lost line breaks, so words either side are not run together.

LibreOffice 7.4 cannot keep a line break inside a plain-text control (the kind of text
control forms made before auditforms 0.1 used): when it saves, it moves the breaks out,
in front of the control, and the lines inside run together ("1. First point2. Second").
The number of breaks moved out is known; where they were is not. A space goes where a
break most plausibly was: first after a sentence's end ("point.Second", "made.2."),
then between a lower-case letter and a capital ("pointSecond"), never more spaces than
breaks were lost. It is a best guess, and the line structure itself cannot be recovered.
"""

from __future__ import annotations

import re

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: After a sentence's end: before a capital, or before a number when a word ended it ("made.2."),
#: never inside a number ("1.5").
_AFTER_SENTENCE = re.compile(r"(?<=[.!?:;)])(?=[A-Z(“‘\"])|(?<=[A-Za-z][.!?:;)])(?=[0-9])")
_CASE_CHANGE = re.compile(r"(?<=[a-z])(?=[A-Z])")


def breaks_moved_out(sdt: etree._Element) -> int:
    """Line breaks LibreOffice left in front of a plain-text control (runs holding only breaks)."""
    pr = sdt.find(w("sdtPr"))
    if pr is None or pr.find(w("text")) is None:
        return 0
    count = 0
    for sibling in sdt.itersiblings(preceding=True):
        if sibling.tag != w("r") or sibling.find(w("t")) is not None:
            break
        count += len(sibling.findall(w("br")))
    return count


def respace(text: str, lost: int) -> str:
    """``text`` with at most ``lost`` spaces put back where the breaks most plausibly were."""
    if lost <= 0:
        return text
    places: list[int] = []
    for pattern in (_AFTER_SENTENCE, _CASE_CHANGE):
        for match in pattern.finditer(text):
            if len(places) < lost and match.start() not in places:
                places.append(match.start())
    for place in sorted(places, reverse=True):
        text = f"{text[:place]} {text[place:]}"
    return text



def w(name: str) -> str:
    return f"{{{W}}}{name}"
