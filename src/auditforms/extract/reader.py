"""Reading content controls and tables out of ``word/document.xml``.

The same reader reads the filled form and a blank form rendered from the definition,
so "where a control sits" means exactly the same thing on both sides of the match.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

from auditforms.extract.breaks import breaks_moved_out, respace

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
_KINDS = {f"{{{W}}}text": "text", f"{{{W}}}dropDownList": "dropdown", f"{{{W}}}comboBox": "dropdown",
          f"{{{W}}}date": "date", f"{{{W14}}}checkbox": "checkbox", f"{{{W}}}richText": "text"}
Position = tuple[int, ...]


def w(name: str) -> str:
    return f"{{{W}}}{name}"


@dataclass
class Control:
    """One content control as found in a document."""

    tag: str | None
    alias: str | None
    kind: str
    text: str
    placeholder: bool
    checked: bool | None = None
    full_date: str | None = None
    items: tuple[tuple[str, str], ...] = ()
    #: (table ordinal, row, cell, index in cell), or (-1, index in body) outside tables.
    position: Position = ()
    #: Text typed in the same table cell but outside the control (only when it is alone there).
    beside: str = ""
    element: etree._Element | None = field(default=None, repr=False, compare=False)


def _val(parent: etree._Element | None, name: str, ns: str = W) -> str | None:
    if parent is None:
        return None
    child = parent.find(f"{{{ns}}}{name}")
    return None if child is None else child.get(f"{{{ns}}}val")


def text_of(element: etree._Element) -> str:
    """Visible text: runs joined, line breaks and paragraphs as newlines.

    Text deleted with track changes on sits in ``w:delText`` and is left out.
    """
    parts: list[str] = []
    for node in element.iter(w("t"), w("br"), w("cr"), w("tab"), w("p")):
        if node.tag == w("t"):
            parts.append(node.text or "")
        elif node.tag == w("tab"):
            parts.append("\t")
        elif node.tag in (w("br"), w("cr")) or (node.tag == w("p") and parts):
            parts.append("\n")
    return "".join(parts).strip("\n")


def _text_outside(sdt: etree._Element) -> str:
    """Text of the cell around a control, leaving out the control's own text."""
    tc = next(sdt.iterancestors(w("tc")))
    inside = set(sdt.iter(w("t")))  # the elements themselves: lxml reuses ids of freed proxies
    return "".join(t.text or "" for t in tc.iter(w("t")) if t not in inside).strip()


def _kind(pr: etree._Element) -> str | None:
    for child in pr:
        if child.tag in _KINDS:
            return _KINDS[child.tag]
    return None


def _is_leaf(sdt: etree._Element) -> bool:
    pr = sdt.find(w("sdtPr"))
    nested = sdt.find(f"{w('sdtContent')}//{w('sdt')}") is not None
    return (pr is not None and _kind(pr) is not None) or not nested


def _control(sdt: etree._Element) -> Control:
    pr = sdt.find(w("sdtPr"))
    tag, alias = _val(pr, "tag"), _val(pr, "alias")
    parent = sdt.getparent()
    while (tag is None or alias is None) and parent is not None:
        if parent.tag == w("sdtContent"):
            wrapper = parent.getparent()
            wpr = wrapper.find(w("sdtPr"))
            # LibreOffice wraps a check box in a typeless control carrying the title.
            if wpr is not None and _kind(wpr) is None and len(wrapper.findall(f".//{w('sdt')}")) == 1:
                tag, alias = tag or _val(wpr, "tag"), alias or _val(wpr, "alias")
            break
        parent = parent.getparent()
    kind = _kind(pr) if pr is not None else None
    content = sdt.find(w("sdtContent"))
    text = respace(text_of(content), breaks_moved_out(sdt)) if content is not None else ""
    control = Control(tag, alias, kind or "text", text,
                      pr is not None and pr.find(w("showingPlcHdr")) is not None, element=sdt)
    if kind == "checkbox":
        state = _val(pr.find(f"{{{W14}}}checkbox"), "checked", W14)
        control.checked = state in ("1", "true", "on") if state is not None else ("\u2612" in text)
    elif kind == "date":
        control.full_date = pr.find(w("date")).get(w("fullDate"))
    elif kind == "dropdown":
        items = pr.findall(f".//{w('listItem')}")
        control.items = tuple((i.get(w("displayText")) or "", i.get(w("value")) or "") for i in items)
    return control


class DocumentReader:
    """Controls and tables of one document body, each with its position.

    Every lookup is prepared in one pass, so reading stays linear in the size of the
    document: a form with thousands of added rows must not take minutes.
    """

    def __init__(self, root: etree._Element) -> None:
        body = root.find(w("body"))
        self.body = body if body is not None else root
        self.tables: list[etree._Element] = list(self.body.iter(w("tbl")))
        self._table_index = {t: i for i, t in enumerate(self.tables)}
        self._rows: dict[etree._Element, list[etree._Element]] = {t: [] for t in self.tables}
        self._cells: dict[etree._Element, list[etree._Element]] = {}
        self._place: dict[etree._Element, tuple[int, int, int]] = {}
        self._index_cells()
        self._by_cell: dict[etree._Element, list[Control]] = {}
        self.controls: list[Control] = self._read_controls()

    def _index_cells(self) -> None:
        for tr in self.body.iter(w("tr")):
            tbl = next(tr.iterancestors(w("tbl")), None)
            if tbl is not None:
                self._rows[tbl].append(tr)
                self._cells[tr] = []
        for tc in self.body.iter(w("tc")):
            tr = next(tc.iterancestors(w("tr")), None)
            if tr is not None and tr in self._cells:
                self._cells[tr].append(tc)
        for tbl, rows in self._rows.items():
            for r, tr in enumerate(rows):
                for c, tc in enumerate(self._cells[tr]):
                    self._place[tc] = (self._table_index[tbl], r, c)

    def _read_controls(self) -> list[Control]:
        out: list[Control] = []
        per_cell: dict[tuple[int, ...], int] = {}
        outside = 0
        for sdt in self.body.iter(w("sdt")):
            if not _is_leaf(sdt):
                continue
            control = _control(sdt)
            tc = next(sdt.iterancestors(w("tc")), None)
            place = self._place.get(tc) if tc is not None else None
            if place is None:
                control.position = (-1, outside)
                outside += 1
            else:
                k = per_cell.get(place, 0)
                per_cell[place] = k + 1
                control.position = (*place, k)
                self._by_cell.setdefault(tc, []).append(control)
            out.append(control)
        for control in out:
            if len(control.position) == 4 and per_cell[control.position[:3]] == 1:
                control.beside = _text_outside(control.element)
        return out

    def rows(self, tbl: etree._Element) -> list[etree._Element]:
        return self._rows.get(tbl, [])

    def cells(self, tr: etree._Element) -> list[etree._Element]:
        return self._cells.get(tr, [])

    def controls_in(self, tc: etree._Element) -> list[Control]:
        return self._by_cell.get(tc, [])
