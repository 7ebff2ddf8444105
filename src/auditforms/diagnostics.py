"""Diagnostics are data: every problem auditforms reports is a :class:`Diagnostic`.

Validation collects diagnostics and never raises; the CLI formats them, one per line, as
``FILE:LINE:COL: error[AF204] message (/json/pointer)``. Codes are stable and never
reused; :data:`CATALOGUE` is the single list of them and ``docs/diagnostics.md`` is
checked against it.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field

from auditforms.terminal_safety import printable


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"
    #: Neither a problem nor advice: what was done, e.g. which version an audit was read as.
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem, located as precisely as we can.

    ``line`` and ``col`` are 1-based; 0 means "not known" (e.g. a file that cannot be read).
    ``pointer`` is the JSON pointer of the offending node in the document it came from.
    """

    code: str
    message: str
    file: str = ""
    line: int = 0
    col: int = 0
    pointer: str | None = None
    severity: Severity = Severity.ERROR
    extra: tuple[tuple[str, str], ...] = field(default=())

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def located(self, file: str, line: int, col: int) -> Diagnostic:
        """The same diagnostic at a place; built directly, where ``dataclasses.replace`` would
        look up every field by name (a batch locates a finding in nearly every audit)."""
        return Diagnostic(self.code, self.message, file, line, col, self.pointer, self.severity, self.extra)

    def format(self) -> str:
        """The one-line text form a person reads; nothing from input can break the line."""
        where = self.file or "<input>"
        if self.line:
            where = f"{where}:{self.line}:{self.col}"
        text = f"{where}: {self.severity}[{self.code}] {self.message}"
        if self.pointer:
            text += f" ({self.pointer})"
        return printable(text)

    def to_json(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "file": self.file,
            "line": self.line,
            "col": self.col,
            "pointer": self.pointer,
        }


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def sort_key(d: Diagnostic) -> tuple[str, int, int, str]:
    return (d.file, d.line, d.col, d.code)


# The catalogue: code -> one-line summary. Add, never renumber or reuse.
CATALOGUE: dict[str, str] = {
    # AF1xx: reading the file
    "AF101": "the file cannot be read (missing, or permission denied)",
    "AF102": "the file is larger than the size limit",
    "AF103": "the file is not UTF-8 text (binary, or another encoding)",
    "AF104": "the file is empty",
    "AF105": "the YAML or JSON is malformed",
    "AF106": "a mapping has the same key twice",
    "AF107": "the document uses too many aliases or nests too deeply (a YAML 'alias bomb')",
    "AF108": "the document holds a YAML tag or value auditforms does not accept (e.g. an infinite or too large number)",
    "AF109": "the path is not a regular file (a folder, a pipe or a device)",
    "AF110": "the text holds an invalid character (a lone surrogate)",
    "AF111": "unquoted text inside { } or [ ] holds '?', which only libyaml reads (a warning: quote it)",
    # AF12x: writing what a command makes
    "AF120": "the output already exists (choose another name, or pass --force to replace it)",
    "AF121": "the output cannot be written there (a folder, a device or pipe, a read-only folder, a full disk)",
    # AF2xx: the definition language's JSON Schema
    "AF201": "a key is not part of the definition language",
    "AF202": "a required key is missing",
    "AF203": "a value has the wrong type",
    "AF204": "a value is not one of the allowed values",
    "AF205": "a value does not have the required form (pattern, format or length)",
    "AF206": "a number or list is outside its allowed range",
    "AF207": "a node matches none of the allowed shapes",
    # AF3xx: semantic checks on a definition
    "AF301": "an id is used twice",
    "AF302": "a reference to a scale does not resolve",
    "AF303": "a reference to a field, question or table does not resolve",
    "AF304": "a condition compares a field with a value it can never hold",
    "AF305": "a reference to a statement of good does not resolve",
    "AF306": "a rule refers to a part of a question or row that does not exist",
    "AF307": "a scale is unusable (duplicate option ids, or no options)",
    "AF308": "a role is given to more than one field",
    "AF309": "a condition depends on itself or on a field that comes later in a way that can never be shown",
    "AF310": "a version is not a semantic version",
    "AF311": "a table's row limits contradict each other",
    "AF312": "a tag is not declared under the tool's tags",
    "AF313": "a moderator's checklist item applies to no question, section or table of the tool",
    "AF320": "an action plan's roles are misplaced, repeated, of the wrong type, or lack the action",
    "AF340": "completed_by or a companion names a party the tool does not declare, or one that completes nothing",
    "AF341": "an audit of a document lacks a field for the document's id or date, or a child's audit has one",
    "AF342": "a field with the role audit_type does not match the tool's audit types",
    "AF343": "a tool that is never moderated has a field for the moderator, a checklist or a deadline",
    "AF344": "a stratified sample does not say what its strata are",
    # AF4xx: composition with extends
    "AF401": "the tool named by extends cannot be found on the definition search path",
    "AF402": "extends forms a cycle",
    "AF403": "a change names an id that does not exist in the tool being extended",
    "AF404": "a change would add an id that already exists",
    "AF405": "extends names a file outside the definition search path",
    "AF406": "a reference document cannot be found or is invalid",
    "AF407": "extends chains are nested too deeply",
    "AF408": "a change puts a section among items, or an item among sections",
    "AF409": "a customisation gives sections:, which replaces every section of the tool it extends (a warning)",
    "AF410": "a customisation removes or leaves out a part that a rule of the tool it extends still names",
    "AF430": "an abstract base is used as a tool (rendered, sampled or filled in) instead of extended",
    "AF431": "a scale library cannot be found on the definition search path",
    "AF432": "a scale id is given by two scale libraries, or by a library and the tool",
    "AF433": "a change appends to a key that is not Markdown",
    "AF434": "a change would rename a scale or grade",
    "AF435": "a companion tool cannot be found on the definition search path",
    # AF5xx: usage
    "AF501": "an option or argument given on the command line is invalid",
}


#: Modules holding the other families' catalogues: check (AF6xx), Word extract (AF7xx),
#: dip sample (AF8xx). Imported only when the whole list is wanted.
_FAMILY_CATALOGUES = (
    "auditforms.results.codes",
    "auditforms.extract.codes",
    "auditforms.sampling.codes",
    "auditforms.actions.codes",
    "auditforms.collation.codes",
    "auditforms.service.codes",
    "auditforms.versions.codes",
)


def all_codes() -> dict[str, str]:
    """Every diagnostic code auditforms can report, with its summary, in code order."""
    import importlib

    codes = dict(CATALOGUE)
    for name in _FAMILY_CATALOGUES:
        family: dict[str, str] = importlib.import_module(name).CATALOGUE
        clashes = codes.keys() & family.keys()
        if clashes:
            raise RuntimeError(f"diagnostic codes defined twice: {sorted(clashes)}")
        codes.update(family)
    return dict(sorted(codes.items()))


def codes_markdown() -> str:
    """The table of ``docs/diagnostics.md``."""
    rows = ["| code | meaning |", "|---|---|"]
    for code, summary in all_codes().items():
        escaped = summary.replace("|", "\\|")
        rows.append(f"| `{code}` | {escaped} |")
    return "\n".join(rows) + "\n"
