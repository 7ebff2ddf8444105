"""Turning a file's bytes into text, refusing what is not a text file we can handle."""

from __future__ import annotations

from dataclasses import dataclass

from auditforms.diagnostics import Diagnostic
from auditforms.source.files import human_size


@dataclass(frozen=True, slots=True)
class ReadLimits:
    """Caps that keep a hostile or mistaken input from hanging or exhausting the machine."""

    max_bytes: int = 2 * 1024 * 1024
    max_nodes: int = 200_000
    max_depth: int = 64


DEFAULT_LIMITS = ReadLimits()


def read_text(data: bytes, filename: str, limits: ReadLimits = DEFAULT_LIMITS) -> tuple[str | None, Diagnostic | None]:
    """Decode ``data`` as UTF-8 text, or explain in one diagnostic why it is not usable."""
    if len(data) > limits.max_bytes:
        size = human_size(len(data))
        cap = human_size(limits.max_bytes)
        return None, Diagnostic("AF102", f"the file is {size}, over the {cap} limit", file=filename)
    if b"\x00" in data:
        return None, Diagnostic("AF103", "this is a binary file, not YAML or JSON text", file=filename)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic(
            "AF103",
            "the file is not UTF-8 text; save it as UTF-8 (in Notepad: Save As, Encoding UTF-8)",
            file=filename,
            line=line,
            col=col,
        )
    if not text.strip():
        return None, Diagnostic("AF104", "the file is empty", file=filename)
    return text, None
