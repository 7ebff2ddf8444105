"""The tool's version-control table, printed near the top as the tool prints it (Date, Version,
Changes): a reader of a paper or Word copy can tell which version they hold."""

from __future__ import annotations

from auditforms.renderers.docx.builder import Form

WIDTHS_MM = (35, 35, 100)


def version_control(form: Form) -> None:
    lineage = form.definition.lineage
    if lineage is None or not lineage.version_control:
        return
    form.heading("Version Control", 2)
    table = form.grid(WIDTHS_MM, "Version Control", rows=1)
    for cell, text in zip(table.rows[0].cells, ("Date", "Version", "Changes"), strict=True):
        cell.text = text
    form.header_row(table.rows[0])
    for row in lineage.version_control:
        cells = form.add_row(table, WIDTHS_MM).cells
        for cell, text in zip(cells, (row.date or "", row.label, row.changes or ""), strict=True):
            cell.text = text
