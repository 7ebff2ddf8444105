"""Which tool and version a form was made from (its custom document properties)."""

from __future__ import annotations

from lxml import etree  # type: ignore[import-untyped]  # no stubs shipped

from auditforms.extract.report import Report
from auditforms.model.definition import Definition
from auditforms.renderers.docx.naming import PROP_DEFINITION, PROP_VERSION
from auditforms.renderers.docx.page import FIXED_TIME
from auditforms.terminal_safety import printable

_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_DCTERMS = "http://purl.org/dc/terms/"
_CORE = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
#: The user name auditforms itself writes as the form's last author.
_RENDERER = "auditforms"


def properties(custom: etree._Element | None) -> dict[str, str]:
    if custom is None:
        return {}
    out: dict[str, str] = {}
    for prop in custom.iter(f"{{{_CUSTOM}}}property"):
        name = prop.get("name")
        if name and name.startswith("auditforms."):
            out[name] = "".join(prop.itertext()).strip()
    return out


def check_identity(definition: Definition, custom: etree._Element | None, report: Report) -> dict[str, str]:
    """An error when the form names another tool or version; {} when it names none."""
    props = properties(custom)
    tool, version = props.get(PROP_DEFINITION), props.get(PROP_VERSION)
    if tool is not None and tool != definition.id:
        report.error("AF705", f"this form was made from the audit tool '{tool}' (version {version}), "
                              f"not from '{definition.id}'; extract it with that tool's definition")
    elif version is not None and version != definition.version:
        report.error("AF706", f"this form was made from version {version} of '{tool}', but the "
                              f"definition given is version {definition.version}; extract it with "
                              f"the definition of version {version}")
    return props


def saved_at(core: etree._Element | None) -> str | None:
    """When the form was last saved, if a word processor saved it after auditforms made it, as
    a completed audit writes a time (``2026-11-12T10:31:00Z``): a word processor may write a date
    alone, a time without its zone, or nonsense, which the audit's own check would refuse, and
    the auditor could not mend. ``None`` when it cannot be read as a time."""
    from auditforms.moderation.lifecycle import parse_time, utc_stamp

    if core is None:
        return None
    modified = core.find(f"{{{_DCTERMS}}}modified")
    text = (modified.text or "").strip() if modified is not None else ""
    if not text or len(text) > 40 or text.startswith(FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%S")):
        return None
    when = parse_time(text)
    return utc_stamp(when) if when is not None else None


def saved_by(core: etree._Element | None) -> str | None:
    """The word processor's user name at the form's last save (``cp:lastModifiedBy``), when a
    word processor saved it after auditforms made it."""
    if saved_at(core) is None or core is None:
        return None
    author = core.find(f"{{{_CORE}}}lastModifiedBy")
    text = readable_name(author.text or "") if author is not None else ""
    return text if text and text != _RENDERER else None


def readable_name(text: str) -> str:
    """A person's name as a word processor wrote it (a user name, a comment's author), on one
    line and without the characters a terminal is kept from (:func:`printable`): controls and
    bidi overrides, which would make the history and the final copy show another name (U+202E
    shows "evil" as "live"). They are dropped, not escaped: no real name holds them."""
    words = ("".join(char for char in word if printable(char) == char) for word in text.split())
    return " ".join(word for word in words if word)
