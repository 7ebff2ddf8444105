"""``auditforms.yaml``: the service folder's one settings file, read into a typed model.

The same pipeline as a definition, so a lead auditor meets the same messages: bytes ->
text (size, encoding) -> located YAML (duplicate keys, aliases) -> the JSON Schema in
``schemas/settings.schema.json`` (every error at its ``FILE:LINE:COL``, with "did you
mean …?") -> :class:`Settings`. Pure: it takes bytes and a file name. Paths stay as
written, relative to the settings file's folder; :meth:`Settings.path` resolves them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditforms.diagnostics import Diagnostic
from auditforms.service.codes import error

FILENAME = "auditforms.yaml"
SCHEMA = "settings.schema.json"
DEFAULT_FORMATS = ("html", "docx")
DEFAULT_DEFINITIONS = "definitions"
DEFAULT_MODERATION_DAYS = 7


@dataclass(frozen=True)
class Settings:
    """What ``auditforms.yaml`` says, with defaults filled in. ``folder`` is where it lives."""

    folder: Path
    service: str
    dip_sample_tools: tuple[str, ...]
    case_list: str
    auditors: str
    full_audit_tool: str | None = None
    marking: str | None = None
    definitions: str = DEFAULT_DEFINITIONS
    case_columns: Mapping[str, str] = field(default_factory=dict)
    teams: str | None = None
    history_before: str | None = None
    sample_size: int | None = None
    lookback_months: int | None = None
    stratify: str | None = None
    formats: tuple[str, ...] = DEFAULT_FORMATS
    moderation_days: int = DEFAULT_MODERATION_DAYS
    report_day: int | None = None
    targets: Mapping[str, float] = field(default_factory=dict)
    file: str = FILENAME
    #: JSON pointer -> (line, col) of the values a later check may need to point at.
    positions: Mapping[str, tuple[int, int]] = field(default_factory=dict)

    def at(self, pointer: str) -> tuple[str, int, int]:
        """``(file, line, col)`` of the setting at ``pointer``, for a located message."""
        line, col = self.positions.get(pointer, (0, 0))
        return self.file, line, col

    def path(self, relative: str) -> Path:
        """A path named in the settings, from the settings file's folder."""
        return self.folder / relative

    @property
    def dip_sample_tool(self) -> str:
        return self.dip_sample_tools[0]


def parse_settings(data: bytes, filename: str, folder: Path) -> tuple[Settings | None, list[Diagnostic]]:
    """The settings in ``data``, or ``None`` and every problem found, located."""
    from auditforms.language.schema import validate_against
    from auditforms.source import parse_yaml, read_text

    text, problem = read_text(data, filename)
    if problem is not None or text is None:
        return None, [problem] if problem else []
    parsed = parse_yaml(text, filename)
    if parsed.diagnostics:
        return None, parsed.diagnostics
    if not isinstance(parsed.data, dict):
        return None, [error("AF971", "the settings file is a mapping of settings (service:, tools:, "
                            "case_list:, …), not a list or a single value", filename, 1, 1, "")]
    problems = validate_against(parsed.data, filename, SCHEMA)
    if problems:
        return None, problems
    return from_data(parsed.data, folder, filename, _positions(parsed.data)), []


#: Settings that name a file, folder or tool: a later problem with one is shown at its line.
LOCATED = ("/case_list/file", "/auditors", "/teams", "/history/before_auditforms", "/definitions",
           "/tools/full_audit")


def _positions(tree: Any) -> dict[str, tuple[int, int]]:
    from auditforms.source.located import locate

    columns = (tree.get("case_list") or {}).get("columns") or {}
    tools = (tree.get("tools") or {}).get("dip_sample") or []
    pointers = [*LOCATED, *(f"/case_list/columns/{k}" for k in columns),
                *(f"/tools/dip_sample/{i}" for i in range(len(tools)))]
    found = {}
    for pointer in pointers:
        position = locate(tree, pointer)
        if position is not None:
            found[pointer] = (position.line, position.col)
    return found


def from_data(data: Mapping[str, Any], folder: Path, file: str = FILENAME,
              positions: Mapping[str, tuple[int, int]] | None = None) -> Settings:
    """A :class:`Settings` from data that already passed the schema."""
    tools, cases = data["tools"], data["case_list"]
    sample, deadlines = data.get("sample") or {}, data.get("deadlines") or {}
    return Settings(
        folder=folder, service=data["service"], dip_sample_tools=tuple(tools["dip_sample"]),
        case_list=cases["file"], auditors=data["auditors"], full_audit_tool=tools.get("full_audit"),
        marking=data.get("marking"), definitions=data.get("definitions", DEFAULT_DEFINITIONS),
        case_columns=dict(cases.get("columns") or {}), teams=data.get("teams"),
        history_before=(data.get("history") or {}).get("before_auditforms"),
        sample_size=sample.get("size"), lookback_months=sample.get("lookback_months"),
        stratify=sample.get("stratify"), formats=tuple(sample.get("formats", DEFAULT_FORMATS)),
        moderation_days=deadlines.get("moderation_days", DEFAULT_MODERATION_DAYS),
        report_day=deadlines.get("report_day"), targets=dict(data.get("targets") or {}),
        file=file, positions=dict(positions or {}),
    )
