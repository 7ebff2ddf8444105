"""Collecting the diagnostics of one extraction; messages name ids and counts, never answers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from auditforms.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:
    from auditforms.extract.assemble import Assembled
    from auditforms.extract.expected import Expected
    from auditforms.extract.matching import Matches
    from auditforms.extract.tables import TableRead
    from auditforms.model.definition import Table

SHOW_AT_MOST = 8
#: Below this share of the form's controls found, a form of unknown origin is refused.
MIN_SHARE = 0.5
#: Above this share of unknown or doubled controls, a form of unknown origin is refused.
MAX_STRANGERS = 0.1


def controls(n: int) -> str:
    return f"{n} control" if n == 1 else f"{n} controls"


def listed(items: list[str]) -> str:
    shown = ", ".join(items[:SHOW_AT_MOST])
    return shown + (f" and {len(items) - SHOW_AT_MOST} more" if len(items) > SHOW_AT_MOST else "")


class Report:
    def __init__(self, filename: str) -> None:
        self.filename = filename
        self.diagnostics: list[Diagnostic] = []

    @property
    def has_errors(self) -> bool:
        return any(d.is_error for d in self.diagnostics)

    def error(self, code: str, message: str, pointer: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(code, message, file=self.filename, pointer=pointer))

    def warn(self, code: str, message: str, pointer: str | None = None) -> None:
        self.diagnostics.append(Diagnostic(code, message, file=self.filename, pointer=pointer,
                                           severity=Severity.WARNING))

    def table(self, table: Table, read: TableRead) -> None:
        if not read.found:
            self.warn("AF714", f"the table '{table.id}' was not found (were its columns changed?); "
                               "its answers were not read", f"/answers/{table.id}")
        elif read.located_by in {"header", "position"}:
            how = "its column headings" if read.located_by == "header" else "its place in the form"
            self.warn("AF714", f"the table '{table.id}' had lost its tags and was found by {how}",
                      f"/answers/{table.id}")
        for where in read.doubtful:
            self._doubtful(where)

    def matches(self, matches: Matches, expected: Expected, table_tags: set[str], *, trusted: bool) -> None:
        wanted = [t for t in expected.by_tag if t not in table_tags]
        missing = [t for t in wanted if t not in matches.by_tag]
        if self._refused(matches, wanted, missing, trusted=trusted):
            return
        for how, code, what in (("title", "AF708", "tag"), ("position", "AF709", "tag and title")):
            tags = matches.fallback_tags.get(how, [])
            if tags:
                self.warn(code, _fallback_message(how, tags, what))
        if matches.fallback_tags.get("cell"):
            cells = matches.fallback_tags["cell"]
            where = "its cell" if len(cells) == 1 else "their cells"
            self.warn("AF716", f"{controls(len(cells))} had been removed (deleted, or the form was saved "
                               f"as .doc or by another program), so the text left in {where} was read; "
                               f"check the answers of {listed(cells)}")
        if missing:
            self.warn("AF710", f"{controls(len(missing))} of the form {'is' if len(missing) == 1 else 'are'} "
                               f"missing (deleted?): {listed(missing)}")
        if matches.duplicates:
            self.warn("AF710", f"{controls(len(matches.duplicates))} appeared twice; the first was read: "
                               f"{listed(sorted(set(matches.duplicates)))}")
        if matches.unknown:
            self.warn("AF710", f"{controls(matches.unknown)} not recognised and ignored")

    def _refused(self, matches: Matches, wanted: list[str], missing: list[str], *, trusted: bool) -> bool:
        """A form that names no tool must match this one closely; any form must match somewhat."""
        found = len(matches.by_tag)
        strangers = matches.unknown + len(matches.duplicates)
        if wanted and (found == 0 or (not trusted and found < MIN_SHARE * len(wanted))):
            self.error("AF707", f"only {found} of the {len(wanted)} controls of this tool's form were "
                                "found; the file is not a form made from this audit tool")
        elif not trusted and len(missing) > MAX_STRANGERS * len(wanted):
            self.error("AF707", f"{len(missing)} of the {len(wanted)} controls of this tool's form are "
                                "missing, and the form does not say which tool it was made from; it was "
                                "probably made from another tool or version")
        elif not trusted and strangers > MAX_STRANGERS * max(matches.total, 1):
            self.error("AF707", f"{strangers} of the form's {matches.total} controls are not part of this "
                                "tool's form, and the form does not say which tool it was made from; "
                                "it was probably made from another tool or version")
        return self.has_errors

    def assembled(self, assembled: Assembled) -> None:
        for where in assembled.doubtful:
            self._doubtful(where)
        if assembled.hidden:
            self.warn("AF712", "answers were given to parts that do not apply, judging by the form's other "
                               f"answers; they are kept, and check ignores them: {listed(assembled.hidden)}")

    def _doubtful(self, where: str) -> None:
        self.warn("AF711", "an answer could not be read as the type asked for and was kept as "
                           "written; correct it", "/answers/" + where)


def _fallback_message(how: str, tags: list[str], what: str) -> str:
    one = len(tags) == 1
    lost = f"its {what}" if one else "their " + " and ".join(f"{w}s" for w in what.split(" and "))
    text = f"{controls(len(tags))} had lost {lost} and {'was' if one else 'were'} matched by "
    if how == "title":
        return text + "title (the form was probably saved by LibreOffice)"
    return text + f"place in the form's tables; check the answers of {listed(tags)}"
