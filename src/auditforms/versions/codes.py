"""The versions catalogue (AF93x): stable codes, never renumbered or reused."""

from __future__ import annotations

CATALOGUE: dict[str, str] = {
    # A definition's lineage
    "AF930": "a version mapping names an id, scale or grade this version does not have",
    "AF931": "a version mapping says twice what becomes of one old id",
    "AF932": "a kept older version cannot be loaded, or is not the version its file name says",
    # Reading audits of other versions (check, migrate, report, actions)
    "AF933": "note: the audit was checked against the version it names, kept in history/",
    "AF934": "the version the audit names is not kept; it was read as this version (through the mapping, if any)",
    "AF935": "an answer has no place in the version it is read as, so it is not carried",
    "AF936": "a grade or option has no place in the version it is read as (and no mapping), so it is not carried",
    "AF937": "note: merged or split answers to review after carrying",
    "AF938": "note: the audit was carried from its version to another before checking",
    "AF939": "an audit could not be carried (not an audit of this tool, or unreadable); nothing was written for it",
    "AF940": "note: the audit is already the version it would be carried to; nothing was written for it",
}
